// docs/DOMAIN.md §4.2 "Program screens (hard filters, "excluded" with a reason)": one table per rule.
import { describe, expect, it } from 'vitest';
import type { Profile, VisaNeed } from '../../../shared/domain/profile';
import type { VisaSponsorship } from '../../../shared/domain/program';
import { tierProgram, type FlagCode, type ScreenCode } from '../../../shared/engine';
import { makeProgram, seedApplicant, TODAY, type ProgramSpec } from './fixtures';

const flagCodes = (r: ReturnType<typeof tierProgram>) => r.flags.map((f) => f.code);
const screens = (r: ReturnType<typeof tierProgram>) => r.exclusions.map((x) => x.screen);

describe('screen: visa sponsorship', () => {
  const rules = {
    none: 'Applicant needs a visa and the program sponsors none → exclude ("no visa sponsorship").',
    h1bVsJ1: 'Applicant requires H-1B and the program sponsors J-1 only → exclude.',
    h1bStep3: 'Applicant requires H-1B, program offers H-1B, but Step 3 not passed → not excluded, but flagged "H-1B needs Step 3 passed before the petition".',
    accepts: "Visa need 'either_prefers_h1b' accepts J-1 and H-1B; 'j1' accepts J-1 (and 'both'); 'none' needs nothing.",
  };
  const cases: { rule: string; need: VisaNeed; sponsors: VisaSponsorship; step3?: boolean; excluded: ScreenCode | null; flag?: FlagCode }[] = [
    { rule: rules.none, need: 'j1', sponsors: 'none', excluded: 'no_visa_sponsorship' },
    { rule: rules.none, need: 'h1b_required', sponsors: 'none', excluded: 'no_visa_sponsorship' },
    { rule: rules.none, need: 'either_prefers_h1b', sponsors: 'none', excluded: 'no_visa_sponsorship' },
    { rule: rules.accepts, need: 'none', sponsors: 'none', excluded: null },
    { rule: rules.accepts, need: 'none', sponsors: 'h1b', excluded: null },
    { rule: rules.accepts, need: 'j1', sponsors: 'j1', excluded: null },
    { rule: rules.accepts, need: 'j1', sponsors: 'both', excluded: null },
    { rule: rules.accepts, need: 'j1', sponsors: 'h1b', excluded: 'visa_type_mismatch' },
    { rule: rules.h1bVsJ1, need: 'h1b_required', sponsors: 'j1', excluded: 'visa_type_mismatch' },
    { rule: rules.h1bStep3, need: 'h1b_required', sponsors: 'h1b', step3: false, excluded: null, flag: 'h1b_needs_step3' },
    { rule: rules.h1bStep3, need: 'h1b_required', sponsors: 'both', step3: false, excluded: null, flag: 'h1b_needs_step3' },
    { rule: rules.h1bStep3, need: 'h1b_required', sponsors: 'h1b', step3: true, excluded: null },
    { rule: rules.accepts, need: 'either_prefers_h1b', sponsors: 'j1', excluded: null },
    { rule: rules.accepts, need: 'either_prefers_h1b', sponsors: 'h1b', step3: false, excluded: null, flag: 'h1b_needs_step3' },
    { rule: rules.accepts, need: 'either_prefers_h1b', sponsors: 'both', step3: false, excluded: null },
  ];
  it.each(cases)('$need vs sponsors $sponsors (step 3 passed: $step3) — $rule', ({ need, sponsors, step3, excluded, flag }) => {
    const profile = seedApplicant({ visaNeed: need, ...(step3 ? { step3Status: 'passed', step3Score: 210 } : {}) });
    const r = tierProgram(makeProgram({ institution: { visaSponsorship: sponsors } }), profile, TODAY);
    if (excluded) {
      expect(r.outcome).toBe('excluded');
      expect(screens(r)).toEqual([excluded]);
      expect(r.reasons.find((x) => x.effect === 'exclude')?.rule).toBe(excluded);
    } else {
      expect(r.outcome).not.toBe('excluded');
      expect(r.exclusions).toEqual([]);
    }
    if (flag) expect(flagCodes(r)).toContain(flag);
    else expect(flagCodes(r)).not.toContain('h1b_needs_step3');
  });

  it('says it in plain words: "Sponsors no visa; you need one"', () => {
    const r = tierProgram(makeProgram({ institution: { visaSponsorship: 'none' } }), seedApplicant(), TODAY);
    expect(r.exclusions).toEqual([{ screen: 'no_visa_sponsorship', text: 'Sponsors no visa; you need one' }]);
    expect(r.summary).toBe('Excluded: Sponsors no visa; you need one');
    expect(r.label).toBe('Excluded');
  });

  it('flags the H-1B with the rule text', () => {
    const r = tierProgram(makeProgram({ institution: { visaSponsorship: 'h1b' } }), seedApplicant({ visaNeed: 'h1b_required' }), TODAY);
    expect(r.flags).toContainEqual({ code: 'h1b_needs_step3', text: 'H-1B needs Step 3 passed before the petition' });
  });

  it('unknown sponsorship never excludes: it lowers confidence, flags and says so (docs/DOMAIN.md §4: "Unknown data (e.g. visa "unknown") never excludes")', () => {
    const known = tierProgram(makeProgram(), seedApplicant(), TODAY);
    const r = tierProgram(makeProgram({ institution: { visaSponsorship: 'unknown' } }), seedApplicant(), TODAY);
    expect(r.outcome).not.toBe('excluded');
    expect(r.confidence).toBe(known.confidence - 25);
    expect(flagCodes(r)).toContain('visa_unknown');
    expect(r.reasons).toContainEqual(expect.objectContaining({ rule: 'visa', effect: 'unknown' }));
  });

  it('an applicant who needs no visa loses no confidence over an unknown sponsorship', () => {
    const p = seedApplicant({ visaNeed: 'none' });
    expect(tierProgram(makeProgram({ institution: { visaSponsorship: 'unknown' } }), p, TODAY).confidence).toBe(tierProgram(makeProgram(), p, TODAY).confidence);
  });
});

