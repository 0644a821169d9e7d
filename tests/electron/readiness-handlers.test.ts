// Readiness, calendar, reminders and dashboard handlers on real SQLite files.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { EMPTY_PROFILE } from '../../shared/domain/profile';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices } from './helpers';

const NOW = new Date('2026-09-20T14:00:00Z');

async function setup(now: Date = NOW) {
  let current = now;
  const t = openTestServices(undefined, () => current);
  await t.call('calendar.saveSettings', { timeZone: 'America/New_York', remindersEnabled: true, reminderDays: 3 });
  return { ...t, setNow: (d: Date) => (current = d) };
}

async function addProgram(call: Awaited<ReturnType<typeof setup>>['call'], name: string, code: string, visa: 'j1' | 'h1b' | 'both' = 'j1') {
  const saved = await call('institutions.save', { institution: institution({ name, visaSponsorship: visa }), tracks: [track('preliminary', { nrmpCode: code })] });
  return saved.programs[0]!.id;
}

describe('readiness checklist', () => {
  it('an empty database shows blocking items; saving the profile turns them done', async () => {
    const { call } = await setup();
    const before = await call('readiness.checklist');
    expect(before.today).toBe('2026-09-20');
    const blocking = before.items.filter((i) => i.state === 'blocking').map((i) => i.id);
    expect(blocking).toEqual(expect.arrayContaining(['eras.profile', 'eras.step1', 'eras.step2ck', 'eras.ecfmg', 'eras.oet']));
    await call('profile.save', seedExampleProfile());
    const after = await call('readiness.checklist');
    for (const id of blocking) expect(after.items.find((i) => i.id === id)!.state).toBe('done');
    expect(after.progress.percent).toBeGreaterThan(before.progress.percent);
  });

  it('H-1B required without Step 3 names the H-1B programs on the list', async () => {
    const { call } = await setup();
    await call('profile.save', seedExampleProfile({ visaNeed: 'h1b_required' }));
    const h = await addProgram(call, 'H Hospital', '1001440P0', 'h1b');
    const j = await addProgram(call, 'J Hospital', '1002440P0', 'j1');
    await call('programs.setOnList', { ids: [h, j], onList: true });
    const r = await call('readiness.checklist');
    const item = r.items.find((i) => i.id === 'eras.step3-for-h1b')!;
    expect(item).toMatchObject({ state: 'blocking', affectedProgramIds: [h], dueDate: '2027-03-03' });
    expect(r.programNames[h]).toBe('H Hospital (Preliminary)');
  });

  it('reads letters and documents from the letters domain', async () => {
    const { call } = await setup();
    await call('profile.save', seedExampleProfile());
    const p = await addProgram(call, 'Mercy', '1003440P0');
    const { created } = await call('applications.create', { programIds: [p], date: '2026-09-01' });
    for (const name of ['Dr A', 'Dr B']) {
      const w = await call('writers.save', { name, location: 'us', isSurgeon: true });
      const l = await call('letters.save', { writerId: w.id });
      await call('letters.setStage', { id: l.id, stage: 'strong_confirmed', date: '2026-08-20' });
      await call('letters.setStage', { id: l.id, stage: 'uploaded', date: '2026-09-01' });
      await call('letters.assign', { applicationId: created[0]!.id, letterId: l.id, assigned: true, date: '2026-09-02' });
    }
    await call('documents.save', { kind: 'personal_statement_surgery', title: 'PS surgery', date: '2026-08-01' });
    const r = await call('readiness.checklist');
    const state = (id: string) => r.items.find((i) => i.id === id)!.state;
    expect(state('eras.letters-us-surgeons')).toBe('done');
    expect(state('eras.letters-total')).toBe('needs_action');
    expect(state('eras.letters-assigned')).toBe('done');
    expect(state('eras.ps-surgery')).toBe('done');
  });

  it('stores the user\'s ticks', async () => {
    const { call } = await setup();
    await call('readiness.tick', { itemId: 'eras.cv-ordered', done: true });
    expect((await call('readiness.checklist')).items.find((i) => i.id === 'eras.cv-ordered')!.state).toBe('done');
    await call('readiness.tick', { itemId: 'eras.cv-ordered', done: false });
    expect((await call('readiness.checklist')).items.find((i) => i.id === 'eras.cv-ordered')!.state).toBe('needs_action');
  });
});

