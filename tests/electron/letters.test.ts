import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, openTestServices, tempDir } from './helpers';
import path from 'node:path';
import { openDatabase } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';

async function withApplications(n = 2) {
  const t = openTestServices();
  await t.call('profile.save', seedExampleProfile());
  const programIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const saved = await t.call('institutions.save', {
      institution: institution({ name: `Hospital ${i}`, pdName: 'Dr. Maria Lopez' }),
      tracks: [track('preliminary', { nrmpCode: `${1000 + i}440P0` })],
    });
    programIds.push(saved.programs[0]!.id);
  }
  const { created } = await t.call('applications.create', { programIds, date: '2026-08-01' });
  return { ...t, programIds, appIds: created.map((a) => a.id) };
}

async function addLetters(call: Awaited<ReturnType<typeof withApplications>>['call'], n: number, usSurgeons = n) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = await call('writers.save', { name: `Dr. Writer ${i}`, location: i < usSurgeons ? 'us' : 'home', isSurgeon: true });
    const l = await call('letters.save', { writerId: w.id });
    ids.push(l.id);
  }
  return ids;
}

describe('migration 5', () => {
  it('upgrades a database at the previous schema without touching its data', () => {
    const file = path.join(tempDir(), 'old.db');
    const previous = MIGRATIONS.filter((m) => m.version < 5);
    const db = openDatabase(file, { migrations: previous });
    db.prepare(`INSERT INTO setting (key, value) VALUES ('feesCombineTracks', 'true')`).run();
    db.close();
    const upgraded = openDatabase(file);
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
      expect(upgraded.prepare('SELECT value FROM setting').pluck().get()).toBe('true');
      expect(upgraded.prepare('SELECT reminder_days FROM letter_settings').pluck().get()).toBe(14);
      const tables = upgraded.prepare(`SELECT name FROM sqlite_master WHERE type='table'`).pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['letter_writer', 'letter', 'letter_assignment', 'document_version', 'application_document', 'message_template', 'communication']));
    } finally {
      upgraded.close();
    }
  });

  it('refuses rows that break its checks (the database is the last guard)', () => {
    const file = path.join(tempDir(), 'checks.db');
    openDatabase(file).close();
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    try {
      expect(() => db.prepare(`INSERT INTO letter_writer (name, location, is_surgeon, created_at, updated_at) VALUES ('A', 'mars', 1, 'x', 'x')`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO letter (writer_id, stage, created_at, updated_at) VALUES (999, 'to_ask', 'x', 'x')`).run()).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare(`UPDATE letter_settings SET reminder_days = 0`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});

describe('letter writers and letters', () => {
  it('adds a writer and a letter, moves it through the stages with dates, and keeps them', async () => {
    const { call } = await withApplications(1);
    const w = await call('writers.save', {
      name: 'Dr. Jane Smith',
      title: 'Associate Professor of Surgery',
      specialty: 'General Surgery',
      institution: 'Mercy Hospital, Ohio',
      location: 'us',
      isSurgeon: true,
      relationship: '4-week sub-internship',
      email: 'jsmith@mercy.org',
    });
    const letter = await call('letters.save', { writerId: w.id, label: 'Prelim' });
    expect(letter.stage).toBe('to_ask');
    await call('letters.setStage', { id: letter.id, stage: 'asked', date: '2026-07-01' });
    await call('letters.setStage', { id: letter.id, stage: 'strong_confirmed', date: '2026-07-03' });
    const uploaded = await call('letters.setStage', { id: letter.id, stage: 'uploaded', date: '2026-07-20' });
    // The skipped "agreed" step happened by the time the strong letter was confirmed.
    expect([uploaded.askedOn, uploaded.agreedOn, uploaded.strongConfirmedOn, uploaded.uploadedOn]).toEqual(['2026-07-01', '2026-07-03', '2026-07-03', '2026-07-20']);
    // Moving back is a correction: later dates are cleared.
    const back = await call('letters.setStage', { id: letter.id, stage: 'agreed', date: '2026-07-02' });
    expect([back.stage, back.agreedOn, back.strongConfirmedOn, back.uploadedOn]).toEqual(['agreed', '2026-07-02', null, null]);
    const declined = await call('letters.setStage', { id: letter.id, stage: 'declined', date: '2026-07-05' });
    expect([declined.declinedOn, declined.askedOn]).toEqual(['2026-07-05', '2026-07-01']);
    expect((await call('writers.list'))[0]).toMatchObject({ name: 'Dr. Jane Smith', isSurgeon: true, location: 'us', email: 'jsmith@mercy.org' });
  });

  it('back-fills a letter: a past day for its stage moves earlier steps back with it; a future day or one before a kept step is refused', async () => {
    const { call, raw, db } = await withApplications(1);
    const w = await call('writers.save', { name: 'Dr. Whitfield', location: 'us', isSurgeon: true });
    const letter = await call('letters.save', { writerId: w.id });
    // Moved from "To ask" to "Uploaded" today (2026-11-25), then dated as it happened: 12 September.
    await call('letters.setStage', { id: letter.id, stage: 'uploaded', date: '2026-11-25' });
    const dated = await call('letters.setStage', { id: letter.id, stage: 'uploaded', date: '2026-09-12' });
    expect([dated.askedOn, dated.agreedOn, dated.strongConfirmedOn, dated.uploadedOn]).toEqual(['2026-09-12', '2026-09-12', null, '2026-09-12']);
    const before = dumpDb(db);
    const future = await raw('letters.setStage', { id: letter.id, stage: 'uploaded', date: '2026-11-26' });
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '2026-11-26 is after today (2026-11-25); a letter\'s step records what has happened, so give today or an earlier day.' } });
    const second = await call('letters.save', { writerId: w.id });
    await call('letters.setStage', { id: second.id, stage: 'asked', date: '2026-09-01' });
    const afterSave = dumpDb(db);
    const early = await raw('letters.setStage', { id: second.id, stage: 'agreed', date: '2026-08-20' });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('“Asked” is dated 2026-09-01') } });
    expect(dumpDb(db)).toEqual(afterSave);
    expect(before).not.toEqual(afterSave);
    // Without a date the step happened today by the main process's clock (not the screen's).
    expect((await call('letters.setStage', { id: second.id, stage: 'agreed' })).agreedOn).toBe('2026-11-25');
  });

  it('refuses to delete a writer who has letters, and says what to do', async () => {
    const { call, raw, db } = await withApplications(1);
    const w = await call('writers.save', { name: 'Dr. Lee', location: 'home', isSurgeon: false });
    await call('letters.save', { writerId: w.id });
    const before = dumpDb(db);
    const r = await raw('writers.delete', { id: w.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Dr\. Lee has 1 letter; delete it first/) } });
    expect(dumpDb(db)).toEqual(before);
  });

  it('refuses a letter for a writer that does not exist', async () => {
    const { raw } = await withApplications(1);
    expect(await raw('letters.save', { writerId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('stores the reminder setting within its bounds', async () => {
    const { call } = await withApplications(1);
    expect(await call('letters.settings')).toEqual({ reminderDays: 14 });
    expect(await call('letters.saveSettings', { reminderDays: 21 })).toEqual({ reminderDays: 21 });
    expect(await call('letters.settings')).toEqual({ reminderDays: 21 });
  });
});

describe('what a letter is requested for in MyERAS (docs/DOMAIN.md §2.4)', () => {
  it('is "General" unless the user says otherwise, keeps a specialty, and refuses another value writing nothing', async () => {
    const { call, raw, db } = openTestServices();
    const w = await call('writers.save', { name: 'Dr. Gen', location: 'us', isSurgeon: true });
    const general = await call('letters.save', { writerId: w.id });
    expect(general.requestedFor).toBe('general');
    const surgery = await call('letters.save', { writerId: w.id, label: 'Surgery', requestedFor: 'surgery' });
    expect((await call('letters.list')).find((l) => l.id === surgery.id)?.requestedFor).toBe('surgery');
    const before = dumpDb(db);
    const r = await raw('letters.save', { id: general.id, writerId: w.id, requestedFor: 'dermatology' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/requested for in MyERAS/) } });
    expect(dumpDb(db)).toEqual(before);
  });

  it('migration 14 makes the letters a database already has "General", keeping them', () => {
    const file = path.join(tempDir(), 'v13.db');
    const v13 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 13) });
    v13.exec(`INSERT INTO letter_writer (id, name, location, is_surgeon, created_at, updated_at) VALUES (1, 'Dr. Old', 'us', 1, 'x', 'x');
              INSERT INTO letter (id, writer_id, label, stage, created_at, updated_at) VALUES (1, 1, 'Old letter', 'asked', 'x', 'x');`);
    v13.close();
    const db = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 14) });
    try {
      expect(db.prepare('SELECT label, stage, requested_for FROM letter').all()).toEqual([{ label: 'Old letter', stage: 'asked', requested_for: 'general' }]);
      expect(() => db.prepare("UPDATE letter SET requested_for = 'dermatology'").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});

describe('back-filled days (issue 13): assignments and openings are dated within this season, up to today', () => {
  it('a letter or document assignment takes a past day of this season; after today, or before the season began (the 2026 Match Day), it is refused with what to fix, writing nothing', async () => {
    const { call, raw, db, appIds } = await withApplications(1);
    const [letterId] = await addLetters(call, 1);
    const doc = await call('documents.save', { kind: 'cv', title: 'CV', date: '2026-07-01' });
    const late = (await call('institutions.save', { institution: institution({ name: 'Late Hospital' }), tracks: [track('preliminary', { nrmpCode: '1999440P0' })] })).programs[0]!.id;
    const before = dumpDb(db);
    const refused = [
      [raw('letters.assign', { applicationId: appIds[0]!, letterId: letterId!, assigned: true, date: '2026-11-26' }), '2026-11-26 is after today (2026-11-25); an assignment records what has happened, so give today or an earlier day.'],
      [raw('letters.assign', { applicationId: appIds[0]!, letterId: letterId!, assigned: true, date: '2026-03-19' }), '2026-03-19 is before the 2027 Match season, which begins on 2026-03-20 (the 2026 Match Day); give that day or a later one.'],
      [raw('documents.assign', { applicationIds: appIds, documentId: doc.id, date: '2027-01-01' }), '2027-01-01 is after today (2026-11-25); an assignment records what has happened, so give today or an earlier day.'],
      [raw('documents.assign', { applicationIds: appIds, documentId: doc.id, date: '2025-09-02' }), '2025-09-02 is before the 2027 Match season, which begins on 2026-03-20 (the 2026 Match Day); give that day or a later one.'],
      [raw('applications.create', { programIds: [late], date: '2026-02-01' }), '2026-02-01 is before the 2027 Match season, which begins on 2026-03-20 (the 2026 Match Day); give that day or a later one.'],
    ] as const;
    for (const [r, message] of refused) expect(await r).toMatchObject({ ok: false, error: { code: 'invalid_input', message } });
    expect(dumpDb(db)).toEqual(before);
    // The season's first day and today are fine, and are the days recorded.
    await call('letters.assign', { applicationId: appIds[0]!, letterId: letterId!, assigned: true, date: '2026-03-20' });
    await call('documents.assign', { applicationIds: appIds, documentId: doc.id, date: '2026-11-25' });
    expect((await call('letters.assignments'))[0]).toMatchObject({ assignedOn: '2026-03-20' });
    expect((await call('documents.assignments'))[0]).toMatchObject({ assignedOn: '2026-11-25' });
    // Taking a letter off needs no day.
    expect(await call('letters.assign', { applicationId: appIds[0]!, letterId: letterId!, assigned: false, date: '2031-01-01' })).toEqual([]);
  });
});

describe('letter assignments', () => {
  it('assigns up to 4 letters to a program and refuses a fifth with the reason, writing nothing', async () => {
    const { call, raw, db, appIds } = await withApplications(1);
    const letterIds = await addLetters(call, 5);
    for (const letterId of letterIds.slice(0, 4)) await call('letters.assign', { applicationId: appIds[0]!, letterId, assigned: true, date: '2026-08-02' });
    const before = dumpDb(db);
    const r = await raw('letters.assign', { applicationId: appIds[0]!, letterId: letterIds[4]!, assigned: true, date: '2026-08-02' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Hospital 0 \(Preliminary\) already has 4 letters: ERAS allows at most 4 per program/) } });
    expect(dumpDb(db)).toEqual(before);
    expect((await call('letters.assignments')).length).toBe(4);
  });

  it('after applying, a letter can still be added (up to 4) but an assigned one cannot be removed unless the record is corrected', async () => {
    const { call, raw, db, appIds } = await withApplications(2);
    const [a, b] = await addLetters(call, 2);
    await call('letters.assign', { applicationId: appIds[0]!, letterId: a!, assigned: true, date: '2026-08-02' });
    await call('applications.setStatus', { ids: [appIds[0]!], status: 'submitted', date: '2026-09-02' });
    // docs/DOMAIN.md §2 LOR: the applicant may still add letters after applying.
    const added = await call('letters.assign', { applicationId: appIds[0]!, letterId: b!, assigned: true, date: '2026-09-03' });
    expect(added.filter((x) => x.applicationId === appIds[0]).map((x) => x.letterId).sort()).toEqual([a, b].sort());
    const before = dumpDb(db);
    const r = await raw('letters.assign', { applicationId: appIds[0]!, letterId: a!, assigned: false, date: '2026-09-03' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/cannot be removed/) } });
    expect(dumpDb(db)).toEqual(before);
    // A correction of the record, with the explicit unlock.
    const after = await call('letters.assign', { applicationId: appIds[0]!, letterId: b!, assigned: false, date: '2026-09-03', unlockSubmitted: true });
    expect(after.filter((x) => x.applicationId === appIds[0]).map((x) => x.letterId)).toEqual([a]);
    // A letter held by a submitted application cannot be deleted.
    expect(await raw('letters.delete', { id: a! })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a letter moved from "To ask" straight to "Uploaded" keeps no "strong confirmed" date (it never answered the question)', async () => {
    const { call } = await withApplications(1);
    const [a] = await addLetters(call, 1);
    const l = await call('letters.setStage', { id: a!, stage: 'uploaded', date: '2026-08-02' });
    expect(l).toMatchObject({ stage: 'uploaded', strongConfirmedOn: null, uploadedOn: '2026-08-02' });
  });

  it('refuses to assign a declined letter', async () => {
    const { call, raw, appIds } = await withApplications(1);
    const [a] = await addLetters(call, 1);
    await call('letters.setStage', { id: a!, stage: 'declined', date: '2026-07-01' });
    expect(await raw('letters.assign', { applicationId: appIds[0]!, letterId: a!, assigned: true, date: '2026-08-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Declined/) },
    });
  });

  it('removes assignments with the letter or the application', async () => {
    const { call, appIds } = await withApplications(2);
    const [a, b] = await addLetters(call, 2);
    await call('letters.assign', { applicationId: appIds[0]!, letterId: a!, assigned: true, date: '2026-08-02' });
    await call('letters.assign', { applicationId: appIds[1]!, letterId: b!, assigned: true, date: '2026-08-02' });
    await call('letters.delete', { id: a! });
    await call('applications.delete', { id: appIds[1]! });
    expect(await call('letters.assignments')).toEqual([]);
  });
});

describe('documents', () => {
  it('keeps versions and which one went with each application, one per slot', async () => {
    const { call, raw, db, appIds } = await withApplications(2);
    const surgery = await call('documents.save', { kind: 'personal_statement_surgery', title: 'PS surgery', versionLabel: 'v2', date: '2026-07-01', body: 'I want to be a surgeon.' });
    const prelim = await call('documents.save', { kind: 'personal_statement_prelim', title: 'PS prelim', date: '2026-07-02' });
    const cv = await call('documents.save', { kind: 'cv', title: 'CV', date: '2026-07-01' });
    await call('documents.assign', { applicationIds: appIds, documentId: surgery.id, date: '2026-08-01' });
    await call('documents.assign', { applicationIds: appIds, documentId: cv.id, date: '2026-08-01' });
    // The prelim statement replaces the surgery one on the first application (same slot).
    const all = await call('documents.assign', { applicationIds: [appIds[0]!], documentId: prelim.id, date: '2026-08-02' });
    expect(all.map((x) => [x.applicationId, x.slot, x.documentId])).toEqual([
      [appIds[0], 'cv', cv.id],
      [appIds[0], 'personal_statement', prelim.id],
      [appIds[1], 'cv', cv.id],
      [appIds[1], 'personal_statement', surgery.id],
    ]);
    // A version in use as a personal statement cannot become a CV.
    expect(await raw('documents.save', { id: surgery.id, kind: 'cv', title: 'x', date: '2026-07-01' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Submitted applications keep the record of what was sent.
    await call('applications.setStatus', { ids: [appIds[1]!], status: 'submitted', date: '2026-09-02' });
    const before = dumpDb(db);
    expect(await raw('documents.delete', { id: surgery.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/1 submitted application/) } });
    expect(dumpDb(db)).toEqual(before);
    // A version only on unsubmitted applications is removed from them with it.
    await call('documents.delete', { id: prelim.id });
    expect((await call('documents.assignments')).filter((x) => x.applicationId === appIds[0]).map((x) => x.slot)).toEqual(['cv']);
    await call('documents.unassign', { applicationIds: [appIds[0]!], slot: 'cv' });
    expect((await call('documents.assignments')).filter((x) => x.applicationId === appIds[0])).toEqual([]);
  });

  it('refuses an assignment to an unknown application and writes nothing', async () => {
    const { call, raw, db, appIds } = await withApplications(1);
    const cv = await call('documents.save', { kind: 'cv', title: 'CV', date: '2026-07-01' });
    const before = dumpDb(db);
    expect(await raw('documents.assign', { applicationIds: [appIds[0]!, 999], documentId: cv.id, date: '2026-08-01' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dumpDb(db)).toEqual(before);
  });
});

describe('communications and templates', () => {
  it('lists the built-in templates once, lets the user edit and reset them, but not delete them', async () => {
    const { call, raw } = await withApplications(1);
    const first = await call('templates.list');
    expect(first.map((t) => t.purpose)).toEqual(['interest', 'thank_you', 'letter_of_intent', 'soap']);
    expect((await call('templates.list')).length).toBe(4);
    const interest = first[0]!;
    const edited = await call('templates.save', { id: interest.id, name: 'My interest email', purpose: 'interest', subject: 'Hello', body: 'Dear Dr. {{pdLastName}}' });
    expect(edited.body).toBe('Dear Dr. {{pdLastName}}');
    expect(await raw('templates.delete', { id: interest.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/built in/) } });
    const reset = await call('templates.reset', { id: interest.id });
    expect(reset.body).toBe(interest.body);
    const mine = await call('templates.save', { name: 'Update', purpose: 'other', body: 'New score: {{step2ckScore}}' });
    expect(await raw('templates.reset', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call('templates.delete', { id: mine.id });
    expect((await call('templates.list')).length).toBe(4);
  });

  it('logs messages per program, keeps them when their template is deleted, and removes them with the program', async () => {
    const { call, raw, programIds } = await withApplications(2);
    const mine = await call('templates.save', { name: 'Update', purpose: 'other', body: 'Hi' });
    const logged = await call('communications.log', { programId: programIds[0]!, channel: 'email', date: '2026-09-10', contact: 'Dr. Lopez', subject: 'Interest', body: 'Dear Dr. Lopez', templateId: mine.id });
    await call('communications.log', { programId: programIds[1]!, channel: 'phone', date: '2026-09-11', notes: 'Called the coordinator' });
    expect((await call('communications.list', { programId: programIds[0]! })).map((c) => c.id)).toEqual([logged.id]);
    await call('templates.delete', { id: mine.id });
    expect((await call('communications.list', { programId: programIds[0]! }))[0]).toMatchObject({ templateId: null, body: 'Dear Dr. Lopez' });
    expect(await raw('communications.log', { programId: 999, channel: 'email', date: '2026-09-10', subject: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await raw('communications.log', { programId: programIds[0]!, channel: 'email', date: '2026-11-26', subject: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('2026-11-26 is after today (2026-11-25)') } });
    await call('programs.delete', { id: programIds[0]! });
    expect((await call('communications.list')).map((c) => c.programId)).toEqual([programIds[1]]);
  });
});