describe('screen: minimum Step 2 CK / Step 1 — "Program\'s minimum Step 2 CK (or Step 1) above the applicant\'s score → excluded by filter, unless the program\'s cutoff is marked as a preference (then a penalty)"', () => {
  const base = tierProgram(makeProgram({ minStep2ck: null }), seedApplicant(), TODAY);
  const cases: { name: string; spec: ProgramSpec; profile?: Partial<Profile>; excluded: boolean; text?: string | RegExp; effect?: string; flag?: FlagCode }[] = [
    { name: 'Step 2 CK 230 vs strict 220: passes', spec: { minStep2ck: 220 }, excluded: false, text: 'Your Step 2 CK 230 is 10 above its minimum 220', effect: 'positive' },
    { name: 'Step 2 CK 230 vs strict 230: meets it exactly, at the edge', spec: { minStep2ck: 230 }, excluded: false, text: /meets its minimum 230 exactly \(at the edge of the filter\)/, effect: 'neutral' },
    { name: 'Step 2 CK 230 vs strict 235: excluded', spec: { minStep2ck: 235 }, excluded: true, text: 'Your Step 2 CK 230 is 5 below its minimum 235 (a strict filter)', effect: 'exclude' },
    { name: 'Step 2 CK 230 vs preference 235: penalty, not excluded', spec: { minStep2ck: 235, minStep2ckKind: 'preference' }, excluded: false, text: /5 below its preferred minimum 235 \(a preference, not a filter\)/, effect: 'negative' },
    { name: 'Step 1 213 vs strict 220: excluded', spec: { minStep1: 220 }, excluded: true, text: 'Your Step 1 213 is 7 below its minimum 220 (a strict filter)', effect: 'exclude' },
    { name: 'Step 1 213 vs preference 220: penalty', spec: { minStep1: 220, minStep1Kind: 'preference' }, excluded: false, text: /7 below its preferred minimum 220/, effect: 'negative' },
    { name: 'Step 1 213 vs strict 200: passes', spec: { minStep1: 200 }, excluded: false, text: 'Your Step 1 213 is 13 above its minimum 200', effect: 'positive' },
    {
      name: 'pass/fail Step 1 vs a numeric minimum: "unknown how they treat pass/fail", not excluded',
      spec: { minStep1: 230 },
      profile: { step1Result: 'pass_fail', step1Score: null },
      excluded: false,
      text: /your Step 1 is pass\/fail: unknown how they treat pass\/fail/,
      effect: 'unknown',
      flag: 'step1_pass_fail_unknown',
    },
    {
      name: 'Step 2 CK not taken: the minimum cannot be checked yet, not excluded',
      spec: { minStep2ck: 240 },
      profile: { step2ckStatus: 'not_taken', step2ckScore: null, step2ckAttempts: 0, step2ckDate: null },
      excluded: false,
      text: /Minimum Step 2 CK 240 \(strict filter\) cannot be checked yet: your Step 2 CK is not in/,
      effect: 'unknown',
      flag: 'step2ck_pending',
    },
    {
      name: 'Step 2 CK scheduled: the minimum cannot be checked yet, not excluded',
      spec: { minStep2ck: 240 },
      profile: { step2ckStatus: 'scheduled', step2ckScore: null, step2ckAttempts: 0, step2ckDate: '2026-10-01' },
      excluded: false,
      effect: 'unknown',
      flag: 'step2ck_pending',
    },
  ];
  it.each(cases)('$name', ({ spec, profile, excluded, text, effect, flag }) => {
    const r = tierProgram(makeProgram(spec), seedApplicant(profile), TODAY);
    expect(r.outcome === 'excluded').toBe(excluded);
    const rule = spec.minStep1 !== undefined ? 'step1_minimum' : 'step2ck_minimum';
    const reason = r.reasons.find((x) => x.rule === rule)!;
    expect(reason).toBeDefined();
    if (text) expect(reason.text).toMatch(text);
    if (effect) expect(reason.effect).toBe(effect);
    if (excluded) expect(screens(r)).toEqual([rule]);
    if (flag) {
      expect(flagCodes(r)).toContain(flag);
      expect(r.confidence).toBeLessThan(base.confidence);
    }
  });

  it('a preference cutoff costs fit points instead of excluding', () => {
    const pref = tierProgram(makeProgram({ minStep2ck: 235, minStep2ckKind: 'preference' }), seedApplicant(), TODAY);
    expect(pref.fitScore).toBeLessThan(base.fitScore);
    expect(pref.outcome).toBe('tier1');
  });
});

