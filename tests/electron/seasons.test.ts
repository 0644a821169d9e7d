// Match seasons on real SQLite files: starting the next season carries exactly what it says
// (profile, programs with notes and tiers, writers and letters, documents, date corrections
// per season) and leaves the rest in the old season, which stays readable, unchanged and
// read-only; undo works until the first change; a past season survives export and restart.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices, tempDir } from './helpers';
import { SEASON_TABLES } from '../../electron/db/repos/seasons-repo';
import { openServices } from '../../electron/services';

const NOW = new Date('2027-04-02T12:00:00Z');

async function populate(t: ReturnType<typeof openTestServices>) {
  const { call } = t;
  await call('profile.save', seedExampleProfile());
  const alpha = await call('institutions.save', {
    institution: institution({ name: 'Alpha Community Hospital', notes: 'PD answers emails' }),
    tracks: [track('preliminary', { nrmpCode: '1001440P0', notes: 'Prelim notes' }), track('categorical', { nrmpCode: '1001440C0' })],
  });
  const bravo = await call('institutions.save', { institution: institution({ name: 'Bravo Regional', state: 'PA' }), tracks: [track('preliminary', { nrmpCode: '1002440P0' })] });
  const [alphaPrelim, alphaCat] = alpha.programs.map((p) => p.id) as [number, number];
  const bravoPrelim = bravo.programs[0]!.id;
  await call('tiers.override', { programId: alphaCat, outcome: 'tier1', note: 'PD knows my mentor' });
  const { created } = await call('applications.create', { programIds: [alphaPrelim, bravoPrelim], date: '2026-09-01' });
  const [appA] = created.map((a) => a.id) as [number, number];
  const uploaded = await call('writers.save', { name: 'Dr. Jane Smith', location: 'us', isSurgeon: true });
  const l1 = await call('letters.save', { writerId: uploaded.id });
  for (const stage of ['asked', 'agreed', 'strong_confirmed', 'uploaded'] as const) await call('letters.setStage', { id: l1.id, stage, date: '2026-08-01' });
  const asked = await call('writers.save', { name: 'Dr. Omar Farouk', location: 'home', isSurgeon: true });
  const l2 = await call('letters.save', { writerId: asked.id });
  await call('letters.setStage', { id: l2.id, stage: 'asked', date: '2026-08-01' });
  await call('letters.assign', { applicationId: appA, letterId: l1.id, assigned: true, date: '2026-08-21' });
  const ps = await call('documents.save', { kind: 'personal_statement_prelim', title: 'PS prelim', versionLabel: 'v2', date: '2026-07-01', body: 'I want to be a surgeon.' });
  await call('documents.assign', { applicationIds: [appA], documentId: ps.id, date: '2026-08-01' });
  await call('applications.setStatus', { ids: [appA], status: 'submitted', date: '2026-09-24', note: 'ERAS day one' });
  await call('interviews.save', { applicationId: appA, date: '2026-10-14', invitedOn: '2026-10-14', respondBy: '2026-10-16', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', platform: 'thalamus', completed: true, score: 8, impressions: 'Friendly' });
  await call('rankList.save', { applicationIds: [appA], date: '2026-11-20' });
  await call('applications.setStatus', { ids: [appA], status: 'matched', date: '2027-03-19', note: 'Matched!' });
  await call('calendar.correct', { eventId: 'rol-deadline', date: '2027-03-04', time: '21:00', note: 'NRMP published it' });
  await call('deadlines.save', { programId: bravoPrelim, title: 'Supplemental form', dueDate: '2026-11-26' });
  await call('readiness.tick', { itemId: 'eras.cv-ordered', done: true });
  return { alphaPrelim, alphaCat, bravoPrelim };
}

function rows(db: ReturnType<typeof openTestServices>['db'], tables: readonly string[]): Record<string, unknown[]> {
  const d = dumpDb(db);
  return Object.fromEntries(tables.filter((t) => t in d).map((t) => [t, d[t] ?? []]));
}

describe('seasons', () => {
  it('a new database has the 2027 Match active, and every table is classified for the next season', async () => {
    const t = openTestServices();
    const o = await t.call('seasons.overview');
    expect(o.active).toMatchObject({ matchYear: 2027, label: '2027 Match', status: 'active', carriedFrom: null });
    expect(o.undoable).toBe(false);
    const classified = new Set<string>([...SEASON_TABLES.carry, ...SEASON_TABLES.stay, ...SEASON_TABLES.bookkeeping]);
    const tables = Object.keys(dumpDb(t.db));
    expect(tables.filter((n) => !classified.has(n))).toEqual([]);
  });

  it('start the next season: carries exactly what it says; the old season is unchanged and read-only', async () => {
    const t = openTestServices(undefined, () => NOW);
    const ids = await populate(t);
    const viewBefore = await t.call('seasons.view', { matchYear: 2027 });
    expect(viewBefore.outcome).toMatchObject({ result: 'matched_preliminary', via: 'match', programLabel: 'Alpha Community Hospital (Preliminary)', applications: 2, submitted: 1, ranked: 1, interviews: 1 });
    const carriedBefore = rows(t.db, SEASON_TABLES.carry);
    const staying = rows(t.db, SEASON_TABLES.stay);

    const beforePreview = dumpDb(t.db);
    const preview = await t.call('seasons.preview');
    expect(dumpDb(t.db)).toEqual(beforePreview);
    expect(preview).toMatchObject({ from: 2027, to: 2028 });
    expect(preview.carries.map((c) => c.label)).toEqual(expect.arrayContaining(['Profile and exam results', 'Programs', 'Letter writers', 'Letters', 'Documents', 'Tier overrides']));
    expect(preview.stays.find((s) => s.label === 'Applications')!.count).toBe(2);
    expect(preview.carries.find((c) => c.label === 'Letters')!.detail).toMatch(/^1 uploaded, to import in MyERAS/);

    const o = await t.call('seasons.startNext', { from: 2027 });
    expect(o.active).toMatchObject({ matchYear: 2028, carriedFrom: 2027, startedAt: NOW.toISOString() });
    expect(o.seasons.map((s) => [s.matchYear, s.status])).toEqual([[2028, 'active'], [2027, 'past']]);
    expect(o.seasons[1]!.outcome!.summary).toBe('Matched to Alpha Community Hospital (Preliminary).');
    expect(o.undoable).toBe(true);

    // Carried: every carried table holds the same rows, except letters now marked importable.
    const carriedAfter = rows(t.db, SEASON_TABLES.carry);
    expect({ ...carriedAfter, letter: null }).toEqual({ ...carriedBefore, letter: null });
    const letters = await t.call('letters.list');
    expect(letters.map((l) => [l.stage, l.carriedFrom])).toEqual([['uploaded', 2027], ['asked', null]]);
    expect((await t.call('writers.list')).map((w) => w.name).sort()).toEqual(['Dr. Jane Smith', 'Dr. Omar Farouk']);
    expect((await t.call('documents.list')).map((d) => d.title)).toEqual(['PS prelim']);
    const programs = await t.call('programs.list');
    expect(programs.find((p) => p.id === ids.alphaPrelim)!.notes).toBe('Prelim notes');
    expect(programs.find((p) => p.id === ids.alphaPrelim)!.institution.notes).toBe('PD answers emails');
    expect((await t.call('profile.get')).profile.fullName).toBe(seedExampleProfile().fullName);
    expect(programs.find((p) => p.id === ids.alphaCat)!.override).toMatchObject({ outcome: 'tier1', note: 'PD knows my mentor' });

    // Stays: nothing of the season's own rows is left in the live tables.
    expect(await t.call('applications.list')).toEqual([]);
    expect(await t.call('interviews.list')).toEqual([]);
    expect((await t.call('rankList.get')).applicationIds).toEqual([]);
    expect(await t.call('letters.assignments')).toEqual([]);
    expect(await t.call('documents.assignments')).toEqual([]);
    expect(await t.call('deadlines.list')).toEqual([]);
    for (const [table, before] of Object.entries(rows(t.db, SEASON_TABLES.stay))) {
      expect({ table, rows: before.length }).toEqual({ table, rows: table === 'soap_state' ? 1 : 0 });
    }
    expect(Object.values(staying).some((r) => r.length > 0)).toBe(true);

    // The new season's calendar is the 2028 projection; the 2027 correction stays with 2027.
    const cal = await t.call('calendar.season');
    expect(cal.find((e) => e.id === 'match-day')).toMatchObject({ date: '2028-03-17', estimated: true, matchYear: 2028 });
    expect(cal.find((e) => e.id === 'rol-deadline')).toMatchObject({ date: '2028-03-01', corrected: false });
    expect((await t.call('calendar.season', { matchYear: 2027 })).find((e) => e.id === 'rol-deadline')).toMatchObject({ date: '2027-03-04', corrected: true });

    // The old season: readable, unchanged, read-only.
    const viewAfter = await t.call('seasons.view', { matchYear: 2027 });
    expect({ ...viewAfter, season: null }).toEqual({ ...viewBefore, season: null });
    expect(viewAfter.season).toMatchObject({ matchYear: 2027, status: 'past', endedAt: NOW.toISOString() });
    expect(viewAfter.applications.map((a) => [a.programLabel, a.status])).toEqual([['Alpha Community Hospital (Preliminary)', 'Matched'], ['Bravo Regional (Preliminary)', 'Considering']]);
    expect(viewAfter.rankList).toEqual([{ rank: 1, programLabel: 'Alpha Community Hospital (Preliminary)' }]);
    const before = dumpDb(t.db);
    const refused = await t.raw('calendar.correct', { eventId: 'match-day', matchYear: 2027, date: '2027-03-20', time: '12:00' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/2027 Match is a past season: it is read-only/);
    expect(await t.raw('calendar.resetCorrection', { eventId: 'rol-deadline', matchYear: 2027 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.raw('seasons.startNext', { from: 2027 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dumpDb(t.db)).toEqual(before);

    // Work in the new season does not reach the old one.
    await t.call('applications.create', { programIds: [ids.bravoPrelim], date: '2027-04-02' });
    expect(await t.call('seasons.view', { matchYear: 2027 })).toEqual(viewAfter);
    expect((await t.call('seasons.overview')).undoable).toBe(false);
  });

  it('undo puts everything back until the first change', async () => {
    const t = openTestServices(undefined, () => NOW);
    await populate(t);
    const before = dumpDb(t.db);
    await t.call('seasons.startNext', { from: 2027 });
    const o = await t.call('seasons.undoStart');
    expect(o.active).toMatchObject({ matchYear: 2027, status: 'active' });
    expect(o.seasons).toHaveLength(1);
    const after = dumpDb(t.db);
    expect(after).toEqual({ ...before, reminder_log: after.reminder_log });

    // After a change, undo is refused and nothing is written.
    await t.call('seasons.startNext', { from: 2027 });
    await t.call('profile.save', seedExampleProfile({ fullName: 'Amina R. Rahman' }));
    const overview = await t.call('seasons.overview');
    expect(overview.undoable).toBe(false);
    expect(overview.undoBlockedBecause).toMatch(/Data changed since the 2028 Match started/);
    const changed = dumpDb(t.db);
    expect(await t.raw('seasons.undoStart')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dumpDb(t.db)).toEqual(changed);
  });

  it('a past season survives a restart and the full JSON export', async () => {
    const file = path.join(tempDir(), 'seasons.db');
    const t = openTestServices(file, () => NOW);
    await populate(t);
    await t.call('seasons.startNext', { from: 2027 });
    const view = await t.call('seasons.view', { matchYear: 2027 });
    const out = await t.call('export.all');
    t.services.close();

    const reopened = openServices({ databasePath: file, mode: 'browser', now: () => NOW });
    try {
      const r = await reopened.dispatch('seasons.view', { matchYear: 2027 });
      expect(r).toEqual({ ok: true, value: view });
    } finally {
      reopened.close();
    }

    const target = openTestServices(path.join(tempDir(), 'target.db'), () => NOW);
    await target.call('import.all', { file: { name: out.fileName, base64: out.base64 } });
    expect(await target.call('seasons.view', { matchYear: 2027 })).toEqual(view);
    expect((await target.call('seasons.overview')).active.matchYear).toBe(2028);
  });
});
