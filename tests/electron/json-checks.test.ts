// "Import everything from JSON" checks the loaded rows with the app's own rules, not only
// SQLite's constraints: a file the app could not have written is refused by the dry run and
// by the import, with a message naming the row and the rule, and the target stays empty.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { institution, seedExampleProfile, track } from '../fixtures';
import { dumpDb, fileOf, openTestServices, tempDir } from './helpers';


type Json = { tables: Record<string, { columns: string[]; rows: (string | number | null)[][] }> };

async function exported() {
  const t = openTestServices();
  await t.call('profile.save', seedExampleProfile());
  const saved = await t.call('institutions.save', {
    institution: institution({ name: 'Lakeview Regional Medical Center', state: 'OH' }),
    tracks: [track('preliminary', { nrmpCode: '1234440P0' }), track('categorical', { nrmpCode: '1234440C0' })],
  });
  const [app] = (await t.call('applications.create', { programIds: [saved.programs[0]!.id], status: 'submitted', date: '2026-09-24' })).created;
  await t.call('applications.setStatus', { ids: [app!.id], status: 'interview_invited', date: '2026-10-20', note: 'email' });
  await t.call('writers.save', { name: 'Dr. Jane Smith', location: 'us', isSurgeon: true });
  await t.call('templates.save', { name: 'Update', purpose: 'other', subject: 'New score', body: 'New score: {{step2ckScore}}' });
  const out = await t.call('export.all');
  return JSON.parse(Buffer.from(out.base64, 'base64').toString('utf8')) as Json;
}

function set(json: Json, table: string, row: number, column: string, value: string | number | null): void {
  const t = json.tables[table]!;
  const i = t.columns.indexOf(column);
  expect(i).toBeGreaterThanOrEqual(0);
  t.rows[row]![i] = value;
}

/** Refused by the dry run and by the import, with a message matching every pattern; the target is unchanged. */
async function expectRefused(json: Json, ...messages: RegExp[]) {
  const target = openTestServices(path.join(tempDir(), 'fresh.db'));
  const before = dumpDb(target.db);
  for (const dryRun of [true, false]) {
    const r = await target.raw('import.all', { file: fileOf('edited.json', JSON.stringify(json)), dryRun });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!r.ok) {
      expect(r.error.message).toMatch(/^edited\.json has \d+ value\(s\) Prelim Tracker would not accept, so nothing was changed/);
      for (const m of messages) expect(r.error.message).toMatch(m);
    }
    expect(dumpDb(target.db)).toEqual(before);
  }
  expect((await target.call('programs.list')).length).toBe(0);
  return target;
}

