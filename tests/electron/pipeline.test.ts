import { describe, expect, it } from 'vitest';
import { institution, seedExampleProfile, track } from '../fixtures';
import { createPipelineRepo } from '../../electron/db/repos/pipeline-repo';
import { dumpDb, openTestServices } from './helpers';

async function withApplications(n = 3, now?: () => Date) {
  const t = openTestServices(undefined, now);
  await t.call('profile.save', seedExampleProfile());
  const programIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const saved = await t.call('institutions.save', { institution: institution({ name: `Hospital ${i}`, city: 'Dayton', state: 'OH' }), tracks: [track('preliminary', { nrmpCode: `${1000 + i}440P0` })] });
    programIds.push(saved.programs[0]!.id);
  }
  const { created } = await t.call('applications.create', { programIds, date: '2026-09-01' });
  await t.call('applications.setStatus', { ids: created.map((a) => a.id), status: 'submitted', date: '2026-09-24' });
  return { ...t, appIds: created.map((a) => a.id) };
}

describe('applications overview', () => {
  it('joins each application with its program, interview count and rank', async () => {
    const { call, appIds } = await withApplications(2);
    await call('interviews.save', { applicationId: appIds[1]!, date: '2026-10-01', invitedOn: '2026-10-01' });
    const rows = await call('applications.overview');
    expect(rows.map((r) => [r.id, r.program.institutionName, r.program.track, r.program.nrmpCode, r.program.state, r.status, r.interviewCount, r.rank])).toEqual([
      [appIds[0], 'Hospital 0', 'preliminary', '1000440P0', 'OH', 'submitted', 0, null],
      [appIds[1], 'Hospital 1', 'preliminary', '1001440P0', 'OH', 'interview_invited', 1, null],
    ]);
  });
});

