// The prelim-year plan and the advisor report on real SQLite files: a preliminary Match
// result suggests the plan (dated through PGY-1) without writing anything; the first change
// saves it; Deadlines include its items; it carries into the next season. The report holds
// the chosen sections and leaves private fields out unless chosen.
import { describe, expect, it } from 'vitest';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices } from './helpers';

const NOW = new Date('2027-03-25T12:00:00Z');

async function matchedPrelim() {
  const t = openTestServices(undefined, () => NOW);
  await t.call('profile.save', seedExampleProfile({ fullName: 'Amina Rahman', email: 'amina@example.org' }));
  const saved = await t.call('institutions.save', {
    institution: institution({ name: 'Riverbend Community Hospital', notes: 'My private note' }),
    tracks: [track('preliminary', { nrmpCode: '1003440P0' }), track('categorical', { nrmpCode: '1003440C0' })],
  });
  const [prelim, cat] = saved.programs.map((p) => p.id) as [number, number];
  await t.call('programs.setOnList', { ids: [prelim, cat], onList: true });
  await t.call('tiers.override', { programId: cat, outcome: 'long_shot', note: 'PD said no IMGs this year' });
  const { created } = await t.call('applications.create', { programIds: [prelim], date: '2026-09-01' });
  const app = created[0]!.id;
  // Submitted before the invitation arrived (an invitation dated before the submission is refused).
  for (const [status, date] of [['submitted', '2026-09-24'], ['interviewed', '2026-12-01'], ['ranked', '2026-12-01']] as const) await t.call('applications.setStatus', { ids: [app], status, date });
  await t.call('interviews.save', { applicationId: app, date: '2026-11-01', invitedOn: '2026-10-20', localStart: '2026-11-20T09:00', timeZone: 'America/Chicago', platform: 'zoom', completed: true, score: 9, impressions: 'Loved the residents' });
  await t.call('rankList.save', { applicationIds: [app], date: '2027-02-20' });
  await t.call('applications.setStatus', { ids: [app], status: 'matched', date: '2027-03-19' });
  return { ...t, prelim, cat };
}

