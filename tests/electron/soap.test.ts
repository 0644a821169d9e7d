// SOAP handlers on a real SQLite file: the plan's 45 cap, the partial-match restriction,
// Monday's import (intersection, new programs added and tiered, re-ranking), the 45
// application cap, round progression and a binding acceptance enforced at the API.
import { describe, expect, it } from 'vitest';
import { dumpDb, openTestServices } from './helpers';
import { institution, seedExampleProfile, track } from '../fixtures';

const unfilledIn = (...years: number[]) => [2023, 2024, 2025, 2026].map((year) => ({ year, unfilled: years.includes(year) ? 2 : 0 }));

async function setup(now?: () => Date) {
  const t = now ? openTestServices(undefined, now) : openTestServices();
  await t.call('profile.save', seedExampleProfile());
  const ids: Record<string, number> = {};
  const add = async (name: string, code: string, over: Parameters<typeof track>[1] = {}, kind: 'preliminary' | 'categorical' = 'preliminary') => {
    const saved = await t.call('institutions.save', { institution: institution({ name }), tracks: [track(kind, { nrmpCode: code, minStep2ck: null, unfilledHistory: unfilledIn(2025, 2026), ...over })] });
    ids[name] = saved.programs[0]!.id;
  };
  await add('Alpha Community', '1001440P0');
  await add('Bravo Regional', '1002440P0');
  await add('Charlie Memorial', '1003440P0', { unfilledHistory: unfilledIn() });
  await add('Delta Categorical', '1004440C0', {}, 'categorical');
  return { ...t, ids };
}

async function refused(t: Awaited<ReturnType<typeof setup>>, method: Parameters<typeof t.raw>[0], input: unknown, pattern: RegExp) {
  const before = dumpDb(t.db);
  const r = await t.raw(method, input);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(pattern);
  expect(dumpDb(t.db)).toEqual(before);
}

describe('fallback plan', () => {
  it('suggests unfilled-history prelim programs with reasons, adds, reorders and removes', async () => {
    const t = await setup();
    const o = await t.call('soap.overview');
    expect(o.candidates.map((c) => c.program.institution.name)).toEqual(['Alpha Community', 'Bravo Regional']);
    expect(o.candidates[0]!.candidate.reasons.some((r) => /unfilled prelim positions in 2 of the last 4/i.test(r))).toBe(true);
    let plan = await t.call('soap.planAdd', { programIds: [t.ids['Alpha Community']!, t.ids['Bravo Regional']!, t.ids['Charlie Memorial']!] });
    expect(plan.plan.map((p) => p.program.institution.name)).toEqual(['Alpha Community', 'Bravo Regional', 'Charlie Memorial']);
    expect(plan.candidates).toEqual([]);
    expect(plan.plan[0]!.blurb).toContain('Alpha Community');
    plan = await t.call('soap.planReorder', { programIds: [t.ids['Charlie Memorial']!, t.ids['Alpha Community']!, t.ids['Bravo Regional']!] });
    expect(plan.plan.map((p) => [p.program.institution.name, p.entry.position])).toEqual([['Charlie Memorial', 1], ['Alpha Community', 2], ['Bravo Regional', 3]]);
    await refused(t, 'soap.planReorder', { programIds: [t.ids['Alpha Community']!] }, /plan changed/);
    plan = await t.call('soap.planRemove', { programId: t.ids['Charlie Memorial']! });
    expect(plan.plan.map((p) => [p.program.institution.name, p.entry.position])).toEqual([['Alpha Community', 1], ['Bravo Regional', 2]]);
  });

  it('holds at most 45 programs and says so, writing nothing', async () => {
    const t = await setup();
    const many: number[] = [];
    for (let i = 0; i < 45; i++) {
      const saved = await t.call('institutions.save', { institution: institution({ name: `Cap ${i}` }), tracks: [track('preliminary', { nrmpCode: `${2000 + i}440P0` })] });
      many.push(saved.programs[0]!.id);
    }
    await t.call('soap.planAdd', { programIds: many.slice(0, 44) });
    await refused(t, 'soap.planAdd', { programIds: many.slice(44).concat(t.ids['Alpha Community']!) }, /at most 45 programs\. It has 44: add at most 1 more/);
    await t.call('soap.planAdd', { programIds: [many[44]!] });
    await refused(t, 'soap.planAdd', { programIds: [t.ids['Alpha Community']!] }, /It has 45: remove one before adding another/);
  });

  it('refuses a categorical program for an applicant matched to an advanced position only', async () => {
    const t = await setup();
    await t.call('soap.setMatchStatus', { matchStatus: 'partial_advanced' });
    await refused(t, 'soap.planAdd', { programIds: [t.ids['Delta Categorical']!] }, /complementary PGY-1 \(preliminary\)/);
    const o = await t.call('soap.planAdd', { programIds: [t.ids['Alpha Community']!] });
    expect(o.plan).toHaveLength(1);
  });
});