describe('interviews', () => {
  it('an invitation, then a time, then "done" move the application forward, each step dated in the history', async () => {
    const { call, appIds } = await withApplications(1);
    const id = appIds[0]!;
    const invited = await call('interviews.save', { applicationId: id, date: '2026-10-02', invitedOn: '2026-10-01', respondBy: '2026-10-04' });
    expect(invited.moves).toEqual([{ applicationId: id, from: 'submitted', to: 'interview_invited', date: '2026-10-01' }]);
    const { createdAt: _c, updatedAt: _u, ...fields } = invited.interview;
    const scheduled = await call('interviews.save', { ...fields, date: '2026-10-03', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', platform: 'thalamus' });
    expect(scheduled.moves.map((m) => m.to)).toEqual(['interview_scheduled']);
    expect(scheduled.interview).toMatchObject({ localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', platform: 'thalamus', invitedOn: '2026-10-01', respondBy: '2026-10-04' });
    const done = await call('interviews.save', {
      id: invited.interview.id, applicationId: id, date: '2026-11-04', invitedOn: '2026-10-01', respondBy: '2026-10-04', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', completed: true, score: 8, impressions: 'Friendly residents, heavy call.',
    });
    expect(done.moves).toEqual([{ applicationId: id, from: 'interview_scheduled', to: 'interviewed', date: '2026-11-03' }]);
    // Saving again changes nothing in the status.
    const again = await call('interviews.save', { id: invited.interview.id, applicationId: id, date: '2026-11-05', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', completed: true, score: 9 });
    expect(again.moves).toEqual([]);
    const history = await call('applications.history', { id });
    expect(history.map((e) => [e.status, e.date, e.note])).toEqual([
      ['considering', '2026-09-01', ''],
      ['submitted', '2026-09-24', ''],
      ['interview_invited', '2026-10-01', 'Invitation received; reply by 2026-10-04'],
      ['interview_scheduled', '2026-10-03', 'Interview set for 2026-11-03 09:00 (America/Chicago)'],
      ['interviewed', '2026-11-03', 'Interview done'],
    ]);
    const [saved] = await call('interviews.list');
    expect(saved).toMatchObject({ completed: true, score: 9, impressions: '' });
  });

  it('scheduling straight from "submitted" jumps to "Interview scheduled" in one event; withdrawn stays withdrawn', async () => {
    const { call, appIds } = await withApplications(2);
    const r = await call('interviews.save', { applicationId: appIds[0]!, date: '2026-10-03', localStart: '2026-11-03T09:00', timeZone: 'UTC' });
    expect(r.moves.map((m) => [m.from, m.to, m.date])).toEqual([['submitted', 'interview_scheduled', '2026-10-03']]);
    await call('applications.setStatus', { ids: [appIds[1]!], status: 'withdrawn', date: '2026-10-01' });
    const w = await call('interviews.save', { applicationId: appIds[1]!, date: '2026-10-03', invitedOn: '2026-10-02' });
    expect(w.moves).toEqual([]);
    expect((await call('applications.list')).find((a) => a.id === appIds[1])!.status).toBe('withdrawn');
  });

  it('refuses an unknown application or an interview moved to another application, writing nothing', async () => {
    const { call, raw, db, appIds } = await withApplications(2);
    const { interview } = await call('interviews.save', { applicationId: appIds[0]!, date: '2026-10-01', invitedOn: '2026-10-01' });
    const before = dumpDb(db);
    const unknown = await raw('interviews.save', { applicationId: 999, date: '2026-10-01' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const moved = await raw('interviews.save', { id: interview.id, applicationId: appIds[1]!, date: '2026-10-01' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dumpDb(db)).toEqual(before);
  });

  it('dates a scheduling recorded after the interview no later than the interview day', async () => {
    const { call, appIds } = await withApplications(1);
    const r = await call('interviews.save', { applicationId: appIds[0]!, date: '2026-11-25', invitedOn: '2026-10-14', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', completed: true });
    expect(r.moves.map((m) => [m.to, m.date])).toEqual([
      ['interview_invited', '2026-10-14'],
      ['interview_scheduled', '2026-11-03'],
      ['interviewed', '2026-11-03'],
    ]);
  });

  it('refuses an invitation after today or before the submission, and "done" before the interview day, saying what to fix', async () => {
    const { call, raw, db, appIds } = await withApplications(2);
    const before = dumpDb(db);
    // Marked done ahead of its day (2026-12-03; today is 2026-11-25).
    const early = await raw('interviews.save', { applicationId: appIds[0]!, date: '2026-11-25', invitedOn: '2026-11-20', localStart: '2026-12-03T09:00', timeZone: 'UTC', completed: true });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The interview is on 2026-12-03, after today (2026-11-25); tick “Interview done” once it has happened.' } });
    // An invitation that has not arrived yet.
    const future = await raw('interviews.save', { applicationId: appIds[0]!, date: '2026-11-25', invitedOn: '2026-11-26' });
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The invitation is dated 2026-11-26, after today (2026-11-25); give the day it arrived.' } });
    // An invitation said to arrive before the application was submitted (2026-09-24).
    const beforeSubmission = await raw('interviews.save', { applicationId: appIds[1]!, date: '2026-11-25', invitedOn: '2026-09-20' });
    expect(beforeSubmission).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('before the application was submitted (2026-09-24)') } });
    expect(dumpDb(db)).toEqual(before);
    // Scheduled ahead (not done) is fine, and the history never holds a future day.
    const ahead = await call('interviews.save', { applicationId: appIds[0]!, date: '2026-11-25', invitedOn: '2026-11-20', localStart: '2026-12-03T09:00', timeZone: 'UTC' });
    expect(ahead.moves.map((m) => [m.to, m.date])).toEqual([
      ['interview_invited', '2026-11-20'],
      ['interview_scheduled', '2026-11-25'],
    ]);
    const history = await call('applications.history', { id: appIds[0]! });
    expect(history.every((e) => e.date <= '2026-11-25')).toBe(true);
  });

  it('back-fills an invitation received weeks ago: the application shows that day, not today', async () => {
    const { call, appIds } = await withApplications(1);
    const r = await call('interviews.save', { applicationId: appIds[0]!, date: '2026-11-25', invitedOn: '2026-10-30', respondBy: '2026-11-02' });
    expect(r.moves).toEqual([{ applicationId: appIds[0]!, from: 'submitted', to: 'interview_invited', date: '2026-10-30' }]);
    const [app] = await call('applications.list');
    expect([app!.status, app!.statusDate]).toEqual(['interview_invited', '2026-10-30']);
  });

  it('gives scheduled interviews as dated items (day and time in the interview zone) for the agenda', async () => {
    const { services, call, appIds } = await withApplications(2);
    await call('interviews.save', { applicationId: appIds[0]!, date: '2026-10-03', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', platform: 'in_person' });
    await call('interviews.save', { applicationId: appIds[1]!, date: '2026-10-03', invitedOn: '2026-10-02' });
    expect(createPipelineRepo(services.db).interviewDates()).toEqual([
      { id: 1, programId: expect.any(Number), programName: 'Hospital 0 (Preliminary)', date: '2026-11-03', time: '09:00', timeZone: 'America/Chicago', virtual: false, done: false, updatedAt: '2026-11-25T12:00:00.000Z', durationMinutes: 240, location: '' },
    ]);
  });

  it('goes away with its application; deleting an interview leaves the status alone', async () => {
    const { call, appIds } = await withApplications(2);
    const a = await call('interviews.save', { applicationId: appIds[0]!, date: '2026-10-01', invitedOn: '2026-10-01' });
    await call('interviews.save', { applicationId: appIds[1]!, date: '2026-10-01', invitedOn: '2026-10-01' });
    await call('applications.delete', { id: appIds[1]! });
    expect((await call('interviews.list')).map((i) => i.applicationId)).toEqual([appIds[0]]);
    await call('interviews.delete', { id: a.interview.id });
    expect(await call('interviews.list')).toEqual([]);
    expect((await call('applications.list'))[0]!.status).toBe('interview_invited');
  });
});

async function interviewed(call: Awaited<ReturnType<typeof withApplications>>['call'], ids: number[]) {
  await call('applications.setStatus', { ids, status: 'interviewed', date: '2026-12-01' });
}

// Ranking happens in February: the clock is then, so the dates are not in the future.
const FEBRUARY = () => new Date('2027-02-10T12:00:00Z');

describe('rank order list', () => {
  it('saves the order, moves newly ranked programs to Ranked and ones taken off back to Interviewed', async () => {
    const { call, appIds } = await withApplications(3, FEBRUARY);
    await interviewed(call, appIds);
    const first = await call('rankList.save', { applicationIds: [appIds[2]!, appIds[0]!], date: '2027-02-01' });
    expect(first.rankList.applicationIds).toEqual([appIds[2], appIds[0]]);
    expect(first.moves.map((m) => [m.applicationId, m.to])).toEqual([[appIds[2], 'ranked'], [appIds[0], 'ranked']]);
    const second = await call('rankList.save', { applicationIds: [appIds[0]!, appIds[1]!], date: '2027-02-02' });
    expect(second.rankList.applicationIds).toEqual([appIds[0], appIds[1]]);
    expect(second.moves.map((m) => [m.applicationId, m.from, m.to])).toEqual([[appIds[1], 'interviewed', 'ranked'], [appIds[2], 'ranked', 'interviewed']]);
    const rows = await call('applications.overview');
    expect(rows.map((r) => [r.id, r.status, r.rank])).toEqual([
      [appIds[0], 'ranked', 1],
      [appIds[1], 'ranked', 2],
      [appIds[2], 'interviewed', null],
    ]);
    expect((await call('applications.history', { id: appIds[2]! })).slice(-2).map((e) => [e.status, e.note])).toEqual([
      ['ranked', 'Added to the rank order list'],
      ['interviewed', 'Taken off the rank order list'],
    ]);
    expect((await call('rankList.get')).savedAt).toBe('2027-02-10T12:00:00.000Z');
  });

  it('refuses a program without an interview, naming it, and keeps the saved list as it was', async () => {
    const { call, raw, db, appIds } = await withApplications(3, FEBRUARY);
    await interviewed(call, [appIds[0]!]);
    await call('rankList.save', { applicationIds: [appIds[0]!], date: '2027-02-01' });
    const before = dumpDb(db);
    const r = await raw('rankList.save', { applicationIds: [appIds[0]!, appIds[1]!], date: '2027-02-02' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('conflict');
      expect(r.error.message).toMatch(/Only programs you have interviewed with can be ranked: Hospital 1 \(Preliminary\) \(Submitted\)/);
    }
    expect(dumpDb(db)).toEqual(before);
  });

  it('refuses more than 300 programs with a message that says how many to remove', async () => {
    const { raw } = openTestServices();
    const r = await raw('rankList.save', { applicationIds: Array.from({ length: 305 }, (_, i) => i + 1), date: '2027-02-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!r.ok) expect(r.error.issues?.[0]?.message).toBe('An NRMP rank order list holds at most 300 programs; this one has 305. Remove 5.');
  });

  it('keeps the extra-rank fee the user set, and an empty list is a valid save', async () => {
    const { call } = openTestServices();
    expect(await call('rankList.get')).toEqual({ applicationIds: [], extraRankFee: null, savedAt: null });
    expect((await call('rankList.setFee', { extraRankFee: 35 })).extraRankFee).toBe(35);
    const saved = await call('rankList.save', { applicationIds: [], date: '2027-02-01' });
    expect(saved.rankList).toMatchObject({ applicationIds: [], extraRankFee: 35 });
    expect((await call('rankList.setFee', { extraRankFee: null })).extraRankFee).toBeNull();
  });
});

describe('prep card', () => {
  it('is empty until saved, then keeps the four answers', async () => {
    const { call } = openTestServices();
    expect(await call('prepCard.get')).toEqual({ ownership: '', reflection: '', evidence: '', reassurance: '', updatedAt: null });
    await call('prepCard.save', { ownership: '  I did not plan Step 1 well. ', reflection: 'Plans matter.', evidence: 'CK +17', reassurance: 'Strong rotations' });
    expect(await call('prepCard.get')).toEqual({ ownership: 'I did not plan Step 1 well.', reflection: 'Plans matter.', evidence: 'CK +17', reassurance: 'Strong rotations', updatedAt: '2026-11-25T12:00:00.000Z' });
  });
});