describe('screen: first-attempt passes — "Program requires first-attempt passes and the applicant has a failure → excluded"', () => {
  const cases: { name: string; profile: Partial<Profile>; fao: 'yes' | 'no' | 'unknown'; excluded: boolean; text?: RegExp; flag?: FlagCode }[] = [
    { name: 'Step 1 passed on the 2nd attempt, program requires first attempts', profile: { step1Attempts: 2 }, fao: 'yes', excluded: true, text: /Requires first-attempt passes; you have 2 attempts at Step 1/ },
    { name: 'Step 2 CK passed on the 2nd attempt, program requires first attempts', profile: { step2ckAttempts: 2 }, fao: 'yes', excluded: true, text: /2 attempts at Step 2 CK/ },
    { name: 'failed Step 3, program requires first attempts', profile: { step3Status: 'failed' }, fao: 'yes', excluded: true, text: /a failed Step 3/ },
    { name: 'a failure, program accepts more attempts', profile: { step1Attempts: 2 }, fao: 'no', excluded: false },
    { name: 'a failure, policy unknown: not excluded, flagged, lower confidence', profile: { step1Attempts: 2 }, fao: 'unknown', excluded: false, flag: 'first_attempt_policy_unknown' },
    { name: 'no failure, program requires first attempts', profile: {}, fao: 'yes', excluded: false },
  ];
  it.each(cases)('$name', ({ profile, fao, excluded, text, flag }) => {
    const r = tierProgram(makeProgram({ firstAttemptOnly: fao }), seedApplicant(profile), TODAY);
    expect(r.outcome === 'excluded').toBe(excluded);
    if (excluded) expect(screens(r)).toEqual(['first_attempt_only']);
    if (text) expect(r.exclusions[0]!.text).toMatch(text);
    if (flag) {
      expect(flagCodes(r)).toContain(flag);
      expect(r.confidence).toBe(tierProgram(makeProgram({ firstAttemptOnly: 'no' }), seedApplicant(profile), TODAY).confidence - 15);
    }
  });
});

describe('screen: years since graduation — "Program\'s maximum years since graduation exceeded → excluded"', () => {
  const cases: { name: string; graduationYear: number | null; max: number; today: string | Date; excluded: boolean; effect: string }[] = [
    { name: 'graduated 2022, today 2026: 4 years vs max 3', graduationYear: 2022, max: 3, today: TODAY, excluded: true, effect: 'exclude' },
    { name: 'graduated 2022, today 2026: 4 years vs max 4', graduationYear: 2022, max: 4, today: TODAY, excluded: false, effect: 'positive' },
    { name: 'graduated 2022, today 2027 (a Date): 5 years vs max 4', graduationYear: 2022, max: 4, today: new Date(2027, 0, 10), excluded: true, effect: 'exclude' },
    { name: 'graduation year not entered: unknown, not excluded', graduationYear: null, max: 3, today: TODAY, excluded: false, effect: 'unknown' },
  ];
  it.each(cases)('$name', ({ graduationYear, max, today, excluded, effect }) => {
    const r = tierProgram(makeProgram({ maxYearsSinceGraduation: max }), seedApplicant({ graduationYear }), today);
    expect(r.outcome === 'excluded').toBe(excluded);
    expect(r.reasons.find((x) => x.rule === 'years_since_graduation')?.effect).toBe(effect);
    if (excluded) expect(r.exclusions[0]!.text).toMatch(new RegExp(`Accepts graduates of up to ${max} years; you graduated \\d years ago \\(2022\\)`));
  });
});

