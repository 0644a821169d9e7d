// The desktop reminders' loop (Electron-free part) against real handlers and SQLite.
import { describe, expect, it } from 'vitest';
import { showDueRemindersOnce } from '../../electron/reminder-loop';
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
});