describe('prelim-year plan', () => {
  it('is suggested when the Match result is a preliminary position, dated through PGY-1, without writing', async () => {
    const t = await matchedPrelim();
    const before = dumpDb(t.db);
    const o = await t.call('prelim.overview');
    expect(dumpDb(t.db)).toEqual(before);
    expect(o.trigger).toEqual({ source: 'match', programLabel: 'Riverbend Community Hospital (Preliminary)', matchYear: 2027 });
    expect(o.plan).toMatchObject({ matchYear: 2027, stored: false, programLabel: 'Riverbend Community Hospital (Preliminary)' });
    const items = o.plan!.items;
    expect(items.every((i) => i.dueDate >= '2027-06-01' && i.dueDate <= '2028-06-30')).toBe(true);
    const byKey = Object.fromEntries(items.map((i) => [i.templateKey, i]));
    expect(byKey['letter-mid-year']).toMatchObject({ kind: 'letter', dueDate: '2027-12-15' });
    expect(byKey['letter-mid-year']!.notes).toMatch(/compare me with the categorical residents.*work ethic.*surgical skills.*professionalism/);
    expect(byKey['letter-end-of-year']).toMatchObject({ kind: 'letter', dueDate: '2028-05-01' });
    expect(byKey['start-next-season']).toMatchObject({ dueDate: '2027-06-02' }); // ERAS opens for the 2028 Match (first Wednesday of June)
    expect(o.plan!.paths.map((p) => p.path)).toEqual(['categorical_surgery', 'anesthesiology', 'radiology', 'pmr', 'internal_medicine', 'emergency_medicine']);

    // Deadlines include the plan's items.
    const agenda = await t.call('calendar.agenda', { windowDays: 365 });
    expect(agenda.all.filter((e) => e.kind === 'prelim').map((e) => e.title)).toContain('Request your mid-year letter');
  });

  it('the first change saves the plan; openings, paths and the network are kept; it carries into the next season', async () => {
    const t = await matchedPrelim();
    let o = await t.call('prelim.saveItem', { templateKey: 'feedback-1', kind: 'feedback', title: 'Ask a senior resident and an attending for specific ways to improve', dueDate: '2027-08-15', person: 'Dr. Lee', notes: 'Present cases more concisely', action: 'Practised SOAP-format presentations', done: true });
    expect(o.plan!.stored).toBe(true);
    const fb = o.plan!.items.find((i) => i.templateKey === 'feedback-1')!;
    expect(fb).toMatchObject({ done: true, doneOn: '2027-03-25', action: 'Practised SOAP-format presentations' });
    expect(o.plan!.items).toHaveLength(13);
    o = await t.call('prelim.saveOpening', { program: 'Lakeside Medical Center', source: 'PD at my program', seenOn: '2027-03-20', contact: 'coordinator@lakeside.example.org', status: 'contacted' });
    o = await t.call('prelim.savePath', { path: 'anesthesiology', targetSeason: 2028, steps: 'Ask an anesthesiologist for a letter', status: 'preparing' });
    o = await t.call('prelim.saveContact', { name: 'Dr. Okafor', role: 'mentor', contact: 'WhatsApp' });
    expect(o.plan!.openings[0]).toMatchObject({ program: 'Lakeside Medical Center', status: 'contacted' });
    expect(o.plan!.paths.find((p) => p.path === 'anesthesiology')).toMatchObject({ targetSeason: 2028, status: 'preparing' });
    expect(o.plan!.contacts.map((c) => c.name)).toEqual(['Dr. Okafor']);

    // Bad input: a clear message and nothing written.
    const before = dumpDb(t.db);
    const r = await t.raw('prelim.saveOpening', { program: '', seenOn: '2027-03-20' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!r.ok) expect(r.error.message).toMatch(/Name the program/);
    expect(await t.raw('prelim.deleteItem', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dumpDb(t.db)).toEqual(before);

    await t.call('seasons.startNext', { from: 2027 });
    const after = await t.call('prelim.overview');
    expect(after.plan).toMatchObject({ matchYear: 2027, stored: true });
    expect(after.plan!.openings).toHaveLength(1);
    expect(after.trigger).toMatchObject({ matchYear: 2027, source: 'match' });
  });

  it('without a prelim result there is no plan until the user opens one', async () => {
    const t = openTestServices(undefined, () => NOW);
    expect((await t.call('prelim.overview')).plan).toBeNull();
    expect(await t.raw('prelim.saveContact', { name: 'A', role: 'mentor' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const o = await t.call('prelim.open', { matchYear: 2027, programLabel: 'Somewhere (Preliminary)' });
    expect(o.plan).toMatchObject({ source: 'manual', stored: true });
    expect(await t.raw('prelim.open', { matchYear: 2027 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('advisor report', () => {
  it('holds the list with tiers and reasons, and leaves private fields out unless chosen', async () => {
    const t = await matchedPrelim();
    const r = await t.call('report.build', { sections: ['profile', 'list', 'listHealth', 'readiness', 'letters', 'budget', 'interviews'] });
    const text = JSON.stringify(r);
    expect(r.season).toBe('2027 Match');
    expect(r.list!.map((l) => [l.program, l.tier])).toEqual([
      ['Riverbend Community Hospital (Preliminary)', expect.stringMatching(/^Tier/)],
      ['Riverbend Community Hospital (Categorical)', expect.stringMatching(/^Tier|Long shot/)],
    ]);
    expect(r.list![1]!.overridden).toBe('Your tier: long_shot');
    expect(r.list![0]!.reasons.length).toBeGreaterThan(0);
    expect(r.rankList).toEqual([{ rank: 1, program: 'Riverbend Community Hospital (Preliminary)' }]);
    expect(r.budget![0]!.label).toBe('ERAS application fees for the list');
    for (const secret of ['Amina Rahman', 'amina@example.org', 'My private note', 'Loved the residents', 'PD said no IMGs']) expect(text).not.toContain(secret);

    const priv = JSON.stringify(await t.call('report.build', { sections: ['profile', 'list', 'interviews'], includePrivate: true }));
    for (const secret of ['Amina Rahman', 'amina@example.org', 'My private note', 'Loved the residents', 'PD said no IMGs']) expect(priv).toContain(secret);
    const only = await t.call('report.build', { sections: ['budget'] });
    expect(only.sections).toEqual(['budget']);
    expect(only.list).toBeUndefined();
  });
});