describe('import everything from JSON: the app’s rules', () => {
  it('loads the app’s own export unchanged (dry run and import)', async () => {
    const json = await exported();
    const target = openTestServices(path.join(tempDir(), 'fresh.db'));
    const dry = await target.call('import.all', { file: fileOf('ok.json', JSON.stringify(json)), dryRun: true });
    expect(dry.backup).toBeNull();
    expect(dumpDb(target.db).institution).toHaveLength(0);
    await target.call('import.all', { file: fileOf('ok.json', JSON.stringify(json)) });
    expect((await target.call('programs.list')).map((p) => p.institution.state)).toEqual(['OH', 'OH']);
  });

  it('refuses a state that is not a US state, naming the institution and the rule', async () => {
    const json = await exported();
    set(json, 'institution', 0, 'state', 'ZZ');
    await expectRefused(json, /institution \d+ "Lakeview Regional Medical Center": state: Use a US state code such as OH/);
  });

  it('refuses a value the editor would have stored differently (lower-case state)', async () => {
    const json = await exported();
    set(json, 'institution', 0, 'state', 'oh');
    await expectRefused(json, /institution \d+ "Lakeview Regional Medical Center": state is "oh"; the app stores it as "OH"/);
  });

  it('refuses an application marked Matched whose history was never Ranked', async () => {
    const json = await exported();
    set(json, 'application', 0, 'status', 'matched');
    await expectRefused(json, /application \d+ \(Lakeview Regional Medical Center \(Preliminary\)\): its status is "Matched", but its last history event \(\d+\) says "Interview invited"/);
  });

  it('refuses a history that moves to Matched without Ranked, naming the event and the rule', async () => {
    const json = await exported();
    const events = json.tables.application_event!;
    const col = (c: string) => events.columns.indexOf(c);
    const last = events.rows[events.rows.length - 1]!;
    const extra = [...last];
    extra[col('id')] = (last[col('id')] as number) + 1;
    extra[col('from_status')] = 'interview_invited';
    extra[col('status')] = 'matched';
    extra[col('date')] = '2027-03-20';
    events.rows.push(extra);
    set(json, 'application', 0, 'status', 'matched');
    set(json, 'application', 0, 'status_date', '2027-03-20');
    await expectRefused(json, /application \d+ \(Lakeview Regional Medical Center \(Preliminary\)\) application_event \d+: Only a ranked program can be "Matched"; it is "Interview invited". Move it to Ranked first\./);
  });

  it('refuses a broken history chain and a wrong status date', async () => {
    const json = await exported();
    const events = json.tables.application_event!;
    const second = events.rows[1]!;
    second[events.columns.indexOf('from_status')] = 'considering';
    await expectRefused(json, /application_event \d+: it moves from "Considering", but the event before it \(\d+\) left the status at "Submitted"/);
    const other = await exported();
    set(other, 'application', 0, 'status_date', '2026-10-21');
    await expectRefused(other, /its status date is 2026-10-21, but its last history event \(\d+\) is dated 2026-10-20/);
  });

  it('refuses a status history whose dates go back (2026-10-01, then 2026-09-01), naming the program and both dates', async () => {
    const json = await exported();
    const events = json.tables.application_event!;
    events.rows[0]![events.columns.indexOf('date')] = '2026-10-01';
    events.rows[1]![events.columns.indexOf('date')] = '2026-09-01';
    set(json, 'application', 0, 'status_date', '2026-09-01');
    await expectRefused(json, /application \d+ \(Lakeview Regional Medical Center \(Preliminary\)\) application_event \d+: it is dated 2026-09-01, before 2026-10-01 of the event before it/);
  });

  it('checks profile, programs and letter writers with their own schemas, listing five problems and a count', async () => {
    const json = await exported();
    set(json, 'profile', 0, 'email', 'not an email');
    set(json, 'institution', 0, 'state', 'ZZ');
    set(json, 'institution', 0, 'website', 'not a site');
    set(json, 'program', 0, 'nrmp_code', '1234440C9');
    set(json, 'letter_writer', 0, 'name', 'x'.repeat(200));
    set(json, 'letter_writer', 0, 'email', 'not an email');
    const target = await expectRefused(
      json,
      /\n- profile: email: Enter a valid email address/,
      /\n- institution \d+ "Lakeview Regional Medical Center": website: Enter a web address starting with https:\/\//,
      /\n- institution \d+ "Lakeview Regional Medical Center": program \d+ \(Preliminary\) nrmpCode: /,
      /\n- letter_writer \d+ "x{57}…": name: Keep this under 120 characters\./,
      /\n… and 1 more\.$/,
    );
    const r = await target.raw('import.all', { file: fileOf('edited.json', JSON.stringify(json)) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/has 6 value\(s\)/);
      expect(r.error.message.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(5);
    }
  });

  it('checks interviews with the interview rules (a score only once it is done)', async () => {
    const t = openTestServices();
    const saved = await t.call('institutions.save', { institution: institution({ name: 'Lakeview Regional Medical Center' }), tracks: [track('preliminary', { nrmpCode: '1234440P0' })] });
    const [app] = (await t.call('applications.create', { programIds: [saved.programs[0]!.id], status: 'submitted', date: '2026-09-24' })).created;
    await t.call('interviews.save', { applicationId: app!.id, date: '2026-10-14', invitedOn: '2026-10-14', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', completed: true, score: 8 });
    const out = await t.call('export.all');
    const json = JSON.parse(Buffer.from(out.base64, 'base64').toString('utf8')) as Json;
    set(json, 'interview', 0, 'completed', 0);
    await expectRefused(json, /interview \d+ \(application \d+\): score: Score the interview once it is done/);
  });

  it('checks message templates with their own rules (known placeholders)', async () => {
    const json = await exported();
    const templates = json.tables.message_template!;
    set(json, 'message_template', templates.rows.length - 1, 'body', 'Hello {{nope}}');
    await expectRefused(json, /message_template \d+ "Update": body: Unknown placeholder \{\{nope\}\}/);
  });
});
