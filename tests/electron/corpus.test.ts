// The corpus of strangers' spreadsheets (tests/fixtures/corpus, a copy of the corpus the
// import issue came with): every file imports with the guessed mapping, no manual change, and
// gives exactly what its EXPECTED.md says. The expectations are read from EXPECTED.md's
// own tables (per-row values, the summary's counts, the refused rows), so this test
// checks the document, not a retyped copy of it.
import { describe, expect, it } from 'vitest';
import type { Program } from '../../shared/domain/program';
import { institutionKey } from '../../shared/import/values';
import { openTestServices } from './helpers';
import { EXPECTED, fileOf, get, importFile, PROGRAM_FILES, section, tablesOf, type Table } from './corpus-expected';

// After the season's last date in the corpus (interviews run to Feb 2027): no date is in the future.
const NOW = () => new Date('2027-03-01T12:00:00Z');

const SUMMARY = tablesOf(EXPECTED).find((t) => t.headers[0] === 'File')!;
function counts(file: string): { programs: number; institutions: number } {
  const row = SUMMARY.rows.find((r) => r[0] === `\`${file}\``)!;
  return { programs: Number(row[3]), institutions: Number(row[4]) };
}

/** The programs an expected row stands for: by NRMP code(s), else by institution and track(s). */
function programsOfRow(t: Table, row: string[], programs: Program[]): Program[] {
  const codeCell = get(t, row, /^NRMP code/i) ?? get(t, row, /^Programs \(code/i) ?? '';
  const codes = [...codeCell.matchAll(/\d{7}[CP]\d{1,3}/g)].map((m) => m[0]);
  if (codes.length > 0) return codes.map((c) => programs.find((p) => p.nrmpCode === c)!);
  const inst = institutionKey(get(t, row, /^Institution$/) ?? '');
  const tracks = (get(t, row, /^Track/) ?? '').match(/categorical|preliminary/g) ?? [];
  return tracks.map((tr) => programs.find((p) => institutionKey(p.institution.name) === inst && p.track === tr)!);
}

const VISA: Record<string, string> = { 'J-1': 'j1', 'H-1B': 'h1b', 'J-1 + H-1B': 'both', none: 'none', unknown: 'unknown' };
const SETTING: Record<string, string> = {
  'Community-based': 'community',
  'University-based': 'university',
  'Community-based university affiliated': 'community_university_affiliated',
  'Military-based': 'unknown',
};

function step2Policy(p: Program): string {
  if (p.minStep2ck === null) return p.noStep2ckCutoff ? 'no cutoff' : 'unknown';
  return p.minStep2ckKindStated ? p.minStep2ckKind : 'not stated';
}

/** Checks every column of an expected row that the data model holds; returns what differs. */
function differences(t: Table, row: string[], p: Program): string[] {
  const out: string[] = [];
  const check = (what: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) out.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  };
  t.headers.forEach((h, c) => {
    const v = row[c]!;
    switch (h) {
      case 'Institution':
        check(h, institutionKey(v), institutionKey(p.institution.name));
        break;
      case 'City':
        check(h, v, p.institution.city);
        break;
      case 'State':
        check(h, v, p.institution.state);
        break;
      case 'Visa':
        check(h, VISA[v], p.institution.visaSponsorship);
        break;
      case 'IMG share':
        check(h, Math.round(Number(v) * 1000) / 10, p.institution.imgSharePct);
        break;
      case 'Step 2 min':
        check(h, v === '—' ? null : Number(v), p.minStep2ck);
        break;
      case 'Step 2 policy': {
        const e = v === '—' ? 'unknown' : (/^(strict|preference|not stated|no cutoff|unknown)/.exec(v)?.[1] ?? v);
        check(h, e, step2Policy(p));
        break;
      }
      case 'IMG friendly':
        check(h, v, p.institution.imgFriendliness);
        break;
      case 'YOG': {
        const max = /max (\d+) years/.exec(v);
        const floor = /graduated (\d{4}) or later/.exec(v);
        check(h, { max: max ? Number(max[1]) : null, floor: floor ? Number(floor[1]) : null, noLimit: v === 'no limit' }, { max: p.maxYearsSinceGraduation, floor: p.minGraduationYear, noLimit: p.noGraduationLimit });
        break;
      }
      case 'USCE': {
        const months = /(\d+) (?:months|mo)/.exec(v);
        const required = v.startsWith('required') ? 'yes' : v === 'unknown' ? 'unknown' : 'no';
        check(h, { required, preferred: v === 'preferred', months: months ? Number(months[1]) : null }, { required: p.usceRequired, preferred: p.uscePreferred, months: p.usceMonthsRequired });
        break;
      }
      case 'Unfilled': {
        const years = [...v.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
        const of = /(\d) of last (\d)/.exec(v);
        if (years.length > 0) check(h, years, p.unfilledYears);
        else if (/every year/.test(v)) check(h, [4, 4], [p.unfilledCount, p.unfilledWindow]);
        else if (/never/.test(v)) check(h, 0, p.unfilledCount);
        else if (of) check(h, [Number(of[1]), Number(of[2])], [p.unfilledCount, p.unfilledWindow]);
        else out.push(`Unfilled: cannot read "${v}"`);
        break;
      }
      case 'Unfilled count':
        check(h, [Number(v), 4], [p.unfilledCount, p.unfilledWindow]);
        break;
      case 'Setting':
        check(h, SETTING[v], p.institution.setting);
        if (v === 'Military-based') check('Military tag', true, p.tags.includes('Military'));
        break;
      case 'ACGME ID':
        check(h, v, p.institution.acgmeId);
        break;
      case 'Salary':
        check(h, Number(v), p.institution.pgy1Salary);
        break;
      case 'Apps received':
        check(h, Number(v), p.applicationsReceived);
        break;
      case 'Max attempts':
        check(h, v.startsWith('max 1') ? 'yes' : 'no', p.firstAttemptOnly);
        break;
      case 'Website target':
        check(h, v, p.institution.website);
        break;
      case 'Applied':
        if (v === 'yes' || v === 'no') check(h, v === 'yes', p.onList);
        break;
      default:
        break;
    }
  });
  return out;
}

/** The spreadsheet row EXPECTED.md names a refused row by ("line 21", "row 20", "record 13"). */
function refusedRows(file: string): number[] {
  const t = tablesOf(EXPECTED).find((x) => x.headers[0] === 'File' && x.headers[1] === 'Where')!;
  return t.rows
    .filter((r) => r[0] === file)
    .map((r) => {
      const m = /(line|row|record) (\d+)/.exec(r[1]!)!;
      // A CSV record's spreadsheet row is its number after the header row.
      return m[1] === 'record' ? Number(m[2]) + 1 : Number(m[2]);
    });
}

describe('the corpus imports with the guessed mapping and gives what EXPECTED.md says', () => {
  it.each(PROGRAM_FILES)('%s', async (name) => {
    const { call } = openTestServices(undefined, NOW);
    const { plan } = await importFile(call, name);
    expect([...new Set(plan.problems.map((p) => p.row))]).toEqual(refusedRows(name));
    for (const p of plan.problems) expect(p.column).not.toBeNull();
    const programs = await call('programs.list');
    const want = counts(name);
    expect(programs).toHaveLength(want.programs);
    expect(new Set(programs.map((p) => p.institutionId)).size).toBe(want.institutions);

    const tables = tablesOf(section(name)).filter((t) => t.headers.includes('Institution') && t.rows.length > 3);
    expect(tables.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    let checked = 0;
    for (const t of tables.slice(0, 1)) {
      for (const row of t.rows) {
        const found = programsOfRow(t, row, programs);
        if (found.length === 0 || found.some((p) => p === undefined)) {
          wrong.push(`${row[0]}: program not found`);
          continue;
        }
        for (const p of found) {
          checked++;
          for (const d of differences(t, row, p)) wrong.push(`${row[0]} ${p.nrmpCode || p.track}: ${d}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(want.programs);
  });

  it('all seven program files into one database: the same institution is one institution, and the facts agree', async () => {
    const { call } = openTestServices(undefined, NOW);
    for (const name of PROGRAM_FILES) await importFile(call, name);
    const programs = await call('programs.list');
    const cross = tablesOf(EXPECTED).find((t) => t.headers[0] === 'Prefix')!;
    const institutions = new Set(programs.map((p) => p.institutionId));
    expect(institutions.size).toBe(cross.rows.length);
    for (const row of cross.rows) {
      // (The reference lists each institution's codes; a file may hold only one of them.)
      const codes = row[3]!.split(',').map((c) => c.trim());
      const found = codes.map((c) => programs.find((p) => p.nrmpCode === c)).filter((p) => p !== undefined);
      expect(found.length, `${row[1]}: ${codes.join(', ')}`).toBeGreaterThan(0);
      expect(new Set(found.map((p) => p!.institutionId)).size, row[1]).toBe(1);
      const [city, state] = row[2]!.split(', ');
      expect(found[0]!.institution).toMatchObject({ city, state });
    }
  });

  it('applications-log.csv: statuses in the applicant\'s words, US and season-year dates', async () => {
    const { call } = openTestServices(undefined, NOW);
    for (const name of PROGRAM_FILES) await importFile(call, name);
    const file = fileOf('applications-log.csv');
    const preview = await call('import.preview', { kind: 'applications', file });
    const plan = await call('import.check', { kind: 'applications', file, mapping: preview.mapping });
    expect(plan.problems).toEqual([]);
    const result = await call('import.run', { kind: 'applications', file, mapping: preview.mapping });
    expect(result.add).toBe(35);
    const apps = await call('applications.list');
    const programs = await call('programs.list');
    const t = tablesOf(section('applications-log.csv')).find((x) => x.headers.includes('Status → normalized'))!;
    // An interview waitlist is a waitlisted invitation, which the app counts as "Interview invited"
    // (docs/DOMAIN.md §8); an invitation with an interview date is an accepted one: "Interview scheduled".
    const STATUS: Record<string, string> = { applied: 'submitted', 'interview invited': 'interview_invited', interviewed: 'interviewed', waitlisted: 'interview_invited', rejected: 'rejected', withdrawn: 'withdrawn', ranked: 'ranked' };
    const interviews = await call('interviews.list');
    const wrong: string[] = [];
    for (const row of t.rows) {
      const code = get(t, row, /^NRMP code/)!;
      const program = programs.find((p) => p.nrmpCode === code);
      const app = apps.find((a) => a.programId === program?.id);
      if (!program || !app) {
        wrong.push(`${code}: no application`);
        continue;
      }
      const words = get(t, row, /^Status/)!.split('→ ')[1]!;
      const interview = get(t, row, /^Interview/)!;
      const status = STATUS[words] === 'interview_invited' && interview !== '—' ? 'interview_scheduled' : STATUS[words]!;
      if (app.status !== status) wrong.push(`${code}: status ${app.status}, expected ${status}`);
      const applied = get(t, row, /^Applied/)!;
      if (app.submittedOn !== applied) wrong.push(`${code}: submitted ${app.submittedOn}, expected ${applied}`);
      const history = await call('applications.history', { id: app.id });
      // A waitlist without a day is dated the day of the import (as a status without a date is).
      const invite = words === 'waitlisted' ? '2027-03-01' : get(t, row, /^Invite/)!;
      const invited = history.find((e) => e.status === 'interview_invited')?.date ?? '—';
      if (invited !== invite) wrong.push(`${code}: invited ${invited}, expected ${invite}`);
      const interviewed = history.find((e) => e.status === 'interviewed')?.date;
      if (interviewed !== undefined && interviewed !== interview) wrong.push(`${code}: interviewed ${interviewed}, expected ${interview}`);
      const recorded = interviews.find((i) => i.applicationId === app.id)?.localStart?.slice(0, 10) ?? '—';
      if (recorded !== interview) wrong.push(`${code}: interview ${recorded}, expected ${interview}`);
    }
    expect(wrong).toEqual([]);
  });

  it('tracker.xlsx: the Applied sheet is guessed for applications, joined to the programs by NRMP code', async () => {
    const { call } = openTestServices(undefined, NOW);
    await importFile(call, 'tracker.xlsx');
    const file = fileOf('tracker.xlsx');
    const preview = await call('import.preview', { kind: 'applications', file });
    expect(preview.sheet).toBe('Applied');
    expect(preview.sheets).toEqual(['Summary', 'Programs', 'Applied']);
    const result = await call('import.run', { kind: 'applications', file, mapping: preview.mapping });
    expect(result.problems).toEqual([]);
    expect(result.add).toBe(20);
    // The sheet can be changed: the Summary sheet has no program rows.
    const summary = await call('import.preview', { kind: 'programs', file, sheet: 'Summary' });
    expect(summary.sheet).toBe('Summary');
  });
});