describe('other checklist sources', () => {
  it('shows the SOAP plan\'s items after the ERAS ones, with their own progress, and in the agenda', async () => {
    const { call } = await setup();
    const c = await call('readiness.checklist');
    const soapItems = c.items.filter((i) => i.group === 'soap');
    expect(soapItems.length).toBeGreaterThan(0);
    expect(c.items.slice(-soapItems.length)).toEqual(soapItems);
    expect(c.progress.needsAction).toBe(c.items.filter((i) => i.state === 'needs_action' && i.group !== 'soap').length);
    const statement = soapItems.find((i) => i.id === 'soap.prelim-statement')!;
    expect(statement).toMatchObject({ state: 'needs_action' });
    expect(statement.dueDate).not.toBeNull();
    expect(c.soapProgress).toMatchObject({ needsAction: soapItems.filter((i) => i.state === 'needs_action').length });
    const agenda = await call('calendar.agenda', { windowDays: 30 });
    expect(agenda.all.find((e) => e.key === `readiness:${statement.dueDate}` || e.title === statement.title)).toBeDefined();
  });
});

describe('season calendar and deadlines', () => {
  it('corrects a reference date (no longer estimated) and resets it', async () => {
    const { call } = await setup();
    const season = await call('calendar.correct', { eventId: 'rol-deadline', date: '2027-03-04', time: '21:00', note: 'NRMP published it' });
    expect(season.find((e) => e.id === 'rol-deadline')).toMatchObject({ date: '2027-03-04', estimated: false, corrected: true, referenceDate: '2027-03-03', note: 'NRMP published it' });
    const reset = await call('calendar.resetCorrection', { eventId: 'rol-deadline' });
    expect(reset.find((e) => e.id === 'rol-deadline')).toMatchObject({ date: '2027-03-03', estimated: true, corrected: false });
  });

  it('adds, completes and deletes program deadlines; the agenda shows overdue and upcoming ones in the user\'s zone', async () => {
    const { call } = await setup();
    const p = await addProgram(call, 'Mercy', '1004440P0');
    const late = await call('deadlines.save', { programId: p, title: 'Supplemental', dueDate: '2026-09-18' });
    const soon = await call('deadlines.save', { programId: p, title: 'Video', dueDate: '2026-09-21' });
    const agenda = await call('calendar.agenda');
    expect(agenda.today).toBe('2026-09-20');
    expect(agenda.timeZone).toBe('America/New_York');
    expect(agenda.overdue.filter((e) => e.kind === 'program_deadline').map((e) => e.key)).toEqual([`deadline:${late.id}`]);
    const upcoming = agenda.upcoming.find((e) => e.key === `deadline:${soon.id}`)!;
    expect(upcoming).toMatchObject({ daysLeft: 1, state: 'upcoming', title: 'Video: Mercy (Preliminary)' });
    await call('deadlines.save', { id: late.id, programId: p, title: 'Supplemental', dueDate: '2026-09-18', done: true });
    expect((await call('calendar.agenda')).overdue.filter((e) => e.kind === 'program_deadline')).toEqual([]);
    await call('deadlines.delete', { id: soon.id });
    expect((await call('deadlines.list')).map((d) => d.id)).toEqual([late.id]);
    // A deleted program takes its deadlines with it.
    await call('programs.delete', { id: p });
    expect(await call('deadlines.list')).toEqual([]);
  });

  it('refuses a deadline for a program or deadline that does not exist, and writes nothing', async () => {
    const { raw, db } = await setup();
    const before = dumpDb(db);
    for (const input of [{ programId: 9999, title: 'X', dueDate: '2026-10-01' }, { id: 9999, programId: 1, title: 'X', dueDate: '2026-10-01' }]) {
      const r = await raw('deadlines.save', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('not_found');
    }
    const d = await raw('deadlines.delete', { id: 9999 });
    expect(d.ok).toBe(false);
    expect(dumpDb(db)).toEqual(before);
  });

  it('the agenda counts days in the user\'s zone: the ROL deadline at 9 pm ET is the next day in Kolkata', async () => {
    const { call } = await setup(new Date('2027-03-03T12:00:00Z'));
    const ny = (await call('calendar.agenda')).all.find((e) => e.key === 'season:rol-deadline')!;
    expect(ny).toMatchObject({ userDate: '2027-03-03', daysLeft: 0, state: 'today', easternTime: '9:00 PM EST' });
    await call('calendar.saveSettings', { timeZone: 'Asia/Kolkata', remindersEnabled: true, reminderDays: 3 });
    const kol = (await call('calendar.agenda')).all.find((e) => e.key === 'season:rol-deadline')!;
    expect(kol).toMatchObject({ userDate: '2027-03-04', daysLeft: 1, state: 'upcoming', localTime: 'Thu 4 Mar 2027, 7:30 AM GMT+5:30' });
  });

  it('letter reminders and email follow-ups appear as dated items', async () => {
    const { call } = await setup();
    const p = await addProgram(call, 'Mercy', '1005440P0');
    const w = await call('writers.save', { name: 'Dr Slow', location: 'us', isSurgeon: true });
    const l = await call('letters.save', { writerId: w.id });
    await call('letters.setStage', { id: l.id, stage: 'asked', date: '2026-09-01' });
    await call('communications.log', { programId: p, channel: 'email', date: '2026-09-10', subject: 'Interest' });
    const all = (await call('calendar.agenda')).all;
    expect(all.find((e) => e.key === `letter:${l.id}:reminder`)).toMatchObject({ date: '2026-09-15', state: 'overdue', section: 'letters' });
    const follow = all.find((e) => e.kind === 'follow_up')!;
    expect(follow).toMatchObject({ date: '2026-09-24', title: 'Follow up: Mercy (Preliminary)', state: 'upcoming' });
    await call('communications.log', { programId: p, channel: 'email', direction: 'received', date: '2026-09-12', subject: 'Re: Interest' });
    expect((await call('calendar.agenda')).all.filter((e) => e.kind === 'follow_up')).toEqual([]);
  });
});

describe('reminders', () => {
  it('shows each due item at most once per day, never done items, and again the next day', async () => {
    const { call, setNow } = await setup();
    const p = await addProgram(call, 'Mercy', '1006440P0');
    const d = await call('deadlines.save', { programId: p, title: 'Video', dueDate: '2026-09-22' });
    const far = await call('deadlines.save', { programId: p, title: 'Far', dueDate: '2026-10-30' });
    const due = await call('reminders.due');
    const keys = due.map((r) => r.key);
    expect(keys).toContain(`deadline:${d.id}`);
    expect(keys).not.toContain(`deadline:${far.id}`);
    expect(due.find((r) => r.key === `deadline:${d.id}`)!.when).toEqual({ state: 'soon', days: 2, date: '2026-09-22', instant: null, estimated: false });
    expect(await call('reminders.markShown', { keys })).toEqual({ recorded: keys.length });
    expect(await call('reminders.markShown', { keys })).toEqual({ recorded: 0 });
    expect((await call('reminders.due')).map((r) => r.key)).not.toContain(`deadline:${d.id}`);
    setNow(new Date('2026-09-21T14:00:00Z'));
    expect((await call('reminders.due')).map((r) => r.key)).toContain(`deadline:${d.id}`);
    await call('deadlines.save', { id: d.id, programId: p, title: 'Video', dueDate: '2026-09-22', done: true });
    expect((await call('reminders.due')).map((r) => r.key)).not.toContain(`deadline:${d.id}`);
  });

  it('gives nothing when reminders are off', async () => {
    const { call } = await setup();
    await call('calendar.saveSettings', { timeZone: '', remindersEnabled: false, reminderDays: 3 });
    expect(await call('reminders.due')).toEqual([]);
    const s = await call('calendar.settings');
    expect(s.timeZone).toBe('');
    expect(s.effectiveTimeZone).not.toBe('');
  });
});

describe('calendar export', () => {
  it('exports every dated item; a second export keeps the UIDs (parsed by ical.js)', async () => {
    const { call } = await setup();
    const p = await addProgram(call, 'Mercy', '1007440P0');
    await call('deadlines.save', { programId: p, title: 'Video', dueDate: '2026-10-01' });
    const first = await call('calendar.exportIcs');
    expect(first.filename).toBe('prelim-tracker-2026-09-20.ics');
    const parse = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const events = parse(first.content);
    expect(events.length).toBe(first.events);
    await call('calendar.correct', { eventId: 'match-day', date: '2027-03-19', time: '12:00', note: '' });
    const second = parse((await call('calendar.exportIcs')).content);
    expect(second.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
    const matchDay = second.find((e) => e.uid === 'season:match-day@prelim-tracker.local')!;
    expect(matchDay.startDate.toJSDate().toISOString()).toBe('2027-03-19T16:00:00.000Z');
    expect(matchDay.sequence).toBeGreaterThan(0);
  });

  const parseIcs = (text: string) =>
    new Map(
      new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
        .map((e) => [e.uid, { sequence: e.sequence, content: `${e.summary}|${e.description}|${e.startDate.toString()}` }] as const),
    );

  it('SEQUENCE: the same without a change, higher for a changed checklist group (which has no change date), same UIDs', async () => {
    const { call, db } = await setup();
    const first = parseIcs((await call('calendar.exportIcs')).content);
    const again = parseIcs((await call('calendar.exportIcs')).content);
    expect(again).toEqual(first);
    const groups = [...first.keys()].filter((uid) => uid.startsWith('readiness:'));
    expect(groups.length).toBeGreaterThan(0);
    expect(db.prepare('SELECT COUNT(*) FROM ics_export').pluck().get()).toBe(first.size);

    // Saving the profile turns several checklist items done: the groups' titles and descriptions change.
    await call('profile.save', seedExampleProfile());
    const after = parseIcs((await call('calendar.exportIcs')).content);
    const changed = groups.filter((uid) => after.has(uid) && after.get(uid)!.content !== first.get(uid)!.content);
    expect(changed.length).toBeGreaterThan(0);
    for (const uid of changed) expect(after.get(uid)!.sequence).toBeGreaterThan(first.get(uid)!.sequence);
    for (const [uid, e] of after) if (first.has(uid) && first.get(uid)!.content === e.content) expect({ uid, sequence: e.sequence }).toEqual({ uid, sequence: first.get(uid)!.sequence });
    // A UID is the same item in both exports (no new UID for a changed group).
    expect(changed.every((uid) => first.has(uid))).toBe(true);
  });

  it('SEQUENCE: resetting a season correction gets a higher sequence than the corrected version', async () => {
    const { call, setNow } = await setup();
    const uid = 'season:match-day@prelim-tracker.local';
    const original = parseIcs((await call('calendar.exportIcs')).content).get(uid)!;
    setNow(new Date('2026-10-01T14:00:00Z'));
    await call('calendar.correct', { eventId: 'match-day', date: '2027-03-19', time: '12:00', note: '' });
    const corrected = parseIcs((await call('calendar.exportIcs')).content).get(uid)!;
    expect(corrected.sequence).toBeGreaterThan(original.sequence);
    await call('calendar.resetCorrection', { eventId: 'match-day' });
    const reset = parseIcs((await call('calendar.exportIcs')).content).get(uid)!;
    expect(reset.content).toBe(original.content);
    expect(reset.sequence).toBeGreaterThan(corrected.sequence);
    expect(parseIcs((await call('calendar.exportIcs')).content).get(uid)!.sequence).toBe(reset.sequence);
  });
});

describe('dashboard', () => {
  it('an empty database is a first run', async () => {
    const { call } = await setup();
    const d = await call('dashboard.summary');
    expect(d.firstRun).toBe(true);
    await call('profile.save', { ...EMPTY_PROFILE, fullName: 'A' });
    expect((await call('dashboard.summary')).firstRun).toBe(false);
  });

  it('counts applications by status, programs by tier, letters, the ERAS cost so far and interviews', async () => {
    // After the invitation of 2026-10-03: a status is never dated in the future.
    const { call } = await setup(new Date('2026-10-05T14:00:00Z'));
    await call('profile.save', seedExampleProfile());
    const ids = [await addProgram(call, 'A', '1010440P0'), await addProgram(call, 'B', '1011440P0'), await addProgram(call, 'C', '1012440P0')];
    const { created } = await call('applications.create', { programIds: ids, date: '2026-09-01' });
    await call('applications.setStatus', { ids: [created[0]!.id, created[1]!.id], status: 'submitted', date: '2026-09-03' });
    await call('applications.setStatus', { ids: [created[1]!.id], status: 'interview_invited', date: '2026-10-03' });
    const w = await call('writers.save', { name: 'Dr A', location: 'us', isSurgeon: true });
    await call('letters.save', { writerId: w.id });
    const d = await call('dashboard.summary');
    expect(d.firstRun).toBe(false);
    const count = (k: string) => d.applicationsByStatus.find((s) => s.key === k)!.count;
    expect([count('considering'), count('submitted'), count('interview_invited')]).toEqual([1, 1, 1]);
    expect(d.programsByTier.reduce((s, t) => s + t.count, 0)).toBe(3);
    expect(d.programsByTier.reduce((s, t) => s + t.onList, 0)).toBe(3);
    expect(d.submittedCount).toBe(2);
    expect(d.erasCostSoFar.total).toBe(22);
    expect(d.erasCostOfList.total).toBe(33);
    expect(d.lettersByStage.find((s) => s.key === 'to_ask')!.count).toBe(1);
    expect(d.interviews.invited).toBe(1);
    expect(d.readiness.applicable).toBeGreaterThan(0);
  });

  it('ERAS readiness counts the ERAS items only; the SOAP plan\'s items are counted apart', async () => {
    const { call } = await setup();
    await call('profile.save', seedExampleProfile());
    const c = await call('readiness.checklist');
    const soap = c.items.filter((i) => i.group === 'soap');
    const eras = c.items.filter((i) => i.group !== 'soap');
    expect(soap.length).toBeGreaterThan(0);
    const applicable = (xs: typeof eras) => xs.filter((i) => i.state !== 'not_applicable').length;
    expect(c.progress.applicable).toBe(applicable(eras));
    expect(c.soapProgress?.applicable).toBe(applicable(soap));
    const d = await call('dashboard.summary');
    expect(d.readiness).toEqual(c.progress);
    expect(d.readiness.done).toBe(eras.filter((i) => i.state === 'done').length);
    expect(d.soapReadiness).toEqual(c.soapProgress);
    expect(d.blockingTitles.every((t) => eras.some((i) => i.title === t))).toBe(true);
  });

  it('the funnel counts each application at every stage it reached, rejected and withdrawn ones included (from their history)', async () => {
    // A day after the last status change: status dates are never in the future.
    const { call } = await setup(new Date('2026-10-21T15:00:00Z'));
    await call('profile.save', seedExampleProfile());
    const ids = [await addProgram(call, 'A', '1010440P0'), await addProgram(call, 'B', '1011440P0'), await addProgram(call, 'C', '1012440P0'), await addProgram(call, 'D', '1013440P0')];
    const { created } = await call('applications.create', { programIds: ids, date: '2026-09-01' });
    const [a, b, c, e] = created.map((x) => x.id) as [number, number, number, number];
    await call('applications.setStatus', { ids: [a, b, c], status: 'submitted', date: '2026-09-03' });
    await call('applications.setStatus', { ids: [b, c], status: 'interview_invited', date: '2026-10-03' });
    await call('applications.setStatus', { ids: [c], status: 'rejected', date: '2026-10-20' });
    await call('applications.setStatus', { ids: [e], status: 'materials_ready', date: '2026-09-02' });
    await call('applications.setStatus', { ids: [e], status: 'withdrawn', date: '2026-09-05' });
    const d = await call('dashboard.summary');
    const reached = Object.fromEntries(d.applicationsReached.map((s) => [s.key, s.count]));
    expect(reached).toMatchObject({ considering: 4, materials_ready: 4, submitted: 3, under_review: 2, interview_invited: 2, interview_scheduled: 0, matched: 0 });
    // The funnel's "Submitted" agrees with the cost card's "N submitted".
    expect(reached.submitted).toBe(d.submittedCount);
    // The current-status counts are still there for the links.
    expect(d.applicationsByStatus.find((s) => s.key === 'submitted')!.count).toBe(1);
  });
});
