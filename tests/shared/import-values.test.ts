// One test per normalisation rule of shared/import/values.ts (issue 12: values as people write them).
import { describe, expect, it } from 'vitest';
import {
  cleanInstitutionName,
  dayOrderOf,
  institutionKey,
  percentModeOf,
  readAttempts,
  readCityState,
  readCutoff,
  readCutoffKind,
  readDate,
  readFriendliness,
  readGraduationLimit,
  readNumber,
  readPercent,
  readSetting,
  readState,
  readStatusWords,
  readTrack,
  readUnfilled,
  readUsce,
  readVisa,
  readYesNo,
  unfilledWindowOf,
} from '../../shared/import/values';
import { unneutraliseCell } from '../../shared/import/formula-cells';

const values = <T>(read: (raw: string) => { value?: T }, raws: string[]) => raws.map((r) => read(r).value);

describe('values as applicants write them', () => {
  it('yes / no in the usual spellings, spreadsheet booleans and check marks', () => {
    expect(values(readYesNo, ['Yes', 'y', 'TRUE', '1', 'x', '✓', '✔', '☑', '✅', 'Required', 'Apply'])).toEqual(Array(11).fill('yes'));
    expect(values(readYesNo, ['No', 'n', 'FALSE', '0', '✗', '❌', 'none', 'not required', 'Skip'])).toEqual(Array(9).fill('no'));
    expect(values(readYesNo, ['?', 'unknown', 'N/A', 'TBD', 'Not reported'])).toEqual(Array(5).fill('unknown'));
    expect(readYesNo('maybe').error).toMatch(/Yes, No or Unknown/);
  });

  it('visas: J1, J-1 only, J1/H1B, H-1B, J-1, No visa, ? and Not reported', () => {
    expect(values(readVisa, ['J1', 'J-1 only', 'J1/H1B', 'H-1B, J-1', 'J1 / H1B', 'H1B', 'Both', 'No visa', 'None', '?', 'Not reported', ''])).toEqual([
      'j1', 'j1', 'both', 'both', 'both', 'h1b', 'both', 'none', 'none', 'unknown', 'unknown', 'unknown',
    ]);
    expect(readVisa('green card').error).toMatch(/J-1, H-1B/);
  });

  it('cutoffs with their kind: a number alone is a minimum of unstated kind; "none" is a stated none, "no cutoff listed" unknown', () => {
    expect(values(readCutoff, ['220+', '≥225 strict', '230 (pref)', '235 preferred', '230 hard cutoff', '225 (hard)', '220', 'none', 'no cutoff listed', '?'])).toEqual([
      { min: 220, kind: 'not_stated' },
      { min: 225, kind: 'strict' },
      { min: 230, kind: 'preference' },
      { min: 235, kind: 'preference' },
      { min: 230, kind: 'strict' },
      { min: 225, kind: 'strict' },
      { min: 220, kind: 'not_stated' },
      { min: null, kind: 'no_cutoff' },
      { min: null, kind: 'unknown' },
      { min: null, kind: 'unknown' },
    ]);
    expect(readCutoffKind('TRUE', true).value).toBe('strict');
    expect(readCutoffKind('FALSE', true).value).toBe('preference');
    expect(readCutoffKind('Preference', false).value).toBe('preference');
  });

  it('unfilled history as years with positions, as counts out of a window (from the header), as "every year", or as SOAP years', () => {
    expect(unfilledWindowOf('Unfilled (last 4 yrs)')).toBe(4);
    expect(unfilledWindowOf('Unfilled')).toBeNull();
    expect(readUnfilled('2025: 2; 2024: 1', null, 2026).value).toMatchObject({ byYear: [{ year: 2025, unfilled: 2 }, { year: 2024, unfilled: 1 }] });
    expect(readUnfilled('3/4 yrs', null, 2026).value).toMatchObject({ count: 3, window: 4 });
    expect(readUnfilled('3', 4, 2026).value).toMatchObject({ count: 3, window: 4 });
    expect(readUnfilled('every year', null, 2026).value).toMatchObject({ count: 4, window: 4 });
    expect(readUnfilled('0', null, 2026).value).toMatchObject({ count: 0, window: 4 });
    expect(readUnfilled('SOAP 2024, 2025', null, 2026).value).toMatchObject({ years: [2024, 2025], count: null });
    // A bare count with no window in the header can be Matches or positions: the preview asks.
    const ambiguous = readUnfilled('3', null, 2026);
    expect(ambiguous.error).toMatch(/number of Matches or of positions/);
    expect(ambiguous.choices).toEqual([
      { label: 'Unfilled in 3 of the last 4 Matches', raw: '3/4' },
      { label: '3 positions unfilled in the 2026 Match', raw: '2026: 3' },
    ]);
    for (const c of ambiguous.choices!) expect(readUnfilled(c.raw, null, 2026).error).toBeUndefined();
  });

  it('graduation limits: years ("<5 yrs", "within 3 years", "≤5 yrs"), year floors ("2019+", "grad ≥ 2018"), "no limit"', () => {
    expect(values(readGraduationLimit, ['<5 yrs', 'within 3 years', '≤5 yrs', '5', '2019+', 'grad ≥ 2018', 'no limit', ''])).toEqual([
      { maxYears: 5, minYear: null, noLimit: false },
      { maxYears: 3, minYear: null, noLimit: false },
      { maxYears: 5, minYear: null, noLimit: false },
      { maxYears: 5, minYear: null, noLimit: false },
      { maxYears: null, minYear: 2019, noLimit: false },
      { maxYears: null, minYear: 2018, noLimit: false },
      { maxYears: null, minYear: null, noLimit: true },
      { maxYears: null, minYear: null, noLimit: false },
    ]);
  });

  it('USCE: required with months, preferred (never a screen), not required', () => {
    expect(values(readUsce, ['3 mo required', 'yes – 3 months', 'Required', 'Preferred', 'no', 'not required', ''])).toEqual([
      { required: 'yes', preferred: false, months: 3 },
      { required: 'yes', preferred: false, months: 3 },
      { required: 'yes', preferred: false, months: null },
      { required: 'no', preferred: true, months: null },
      { required: 'no', preferred: false, months: null },
      { required: 'no', preferred: false, months: null },
      { required: 'unknown', preferred: false, months: null },
    ]);
  });

  it('percentages: "12%", percent points ("25,5", 33.5) and fractions in a column of fractions', () => {
    expect(percentModeOf(['0.25', '0.12', ''])).toBe('fraction');
    expect(percentModeOf(['30', '33.5'])).toBe('points');
    expect(percentModeOf(['12%', '0.5'])).toBe('points');
    expect(readPercent('12%', 'points').value).toBe(12);
    expect(readPercent('25,5', 'points').value).toBe(25.5);
    expect(readPercent('0.25', 'fraction').value).toBe(25);
    expect(readPercent('33.5', 'points').value).toBe(33.5);
  });

  it('numbers and money: thousands commas, "$62,400.00", the European "62.400" in money, decimal commas', () => {
    expect(readNumber('1,812').value).toBe(1812);
    expect(readNumber('$62,400.00', true).value).toBe(62400);
    expect(readNumber('62.400', true).value).toBe(62400);
    expect(readNumber('62.4').value).toBe(62.4);
    expect(readNumber('25,5').value).toBe(25.5);
  });

  it('dates: ISO, US M/D/YYYY, European D.M.YYYY, day-first slash columns, Excel serials, "Oct 22" in the season', () => {
    expect(readDate('2026-09-02', 'mdy', 2026).value).toBe('2026-09-02');
    expect(readDate('9/2/2026', 'mdy', 2026).value).toBe('2026-09-02');
    expect(readDate('09/24/2026', 'mdy', 2026).value).toBe('2026-09-24');
    expect(readDate('02.09.2026', 'mdy', 2026).value).toBe('2026-09-02');
    expect(dayOrderOf(['02/09/2026', '24/09/2026'])).toBe('dmy');
    expect(readDate('02/09/2026', 'dmy', 2026).value).toBe('2026-09-02');
    expect(readDate('46267', 'mdy', 2026).value).toBe('2026-09-02');
    expect(readDate('Oct 22', 'mdy', 2026).value).toBe('2026-10-22');
    expect(readDate('Jan 6', 'mdy', 2026).value).toBe('2027-01-06');
    expect(readDate('22 Oct', 'mdy', 2026).value).toBe('2026-10-22');
    expect(readDate('2026-02-30', 'mdy', 2026).error).toMatch(/YYYY-MM-DD/);
  });

  it('places: state codes in any case, full names, "City, ST", "City,ST", "City ST", "City, Full Name"', () => {
    expect(readState('tx').value).toBe('TX');
    expect(readState('North Dakota').value).toBe('ND');
    expect(readState('ZZ').error).toMatch(/not a US state/);
    expect(values(readCityState, ['Wichita, KS', 'Duluth,MN', 'Lubbock, Tx', 'Brooklyn NY', 'El Paso, Texas', 'Toledo,\u00a0Ohio', 'Sioux Falls, South Dakota'])).toEqual([
      { city: 'Wichita', state: 'KS' },
      { city: 'Duluth', state: 'MN' },
      { city: 'Lubbock', state: 'TX' },
      { city: 'Brooklyn', state: 'NY' },
      { city: 'El Paso', state: 'TX' },
      { city: 'Toledo', state: 'OH' },
      { city: 'Sioux Falls', state: 'SD' },
    ]);
    expect(readCityState('Springfield, ZZ').error).toMatch(/"ZZ" is not a US state/);
  });

  it('program settings as FREIDA words them', () => {
    expect(values(readSetting, ['Community-based', 'University-based', 'Community-based university affiliated', 'Military-based', 'Top academic'])).toEqual([
      { setting: 'community', military: false },
      { setting: 'university', military: false },
      { setting: 'community_university_affiliated', military: false },
      { setting: 'unknown', military: true },
      { setting: 'top_academic', military: false },
    ]);
  });

  it('tracks, "Both", IMG-friendliness ratings, attempts', () => {
    expect(values(readTrack, ['Prelim', 'prelim', 'Categorical ', 'C', 'P', 'Both'])).toEqual(['preliminary', 'preliminary', 'categorical', 'categorical', 'preliminary', 'both']);
    expect(values(readFriendliness, ['High', 'Med', 'Low'])).toEqual(['high', 'medium', 'low']);
    expect(values(readAttempts, ['1', 'first attempt only', '2'])).toEqual(['yes', 'yes', 'no']);
  });

  it('application statuses in applicants\' words', () => {
    expect(values(readStatusWords, ['Applied', 'Submitted', 'II', 'Interview invite', 'Invite received', 'Interviewed', 'Waitlist', 'Interview waitlist', 'Rejected', 'Withdrew', 'Withdrawn', 'Ranked'])).toEqual([
      'submitted', 'submitted', 'interview_invited', 'interview_invited', 'interview_invited', 'interviewed', 'under_review', 'under_review', 'rejected', 'withdrawn', 'withdrawn', 'ranked',
    ]);
  });

  it('institution names: " Program" dropped, abbreviations written out, compared without accents, Ø, "St." or a trailing "Hospital"', () => {
    expect(cleanInstitutionName('Prairie Lantern Medical Center Program')).toBe('Prairie Lantern Medical Center');
    expect(cleanInstitutionName('Ironwood Bay Regional MC')).toBe('Ironwood Bay Regional Medical Center');
    expect(cleanInstitutionName('Sequoyah Hills Community Hosp')).toBe('Sequoyah Hills Community Hospital');
    expect(institutionKey('Ostergaard Memorial Hospital')).toBe(institutionKey('Østergaard Memorial Hospital'));
    expect(institutionKey('Hopital Sainte-Elodie')).toBe(institutionKey('Hôpital Sainte-Élodie'));
    expect(institutionKey('Calloway-Brandt Memorial')).toBe(institutionKey('Calloway-Brandt Memorial Hospital'));
    expect(institutionKey('St. Odile Lakeshore Hospital')).toBe(institutionKey('Saint Odile Lakeshore Hospital'));
    expect(institutionKey('Mercy Medical Center')).not.toBe(institutionKey('Mercy Hospital Center'));
  });

  it('cells our export neutralised read back as the original text', () => {
    expect(unneutraliseCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unneutraliseCell("'+1")).toBe('+1');
    expect(unneutraliseCell("'Plain")).toBe("'Plain");
  });
});
