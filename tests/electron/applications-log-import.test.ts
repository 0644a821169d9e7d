// A stranger's own applications log (tests/fixtures/corpus/applications-log.csv, EXPECTED.md
// §6) imported into a fresh database: its invite and interview dates become the app's
// invitations and interviews (as recording them in the inbox would), and every screen's data
// agrees with the Applications screen: the inbox, the Interviews tab, the Dashboard's numbers,
// the funnel, the agenda (Deadlines) and the calendar export. Re-importing changes nothing;
// a bad cell refuses its row only. The expectations are read from EXPECTED.md's table.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportFile } from '../../shared/api/transfer-api';
import { dumpDb, openTestServices } from './helpers';
import { fileOf, get, importFile, PROGRAM_FILES, section, tablesOf } from './corpus-expected';

// EXPECTED's season: after the last invitation (6 Jan 2027), before the first interview still to come (3 Feb).
const NOW = () => new Date('2027-01-20T15:00:00Z');
const TODAY = '2027-01-20';
const ZONE = 'America/New_York';
const LOG = 'applications-log.csv';

const table = tablesOf(section(LOG)).find((x) => x.headers.includes('Status → normalized'))!;
const expected = table.rows.map((row) => ({
  line: Number(get(table, row, /^Line/)),
  code: get(table, row, /^NRMP code/)!,
  words: get(table, row, /^Status/)!.split('→ ')[1]!,
  invite: get(table, row, /^Invite/)!,
  interview: get(table, row, /^Interview/)!,
}));
const dash = (s: string) => (s === '—' ? null : s);
/** What the inbox records for a row (docs/DOMAIN.md §8): a waitlist is a waitlisted invitation. */
function invitationOf(e: (typeof expected)[number]): string | null {
  if (e.interview !== '—') return 'accepted';
  if (e.words === 'waitlisted') return 'waitlisted';
  if (e.invite === '—') return null;
  return e.words === 'withdrawn' ? 'declined' : 'pending';
}
const DONE = new Set(['interviewed', 'ranked']);

type Services = ReturnType<typeof openTestServices>;

async function importLog(t: Services, file: ImportFile = fileOf(LOG), skipInvalid = false) {
  const preview = await t.call('import.preview', { kind: 'applications', file });
  const plan = await t.call('import.check', { kind: 'applications', file, mapping: preview.mapping });
  const result = await t.call('import.run', { kind: 'applications', file, mapping: preview.mapping, skipInvalid });
  return { preview, plan, result };
}

