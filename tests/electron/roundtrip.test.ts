// The full JSON export of a database where every feature has stored something, loaded into
// an empty database: the two are identical, row for row, in every table.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices, tempDir } from './helpers';

/** Tables a populated database may leave as a new database has them, with the reason. */
const MAY_STAY_AS_NEW: Record<string, string> = {
  season: 'one active season until the user starts the next (tests/electron/seasons.test.ts round-trips a database with a past season)',
  season_archive: 'no past season until the user starts the next one',
};

const UNFILLED_LIST = `Program Code,Program Name,City,State,Unfilled Positions
1001440P0,Alpha Community Hospital,Dayton,OH,2
7777440P0,Zulu Valley Hospital,Tupelo,MS,3`;

async function populate(t: ReturnType<typeof openTestServices>) {
  const { call } = t;
  // Profile with a USCE entry.
  const profile = seedExampleProfile();
  await call('profile.save', {
    ...profile,
    usce: [...profile.usce, { id: 'rt-1', type: 'observership', specialty: 'General Surgery', surgical: true, weeks: 4, hospital: 'Mercy Hospital', state: 'OH', handsOn: false }],
  });
  // Programs: two institutions, prelim + categorical, unfilled history, tags.
  const alpha = await call('institutions.save', {
    institution: institution({ name: 'Alpha Community Hospital', pdName: 'Dr. Maria Lopez', pdEmail: 'pd@alpha.example.org' }),
    tracks: [
      track('preliminary', { nrmpCode: '1001440P0', unfilledHistory: [{ year: 2025, unfilled: 2 }, { year: 2026, unfilled: 1 }], tags: ['mentor'], notes: 'Calls back fast' }),
      track('categorical', { nrmpCode: '1001440C0' }),
    ],
  });
  const bravo = await call('institutions.save', {
    institution: institution({ name: 'Bravo Regional', state: 'PA', visaSponsorship: 'both' }),
    tracks: [track('preliminary', { nrmpCode: '1002440P0', unfilledHistory: [{ year: 2026, unfilled: 3 }] })],
  });
  const [alphaPrelim, alphaCat] = alpha.programs.map((p) => p.id) as [number, number];
  const bravoPrelim = bravo.programs[0]!.id;
  await call('tiers.override', { programId: alphaCat, outcome: 'tier1', note: 'PD knows my mentor' });
  await call('programs.setOnList', { ids: [alphaPrelim, alphaCat, bravoPrelim], onList: true });
  await call('settings.save', { feesCombineTracks: true });

  // Applications with history, an interview, a rank list, the prep card.
  const { created } = await call('applications.create', { programIds: [alphaPrelim, bravoPrelim], date: '2026-09-01' });
  const [appA, appB] = created.map((a) => a.id) as [number, number];
  // Letters (assigned before submitting: ERAS locks them after), assignments, documents, communications, templates.
  for (const name of ['Dr. Jane Smith', 'Dr. Omar Farouk']) {
    const w = await call('writers.save', { name, location: 'us', isSurgeon: true });
    const l = await call('letters.save', { writerId: w.id });
    for (const stage of ['asked', 'agreed', 'strong_confirmed', 'uploaded'] as const) await call('letters.setStage', { id: l.id, stage, date: '2026-08-01' });
    await call('letters.assign', { applicationId: appA, letterId: l.id, assigned: true, date: '2026-08-21' });
  }
  await call('letters.saveSettings', { reminderDays: 21 });
  const ps = await call('documents.save', { kind: 'personal_statement_prelim', title: 'PS prelim', versionLabel: 'v2', date: '2026-07-01', body: 'I want to be a surgeon.' });
  await call('documents.assign', { applicationIds: [appA, appB], documentId: ps.id, date: '2026-08-01' });
  const mine = await call('templates.save', { name: 'Update', purpose: 'other', subject: 'New score', body: 'New score: {{step2ckScore}}' });
  // A deleted row leaves a gap in the ids: the import keeps the ids as they are.
  const phone = await call('communications.log', { programId: bravoPrelim, channel: 'phone', date: '2026-09-09', notes: 'Called the coordinator' });
  await call('communications.delete', { id: phone.id });
  await call('communications.log', { programId: alphaPrelim, channel: 'email', date: '2026-09-10', contact: 'Dr. Lopez', subject: 'Interest', body: 'Dear Dr. Lopez', templateId: mine.id });

  await call('applications.setStatus', { ids: [appA, appB], status: 'submitted', date: '2026-09-24', note: 'ERAS day one' });
  await call('interviews.save', { applicationId: appA, date: '2026-10-14', invitedOn: '2026-10-14', respondBy: '2026-10-16', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', platform: 'thalamus', completed: true, score: 8, impressions: 'Friendly residents' });
  await call('rankList.setFee', { extraRankFee: 35 });
  await call('rankList.save', { applicationIds: [appA], date: '2026-11-20' });
  await call('prepCard.save', { ownership: 'I did not plan Step 1 well.', reflection: 'Plans matter.', evidence: 'CK +17', reassurance: 'Strong rotations' });

  // The 2027 season: signals, geographic preference, an accepted invitation with travel, costs.
  await call('signals.setBudget', { budget: 16 });
  await call('signals.set', { institutionId: alpha.institution.id, sent: true, accepts: 'yes' });
  await call('geoPreference.save', { noPreference: false, divisions: ['east_north_central', 'middle_atlantic'], note: 'Family in Ohio' });
  const inv = await call('invitations.save', {
    applicationId: appB,
    receivedAt: '2026-10-21T10:00',
    replyBy: '2026-10-22T10:00',
    timeZone: 'America/New_York',
    offered: [{ start: '2026-11-10T09:00', slots: 2 }, { start: '2026-11-17T09:00', slots: 1 }],
    status: 'accepted',
    chosenStart: '2026-11-10T09:00',
    date: '2026-10-21',
  });
  await call('travel.save', { interviewId: inv.invitation.interviewId!, transport: 320, lodging: 140, other: 25, note: 'Train' });
  await call('costs.setAmount', { item: 'nrmp_registration', amount: 75 });
  await call('costs.setFlags', { paid: { nrmp_registration: true }, lateRegistration: true, feesPerInstitution: false });

  // Readiness, calendar, deadlines, reminders.
  await call('readiness.tick', { itemId: 'eras.cv-ordered', done: true });
  await call('calendar.correct', { eventId: 'rol-deadline', date: '2027-03-04', time: '21:00', note: 'NRMP published it' });
  await call('calendar.saveSettings', { timeZone: 'America/New_York', remindersEnabled: true, reminderDays: 3 });
  await call('deadlines.save', { programId: bravoPrelim, title: 'Supplemental form', dueDate: '2026-11-26' });
  const due = await call('reminders.due');
  expect(due.length).toBeGreaterThan(0);
  await call('reminders.markShown', { keys: due.map((r) => r.key) });
  // The .ics export records each event's content hash and SEQUENCE (ics_export).
  expect((await call('calendar.exportIcs')).events).toBeGreaterThan(0);

  // The prelim-year plan: checklist, an opening, a path, a contact.
  await call('prelim.open', { matchYear: 2027, programLabel: 'Alpha Community Hospital (Preliminary)' });
  await call('prelim.saveItem', { kind: 'feedback', title: 'Ask Dr. Lee for feedback', dueDate: '2027-08-15', person: 'Dr. Lee', action: 'Shorter presentations', done: true });
  await call('prelim.saveOpening', { program: 'Lakeside Medical Center', source: 'PD', seenOn: '2026-11-20', contact: 'pd@lakeside.example.org', status: 'watching' });
  await call('prelim.savePath', { path: 'anesthesiology', targetSeason: 2028, steps: 'Ask for a letter', status: 'exploring' });
  await call('prelim.saveContact', { name: 'Dr. Okafor', role: 'mentor', contact: 'WhatsApp' });

  // SOAP: state, plan, unfilled list, applications.
  await call('soap.setMatchStatus', { matchStatus: 'unmatched' });
  await call('soap.setTicks', { prelimStatementReady: true });
  await call('soap.planAdd', { programIds: [alphaPrelim, bravoPrelim], note: 'Both sponsor J-1' });
  await call('soap.importUnfilled', { text: UNFILLED_LIST });
  const soap = await call('soap.apply', { programIds: [alphaPrelim] });
  await call('soap.interview', { applicationId: soap.applications[0]!.id });
}

describe('the full JSON export', () => {
  it('holds every table and loads into an empty database as exactly the same rows', async () => {
    const source = openTestServices();
    const fresh = dumpDb(openTestServices(path.join(tempDir(), 'new.db')).db);
    await populate(source);
    const before = dumpDb(source.db);

    // Every user table holds something a new database does not (app_meta identifies the file).
    const asNew = Object.keys(before).filter((t) => t !== 'app_meta' && JSON.stringify(before[t]) === JSON.stringify(fresh[t]));
    expect(asNew).toEqual(Object.keys(MAY_STAY_AS_NEW));

    const out = await source.call('export.all');
    const json = JSON.parse(Buffer.from(out.base64, 'base64').toString('utf8')) as { tables: Record<string, { rows: unknown[] }> };
    expect(Object.keys(json.tables).sort()).toEqual(Object.keys(before).filter((t) => t !== 'app_meta').sort());
    expect(dumpDb(source.db)).toEqual(before);

    const target = openTestServices(path.join(tempDir(), 'target.db'));
    await target.call('import.all', { file: { name: out.fileName, base64: out.base64 } });
    const after = dumpDb(target.db);
    for (const table of Object.keys(before)) {
      if (table === 'app_meta') continue;
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    }
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());

    // And the app reads it back the same way.
    for (const method of ['applications.overview', 'letters.assignments', 'rankList.get', 'soap.overview', 'calendar.season', 'communications.list', 'documents.assignments', 'tiers.list', 'signals.review', 'geoPreference.get', 'costs.summary'] as const) {
      expect({ method, value: await target.call(method) }).toEqual({ method, value: await source.call(method) });
    }
  });
});