const LIST = `Program Code,Program Name,City,State,Unfilled Positions
1002440P0,Bravo Regional,Dayton,OH,2
1004440C0,Delta Categorical,Dayton,OH,1
7777440P0,Zulu Valley Hospital,Tupelo,MS,3
3456140P0,Some Medicine Prelim,Tupelo,MS,1`;

describe('Monday: the List of Unfilled Programs', () => {
  it('intersects with the plan and the database, adds new programs (tagged, tiered) and re-ranks the plan to what is open', async () => {
    const t = await setup();
    await t.call('soap.planAdd', { programIds: [t.ids['Alpha Community']!, t.ids['Charlie Memorial']!, t.ids['Bravo Regional']!] });
    const { summary, overview } = await t.call('soap.importUnfilled', { text: LIST });
    const zulu = overview.unfilled.find((u) => u.nrmpCode === '7777440P0')!;
    expect(summary).toMatchObject({ listed: 3, matched: [t.ids['Bravo Regional']], notInPlan: [t.ids['Delta Categorical']], planNotOpen: [t.ids['Alpha Community'], t.ids['Charlie Memorial']], added: [zulu.programId], otherPrograms: 1 });
    expect(overview.plan.map((p) => [p.program.institution.name, p.open])).toEqual([['Bravo Regional', true], ['Alpha Community', false], ['Charlie Memorial', false]]);
    expect(zulu).toMatchObject({ addedByImport: true, inPlan: false, positions: 3 });
    expect(zulu.tier?.outcome).toBeDefined();
    const programs = await t.call('programs.list');
    const added = programs.find((p) => p.nrmpCode === '7777440P0')!;
    expect(added).toMatchObject({ track: 'preliminary', tags: ['SOAP unfilled list'], positionsOffered: 3 });
    expect(added.institution).toMatchObject({ name: 'Zulu Valley Hospital', state: 'MS', city: 'Tupelo' });
    expect(added.institution.dataSource).toMatch(/NRMP List of Unfilled Programs/);
    // Re-importing the same list replaces it and adds nothing twice.
    const again = await t.call('soap.importUnfilled', { text: LIST });
    expect(again.summary.added).toEqual([]);
    expect((await t.call('programs.list')).length).toBe(programs.length);
  });

  it('takes NRMP codes of 10 and 11 characters (docs/DOMAIN.md §2.2), matching a program by its code', async () => {
    const t = await setup();
    const saved = await t.call('institutions.save', { institution: institution({ name: 'Echo Two-Digit' }), tracks: [track('preliminary', { nrmpCode: '1005440P01', minStep2ck: null })] });
    const { summary, overview } = await t.call('soap.importUnfilled', { text: '1005440P01 Echo Two-Digit  OH  2\n8888440P012 Foxtrot Three-Digit Hospital  MS  1' });
    expect(summary.listed).toBe(2);
    expect(overview.unfilled.map((u) => u.nrmpCode).sort()).toEqual(['1005440P01', '8888440P012']);
    expect(overview.unfilled.find((u) => u.nrmpCode === '1005440P01')!.programId).toBe(saved.programs[0]!.id);
    expect((await t.call('programs.list')).some((p) => p.nrmpCode === '8888440P012')).toBe(true);
  });

  it('refuses a paste without general-surgery codes and writes nothing', async () => {
    const t = await setup();
    await refused(t, 'soap.importUnfilled', { text: '3456140P0 Some Medicine Prelim' }, /none for preliminary or categorical general surgery/);
  });
});