describe('importing an applications log records its invitations and interviews', () => {
  let t: Services;
  beforeEach(async () => {
    t = openTestServices(undefined, NOW);
    await t.call('calendar.saveSettings', { timeZone: ZONE, remindersEnabled: true, reminderDays: 3 });
    for (const name of PROGRAM_FILES) await importFile(t.call, name);
  });

  it('the dry run counts what import.run writes, and every screen agrees with the Applications screen', async () => {
    const invitations = expected.filter((e) => invitationOf(e) !== null).length;
    const interviews = expected.filter((e) => e.interview !== '—').length;
    expect([invitations, interviews]).toEqual([21, 17]);
    const { plan, result } = await importLog(t);
    expect(plan.problems).toEqual([]);
    const counts = { add: 35, update: 0, records: { invitations: { add: invitations, update: 0 }, interviews: { add: interviews, update: 0 } } };
    expect(plan).toMatchObject(counts);
    expect(result).toMatchObject(counts);

    const programs = await t.call('programs.list');
    const overview = await t.call('applications.overview');
    const inbox = await t.call('invitations.list');
    const tab = await t.call('interviews.list');
    const appOf = (code: string) => overview.find((a) => a.programId === programs.find((p) => p.nrmpCode === code)!.id)!;
    expect(inbox.invitations).toHaveLength(invitations);
    expect(tab).toHaveLength(interviews);

    const wrong: string[] = [];
    for (const e of expected) {
      const app = appOf(e.code);
      const inv = inbox.invitations.find((i) => i.invitation.applicationId === app.id)?.invitation ?? null;
      const iv = tab.find((i) => i.applicationId === app.id) ?? null;
      const want = invitationOf(e);
      if ((inv?.status ?? null) !== want) wrong.push(`line ${e.line}: invitation ${inv?.status ?? 'none'}, expected ${want ?? 'none'}`);
      // The day it arrived: the file's; a waitlist without a day is dated the import's day (as a status without a date is).
      if (inv && inv.receivedAt.slice(0, 10) !== (dash(e.invite) ?? TODAY)) wrong.push(`line ${e.line}: received ${inv.receivedAt}`);
      if ((iv?.localStart?.slice(0, 10) ?? null) !== dash(e.interview)) wrong.push(`line ${e.line}: interview ${iv?.localStart ?? 'none'}, expected ${e.interview}`);
      if (iv && inv?.interviewId !== iv.id) wrong.push(`line ${e.line}: the interview is not the accepted invitation's`);
      // Done when it took place and the status says so; to come otherwise (what the Interviews tab shows for one entered by hand).
      if (iv && iv.completed !== DONE.has(e.words)) wrong.push(`line ${e.line}: interview done ${iv.completed}`);
      if (iv && iv.timeZone !== ZONE) wrong.push(`line ${e.line}: zone ${iv.timeZone}`);
      // The status: the file's words, as far as the records take it (an accepted date is "Interview scheduled", a waitlist "Interview invited").
      const status =
        e.words === 'interview invited' && e.interview !== '—' ? 'interview_scheduled' : e.words === 'waitlisted' ? 'interview_invited' : e.words === 'applied' ? 'submitted' : e.words.replace(' ', '_');
      if (app.status !== status) wrong.push(`line ${e.line}: status ${app.status}, expected ${status}`);
      if (app.interviewCount !== (iv ? 1 : 0)) wrong.push(`line ${e.line}: the Applications screen counts ${app.interviewCount} interviews`);
    }
    expect(wrong).toEqual([]);
    // The inbox offers no application to record an invitation for that already shows one.
    const invited = overview.filter((a) => ['interview_invited', 'interview_scheduled', 'interviewed', 'ranked'].includes(a.status));
    for (const a of invited) expect(inbox.invitations.some((i) => i.invitation.applicationId === a.id), `application ${a.id}`).toBe(true);
    expect(inbox.candidates.filter((c) => invited.some((a) => a.id === c.applicationId))).toEqual([]);

    // The Dashboard's numbers: each is the count of the list it opens.
    const summary = await t.call('dashboard.summary');
    const reached = (stage: string) => overview.filter((a) => ['interview_invited', 'interview_scheduled', 'interviewed', 'ranked', 'matched', 'not_matched'].indexOf(a.reached) >= ['interview_invited', 'interview_scheduled', 'interviewed', 'ranked', 'matched', 'not_matched'].indexOf(stage)).length;
    expect(summary.interviews.invited).toBe(reached('interview_invited'));
    expect(summary.interviews.scheduled).toBe(reached('interview_scheduled'));
    expect(summary.interviews.interviewed).toBe(reached('interviewed'));
    // Invited: every invitation the inbox holds (withdrawn after the invite included: it reached the stage).
    expect(summary.interviews.invited).toBe(inbox.invitations.length);
    // Scheduled: every application with an interview; interviewed: every interview done.
    expect(summary.interviews.scheduled).toBe(tab.length);
    expect(summary.interviews.interviewed).toBe(tab.filter((i) => i.completed).length);
    const funnel = new Map(summary.applicationsReached.map((c) => [c.key, c.count]));
    expect([funnel.get('interview_invited'), funnel.get('interview_scheduled'), funnel.get('interviewed')]).toEqual([summary.interviews.invited, summary.interviews.scheduled, summary.interviews.interviewed]);

    // Deadlines: the interviews to come in the next 30 days are the Interviews tab's, and the Dashboard's "upcoming".
    const agenda = await t.call('calendar.agenda', { windowDays: 30 });
    const toCome = tab.filter((i) => !i.completed && i.localStart! >= TODAY).map((i) => `interview:${i.id}`).sort();
    expect(toCome).toHaveLength(5);
    expect(agenda.upcoming.filter((a) => a.kind === 'interview').map((a) => a.key).sort()).toEqual(toCome);
    expect(summary.interviews.upcoming).toBe(toCome.length);
    expect(agenda.all.filter((a) => a.kind === 'interview')).toHaveLength(interviews);
    // The season one day at a time (the inbox) has every interview on its day.
    expect(inbox.days.flatMap((d) => d.entries.filter((x) => x.kind === 'interview'))).toHaveLength(interviews);
    // The calendar export has each interview once.
    const ics = await t.call('calendar.exportIcs');
    expect(ics.content.match(/^SUMMARY:Interview: /gm)).toHaveLength(interviews);
  });

  it('importing the same file again changes nothing', async () => {
    await importLog(t);
    const before = dumpDb(t.db);
    const again = await importLog(t);
    const none = { add: 0, update: 0, unchanged: 35, records: { invitations: { add: 0, update: 0 }, interviews: { add: 0, update: 0 } } };
    expect(again.plan).toMatchObject(none);
    expect(again.result).toMatchObject({ ...none, backup: null });
    expect(dumpDb(t.db)).toEqual(before);
    // The app's own export has the same invite and interview days (the recorded ones) and imports back unchanged too.
    const out = await t.call('export.file', { what: 'applications', format: 'csv' });
    const exported = Buffer.from(out.base64, 'base64').toString('utf8');
    expect(exported).toContain('Ironwood Bay Regional Medical Center,Preliminary,2137440P1,Interview scheduled,2027-01-20,2026-09-03,bring winter coat lol,2026-12-09,2027-02-03,');
    expect((await importLog(t, { name: out.fileName, base64: out.base64 })).result).toMatchObject({ ...none, backup: null });
    expect(dumpDb(t.db)).toEqual(before);
  });

  it('a changed invite or interview day updates the records, lists the change and can be kept as it is', async () => {
    await importLog(t);
    // Prairie Lantern's interview on 18 Nov 2026 (done): the file now says 19 Nov; Maumee Crossing's invite came 4 Nov, not 3.
    const csv = Buffer.from(fileOf(LOG).base64, 'base64').toString('utf8').replace('Oct 22,2026-11-18', 'Oct 22,2026-11-19').replace('Nov 3,2026-12-15', 'Nov 4,2026-12-15');
    const file = { name: LOG, base64: Buffer.from(csv).toString('base64') };
    const preview = await t.call('import.preview', { kind: 'applications', file });
    const plan = await t.call('import.check', { kind: 'applications', file, mapping: preview.mapping });
    expect(plan).toMatchObject({ add: 0, update: 2, unchanged: 33, records: { invitations: { add: 0, update: 2 }, interviews: { add: 0, update: 1 } } });
    expect(plan.rows.filter((r) => r.changes).map((r) => [r.row, r.changes])).toEqual([
      [2, [{ field: 'invitation', label: 'Invitation and interview', from: 'Accepted, received 2026-10-22; interview 2026-11-18 (done)', to: 'Accepted, received 2026-10-22; interview 2026-11-19 (done)' }]],
      [4, [{ field: 'invitation', label: 'Invitation and interview', from: 'Accepted, received 2026-11-03; interview 2026-12-15 (done)', to: 'Accepted, received 2026-11-04; interview 2026-12-15 (done)' }]],
    ]);
    // "Keep mine" for Maumee Crossing: only Prairie Lantern changes.
    const kept = await t.call('import.run', { kind: 'applications', file, mapping: preview.mapping, keep: ['4:invitation'] });
    expect(kept).toMatchObject({ update: 1, unchanged: 34, records: { invitations: { add: 0, update: 1 }, interviews: { add: 0, update: 1 } } });
    const programs = await t.call('programs.list');
    const idOf = async (code: string) => (await t.call('applications.list')).find((a) => a.programId === programs.find((p) => p.nrmpCode === code)!.id)!.id;
    const inbox = (await t.call('invitations.list')).invitations.map((i) => i.invitation);
    const tab = await t.call('interviews.list');
    const prairieId = await idOf('2041440P0');
    const maumeeId = await idOf('2101440P0');
    expect(tab.filter((i) => i.applicationId === prairieId).map((i) => [i.localStart, i.completed])).toEqual([['2026-11-19T09:00', true]]);
    expect(inbox.find((i) => i.applicationId === maumeeId)!.receivedAt).toBe('2026-11-03T09:00');
    expect(tab).toHaveLength(17);
  });

  it('a time you gave in the app is kept while the file has the same day', async () => {
    await importLog(t);
    const programs = await t.call('programs.list');
    const app = (await t.call('applications.list')).find((a) => a.programId === programs.find((p) => p.nrmpCode === '2137440P1')!.id)!;
    const inv = (await t.call('invitations.list')).invitations.find((i) => i.invitation.applicationId === app.id)!.invitation;
    expect(inv).toMatchObject({ status: 'accepted', chosenStart: '2027-02-03T09:00', receivedAt: '2026-12-09T09:00', timeZone: ZONE });
    // The user corrects the times in the inbox (received 14:30, interview at 10:00 Central).
    const { id: _id, interviewId: _iv, createdAt: _c, updatedAt: _u, ...fields } = inv;
    await t.call('invitations.save', { ...fields, id: inv.id, receivedAt: '2026-12-09T14:30', timeZone: 'America/Chicago', offered: [{ start: '2027-02-03T10:00', slots: null }], chosenStart: '2027-02-03T10:00', date: TODAY });
    expect(await importLog(t).then((r) => r.plan)).toMatchObject({ update: 0, unchanged: 35 });
  });

  it('a bad cell refuses its row (named by row and column) and changes nothing for it', async () => {
    const csv = Buffer.from(fileOf(LOG).base64, 'base64').toString('utf8').replace('Oct 22,2026-11-18', 'Oct 45,2026-11-18').replace('Dec 9,2027-02-03', 'Dec 9,2026-12-01').replace('Nov 20,2026-12-16', 'Nov 20,2026-11-02');
    const file = { name: LOG, base64: Buffer.from(csv).toString('base64') };
    const before = dumpDb(t.db);
    const preview = await t.call('import.preview', { kind: 'applications', file });
    const plan = await t.call('import.check', { kind: 'applications', file, mapping: preview.mapping });
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Invite date'],
      [6, 'Interview date'],
      [17, 'Interview date'],
    ]);
    expect(plan.problems[0]!.message).toMatch(/Oct 45/);
    expect(plan.problems[1]!.message).toBe('An offered date cannot be before the invitation arrived.');
    expect((await t.raw('import.run', { kind: 'applications', file, mapping: preview.mapping })).ok).toBe(false);
    expect(dumpDb(t.db)).toEqual(before);
    const r = await t.call('import.run', { kind: 'applications', file, mapping: preview.mapping, skipInvalid: true });
    expect(r).toMatchObject({ add: 32, skipped: 3, records: { invitations: { add: 18 }, interviews: { add: 14 } } });
    expect((await t.call('invitations.list')).invitations).toHaveLength(18);
    expect(await t.call('interviews.list')).toHaveLength(14);
  });

  it('rows that say less: an interview with no invite day, "II" with no day, a withdrawal before an interview, a rejection after an invite', async () => {
    const csv = [
      'NRMP,Status,Applied on,Status date,Invite date,Interview date',
      '2041440P0,Interviewed,9/2/2026,,,2026-11-18',
      '2041440C0,II,9/2/2026,2026-12-01,,',
      '2101440P0,Withdrew,9/2/2026,2027-01-10,Nov 3,2027-02-01',
      '2101440C0,Rejected,9/2/2026,2026-12-20,Nov 5,',
    ].join('\n');
    const { plan } = await importLog(t, { name: 'mine.csv', base64: Buffer.from(csv).toString('base64') });
    expect(plan).toMatchObject({ add: 4, problems: [], records: { invitations: { add: 3, update: 0 }, interviews: { add: 1, update: 0 } } });
    const programs = await t.call('programs.list');
    const apps = await t.call('applications.list');
    const appOf = (code: string) => apps.find((a) => a.programId === programs.find((p) => p.nrmpCode === code)!.id)!;
    const inbox = (await t.call('invitations.list')).invitations.map((i) => i.invitation);
    const tab = await t.call('interviews.list');
    // The interview alone, as the Interviews tab records one (no invitation day to give the inbox).
    expect(tab.map((i) => [i.applicationId, i.localStart, i.completed, i.invitedOn])).toEqual([[appOf('2041440P0').id, '2026-11-18T09:00', true, null]]);
    const of = (code: string) => inbox.find((i) => i.applicationId === appOf(code).id);
    expect(of('2041440P0')).toBeUndefined();
    // "II" without a day: a reply owed, received on the row's status date.
    expect(of('2041440C0')).toMatchObject({ status: 'pending', receivedAt: '2026-12-01T09:00' });
    // Withdrawn before the interview: cancelled by you on the status date, no interview kept.
    expect(of('2101440P0')).toMatchObject({ status: 'cancelled', cancelledBy: 'me', cancelledOn: '2027-01-10', chosenStart: '2027-02-01T09:00', interviewId: null });
    // Rejected after the invite: cancelled by the program.
    expect(of('2101440C0')).toMatchObject({ status: 'cancelled', cancelledBy: 'program', cancelledOn: '2026-12-20', chosenStart: null });
    expect(apps.map((a) => a.status).sort()).toEqual(['interview_invited', 'interviewed', 'rejected', 'withdrawn']);
  });

  it('an "Interviewed" row whose interview is still to come is refused with what to fix', async () => {
    const csv = Buffer.from(fileOf(LOG).base64, 'base64').toString('utf8').replace('Nov 3,2026-12-15', 'Nov 3,2027-01-25');
    const file = { name: LOG, base64: Buffer.from(csv).toString('base64') };
    const preview = await t.call('import.preview', { kind: 'applications', file });
    const plan = await t.call('import.check', { kind: 'applications', file, mapping: preview.mapping });
    expect(plan.problems).toEqual([
      { row: 4, column: 'Interview date', message: `The status says the interview took place, but its date (2027-01-25) is after today (${TODAY}): give the day it took place, or the status it has now (e.g. Interview invited).` },
    ]);
  });
});