describe('screen: USCE — "Program requires USCE (or N months) and the applicant lacks it → excluded" (1 month ≈ 4 weeks)', () => {
  const eightWeeks: Partial<Profile> = {};
  const none: Partial<Profile> = { usce: [] };
  const observership: Partial<Profile> = { usce: [{ id: 'o', type: 'observership', specialty: 'General Surgery', surgical: true, weeks: 4, hospital: 'H', state: 'NY', handsOn: false }] };
  const cases: { name: string; profile: Partial<Profile>; required: 'yes' | 'no' | 'unknown'; months: number | null; excluded: boolean; text?: string }[] = [
    { name: '8 weeks vs 3 months required', profile: eightWeeks, required: 'yes', months: 3, excluded: true, text: 'Requires 3 months of USCE (about 12 weeks); you have 8 weeks' },
    { name: '8 weeks vs 2 months required', profile: eightWeeks, required: 'yes', months: 2, excluded: false },
    { name: '8 weeks vs "USCE required" (no months)', profile: eightWeeks, required: 'yes', months: null, excluded: false },
    { name: 'no USCE vs "USCE required"', profile: none, required: 'yes', months: null, excluded: true, text: 'Requires US clinical experience; you have none' },
    { name: 'a 4-week observership counts as USCE vs 1 month required', profile: observership, required: 'yes', months: 1, excluded: false },
    { name: 'no USCE, program does not require it', profile: none, required: 'no', months: null, excluded: false },
    { name: 'no USCE, requirement unknown: not excluded', profile: none, required: 'unknown', months: null, excluded: false },
  ];
  it.each(cases)('$name', ({ profile, required, months, excluded, text }) => {
    const r = tierProgram(makeProgram({ usceRequired: required, usceMonthsRequired: months }), seedApplicant(profile), TODAY);
    expect(r.outcome === 'excluded').toBe(excluded);
    if (text) expect(r.exclusions).toEqual([{ screen: 'usce_required', text }]);
  });

  it('an unknown USCE requirement lowers confidence when the applicant has none', () => {
    const p = seedApplicant({ usce: [] });
    const known = tierProgram(makeProgram({ usceRequired: 'no' }), p, TODAY);
    const unknown = tierProgram(makeProgram({ usceRequired: 'unknown' }), p, TODAY);
    expect(unknown.confidence).toBe(known.confidence - 10);
    expect(unknown.reasons).toContainEqual(expect.objectContaining({ rule: 'usce_required', effect: 'unknown' }));
  });
});

describe('"Unknown data never excludes; it lowers confidence and says so"', () => {
  it('a program with nothing known is tiered (not excluded) with low confidence and a reason per unknown', () => {
    const r = tierProgram(
      makeProgram({
        unfilledHistory: [],
        firstAttemptOnly: 'unknown',
        usceRequired: 'unknown',
        positionsOffered: null,
        institution: { setting: 'unknown', visaSponsorship: 'unknown', imgSharePct: null, nonUsImgResidents: 'unknown', state: '', lastVerified: null },
      }),
      seedApplicant({ step1Attempts: 2, usce: [] }),
      TODAY,
    );
    expect(r.outcome).not.toBe('excluded');
    expect(r.confidenceLevel).toBe('low');
    // 100 − visa 25 − first attempt 15 − USCE 10 − setting 10 − IMG share 8 − unfilled 8 − residents 5 − never verified 5 − state 3
    expect(r.confidence).toBe(11);
    const unknownRules = r.reasons.filter((x) => x.effect === 'unknown').map((x) => x.rule);
    expect(unknownRules).toEqual(expect.arrayContaining(['visa', 'first_attempt_only', 'usce_required', 'setting', 'img_share', 'non_us_img_residents', 'geography', 'unfilled_history', 'data_age']));
  });

  it('a fully known program has high confidence', () => {
    const r = tierProgram(makeProgram(), seedApplicant(), TODAY);
    expect(r.confidence).toBe(100);
    expect(r.confidenceLevel).toBe('high');
    expect(r.reasons.some((x) => x.effect === 'unknown')).toBe(false);
  });

  it('data last verified over a year ago lowers confidence', () => {
    const r = tierProgram(makeProgram({ institution: { lastVerified: '2025-06-01' } }), seedApplicant(), TODAY);
    expect(r.confidence).toBe(95);
    expect(r.reasons).toContainEqual({ rule: 'data_age', effect: 'unknown', text: 'Program data last verified 2025-06-01, over a year ago' });
  });
});

describe('several screens', () => {
  it('records every screen that fails, not just the first', () => {
    const r = tierProgram(makeProgram({ minStep2ck: 240, firstAttemptOnly: 'yes', institution: { visaSponsorship: 'none' } }), seedApplicant({ step1Attempts: 2 }), TODAY);
    expect(screens(r)).toEqual(['no_visa_sponsorship', 'step2ck_minimum', 'first_attempt_only']);
    expect(r.summary).toMatch(/^Excluded: Sponsors no visa; you need one; Your Step 2 CK 230 is 10 below its minimum 240/);
  });
});