describe('Match Week', () => {
  async function ready() {
    const t = await setup();
    await t.call('soap.setMatchStatus', { matchStatus: 'unmatched' });
    await t.call('soap.importUnfilled', { text: LIST });
    return t;
  }

  it('sends applications only to listed programs after the list is in, counting against 45', async () => {
    const t = await setup();
    await t.call('soap.setMatchStatus', { matchStatus: 'unmatched' });
    await refused(t, 'soap.apply', { programIds: [t.ids['Bravo Regional']!] }, /Import Monday's List of Unfilled Programs first/);
    await t.call('soap.importUnfilled', { text: LIST });
    await refused(t, 'soap.apply', { programIds: [t.ids['Bravo Regional']!, t.ids['Alpha Community']!] }, /Alpha Community \(Preliminary\) is not on the List of Unfilled Programs/);
    const o = await t.call('soap.apply', { programIds: [t.ids['Bravo Regional']!, t.ids['Delta Categorical']!] });
    expect(o.used).toBe(2);
    expect(o.applications.map((a) => [a.label, a.status])).toEqual([['Bravo Regional (Preliminary)', 'applied'], ['Delta Categorical (Categorical)', 'applied']]);
  });

  it('refuses the 46th application at the API and writes nothing', async () => {
    const t = await ready();
    const rows: string[] = [];
    const ids: number[] = [];
    for (let i = 0; i < 46; i++) {
      const code = `${3000 + i}440P0`;
      const saved = await t.call('institutions.save', { institution: institution({ name: `Open ${i}` }), tracks: [track('preliminary', { nrmpCode: code })] });
      ids.push(saved.programs[0]!.id);
      rows.push(`${code} Open ${i}`);
    }
    await t.call('soap.importUnfilled', { text: rows.join('\n') });
    await t.call('soap.apply', { programIds: ids.slice(0, 45) });
    await refused(t, 'soap.apply', { programIds: [ids[45]!] }, /at most 45 applications; you have sent 45, so no more can be sent/);
  });

  it('refuses a categorical application for a partial (advanced-only) match', async () => {
    const t = await ready();
    await t.call('soap.setMatchStatus', { matchStatus: 'partial_advanced' });
    await refused(t, 'soap.apply', { programIds: [t.ids['Delta Categorical']!] }, /complementary PGY-1/);
  });

  it('progresses through rounds: a later-round offer expires older ones; rejected programs make no more offers', async () => {
    const t = await ready();
    const o = await t.call('soap.apply', { programIds: [t.ids['Bravo Regional']!, t.ids['Delta Categorical']!] });
    const [bravo, delta] = o.applications.map((a) => a.id) as [number, number];
    await t.call('soap.interview', { applicationId: bravo });
    let after = await t.call('soap.offer', { applicationId: bravo, round: 1 });
    expect(after.applications.find((a) => a.id === bravo)).toMatchObject({ status: 'offered', offerRound: 1 });
    after = await t.call('soap.offer', { applicationId: delta, round: 2 });
    expect(after.applications.map((a) => [a.id, a.status])).toEqual([[bravo, 'expired'], [delta, 'offered']]);
    await refused(t, 'soap.offer', { applicationId: bravo, round: 3 }, /left to expire: a program makes no more offers/);
    after = await t.call('soap.decide', { applicationId: delta, decision: 'reject' });
    expect(after.applications.find((a) => a.id === delta)!.status).toBe('rejected');
    await refused(t, 'soap.offer', { applicationId: delta, round: 3 }, /rejected: a program makes no more offers/);
  });

  it('a binding acceptance closes everything else and refuses further applications, offers and result changes', async () => {
    const t = await ready();
    const zulu = (await t.call('soap.overview')).unfilled.find((u) => u.nrmpCode === '7777440P0')!.programId!;
    const o = await t.call('soap.apply', { programIds: [t.ids['Bravo Regional']!, t.ids['Delta Categorical']!] });
    const [bravo, delta] = o.applications.map((a) => a.id) as [number, number];
    await t.call('soap.offer', { applicationId: bravo, round: 1 });
    await t.call('soap.offer', { applicationId: delta, round: 1 });
    const accepted = await t.call('soap.decide', { applicationId: bravo, decision: 'accept' });
    expect(accepted.applications.map((a) => [a.id, a.status])).toEqual([[bravo, 'accepted'], [delta, 'closed']]);
    expect(accepted.plan.every((p) => p.problem !== null)).toBe(true);
    await refused(t, 'soap.apply', { programIds: [zulu] }, /accepted Bravo Regional \(Preliminary\) in round 1: a SOAP acceptance is binding/);
    await refused(t, 'soap.offer', { applicationId: delta, round: 2 }, /binding/);
    await refused(t, 'soap.decide', { applicationId: delta, decision: 'accept' }, /binding/);
    await refused(t, 'soap.setMatchStatus', { matchStatus: 'matched' }, /binding/);
  });

  it('a binding acceptance records the match on the application ("via SOAP", dated) and closes the season: no open applications, "Add to plan" refused', async () => {
    const t = await ready();
    // The Main Match applications: one ranked (unmatched), one still at "submitted".
    const { created } = await t.call('applications.create', { programIds: [t.ids['Alpha Community']!, t.ids['Charlie Memorial']!], date: '2026-09-02' });
    const [alpha, charlie] = created.map((a) => a.id) as [number, number];
    await t.call('applications.setStatus', { ids: [alpha, charlie], status: 'submitted', date: '2026-09-03' });
    await t.call('applications.setStatus', { ids: [alpha], status: 'ranked', date: '2026-11-01' });
    const o = await t.call('soap.apply', { programIds: [t.ids['Bravo Regional']!] });
    await t.call('soap.offer', { applicationId: o.applications[0]!.id, round: 1 });
    await t.call('soap.decide', { applicationId: o.applications[0]!.id, decision: 'accept' });
    const apps = await t.call('applications.list');
    const bravo = apps.find((a) => a.programId === t.ids['Bravo Regional'])!;
    expect(bravo).toMatchObject({ status: 'matched', statusDate: '2026-11-25' });
    expect((await t.call('applications.history', { id: bravo.id })).at(-1)).toMatchObject({ status: 'matched', note: expect.stringMatching(/via SOAP/) });
    expect(apps.find((a) => a.id === alpha)?.status).toBe('not_matched');
    expect(apps.find((a) => a.id === charlie)?.status).toBe('withdrawn');
    expect(apps.filter((a) => !['matched', 'not_matched', 'rejected', 'withdrawn'].includes(a.status))).toEqual([]);
    const summary = await t.call('dashboard.summary');
    expect(summary.applicationsByStatus.find((s) => s.key === 'matched')?.count).toBe(1);
    await refused(t, 'soap.planAdd', { programIds: [t.ids['Alpha Community']!], note: '' }, /binding/);
  });

  it('keeps a sent application (and the count) when its program is deleted', async () => {
    const t = await ready();
    await t.call('soap.apply', { programIds: [t.ids['Bravo Regional']!] });
    await t.call('programs.delete', { id: t.ids['Bravo Regional']! });
    const o = await t.call('soap.overview');
    expect(o.used).toBe(1);
    expect(o.applications[0]).toMatchObject({ programId: null, label: 'Bravo Regional (Preliminary)' });
  });
});

describe('Thursday by the clock (Eastern round times, est. 2027)', () => {
  it('records an offer only in the round under way, and none after SOAP ends', async () => {
    let clock = new Date('2027-03-15T16:00:00Z'); // Monday, noon ET
    const t = await setup(() => clock);
    await t.call('soap.setMatchStatus', { matchStatus: 'unmatched' });
    await t.call('soap.importUnfilled', { text: LIST });
    const o = await t.call('soap.apply', { programIds: [t.ids['Bravo Regional']!, t.ids['Delta Categorical']!] });
    const [bravo, delta] = o.applications.map((a) => a.id) as [number, number];
    clock = new Date('2027-03-18T16:30:00Z'); // Thursday 12:30 pm ET: round 2
    await refused(t, 'soap.offer', { applicationId: bravo, round: 3 }, /Round 3 has not started yet \(round 2 is under way; round 3 starts in 2 h 30 min\)/);
    await refused(t, 'soap.offer', { applicationId: bravo, round: 1 }, /Round 1 is over/);
    const r = await t.call('soap.offer', { applicationId: bravo, round: 2 });
    expect(r.applications.find((a) => a.id === bravo)).toMatchObject({ status: 'offered', offerRound: 2 });
    clock = new Date('2027-03-19T02:00:00Z'); // after 9 pm ET
    await refused(t, 'soap.offer', { applicationId: delta, round: 4 }, /SOAP has ended/);
  });

  it('an offer is accepted only in its round: a round-1 offer shows as expired in round 3 and after SOAP, and cannot be accepted', async () => {
    let clock = new Date('2027-03-15T16:00:00Z');
    const t = await setup(() => clock);
    await t.call('soap.setMatchStatus', { matchStatus: 'unmatched' });
    await t.call('soap.importUnfilled', { text: LIST });
    const o = await t.call('soap.apply', { programIds: [t.ids['Bravo Regional']!, t.ids['Delta Categorical']!] });
    const [bravo, delta] = o.applications.map((a) => a.id) as [number, number];
    clock = new Date('2027-03-18T13:30:00Z'); // round 1
    await t.call('soap.offer', { applicationId: bravo, round: 1 });
    clock = new Date('2027-03-18T19:30:00Z'); // round 3
    expect((await t.call('soap.overview')).applications.find((a) => a.id === bravo)!.status).toBe('expired');
    await refused(t, 'soap.decide', { applicationId: bravo, decision: 'accept' }, /That offer expired at the end of round 1/);
    await t.call('soap.offer', { applicationId: delta, round: 3 });
    clock = new Date('2027-03-19T02:00:00Z'); // SOAP over
    await refused(t, 'soap.decide', { applicationId: delta, decision: 'accept' }, /That offer expired at the end of round 3/);
    expect((await t.call('soap.overview')).applications.map((a) => a.status)).toEqual(['expired', 'expired']);
  });

  it('refuses applications after SOAP ends (practice before Monday is still allowed)', async () => {
    let clock = new Date('2027-03-01T16:00:00Z');
    const t = await setup(() => clock);
    await t.call('soap.setMatchStatus', { matchStatus: 'unmatched' });
    await t.call('soap.importUnfilled', { text: LIST });
    expect((await t.call('soap.apply', { programIds: [t.ids['Bravo Regional']!] })).used).toBe(1);
    clock = new Date('2027-03-19T02:00:00Z');
    await refused(t, 'soap.apply', { programIds: [t.ids['Delta Categorical']!] }, /SOAP has ended; no more applications/);
  });
});

describe('today in the user\'s zone', () => {
  it('uses the calendar settings\' zone for the engine\'s today (the Match window turns on 22 March)', async () => {
    // 22 Mar 2027 03:00 UTC is still 21 March in Los Angeles: the last Match known is 2026, so 2023 is in the window.
    const t = await setup(() => new Date('2027-03-22T03:00:00Z'));
    const saved = await t.call('institutions.save', { institution: institution({ name: 'Echo Old' }), tracks: [track('preliminary', { nrmpCode: '1005440P0', minStep2ck: null, unfilledHistory: unfilledIn(2023) })] });
    const echo = saved.programs[0]!.id;
    await t.call('calendar.saveSettings', { timeZone: 'America/Los_Angeles', remindersEnabled: true, reminderDays: 7 });
    expect((await t.call('soap.overview')).candidates.map((c) => c.program.id)).toContain(echo);
    await t.call('calendar.saveSettings', { timeZone: 'Asia/Kolkata', remindersEnabled: true, reminderDays: 7 });
    expect((await t.call('soap.overview')).candidates.map((c) => c.program.id)).not.toContain(echo);
  });
});

describe('readiness on the SOAP screen', () => {
  it('returns the three soap items and stores the manual ticks', async () => {
    const t = await setup();
    let o = await t.call('soap.overview');
    expect(o.readiness.map((i) => [i.id, i.state])).toEqual([['soap.prelim-statement', 'needs_action'], ['soap.letters-assigned', 'needs_action'], ['soap.ecfmg-exams', 'done']]);
    o = await t.call('soap.setTicks', { prelimStatementReady: true });
    expect(o.readiness[0]!.state).toBe('done');
    expect(o.state.prelimStatementReady).toBe(true);
  });

  it('the prelim statement is done when Documents has a prelim version', async () => {
    const t = await setup();
    await t.call('documents.save', { kind: 'personal_statement_surgery', title: 'PS surgery', date: '2026-11-01' });
    expect((await t.call('soap.overview')).readiness[0]!.state).toBe('needs_action');
    await t.call('documents.save', { kind: 'personal_statement_prelim', title: 'PS prelim', date: '2026-11-02' });
    expect((await t.call('soap.overview')).readiness[0]).toMatchObject({ state: 'done', manual: false });
  });

  it('letters count only uploaded (confirmed-strong) letters, with 2 from US surgeons', async () => {
    const t = await setup();
    const writer = async (name: string, location: 'us' | 'home', isSurgeon: boolean) => (await t.call('writers.save', { name, location, isSurgeon })).id;
    const letter = async (writerId: number, stage: 'agreed' | 'uploaded') => {
      const l = await t.call('letters.save', { writerId });
      if (stage === 'uploaded') await t.call('letters.setStage', { id: l.id, stage: 'strong_confirmed', date: '2026-11-19' });
      await t.call('letters.setStage', { id: l.id, stage, date: '2026-11-20' });
    };
    await letter(await writer('Dr. Home', 'home', true), 'uploaded');
    await letter(await writer('Dr. Medicine', 'us', false), 'uploaded');
    await letter(await writer('Dr. Agreed', 'us', true), 'agreed');
    await letter(await writer('Dr. One', 'us', true), 'uploaded');
    let item = (await t.call('soap.overview')).readiness[1]!;
    expect(item).toMatchObject({ state: 'needs_action', why: 'Confirmed-strong letters from 3 writers uploaded, 1 of them a US surgeon; you need at least 2 US surgeons.' });
    await letter(await writer('Dr. Two', 'us', true), 'uploaded');
    item = (await t.call('soap.overview')).readiness[1]!;
    expect(item).toMatchObject({ state: 'done', manual: false });
  });
});

describe('Match Week result and the applications (issue 13: one truth)', () => {
  it('"Unmatched" on Monday is the Main Match result of every ranked application: Not matched, dated, noted; others stay', async () => {
    const t = await setup(() => new Date('2027-03-15T16:00:00Z'));
    const ids = [t.ids['Alpha Community']!, t.ids['Bravo Regional']!, t.ids['Charlie Memorial']!];
    const { created } = await t.call('applications.create', { programIds: ids, status: 'submitted', date: '2026-09-02' });
    await t.call('applications.setStatus', { ids: [created[0]!.id, created[1]!.id], status: 'interviewed', date: '2026-11-20' });
    await t.call('rankList.save', { applicationIds: [created[0]!.id, created[1]!.id], date: '2027-02-20' });
    await t.call('soap.setMatchStatus', { matchStatus: 'unmatched' });
    const apps = await t.call('applications.list');
    expect(apps.map((a) => [a.status, a.statusDate])).toEqual([
      ['not_matched', '2027-03-15'],
      ['not_matched', '2027-03-15'],
      ['submitted', '2026-09-02'],
    ]);
    expect((await t.call('applications.history', { id: created[0]!.id })).at(-1)!.note).toBe('Match Week: unmatched in the Main Match.');
    // A mis-click corrected: back to "Not known", the ranked ones are Ranked again (the history keeps both steps).
    await t.call('soap.setMatchStatus', { matchStatus: 'not_known' });
    expect((await t.call('applications.list')).map((a) => a.status)).toEqual(['ranked', 'ranked', 'submitted']);
    expect((await t.call('applications.history', { id: created[0]!.id })).slice(-2).map((e) => e.status)).toEqual(['not_matched', 'ranked']);
  });

  async function ranked(t: Awaited<ReturnType<typeof setup>>) {
    const ids = [t.ids['Alpha Community']!, t.ids['Bravo Regional']!, t.ids['Charlie Memorial']!];
    const { created } = await t.call('applications.create', { programIds: ids, status: 'submitted', date: '2026-09-02' });
    await t.call('applications.setStatus', { ids: [created[0]!.id, created[1]!.id], status: 'interviewed', date: '2026-11-20' });
    await t.call('rankList.save', { applicationIds: [created[0]!.id, created[1]!.id], date: '2027-02-20' });
    return created.map((c) => c.id);
  }

  it('one program Matched in the Main Match closes the other ranked ones, sets the Match Week result, and a correction reopens them', async () => {
    const t = await setup(() => new Date('2027-03-19T18:00:00Z'));
    const [alpha, bravo, charlie] = await ranked(t);
    await refused(t, 'applications.setStatus', { ids: [alpha, bravo], status: 'matched', date: '2027-03-19' }, /one position: mark one program Matched/);
    await t.call('applications.setStatus', { ids: [bravo!], status: 'matched', date: '2027-03-19' });
    expect((await t.call('applications.list')).map((a) => [a.id, a.status, a.statusDate])).toEqual([
      [alpha, 'not_matched', '2027-03-19'],
      [bravo, 'matched', '2027-03-19'],
      [charlie, 'submitted', '2026-09-02'],
    ]);
    expect((await t.call('applications.history', { id: alpha! })).at(-1)!.note).toBe('Main Match: you matched at Bravo Regional (Preliminary).');
    const o = await t.call('soap.overview');
    expect(o.state.matchStatus).toBe('matched');
    // The SOAP screen cannot now say no PGY-1 program matched, and nothing changes when it tries.
    await refused(t, 'soap.setMatchStatus', { matchStatus: 'unmatched' }, /Bravo Regional \(Preliminary\) is Matched in Applications/);
    await refused(t, 'soap.setMatchStatus', { matchStatus: 'partial_advanced' }, /is Matched in Applications/);
    // A mistake corrected: Bravo back to Ranked, Alpha is Ranked again.
    await t.call('applications.setStatus', { ids: [bravo!], status: 'ranked', date: '2027-03-19' });
    expect((await t.call('applications.list')).map((a) => a.status)).toEqual(['ranked', 'ranked', 'submitted']);
    expect((await t.call('applications.history', { id: alpha! })).at(-1)!.note).toBe('Main Match result corrected: back on the rank list.');
    // The dashboard's funnel counts both as having reached Ranked, none Matched.
    const d = await t.call('dashboard.summary');
    expect(d.applicationsReached.find((r) => r.key === 'ranked')!.count).toBe(2);
    expect(d.applicationsReached.find((r) => r.key === 'matched')!.count).toBe(0);
  });

  it('a Main Match result cannot contradict "Unmatched" or "advanced position only" on the SOAP screen', async () => {
    const t = await setup(() => new Date('2027-03-19T18:00:00Z'));
    const [alpha] = await ranked(t);
    await t.call('soap.setMatchStatus', { matchStatus: 'partial_advanced' });
    const apps = await t.call('applications.list');
    expect(apps.map((a) => a.status)).toEqual(['not_matched', 'not_matched', 'submitted']);
    expect((await t.call('applications.history', { id: alpha! })).at(-1)!.note).toMatch(/advanced \(PGY-2\) position only/);
    // From "advanced only" to "Unmatched": still Not matched, now with the Unmatched note; then back to Not known: Ranked again.
    await t.call('soap.setMatchStatus', { matchStatus: 'unmatched' });
    expect((await t.call('applications.list')).map((a) => a.status)).toEqual(['not_matched', 'not_matched', 'submitted']);
    expect((await t.call('applications.history', { id: alpha! })).at(-1)!.note).toBe('Match Week: unmatched in the Main Match.');
    await t.call('soap.setMatchStatus', { matchStatus: 'not_known' });
    expect((await t.call('applications.list')).map((a) => a.status)).toEqual(['ranked', 'ranked', 'submitted']);
    // Ranked again; with "Unmatched" recorded and a new ranked application, Matched is refused.
    await t.call('soap.setMatchStatus', { matchStatus: 'unmatched' });
    const [, , charlie] = (await t.call('applications.list')).map((a) => a.id);
    await t.call('applications.setStatus', { ids: [charlie!], status: 'ranked', date: '2027-03-19' });
    await refused(t, 'applications.setStatus', { ids: [charlie!], status: 'matched', date: '2027-03-19' }, /Match Week result on the SOAP screen is "Unmatched"/);
  });
});

describe('SOAP does not apply once matched: every screen agrees (docs/DOMAIN.md §5)', () => {
  /** What each screen shows of SOAP readiness: the SOAP screen, the Readiness checklist, the Dashboard card, Deadlines and reminders. */
  async function soapEverywhere(t: Awaited<ReturnType<typeof setup>>) {
    const soap = await t.call('soap.overview');
    const checklist = await t.call('readiness.checklist');
    const dashboard = await t.call('dashboard.summary');
    const agenda = await t.call('calendar.agenda', { windowDays: 365 });
    const reminders = await t.call('reminders.due');
    const soapTitles = ['Prelim-track personal statement ready', 'Letters ready to assign to SOAP programs', 'Exams for ECFMG certification passed by the ROL deadline'];
    const soapEntries = agenda.all.filter((e) => e.kind === 'readiness' && soapTitles.some((title) => e.title === title || e.detail.includes(title)));
    return {
      soap: soap.readiness.map((i) => [i.id, i.state]),
      notApplicable: soap.notApplicable,
      checklist: checklist.items.filter((i) => i.group === 'soap').map((i) => [i.id, i.state]),
      checklistProgress: checklist.soapProgress,
      dashboard: { progress: dashboard.soapReadiness, notApplicable: dashboard.soapNotApplicable },
      // Readiness items in Deadlines carry the item's title (one item a day) or list the titles (several).
      deadlines: soapEntries.length,
      // A reminder is shown for an agenda entry (same key).
      reminders: reminders.filter((r) => soapEntries.some((e) => e.key === r.key)).length,
    };
  }

  async function rankedTwo(t: Awaited<ReturnType<typeof setup>>) {
    const { created } = await t.call('applications.create', { programIds: [t.ids['Alpha Community']!, t.ids['Bravo Regional']!, t.ids['Delta Categorical']!], status: 'submitted', date: '2026-09-02' });
    const ids = created.map((c) => c.id);
    await t.call('applications.setStatus', { ids, status: 'interviewed', date: '2026-11-20' });
    await t.call('rankList.save', { applicationIds: ids, date: '2027-02-20' });
    return ids as [number, number, number];
  }

  it('a Main Match application Matched (prelim): one calm "does not apply" with the prelim-year plan next, on the SOAP screen, Readiness and Dashboard; no SOAP to-dos in Deadlines or reminders', async () => {
    // Match Day: the SOAP items were due by the ROL deadline (3 March), overdue to-dos in Deadlines and reminders.
    const t = await setup(() => new Date('2027-03-19T18:00:00Z'));
    const { effectiveTimeZone: _zone, ...settings } = await t.call('calendar.settings');
    await t.call('calendar.saveSettings', { ...settings, remindersEnabled: true, reminderDays: 7 });
    const [, bravo] = await rankedTwo(t);
    const before = await soapEverywhere(t);
    // Before any result: the three to-dos everywhere (exams passed; statement and letters to do).
    expect(before.soap).toEqual([['soap.prelim-statement', 'needs_action'], ['soap.letters-assigned', 'needs_action'], ['soap.ecfmg-exams', 'done']]);
    expect(before.checklist).toEqual(before.soap);
    expect(before.notApplicable).toBeNull();
    expect(before.dashboard).toMatchObject({ progress: { done: 1, applicable: 3 }, notApplicable: null });
    expect(before.deadlines).toBeGreaterThan(0);
    expect(before.reminders).toBeGreaterThan(0);

    await t.call('applications.setStatus', { ids: [bravo], status: 'matched', date: '2027-03-19' });
    const after = await soapEverywhere(t);
    expect(after.soap).toEqual([['soap.not-applicable', 'not_applicable']]);
    expect(after.checklist).toEqual(after.soap);
    expect(after.checklistProgress).toBeNull();
    expect(after.notApplicable).toMatchObject({ why: expect.stringMatching(/matched at Bravo Regional \(Preliminary\) in the Main Match/), next: expect.stringMatching(/Prelim year screen/), track: 'preliminary' });
    expect(after.dashboard).toEqual({ progress: null, notApplicable: { why: after.notApplicable!.why, next: after.notApplicable!.next } });
    expect(after.deadlines).toBe(0);
    expect(after.reminders).toBe(0);
    // The ERAS checklist is unchanged by it (SOAP is counted apart).
    expect((await t.call('readiness.checklist')).items.filter((i) => i.group !== 'soap').length).toBeGreaterThan(0);
  });

  it('a categorical match says nothing to prepare (no prelim plan); "Fully matched" chosen on the SOAP screen alone also closes it', async () => {
    const t = await setup(() => new Date('2027-03-19T18:00:00Z'));
    const [, , delta] = await rankedTwo(t);
    await t.call('applications.setStatus', { ids: [delta], status: 'matched', date: '2027-03-19' });
    expect((await t.call('soap.overview')).notApplicable).toMatchObject({ why: expect.stringMatching(/Delta Categorical \(Categorical\)/), next: expect.not.stringMatching(/Prelim year/), track: 'categorical' });

    const u = await setup(() => new Date('2027-03-16T18:00:00Z'));
    await u.call('soap.setMatchStatus', { matchStatus: 'matched' });
    const o = await u.call('soap.overview');
    expect(o.readiness.map((i) => i.state)).toEqual(['not_applicable']);
    expect(o.notApplicable).toMatchObject({ why: expect.stringMatching(/"Fully matched"/), track: null });
    expect((await u.call('dashboard.summary')).soapNotApplicable).not.toBeNull();
  });

  it('"advanced position only" still needs a PGY-1 position: SOAP applies, its to-dos stay (and "preliminary only" too)', async () => {
    for (const matchStatus of ['partial_advanced', 'partial_preliminary', 'unmatched'] as const) {
      const t = await setup(() => new Date('2027-03-15T18:00:00Z'));
      await t.call('soap.setMatchStatus', { matchStatus });
      const o = await t.call('soap.overview');
      expect(o.notApplicable).toBeNull();
      expect(o.readiness.map((i) => i.id)).toEqual(['soap.prelim-statement', 'soap.letters-assigned', 'soap.ecfmg-exams']);
      expect((await t.call('dashboard.summary')).soapReadiness).toMatchObject({ applicable: 3 });
    }
  });

  it('a binding SOAP acceptance ends SOAP: its to-dos give way to "does not apply"', async () => {
    const t = await setup();
    await t.call('soap.setMatchStatus', { matchStatus: 'unmatched' });
    await t.call('soap.importUnfilled', { text: LIST });
    const o = await t.call('soap.apply', { programIds: [t.ids['Bravo Regional']!] });
    await t.call('soap.offer', { applicationId: o.applications[0]!.id, round: 1 });
    expect((await t.call('soap.overview')).notApplicable).toBeNull();
    await t.call('soap.decide', { applicationId: o.applications[0]!.id, decision: 'accept' });
    const after = await t.call('soap.overview');
    expect(after.notApplicable).toMatchObject({ why: expect.stringMatching(/accepted Bravo Regional \(Preliminary\) in SOAP/), track: 'preliminary' });
    expect((await t.call('readiness.checklist')).items.filter((i) => i.group === 'soap').map((i) => i.id)).toEqual(['soap.not-applicable']);
  });
});
