import { describe, expect, it } from 'vitest';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices } from './helpers';

async function withPrograms(n = 3, now?: () => Date) {
  const t = openTestServices(undefined, now);
  await t.call('profile.save', seedExampleProfile());
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const saved = await t.call('institutions.save', { institution: institution({ name: `Hospital ${i}` }), tracks: [track('preliminary', { nrmpCode: `${1000 + i}440P0` })] });
    ids.push(saved.programs[0]!.id);
  }
  return { ...t, ids };
}

describe('applications', () => {
  it('opens one application per program, records the first event and puts the program on the list', async () => {
    const { call, ids } = await withPrograms(2);
    const r = await call('applications.create', { programIds: ids, date: '2026-09-01' });
    expect(r.created.map((a) => [a.programId, a.status, a.statusDate, a.submittedOn])).toEqual([
      [ids[0], 'considering', '2026-09-01', null],
      [ids[1], 'considering', '2026-09-01', null],
    ]);
    const again = await call('applications.create', { programIds: [ids[0]!], date: '2026-09-02' });
    expect(again).toEqual({ created: [], alreadyApplied: [ids[0]] });
    expect((await call('applications.list')).length).toBe(2);
    const programs = await call('programs.list');
    expect(programs.filter((p) => p.onList).map((p) => p.id).sort()).toEqual([...ids].sort());
    const history = await call('applications.history', { id: r.created[0]!.id });
    expect(history.map((e) => [e.fromStatus, e.status, e.date])).toEqual([[null, 'considering', '2026-09-01']]);
  });

  it('moves many applications at once and keeps every change as a dated history event', async () => {
    const { call, ids } = await withPrograms(3);
    const { created } = await call('applications.create', { programIds: ids, date: '2026-09-01' });
    const appIds = created.map((a) => a.id);
    await call('applications.setStatus', { ids: appIds, status: 'submitted', date: '2026-09-24', note: 'Day one' });
    const moved = await call('applications.setStatus', { ids: [appIds[0]!], status: 'interview_invited', date: '2026-10-15' });
    expect(moved[0]!.status).toBe('interview_invited');
    expect(moved[0]!.submittedOn).toBe('2026-09-24');
    const history = await call('applications.history', { id: appIds[0]! });
    expect(history.map((e) => [e.fromStatus, e.status, e.date, e.note])).toEqual([
      [null, 'considering', '2026-09-01', ''],
      ['considering', 'submitted', '2026-09-24', 'Day one'],
      ['submitted', 'interview_invited', '2026-10-15', ''],
    ]);
  });

  it('refuses a Match result for an application that was not ranked, naming the program, and changes nothing', async () => {
    // The Match is in March: the clock is then, so the dates are not in the future.
    const { call, raw, db, ids } = await withPrograms(2, () => new Date('2027-03-25T12:00:00Z'));
    const { created } = await call('applications.create', { programIds: ids, date: '2026-09-01' });
    await call('applications.setStatus', { ids: [created[0]!.id], status: 'ranked', date: '2027-02-20' });
    const before = dumpDb(db);
    const r = await raw('applications.setStatus', { ids: created.map((a) => a.id), status: 'matched', date: '2027-03-20' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('conflict');
      expect(r.error.message).toMatch(/Hospital 1 \(Preliminary\).*Only a ranked program/);
    }
    expect(dumpDb(db)).toEqual(before);
  });

  it('refuses a status dated before the last change, naming the program, all or none', async () => {
    const { call, raw, db, ids } = await withPrograms(2);
    const { created } = await call('applications.create', { programIds: ids, date: '2026-09-01' });
    await call('applications.setStatus', { ids: [created[1]!.id], status: 'submitted', date: '2026-10-10' });
    const before = dumpDb(db);
    const r = await raw('applications.setStatus', { ids: created.map((a) => a.id), status: 'under_review', date: '2026-10-05' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('conflict');
      expect(r.error.message).toBe('Hospital 1 (Preliminary): The last change was on 2026-10-10; choose that day or later.');
    }
    expect(dumpDb(db)).toEqual(before);
    // The same day as the last change is fine.
    const moved = await call('applications.setStatus', { ids: created.map((a) => a.id), status: 'under_review', date: '2026-10-10' });
    expect(moved.map((a) => [a.status, a.statusDate])).toEqual([['under_review', '2026-10-10'], ['under_review', '2026-10-10']]);
  });

  it('back-fills: an application only opened today can be submitted on an earlier day (the opening moves back with it); one with a later step cannot', async () => {
    const { call, raw, ids } = await withPrograms(2);
    // Opened today (2026-11-25) from the Programs screen, then recorded as submitted in September.
    const { created } = await call('applications.create', { programIds: ids, date: '2026-11-25' });
    const [moved] = await call('applications.setStatus', { ids: [created[0]!.id], status: 'submitted', date: '2026-09-10' });
    expect([moved!.status, moved!.statusDate, moved!.submittedOn]).toEqual(['submitted', '2026-09-10', '2026-09-10']);
    expect((await call('applications.history', { id: created[0]!.id })).map((e) => [e.status, e.date])).toEqual([
      ['considering', '2026-09-10'],
      ['submitted', '2026-09-10'],
    ]);
    // Once it has a step after the opening, that step's day holds: an earlier day is refused.
    await call('applications.setStatus', { ids: [created[1]!.id], status: 'materials_ready', date: '2026-11-25' });
    const r = await raw('applications.setStatus', { ids: [created[1]!.id], status: 'submitted', date: '2026-09-10' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('The last change was on 2026-11-25') } });
  });

  it('refuses a status or a new application dated after today, writing nothing', async () => {
    const { call, raw, db, ids } = await withPrograms(2);
    const { created } = await call('applications.create', { programIds: [ids[0]!], date: '2026-09-01' });
    const before = dumpDb(db);
    const message = '2031-05-05 is after today (2026-11-25); a status records what has happened, so give today or an earlier day.';
    const moved = await raw('applications.setStatus', { ids: [created[0]!.id], status: 'submitted', date: '2031-05-05' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'invalid_input', message } });
    const opened = await raw('applications.create', { programIds: [ids[1]!], date: '2031-05-05' });
    expect(opened).toMatchObject({ ok: false, error: { code: 'invalid_input', message } });
    expect(dumpDb(db)).toEqual(before);
    // Today itself is fine.
    expect((await call('applications.setStatus', { ids: [created[0]!.id], status: 'submitted', date: '2026-11-25' }))[0]!.statusDate).toBe('2026-11-25');
  });

  it('refuses unknown programs and applications without writing', async () => {
    const { call, raw, db, ids } = await withPrograms(1);
    const before = dumpDb(db);
    const r = await raw('applications.create', { programIds: [ids[0], 999], date: '2026-09-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_found');
    expect(dumpDb(db)).toEqual(before);
    const s = await raw('applications.setStatus', { ids: [42], status: 'submitted', date: '2026-09-01' });
    expect(s.ok).toBe(false);
    await call('applications.create', { programIds: ids, date: '2026-09-01' });
  });

  it('deletes an application with its history when its program is deleted', async () => {
    const { call, db, ids } = await withPrograms(1);
    await call('applications.create', { programIds: ids, date: '2026-09-01' });
    await call('programs.delete', { id: ids[0]! });
    expect(await call('applications.list')).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM application_event').pluck().get()).toBe(0);
  });

  it('updates notes and deletes', async () => {
    const { call, ids } = await withPrograms(1);
    const { created } = await call('applications.create', { programIds: ids, date: '2026-09-01' });
    const updated = await call('applications.update', { id: created[0]!.id, notes: 'PD replied' });
    expect(updated.notes).toBe('PD replied');
    await call('applications.delete', { id: created[0]!.id });
    expect(await call('applications.list')).toEqual([]);
  });
});
