import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../shared/api/contract';
import { createHandlers } from '../../electron/api/handlers';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices } from './helpers';

const nextYear = new Date().getFullYear() + 1;
const validInstitution = { institution: institution(), tracks: [track('preliminary'), track('categorical')] };

/** For every method: inputs that must be refused. Typed by Method so a new method needs an entry. */
const BAD_INPUTS: Record<Method, unknown[]> = {
  'app.info': [{ extra: 1 }, 'x', 5],
  'profile.get': [{ extra: 1 }, [1]],
  'profile.save': [
    undefined,
    {},
    { ...seedExampleProfile(), step2ckScore: 400 },
    { ...seedExampleProfile(), graduationYear: nextYear },
    { ...seedExampleProfile(), visaNeed: 'green card' },
    { ...seedExampleProfile(), step1Attempts: -1 },
    { ...seedExampleProfile(), usce: [{ id: 'x', type: 'elective', specialty: '', surgical: true, weeks: 0, hospital: '', state: 'ZZ', handsOn: true }] },
  ],
  'programs.list': [{ extra: 1 }],
  'institutions.save': [
    undefined,
    { institution: institution(), tracks: [] },
    { institution: institution({ name: '' }), tracks: [track('preliminary')] },
    { institution: institution(), tracks: [track('preliminary', { nrmpCode: '12345' })] },
    { institution: institution(), tracks: [track('preliminary', { nrmpCode: '1234440C0' })] },
    { institution: institution({ state: 'Narnia' }), tracks: [track('preliminary')] },
    { institution: institution(), tracks: [track('preliminary', { minStep2ck: 900 })] },
    { institution: institution(), tracks: [track('preliminary'), track('preliminary', { nrmpCode: '1234440P1' })] },
  ],
  'programs.delete': [undefined, { id: 'one' }, { id: -3 }, { id: 1.5 }],
  'institutions.delete': [undefined, { id: 0 }, {}],
  'tiers.list': [{ profile: {} }],
  'programs.table': [{ extra: 1 }, 'x'],
  'programs.tableStart': [undefined, {}, { count: 0 }, { count: 501 }, { count: 1.5 }, { count: 10, extra: 1 }],
  'tiers.get': [undefined, {}, { programId: 0 }, { programId: 'one' }, { programId: 1, extra: 1 }],
  'tiers.override': [undefined, { programId: 1, outcome: 'tier9', note: 'x' }, { programId: 1, outcome: 'tier1', note: '' }, { programId: 1, outcome: 'tier1', note: 'x'.repeat(501) }],
  'programs.setOnList': [undefined, { ids: [], onList: true }, { ids: [1], onList: 'yes' }, { ids: ['1'], onList: true }],
  'settings.get': [{ a: 1 }],
  'settings.save': [undefined, { feesCombineTracks: 'no' }, { feesCombineTracks: true, extra: 1 }],
  'sample.load': [{ institutions: 0 }, { institutions: 100000 }, 'many'],
  'applications.list': [{ all: true }],
  'applications.create': [undefined, { programIds: [], date: '2026-11-20' }, { programIds: [1], date: '20/11/2026' }, { programIds: [1], date: '2026-11-20', status: 'sent' }, { programIds: ['1'], date: '2026-11-20' }],
  'applications.setStatus': [undefined, { ids: [1], status: 'done', date: '2026-11-20' }, { ids: [], status: 'submitted', date: '2026-11-20' }, { ids: [1], status: 'submitted', date: '2026-02-30' }, { ids: [1], status: 'submitted', date: '2026-11-20', note: 'x'.repeat(1001) }],
  'applications.update': [undefined, { id: 1 }, { id: 1, notes: 5 }],
  'applications.history': [undefined, { id: 'a' }],
  'applications.delete': [undefined, { id: 0 }],
  'applications.overview': [{ all: true }],
  'interviews.list': [{ applicationId: 1 }],
  'interviews.save': [
    undefined,
    { applicationId: 1 },
    { applicationId: 1, date: '2026-10-01', localStart: '2026-11-03T09:00' },
    { applicationId: 1, date: '2026-10-01', localStart: '2026-11-03T09:00', timeZone: 'Eastern Time' },
    { applicationId: 1, date: '2026-10-01', localStart: '2027-03-14T02:30', timeZone: 'America/New_York' },
    { applicationId: 1, date: '2026-10-01', localStart: '2026-11-03 9am', timeZone: 'America/Chicago' },
    { applicationId: 1, date: '2026-10-01', invitedOn: '2026-10-05', respondBy: '2026-10-01' },
    { applicationId: 1, date: '2026-10-01', completed: true },
    { applicationId: 1, date: '2026-10-01', localStart: '2026-11-03T09:00', timeZone: 'UTC', completed: true, score: 11 },
    { applicationId: 1, date: '2026-10-01', durationMinutes: 0 },
    { applicationId: 1, date: '2026-10-01', platform: 'skype' },
  ],
  'interviews.delete': [undefined, { id: 'x' }],
  'rankList.get': [{ id: 1 }],
  'rankList.save': [undefined, { applicationIds: [1, 1], date: '2027-02-01' }, { applicationIds: Array.from({ length: 301 }, (_, i) => i + 1), date: '2027-02-01' }, { applicationIds: [1] }, { applicationIds: ['1'], date: '2027-02-01' }],
  'rankList.setFee': [undefined, { extraRankFee: -5 }, { extraRankFee: '35' }, { extraRankFee: 5000 }],
  'prepCard.get': [{ id: 1 }],
  'prepCard.save': [undefined, { ownership: 'x', reflection: '', evidence: '' }, { ownership: 'x'.repeat(2001), reflection: '', evidence: '', reassurance: '' }, { ownership: '', reflection: '', evidence: '', reassurance: '', extra: 1 }],
  'sample.remove': [{ all: true }],
  'soap.overview': [{ all: true }, 'x'],
  'soap.setMatchStatus': [undefined, {}, { matchStatus: 'half matched' }, { matchStatus: 'unmatched', extra: 1 }],
  'soap.setTicks': [undefined, {}, { prelimStatementReady: 'yes' }, { lettersReady: 1 }],
  'soap.planAdd': [undefined, { programIds: [] }, { programIds: ['1'] }, { programIds: [0] }, { programIds: [1], note: 'x'.repeat(501) }],
  'soap.planRemove': [undefined, { programId: 'a' }, { programId: -1 }],
  'soap.planReorder': [undefined, { programIds: [1, 1] }, { programIds: 'all' }],
  'soap.importUnfilled': [undefined, { text: '' }, { text: '   ' }, { text: 'no codes in here\nat all' }, { text: '1234140P0 Internal Medicine Prelim' }, { text: 5 }],
  'soap.apply': [undefined, { programIds: [] }, { programIds: Array.from({ length: 46 }, (_, i) => i + 1) }, { programIds: [1.5] }],
  'soap.interview': [undefined, { applicationId: 0 }, { applicationId: 'one' }],
  'soap.offer': [undefined, { applicationId: 1 }, { applicationId: 1, round: 0 }, { applicationId: 1, round: 5 }, { applicationId: 1, round: 2.5 }],
  'soap.decide': [undefined, { applicationId: 1 }, { applicationId: 1, decision: 'maybe' }],
  'backups.list': [{ dir: '/tmp' }, 'x'],
  'backups.create': [{ reason: 'manual' }, 1],
  'import.preview': [undefined, { kind: 'programs' }, { kind: 'letters', file: { name: 'a.csv', base64: 'YQ==' } }, { kind: 'programs', file: { name: '', base64: 'YQ==' } }, { kind: 'programs', file: { name: 'a.csv', base64: 'not base64!' } }],
  'import.check': [undefined, { kind: 'programs', file: { name: 'a.csv', base64: 'YQ==' } }, { kind: 'programs', file: { name: 'a.csv', base64: 'YQ==' }, mapping: [5] }],
  'import.run': [undefined, { kind: 'programs', file: { name: 'a.csv', base64: 'YQ==' }, mapping: ['institution'], skipInvalid: 'yes' }, { kind: 'programs', file: { name: 'a.csv', base64: 'YQ==' }, mapping: ['institution'], extra: 1 }],
  'export.file': [undefined, { what: 'everything', format: 'csv' }, { what: 'programs', format: 'pdf' }],
  'export.all': [{ format: 'json' }],
  'import.all': [undefined, {}, { file: { name: 'x.json' } }, { file: { name: 'x.json', base64: 'e30=' }, dryRun: 'no' }],
  'backups.restore': [undefined, {}, { file: '' }, { file: 'notes.txt' }, { file: '../prelim-tracker.db' }, { file: 'relative/backup.db' }, { file: '/etc/passwd' }, { file: 42 }, { file: '/tmp/x.db', extra: 1 }],
  'writers.list': [{ all: true }],
  'writers.save': [
    undefined,
    { name: '', location: 'us', isSurgeon: true },
    { name: 'Dr. A', location: 'mars', isSurgeon: true },
    { name: 'Dr. A', location: 'us', isSurgeon: 'yes' },
    { name: 'Dr. A', location: 'us', isSurgeon: true, email: 'not-an-email' },
    { name: 'Dr. A', location: 'us', isSurgeon: true, extra: 1 },
  ],
  'writers.delete': [undefined, { id: 0 }],
  'letters.list': [{ all: true }],
  'letters.save': [undefined, {}, { writerId: 'one' }, { writerId: 1, label: 'x'.repeat(121) }],
  'letters.setStage': [undefined, { id: 1, stage: 'sent', date: '2026-11-20' }, { id: 1, stage: 'asked', date: '2026-13-01' }, { id: 1, stage: 'asked', date: '' }],
  'letters.delete': [undefined, { id: -1 }],
  'letters.assignments': [{ applicationId: 1 }],
  'letters.assign': [
    undefined,
    { applicationId: 1, letterId: 1, date: '2026-11-20' },
    { applicationId: 1, letterId: 1, assigned: 'yes', date: '2026-11-20' },
    { applicationId: 1, letterId: 1, assigned: true, date: 'today' },
    { applicationId: 0, letterId: 1, assigned: true, date: '2026-11-20' },
  ],
  'letters.settings': [{ reminderDays: 3 }],
  'letters.saveSettings': [undefined, { reminderDays: 0 }, { reminderDays: 500 }, { reminderDays: 2.5 }, { reminderDays: '7' }],
  'documents.list': [{ kind: 'cv' }],
  'documents.save': [
    undefined,
    { kind: 'cv', title: '', date: '2026-11-20' },
    { kind: 'poem', title: 'CV', date: '2026-11-20' },
    { kind: 'cv', title: 'CV', date: '2026/11/20' },
    { kind: 'cv', title: 'CV', date: '2026-11-20', body: 'x'.repeat(60001) },
  ],
  'documents.delete': [undefined, { id: 'x' }],
  'documents.assignments': [{ all: true }],
  'documents.assign': [undefined, { applicationIds: [], documentId: 1, date: '2026-11-20' }, { applicationIds: [1], documentId: 1 }],
  'documents.unassign': [undefined, { applicationIds: [1], slot: 'photo' }, { applicationIds: [], slot: 'cv' }],
  'communications.list': [{ programId: 'a' }, { programId: 1, extra: true }],
  'communications.log': [
    undefined,
    { programId: 1, channel: 'fax', date: '2026-11-20', subject: 'Hi' },
    { programId: 1, channel: 'email', date: '2026-11-20' },
    { programId: 1, channel: 'email', date: 'yesterday', subject: 'Hi' },
    { programId: 1, channel: 'email', date: '2026-11-20', subject: 'Hi', direction: 'sideways' },
  ],
  'communications.delete': [undefined, { id: 0 }],
  'templates.list': [{ purpose: 'soap' }],
  'templates.save': [
    undefined,
    { name: '', purpose: 'other', body: 'Hi' },
    { name: 'T', purpose: 'spam', body: 'Hi' },
    { name: 'T', purpose: 'other', body: '   ' },
    { name: 'T', purpose: 'other', body: 'Dear Dr. {{pdname}}' },
  ],
  'templates.delete': [undefined, { id: 'a' }],
  'templates.reset': [undefined, { id: 0 }],
  'readiness.checklist': [{ all: true }, 'x'],
  'readiness.tick': [undefined, { itemId: 'eras.step1', done: true }, { itemId: 'eras.cv-ordered', done: 'yes' }, { itemId: 'eras.cv-ordered' }, { itemId: 'eras.cv-ordered', done: true, extra: 1 }],
  'dashboard.summary': [{ all: true }],
  'calendar.season': [{ season: 2027 }],
  'calendar.correct': [
    undefined,
    { eventId: 'christmas', date: '2027-03-03', time: null },
    { eventId: 'rol-deadline', date: '2027-02-30', time: '21:00' },
    { eventId: 'rol-deadline', date: '2027-03-03', time: '9pm' },
    { eventId: 'rol-deadline', date: '2027-03-03', time: '24:00' },
    { eventId: 'rol-deadline', date: '2027-03-03', time: null, note: 'x'.repeat(301) },
  ],
  'calendar.resetCorrection': [undefined, { eventId: 'nope' }, { eventId: 5 }, { eventId: 'match-day', matchYear: 1999 }],
  'seasons.overview': [{ matchYear: 2027 }],
  'seasons.preview': [{ to: 2028 }],
  'seasons.startNext': [undefined, {}, { from: '2027' }, { from: 2027.5 }, { from: 1900 }, { from: 2027, extra: 1 }],
  'seasons.undoStart': [{ matchYear: 2028 }],
  'seasons.view': [undefined, { matchYear: 'last' }, { matchYear: 3000 }],
  'prelim.overview': [{ matchYear: 2027 }],
  'report.build': [undefined, { sections: [] }, { sections: ['gossip'] }, { sections: ['list', 'list'] }, { sections: ['list'], includePrivate: 'yes' }],
  'prelim.open': [undefined, { matchYear: 1900 }, { matchYear: 2027, programLabel: 'x'.repeat(201) }, { matchYear: 2027, extra: 1 }],
  'prelim.saveItem': [undefined, { kind: 'task', title: '', dueDate: '2027-08-01' }, { kind: 'party', title: 'x', dueDate: '2027-08-01' }, { kind: 'task', title: 'x', dueDate: '1 Aug' }],
  'prelim.deleteItem': [undefined, { id: 0 }, { id: 'a' }],
  'prelim.saveOpening': [undefined, { program: '', seenOn: '2027-08-01' }, { program: 'A', seenOn: '2027-02-30' }, { program: 'A', seenOn: '2027-08-01', status: 'maybe' }],
  'prelim.deleteOpening': [undefined, { id: -1 }],
  'prelim.savePath': [undefined, { path: 'dermatology', targetSeason: 2028, status: 'exploring' }, { path: 'radiology', targetSeason: 1800, status: 'exploring' }, { path: 'radiology', targetSeason: null, status: 'sure' }],
  'prelim.saveContact': [undefined, { name: '', role: 'mentor' }, { name: 'A', role: 'boss' }],
  'prelim.deleteContact': [undefined, { id: 1.5 }],
  'calendar.agenda': [{ windowDays: 0 }, { windowDays: 1000 }, { windowDays: 2.5 }, { days: 30 }],
  'calendar.exportIcs': [{ format: 'csv' }],
  'calendar.settings': [{ timeZone: 'UTC' }],
  'calendar.saveSettings': [
    undefined,
    { timeZone: 'Mars/Olympus', remindersEnabled: true, reminderDays: 3 },
    { timeZone: '', remindersEnabled: 'yes', reminderDays: 3 },
    { timeZone: '', remindersEnabled: true, reminderDays: -1 },
    { timeZone: '', remindersEnabled: true, reminderDays: 61 },
  ],
  'deadlines.list': [{ programId: 1 }],
  'deadlines.save': [
    undefined,
    { programId: 1, title: '', dueDate: '2026-10-01' },
    { programId: 1, title: 'Form', dueDate: '1 Oct' },
    { programId: 1, title: 'Form', dueDate: '2026-10-01', done: 'no' },
  ],
  'deadlines.delete': [undefined, { id: 0 }],
  'reminders.due': [{ days: 3 }],
  'reminders.markShown': [undefined, { keys: [] }, { keys: [''] }, { keys: 'season:rol-deadline' }],
  'signals.review': [{ extra: 1 }, 'x'],
  'signals.set': [undefined, { institutionId: 1 }, { institutionId: 0, sent: true }, { institutionId: 1, accepts: 'maybe' }, { institutionId: 1, sent: 'yes' }],
  'signals.setBudget': [undefined, { budget: -1 }, { budget: 2.5 }, { budget: 61 }],
  'geoPreference.get': [{ extra: 1 }],
  'geoPreference.save': [
    undefined,
    { noPreference: false, divisions: ['pacific', 'mountain', 'new_england', 'middle_atlantic'], note: '' },
    { noPreference: true, divisions: ['pacific'], note: '' },
    { noPreference: false, divisions: ['atlantis'], note: '' },
    { noPreference: false, divisions: [], note: 'x'.repeat(301) },
  ],
  'invitations.list': [{ extra: 1 }],
  'invitations.save': [
    undefined,
    { applicationId: 1, receivedAt: '2026-10-21 10:00', timeZone: 'America/New_York', date: '2026-10-21' },
    { applicationId: 1, receivedAt: '2026-10-21T10:00', replyBy: '2026-10-20T10:00', timeZone: 'America/New_York', date: '2026-10-21' },
    { applicationId: 1, receivedAt: '2026-10-21T10:00', timeZone: 'Mars/Base', date: '2026-10-21' },
    { applicationId: 1, receivedAt: '2026-10-21T10:00', timeZone: 'America/New_York', status: 'accepted', offered: [], date: '2026-10-21' },
    { applicationId: 1, receivedAt: '2026-10-21T10:00', timeZone: 'America/New_York', status: 'cancelled', date: '2026-10-21' },
  ],
  'invitations.delete': [undefined, { id: 0 }],
  'costs.summary': [{ extra: 1 }],
  'costs.setAmount': [undefined, { item: 'pizza', amount: 1 }, { item: 'nrmp_registration', amount: -5 }],
  'costs.setFlags': [undefined, { paid: { lunch: true } }, { lateRegistration: 'yes' }, { feesPerInstitution: 1 }],
  'travel.save': [undefined, { interviewId: 1, transport: -1 }, { interviewId: 0 }],
};

