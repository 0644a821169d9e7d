import { describe, expect, it } from 'vitest';
import { institutionInputSchema, institutionWithTracksSchema, programTrackInputSchema, type InstitutionFields, type ProgramTrackFields } from '../../shared/domain/program';
import { institution, track } from '../fixtures';
import { combineVisa, guessMapping, mappingProblem, parseDate, parseNumber, parseStatus, parseTrack, parseTri, parseUnfilled, parseVisa, parseYearsSinceGraduation } from '../../shared/domain/import-fields';

describe('guessing the column mapping', () => {
  it('recognises the headers people use', () => {
    const headers = ['Program', 'NRMP Code', 'ERAS ID', 'City', 'State', 'Track', 'J-1', 'H-1B', 'Min Step 2', 'IMG %', 'YOG', 'USCE', 'Whatever'];
    expect(guessMapping('programs', headers)).toEqual(['institution', 'nrmpCode', 'erasProgramId', 'city', 'state', 'track', 'j1', 'h1b', 'minStep2ck', 'imgSharePct', 'maxYearsSinceGraduation', 'usceRequired', null]);
  });

  it('prefers an exact header and gives each field to one column', () => {
    expect(guessMapping('programs', ['Program Name', 'Institution', 'Step 2 CK cutoff', 'Visa', 'Program Director'])).toEqual([null, 'institution', 'minStep2ck', 'visa', 'pdName']);
    expect(guessMapping('programs', ['NRMP program code', 'nrmp #'])).toEqual(['nrmpCode', null]);
    expect(guessMapping('programs', ['Step 2 CK minimum (strict?)', 'Hospital name', 'Sponsors J1?'])).toEqual(['minStep2ck', 'institution', 'j1']);
  });

  it('maps application columns', () => {
    expect(guessMapping('applications', ['Program', 'Track', 'NRMP', 'Application status', 'Last updated', 'Date submitted', 'Comments'])).toEqual(['institution', 'track', 'nrmpCode', 'status', 'statusDate', 'submittedOn', 'notes']);
  });

  it('says what a mapping lacks', () => {
    expect(mappingProblem('programs', [null, null])).toMatch(/No column is recognised/);
    expect(mappingProblem('programs', ['city'])).toMatch(/institution name or the NRMP code/);
    expect(mappingProblem('programs', ['institution', 'institution'])).toMatch(/Two columns are set to "Institution"/);
    expect(mappingProblem('applications', ['nrmpCode'])).toMatch(/status/);
    expect(mappingProblem('programs', ['nrmpCode', 'minStep2ck'])).toBeNull();
  });
});

