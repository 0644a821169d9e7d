// The desktop reminders' loop (Electron-free part) against real handlers and SQLite.
import { describe, expect, it } from 'vitest';
import { localeReminderFormat, showDueRemindersOnce } from '../../electron/reminder-loop';
import type { ReminderNotice } from '../../shared/engine/agenda';
import { institution, track } from '../fixtures';
import { openTestServices } from './helpers';

async function withDeadlines(n: number) {
  const t = openTestServices(undefined, () => new Date('2026-09-20T14:00:00Z'));
  await t.call('calendar.saveSettings', { timeZone: 'America/New_York', remindersEnabled: true, reminderDays: 3 });
  const saved = await t.call('institutions.save', { institution: institution({ name: 'Mercy' }), tracks: [track('preliminary')] });
  for (let i = 0; i < n; i++) await t.call('deadlines.save', { programId: saved.programs[0]!.id, title: `Form ${i + 1}`, dueDate: '2026-09-21' });
  return t;
}

describe('desktop reminder loop', () => {
  it('shows what is due once, records it, and shows nothing more that day', async () => {
    const { services } = await withDeadlines(1);
    const shown: ReminderNotice[] = [];
    const opts = { dispatch: services.dispatch, notify: (n: ReminderNotice) => shown.push(n) };
    expect(await showDueRemindersOnce(opts)).toBeGreaterThan(0);
    expect(shown.map((n) => [n.title, n.body])).toContainEqual(['Form 1: Mercy (Preliminary)', 'Due tomorrow']);
    const count = shown.length;
    expect(await showDueRemindersOnce(opts)).toBe(0);
    expect(shown.length).toBe(count);
  });

  it('groups a busy day into at most three notifications', async () => {
    const { services } = await withDeadlines(6);
    const shown: ReminderNotice[] = [];
    const covered = await showDueRemindersOnce({ dispatch: services.dispatch, notify: (n) => shown.push(n) });
    expect(covered).toBeGreaterThanOrEqual(6);
    expect(shown.length).toBe(3);
    expect(shown[2]!.title).toMatch(/^\d+ more items due soon$/);
  });

  it('marks nothing shown when the system cannot notify', async () => {
    const { services, call } = await withDeadlines(1);
    expect(await showDueRemindersOnce({ dispatch: services.dispatch, notify: () => undefined, canNotify: () => false })).toBe(0);
    expect((await call('reminders.due')).length).toBeGreaterThan(0);
  });

  it('writes days and times in the locale it is given (the app\'s), never as stored: an overdue item and a timed one', async () => {
    const t = openTestServices(undefined, () => new Date('2026-09-20T14:00:00Z'));
    await t.call('calendar.saveSettings', { timeZone: 'America/New_York', remindersEnabled: true, reminderDays: 3 });
    const saved = await t.call('institutions.save', { institution: institution({ name: 'Mercy' }), tracks: [track('preliminary')] });
    await t.call('deadlines.save', { programId: saved.programs[0]!.id, title: 'Form', dueDate: '2026-09-01' });
    const notices = (locale: string) => {
      const shown: ReminderNotice[] = [];
      return { shown, opts: { dispatch: t.services.dispatch, notify: (n: ReminderNotice) => shown.push(n), format: localeReminderFormat(locale) } };
    };
    const us = notices('en-US');
    await showDueRemindersOnce(us.opts);
    expect(us.shown.find((n) => n.title.startsWith('Form'))!.body).toBe('Overdue since Sep 1, 2026');
    // In German, and a timed item's Eastern time.
    const german = localeReminderFormat('de-DE');
    expect(german.date('2026-09-01')).toBe('1. Sept. 2026');
    expect(german.easternTime('2027-03-04T02:00:00.000Z')).toMatch(/^21:00 (GMT-5|EST)$/);
    expect(localeReminderFormat('en-US').easternTime('2027-03-04T02:00:00.000Z')).toBe('9:00 PM EST');
    // An unknown locale name falls back to this computer's, never throws.
    expect(() => localeReminderFormat('xx-not-a-locale-!!').date('2026-09-01')).not.toThrow();
  });
});