describe('the handler map', () => {
  it('has exactly one handler per contract method', () => {
    const { db } = openTestServices();
    const handlers = createHandlers({ db, databasePath: ':memory:', mode: 'browser' });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('rejects unknown methods, including inherited property names', async () => {
    const { raw } = openTestServices();
    for (const name of ['programs.drop', 'toString', '__proto__', 42, null]) {
      const r = await raw(name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  describe.each(Object.entries(BAD_INPUTS))('%s', (method, inputs) => {
    it.each(inputs.map((input, i) => [i, input]))('refuses bad input #%i and writes nothing', async (_i, input) => {
      const { raw, db, call } = openTestServices();
      await call('profile.save', seedExampleProfile());
      await call('institutions.save', { institution: institution({ name: 'Existing Hospital' }), tracks: [track('preliminary', { nrmpCode: '9999440P0' })] });
      const before = dumpDb(db);
      const r = await raw(method, input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(/\S/);
      }
      expect(dumpDb(db)).toEqual(before);
    });
  });
});

describe('profile', () => {
  it('returns an empty profile before the first save, then what was saved', async () => {
    const { call } = openTestServices();
    expect((await call('profile.get')).updatedAt).toBeNull();
    const saved = await call('profile.save', seedExampleProfile());
    expect(saved.profile).toEqual(seedExampleProfile());
    expect(saved.updatedAt).toBe('2026-11-25T12:00:00.000Z');
    expect((await call('profile.get')).profile).toEqual(seedExampleProfile());
  });

  it('names the field and says what to fix for a Step 2 CK of 400 and a future graduation year', async () => {
    const { raw } = openTestServices();
    const r = await raw('profile.save', { ...seedExampleProfile(), step2ckScore: 400, graduationYear: nextYear });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries((r.error.issues ?? []).map((i) => [i.path, i.message]));
    expect(byPath.step2ckScore).toMatch(/between 1 and 300/);
    expect(byPath.graduationYear).toMatch(/cannot be in the future/);
  });

  it('replaces USCE entries in order and normalises state names to codes', async () => {
    const { call } = openTestServices();
    const usce = [
      { id: 'a', type: 'observership' as const, specialty: 'Surgery', surgical: true, weeks: 4, hospital: 'A', state: 'texas', handsOn: false },
      { id: 'b', type: 'elective' as const, specialty: 'Internal Medicine', surgical: false, weeks: 6, hospital: 'B', state: 'ny', handsOn: true },
    ];
    const saved = await call('profile.save', seedExampleProfile({ usce }));
    expect(saved.profile.usce.map((u) => [u.id, u.state])).toEqual([['a', 'TX'], ['b', 'NY']]);
    const again = await call('profile.save', seedExampleProfile({ usce: [usce[1]!] }));
    expect(again.profile.usce.map((u) => u.id)).toEqual(['b']);
  });
});

describe('institutions and programs', () => {
  it('saves an institution with both tracks once, and lists the tracks together', async () => {
    const { call, db } = openTestServices();
    const saved = await call('institutions.save', {
      ...validInstitution,
      tracks: [track('preliminary', { unfilledHistory: [{ year: 2025, unfilled: 2 }, { year: 2026, unfilled: 1 }], tags: ['community', 'midwest'] }), track('categorical')],
    });
    expect(saved.programs.map((p) => [p.track, p.nrmpCode])).toEqual([['preliminary', '1234440P0'], ['categorical', '1234440C0']]);
    expect(db.prepare('SELECT COUNT(*) FROM institution').pluck().get()).toBe(1);
    const list = await call('programs.list');
    expect(list).toHaveLength(2);
    expect(list.every((p) => p.institution.id === saved.institution.id && p.institution.name === 'Lakeview Regional Medical Center')).toBe(true);
    const prelim = list.find((p) => p.track === 'preliminary')!;
    expect(prelim.unfilledHistory).toEqual([{ year: 2026, unfilled: 1 }, { year: 2025, unfilled: 2 }]);
    expect(prelim.tags).toEqual(['community', 'midwest']);
  });

  it('refuses a duplicate NRMP code with a clear message and writes nothing', async () => {
    const { call, raw, db } = openTestServices();
    await call('institutions.save', validInstitution);
    const before = dumpDb(db);
    const r = await raw('institutions.save', { institution: institution({ name: 'Another Hospital' }), tracks: [track('preliminary', { nrmpCode: '1234440p0' })] });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!r.ok) expect(r.error.message).toBe(
      'NRMP code 1234440P0 is already used by Lakeview Regional Medical Center (Preliminary). Each program has its own NRMP code; check the code or edit that program instead.',
    );
    expect(dumpDb(db)).toEqual(before);
  });

  it('refuses a code whose track letter does not match the track, naming the field', async () => {
    const { raw } = openTestServices();
    const r = await raw('institutions.save', { institution: institution(), tracks: [track('categorical', { nrmpCode: '1234440P0' })] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues).toEqual([{ path: 'tracks.0.nrmpCode', message: expect.stringMatching(/categorical track's code has the letter C/) }]);
  });

  it('edits an institution and its tracks in place; a track left out is deleted', async () => {
    const { call } = openTestServices();
    const saved = await call('institutions.save', validInstitution);
    const prelim = saved.programs.find((p) => p.track === 'preliminary')!;
    const edited = await call('institutions.save', {
      institution: { ...institution({ city: 'Toledo', visaSponsorship: 'both' }), id: saved.institution.id },
      tracks: [{ ...track('preliminary', { minStep2ck: 215, minStep2ckKind: 'preference' }), id: prelim.id }],
    });
    expect(edited.institution.city).toBe('Toledo');
    expect(edited.programs).toHaveLength(1);
    expect(edited.programs[0]).toMatchObject({ id: prelim.id, minStep2ck: 215, minStep2ckKind: 'preference' });
    expect(await call('programs.list')).toHaveLength(1);
  });

  it('deletes one track and keeps the institution; deleting the last track removes the institution', async () => {
    const { call, db } = openTestServices();
    const saved = await call('institutions.save', validInstitution);
    const [a, b] = saved.programs;
    expect(await call('programs.delete', { id: a!.id })).toEqual({ deletedInstitution: false });
    expect(db.prepare('SELECT COUNT(*) FROM institution').pluck().get()).toBe(1);
    expect(await call('programs.delete', { id: b!.id })).toEqual({ deletedInstitution: true });
    expect(db.prepare('SELECT COUNT(*) FROM institution').pluck().get()).toBe(0);
  });

  it('deleting an institution removes its tracks and their history', async () => {
    const { call, db } = openTestServices();
    const saved = await call('institutions.save', { ...validInstitution, tracks: [track('preliminary', { unfilledHistory: [{ year: 2026, unfilled: 3 }] })] });
    expect(await call('institutions.delete', { id: saved.institution.id })).toEqual({ deletedPrograms: 1 });
    expect(db.prepare('SELECT COUNT(*) FROM program').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM program_unfilled').pluck().get()).toBe(0);
  });

  it('says not_found for a program that does not exist', async () => {
    const { raw } = openTestServices();
    expect(await raw('programs.delete', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await raw('institutions.delete', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