describe('reading cells', () => {
  it('numbers, with the usual decorations', () => {
    expect(['220', '≥ 220', '220+', '1,200', '45%', '5 years', ' 7 '].map((s) => parseNumber(s).value)).toEqual([220, 220, 220, 1200, 45, 5, 7]);
    expect(parseNumber('two hundred').error).toBe('Write a number, e.g. 220 (found "two hundred").');
  });
  it('yes / no / unknown', () => {
    expect(['Yes', 'y', 'TRUE', 'x', 'Required', 'No', 'none', 'preferred', '?', 'N/A'].map((s) => parseTri(s).value)).toEqual(['yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'unknown', 'unknown']);
    expect(parseTri('maybe').error).toMatch(/Yes, No or Unknown/);
  });
  it('tracks and visas', () => {
    expect(['Prelim', 'Preliminary', 'P', 'Surgery - Preliminary', 'Categorical', 'C'].map((s) => parseTrack(s).value)).toEqual(['preliminary', 'preliminary', 'preliminary', 'preliminary', 'categorical', 'categorical']);
    expect(['J-1', 'H1B', 'J1, H1B', 'Both', 'None', 'unknown'].map((s) => parseVisa(s).value)).toEqual(['j1', 'h1b', 'both', 'both', 'none', 'unknown']);
    expect(combineVisa(undefined, 'yes', 'no')).toBe('j1');
    expect(combineVisa(undefined, 'no', 'no')).toBe('none');
    expect(combineVisa('j1', undefined, 'yes')).toBe('both');
    expect(combineVisa(undefined, 'no', 'unknown')).toBe('unknown');
    expect(combineVisa('h1b', undefined, undefined)).toBe('h1b');
  });
  it('graduation years become years since graduation', () => {
    expect(parseYearsSinceGraduation('2019', 2026).value).toBe(7);
    expect(parseYearsSinceGraduation('5', 2026).value).toBe(5);
  });
  it('dates, statuses, unfilled history', () => {
    expect(parseDate('9/4/2026').value).toBe('2026-09-04');
    expect(parseDate('2026-09-04').value).toBe('2026-09-04');
    expect(parseDate('04.09.2026').error).toMatch(/YYYY-MM-DD/);
    expect(['Interview invited', 'interview_invited', 'Applied', 'NOT MATCHED'].map((s) => parseStatus(s).value)).toEqual(['interview_invited', 'interview_invited', 'submitted', 'not_matched']);
    const wordings: [string, string][] = [
      ['Interview completed', 'interviewed'],
      ['interview done', 'interviewed'],
      ['Done', 'interviewed'],
      ['Applied', 'submitted'],
      ['sent', 'submitted'],
      ['Invited', 'interview_invited'],
      ['Scheduled', 'interview_scheduled'],
      ['Unmatched', 'not_matched'],
      ['Declined', 'rejected'],
      ['Rejected by program', 'rejected'],
    ];
    for (const [raw, status] of wordings) expect(parseStatus(raw), raw).toEqual({ value: status });
    expect(parseStatus('pending forever').error).toMatch(/found "pending forever"/);
    expect(parseUnfilled('2025: 2; 2024=1').value).toEqual([{ year: 2025, unfilled: 2 }, { year: 2024, unfilled: 1 }]);
    expect(parseUnfilled('lots').error).toMatch(/2025: 2/);
  });
});

// The programs import checks a row's institution with institutionInputSchema and its track
// with programTrackInputSchema (the institution once while rows repeat it). With one track,
// that is exactly what the editor's institutionWithTracksSchema says: same data, same issues.
describe('one institution with one track: the two schemas say what the editor schema says', () => {
  const institutions: InstitutionFields[] = [
    institution(),
    institution({ name: '  Padded Name  ', state: 'ohio', website: 'https://example.org', coordinatorEmail: 'c@hospital.org' }),
    institution({ name: '' }),
    institution({ state: 'Narnia', imgSharePct: 150 }),
    institution({ pdEmail: 'not-an-email', website: 'example' }),
    institution({ city: 'x'.repeat(81), lastVerified: '2026-02-30' }),
  ];
  const tracks: ProgramTrackFields[] = [
    track('preliminary'),
    track('categorical', { nrmpCode: ' 1234440c0 ', unfilledHistory: [{ year: 2024, unfilled: 1 }, { year: 2025, unfilled: 2 }] }),
    track('preliminary', { nrmpCode: '1234440C0' }),
    track('preliminary', { nrmpCode: 'abc', minStep2ck: 400, minStep1: 2.5 }),
    track('categorical', { unfilledHistory: [{ year: 2025, unfilled: 1 }, { year: 2025, unfilled: 2 }], usceRequired: 'no', usceMonthsRequired: 3 }),
    track('preliminary', { tags: Array.from({ length: 31 }, (_, i) => `t${i}`), erasProgramId: 'a b', maxYearsSinceGraduation: -1 }),
  ];

  it('for every pair of good and bad institutions and tracks', () => {
    let failures = 0;
    for (const inst of institutions) {
      for (const t of tracks) {
        const editor = institutionWithTracksSchema.safeParse({ institution: inst, tracks: [t] });
        const i = institutionInputSchema.safeParse(inst);
        const p = programTrackInputSchema.safeParse(t);
        expect(i.success && p.success).toBe(editor.success);
        if (editor.success && i.success && p.success) {
          expect({ institution: i.data, tracks: [p.data] }).toEqual(editor.data);
        } else {
          failures++;
          const issues = [...(i.error?.issues ?? []).map((x) => ({ path: ['institution', ...x.path], message: x.message })), ...(p.error?.issues ?? []).map((x) => ({ path: ['tracks', 0, ...x.path], message: x.message }))];
          expect(issues).toEqual(editor.error!.issues.map((x) => ({ path: x.path, message: x.message })));
        }
      }
    }
    expect(failures).toBeGreaterThan(20);
  });
});
