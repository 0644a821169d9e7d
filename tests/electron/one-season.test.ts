// Issue 13 on real SQLite files: reply-by dates reach Deadlines and reminders, the .ics
// carries interviews as they are and cancels what disappeared. Each test failed before its fix.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { institution, track } from '../fixtures';
import { openTestServices } from './helpers';

const NOW = new Date('2026-10-23T14:00:00Z');

async function setup() {
  const t = openTestServices(undefined, () => NOW);
  await t.call('calendar.saveSettings', { timeZone: 'America/New_York', remindersEnabled: true, reminderDays: 3 });
  const saved = await t.call('institutions.save', { institution: institution({ name: 'Mercy' }), tracks: [track('preliminary', { nrmpCode: '1007440P0' })] });
  const programId = saved.programs[0]!.id;
  const { created } = await t.call('applications.create', { programIds: [programId], date: '2026-09-02' });
  await t.call('applications.setStatus', { ids: [created[0]!.id], status: 'submitted', date: '2026-09-03' });
  return { ...t, applicationId: created[0]!.id };
}

const parse = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('interview reply-by dates', () => {
  it('appear in Deadlines and reminders, flagged when the program gives less than 48 hours, and are done once scheduled', async () => {
    const { call, applicationId } = await setup();
    const { interview } = await call('interviews.save', { applicationId, invitedOn: '2026-10-22', respondBy: '2026-10-23', date: '2026-10-23' });
    const agenda = await call('calendar.agenda', { windowDays: 30 });
    const reply = agenda.all.find((e) => e.key === `reply-by:${interview.id}`);
    expect(reply).toMatchObject({ kind: 'reply_by', state: 'today', title: 'Reply to the interview invitation: Mercy (Preliminary)' });
    expect(reply?.detail).toMatch(/less than 48 hours/);
    expect((await call('reminders.due')).map((r) => r.key)).toContain(`reply-by:${interview.id}`);
    await call('interviews.save', { id: interview.id, applicationId, invitedOn: '2026-10-22', respondBy: '2026-10-23', localStart: '2026-11-10T09:00', timeZone: 'America/Chicago', date: '2026-10-23' });
    const after = await call('calendar.agenda', { windowDays: 30 });
    expect(after.all.find((e) => e.key === `reply-by:${interview.id}`)?.state).toBe('done');
  });
});

describe('.ics export', () => {
  it('an interview keeps its length, BUSY and link; once deleted it is exported as CANCELLED with a higher sequence', async () => {
    const { call, applicationId } = await setup();
    const { interview } = await call('interviews.save', { applicationId, invitedOn: '2026-10-22', localStart: '2026-11-10T09:00', timeZone: 'America/Chicago', durationMinutes: 300, location: 'https://zoom.us/j/42', date: '2026-10-23' });
    const uid = `interview:${interview.id}@prelim-tracker.local`;
    const first = await call('calendar.exportIcs');
    const event = parse(first.content).find((e) => e.uid === uid)!;
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(300 * 60_000);
    expect(first.content).toContain('X-MICROSOFT-CDO-BUSYSTATUS:BUSY');
    expect(first.content).toContain('URL:https://zoom.us/j/42');
    expect(first.content).not.toContain('VTIMEZONE');
    await call('interviews.delete', { id: interview.id });
    const second = await call('calendar.exportIcs');
    const gone = parse(second.content).find((e) => e.uid === uid)!;
    expect(gone.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(gone.sequence).toBeGreaterThan(event.sequence);
    // Said once: the next export does not repeat it.
    expect(parse((await call('calendar.exportIcs')).content).some((e) => e.uid === uid)).toBe(false);
  });
});

describe('migration v10 -> v11', () => {
  it('keeps the recorded sequences; old rows have no start, so they are never cancelled', async () => {
    const path = await import('node:path');
    const { openDatabase, schemaVersion } = await import('../../electron/db/open');
    const { MIGRATIONS } = await import('../../electron/db/migrations');
    const { tempDir } = await import('./helpers');
    const file = path.join(tempDir(), 'v10.db');
    const v8 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 10) });
    v8.exec(`INSERT INTO ics_export (uid, content_hash, sequence, exported_at) VALUES ('deadline:1@prelim-tracker.local', 'abc', 7, 'x')`);
    v8.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 11) });
    try {
      expect(schemaVersion(db)).toBe(11);
      expect(db.prepare('SELECT sequence, title, start, cancelled FROM ics_export').get()).toEqual({ sequence: 7, title: '', start: '', cancelled: 0 });
      expect(() => db.prepare(`UPDATE ics_export SET cancelled = 2`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});

describe('bulk status change', () => {
  it('names every application that cannot move, not just the first, and changes none', async () => {
    const t = openTestServices(undefined, () => NOW);
    const ids: number[] = [];
    for (const [name, code] of [['Alpha', '1001440P0'], ['Bravo', '1002440P0'], ['Charlie', '1003440P0']] as const) {
      const saved = await t.call('institutions.save', { institution: institution({ name }), tracks: [track('preliminary', { nrmpCode: code })] });
      ids.push(saved.programs[0]!.id);
    }
    const { created } = await t.call('applications.create', { programIds: ids, date: '2026-09-02' });
    const r = await t.raw('applications.setStatus', { ids: created.map((a) => a.id), status: 'matched', date: '2026-10-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/3 applications could not move/);
      for (const name of ['Alpha', 'Bravo', 'Charlie']) expect(r.error.message).toContain(`${name} (Preliminary)`);
    }
    expect((await t.call('applications.list')).every((a) => a.status === 'considering')).toBe(true);
  });
});
