// docs/DOMAIN.md §4.3 "Tiers among the rest": one table per tier rule, the seed's worked
// example, signals (IMG-friendliness, geography, applicant strength) and the result's shape.
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/domain/profile';
import { RULE_CODES, THRESHOLDS, TIER_LABELS, tierProgram, tierPrograms, type TierOutcome } from '../../../shared/engine';
import { makeProgram, seedApplicant, TODAY, unfilledIn, type ProgramSpec } from './fixtures';

type Case = { name: string; spec: ProgramSpec; profile?: Partial<Profile>; expected: TierOutcome; summary?: RegExp };

function run(cases: Case[]) {
  it.each(cases)('$name → $expected', ({ spec, profile, expected, summary }) => {
    const r = tierProgram(makeProgram(spec), seedApplicant(profile), TODAY);
    expect(r.outcome, r.summary).toBe(expected);
    expect(r.label).toBe(TIER_LABELS[expected]);
    if (summary) expect(r.summary).toMatch(summary);
  });
}

describe('Long shot — "top-tier academic and research-heavy departments, unless the applicant has an internal connection"', () => {
  run([
    { name: 'top academic prelim', spec: { institution: { setting: 'top_academic' } }, expected: 'long_shot', summary: /top academic program, and no internal connection/ },
    { name: 'research-heavy university prelim', spec: { institution: { setting: 'university', researchHeavy: true } }, expected: 'long_shot', summary: /research-heavy department/ },
    { name: 'research-heavy community prelim with unfilled history', spec: { unfilledHistory: unfilledIn(2024, 2025, 2026), institution: { researchHeavy: true } }, expected: 'long_shot' },
    { name: 'top academic with an internal connection: at most Tier 1', spec: { unfilledHistory: unfilledIn(2024, 2025, 2026), institution: { setting: 'top_academic', internalConnection: true } }, expected: 'tier1', summary: /internal connection/ },
    { name: 'top academic categorical with an internal connection', spec: { track: 'categorical', institution: { setting: 'top_academic', internalConnection: true } }, expected: 'tier1' },
    { name: 'prelim where almost everything is against a weak applicant (fit < 30)', spec: { minStep2ck: 230, minStep2ckKind: 'preference', institution: { setting: 'university', state: 'NY', imgSharePct: 4, nonUsImgResidents: 'no' } }, profile: { step1Score: 205, step1Attempts: 2, step2ckScore: 219, usce: [] }, expected: 'long_shot', summary: /Long shot: fit \d+ \(below 30\)/ },
  ]);
});

describe('Tier 3 – safety — "programs that often have unfilled prelim spots in SOAP, heavy service needs, flexible on scores"', () => {
  run([
    { name: 'unfilled in 2 of the last 4 Matches, no Step 2 CK minimum', spec: { unfilledHistory: unfilledIn(2025, 2026) }, expected: 'tier3', summary: /unfilled prelim positions in 2 of the last 4 Matches/ },
    { name: 'unfilled in 3 of 4, applicant 10 above a strict minimum (well above = flexible)', spec: { minStep2ck: 220, unfilledHistory: unfilledIn(2023, 2024, 2026) }, expected: 'tier3' },
    { name: 'unfilled in 3 of 4, minimum 235 only a preference (flexible)', spec: { minStep2ck: 235, minStep2ckKind: 'preference', unfilledHistory: unfilledIn(2023, 2024, 2026) }, expected: 'tier3' },
    { name: 'unfilled in 1 of 4 with a large prelim class (heavy service)', spec: { positionsOffered: 8, unfilledHistory: unfilledIn(2026) }, expected: 'tier3', summary: /with a large prelim class/ },
    { name: 'unfilled in 1 of 4, small class: not a safety', spec: { positionsOffered: 4, unfilledHistory: unfilledIn(2026) }, expected: 'tier2' },
    { name: 'unfilled in 3 of 4 but a strict minimum only 5 below the applicant (not flexible)', spec: { minStep2ck: 225, unfilledHistory: unfilledIn(2023, 2024, 2026) }, expected: 'tier2' },
    { name: 'unfilled in 3 of 4 but few IMGs (5 %): not a safety for an IMG', spec: { unfilledHistory: unfilledIn(2023, 2024, 2026), institution: { imgSharePct: 5 } }, expected: 'tier1' },
    { name: 'unfilled only in Matches older than the last 4 (2019, 2020)', spec: { unfilledHistory: [{ year: 2019, unfilled: 3 }, { year: 2020, unfilled: 3 }] }, expected: 'tier2' },
    { name: 'categorical track unfilled in 4 of 4: never Tier 3', spec: { track: 'categorical', unfilledHistory: unfilledIn(2023, 2024, 2025, 2026) }, expected: 'tier1' },
    { name: 'categorical track unfilled in 4 of 4, strong applicant: never Tier 3', spec: { track: 'categorical', unfilledHistory: unfilledIn(2023, 2024, 2025, 2026) }, profile: { step1Score: 240, step2ckScore: 255 }, expected: 'tier2' },
  ]);
});

describe('Tier 1 – reach but realistic — "community or hybrid programs with moderate score filters, a history of IMGs, J-1 sponsorship; realistic categorical positions"', () => {
  run([
    { name: 'community prelim with a strict minimum 2 below the applicant (at the edge)', spec: { minStep2ck: 228 }, expected: 'tier1', summary: /Step 2 CK only 2 above their minimum 228/ },
    { name: 'hybrid prelim with no current non-US IMG residents', spec: { institution: { setting: 'community_university_affiliated', nonUsImgResidents: 'no' } }, expected: 'tier1', summary: /no non-US IMG residents/ },
    { name: 'university prelim in the Northeast, IMG share 12 %', spec: { minStep2ck: 225, institution: { setting: 'university', state: 'NY', imgSharePct: 12, nonUsImgResidents: 'unknown' } }, expected: 'tier1', summary: /fit \d+ \(Tier 2 needs 55\)/ },
    { name: 'IMG-friendly community categorical (realistic categorical position)', spec: { track: 'categorical', minStep2ck: 220 }, expected: 'tier1', summary: /a categorical position/ },
    { name: 'categorical below a preference minimum', spec: { track: 'categorical', minStep2ck: 235, minStep2ckKind: 'preference' }, expected: 'tier1' },
  ]);
});

describe('Tier 2 – core — "mid-to-small hospitals, strong IMG presence, explicit prelim positions"', () => {
  run([
    { name: 'community prelim in Ohio, IMG share 25 %, non-US IMG residents, filled every year', spec: {}, expected: 'tier2', summary: /^Core: a prelim track whose filters you meet/ },
    { name: 'hybrid prelim in Texas, IMG share 30 %, minimum 220', spec: { minStep2ck: 220, institution: { setting: 'community_university_affiliated', state: 'TX', imgSharePct: 30 } }, expected: 'tier2' },
    { name: 'community prelim in New Jersey (outside Midwest/South) still core', spec: { institution: { state: 'NJ' } }, expected: 'tier2' },
    {
      name: 'categorical reaches Tier 2 only when very IMG-friendly and the applicant is strong',
      spec: { track: 'categorical', institution: { imgSharePct: 40 } },
      profile: { step1Result: 'pass_fail', step1Score: null, step2ckScore: 250, step3Status: 'passed', step3Score: 220 },
      expected: 'tier2',
      summary: /very IMG-friendly categorical/,
    },
  ]);

  it('the same categorical track stays Tier 1 for the seed applicant (Step 1 213 is low), even with unfilled history', () => {
    const r = tierProgram(makeProgram({ track: 'categorical', unfilledHistory: unfilledIn(2023, 2024, 2025, 2026), institution: { imgSharePct: 40 } }), seedApplicant(), TODAY);
    expect(r.fitScore).toBeGreaterThanOrEqual(THRESHOLDS.tiers.categoricalTier2MinFit);
    expect(r.outcome).toBe('tier1');
    expect(r.summary).toMatch(/your Step 1 213 is low/);
  });

  it('a very IMG-friendly categorical track stays Tier 1 while Step 2 CK is not in', () => {
    const p = { step1Result: 'pass_fail', step1Score: null, step2ckStatus: 'scheduled', step2ckScore: null, step2ckAttempts: 0, step3Status: 'passed', step3Score: 220 } as const;
    expect(tierProgram(makeProgram({ track: 'categorical', institution: { imgSharePct: 40 } }), seedApplicant(p), TODAY).outcome).toBe('tier1');
  });
});

describe("the seed's worked example: Step 1 213 (first attempt), Step 2 CK 230 (first attempt), needs J-1", () => {
  const profile = seedApplicant();
  const programs: { kind: string; spec: ProgramSpec; expected: TierOutcome }[] = [
    { kind: 'community prelim, Midwest, J-1, IMGs, unfilled in 3 of the last 4 Matches', spec: { unfilledHistory: unfilledIn(2024, 2025, 2026), institution: { state: 'MI', imgSharePct: 30 } }, expected: 'tier3' },
    { kind: 'community prelim, South, J-1, min Step 2 CK 220, large class unfilled in 2026', spec: { minStep2ck: 220, positionsOffered: 10, unfilledHistory: unfilledIn(2026), institution: { state: 'GA' } }, expected: 'tier3' },
    { kind: 'community prelim, South, J-1, IMG share 25 %, min 220, fills every year', spec: { minStep2ck: 220, institution: { state: 'AL' } }, expected: 'tier2' },
    { kind: 'hybrid prelim, Northeast, J-1 and H-1B, IMG share 15 %, min 225', spec: { minStep2ck: 225, institution: { setting: 'community_university_affiliated', state: 'PA', visaSponsorship: 'both', imgSharePct: 15 } }, expected: 'tier2' },
    { kind: 'university prelim, West, IMG share 8 %, min 228', spec: { minStep2ck: 228, institution: { setting: 'university', state: 'CA', imgSharePct: 8, nonUsImgResidents: 'unknown' } }, expected: 'tier1' },
    { kind: 'community categorical, Midwest, IMG-friendly, min 220', spec: { track: 'categorical', minStep2ck: 220 }, expected: 'tier1' },
    { kind: 'university categorical, IMG share 6 %, no non-US IMG residents', spec: { track: 'categorical', minStep2ck: 225, institution: { setting: 'university', imgSharePct: 6, nonUsImgResidents: 'no' } }, expected: 'long_shot' },
    { kind: 'top academic prelim, research-heavy', spec: { institution: { setting: 'top_academic', researchHeavy: true, visaSponsorship: 'both' } }, expected: 'long_shot' },
    { kind: 'community prelim that sponsors no visa', spec: { institution: { visaSponsorship: 'none' } }, expected: 'excluded' },
    { kind: 'community prelim that sponsors H-1B only', spec: { institution: { visaSponsorship: 'h1b' } }, expected: 'excluded' },
    { kind: 'community prelim with a strict Step 2 CK minimum of 240', spec: { minStep2ck: 240 }, expected: 'excluded' },
    { kind: 'community prelim preferring Step 2 CK 235, unfilled in 2 of the last 4 Matches', spec: { minStep2ck: 235, minStep2ckKind: 'preference', unfilledHistory: unfilledIn(2025, 2026) }, expected: 'tier3' },
  ];
  it.each(programs)('$kind → $expected', ({ spec, expected }) => {
    const r = tierProgram(makeProgram(spec), profile, TODAY);
    expect(r.outcome, r.summary).toBe(expected);
  });

  it('explains the applicant side in plain words (low Step 1, trajectory, first attempts)', () => {
    const texts = tierProgram(makeProgram(), profile, TODAY).reasons.map((r) => r.text);
    expect(texts).toContain('Your Step 1 213 is low for surgery (below 220; below 210 is a significant concern)');
    expect(texts).toContain('Your Step 2 CK is 17 points above your Step 1: an upward trajectory (15+ points)');
    expect(texts).toContain('Every USMLE exam you took was passed on the first attempt');
    expect(texts).toContain('Sponsors J-1; you need a J-1');
  });

  it('names the unfilled-history rule with the data: "Unfilled prelim positions in 3 of the last 4 Matches"', () => {
    const r = tierProgram(makeProgram({ unfilledHistory: unfilledIn(2024, 2025, 2026) }), profile, TODAY);
    expect(r.reasons).toContainEqual({ rule: 'unfilled_history', effect: 'positive', text: 'Unfilled prelim positions in 3 of the last 4 Matches' });
  });
});

describe('signals that move the fit score', () => {
  const fit = (spec: ProgramSpec, profile: Partial<Profile> = {}) => tierProgram(makeProgram(spec), seedApplicant(profile), TODAY).fitScore;
  const P = THRESHOLDS.fit.program;
  const A = THRESHOLDS.fit.applicant;
  const cases: { rule: string; better: [ProgramSpec, Partial<Profile>?]; worse: [ProgramSpec, Partial<Profile>?]; diff: number }[] = [
    { rule: 'Geography: community prelim positions in the Midwest, South ... are more open', better: [{ institution: { state: 'OH' } }], worse: [{ institution: { state: 'NY' } }], diff: P.openRegion },
    { rule: 'Geography: the South counts like the Midwest', better: [{ institution: { state: 'TX' } }], worse: [{ institution: { state: 'CA' } }], diff: P.openRegion },
    { rule: 'IMG share > 10–20 %: 20 %+ is strong', better: [{ institution: { imgSharePct: 20 } }], worse: [{ institution: { imgSharePct: 19 } }], diff: P.imgShareStrong - P.imgShareSignal },
    { rule: 'IMG share > 10–20 %: under 10 % is few IMGs', better: [{ institution: { imgSharePct: 10 } }], worse: [{ institution: { imgSharePct: 9.5 } }], diff: P.imgShareSignal - P.imgShareLow },
    { rule: 'current non-US IMG residents', better: [{ institution: { nonUsImgResidents: 'yes' } }], worse: [{ institution: { nonUsImgResidents: 'no' } }], diff: P.nonUsImgResidentsYes - P.nonUsImgResidentsNo },
    { rule: 'community before university', better: [{ institution: { setting: 'community' } }], worse: [{ institution: { setting: 'university' } }], diff: P.community - P.university },
    { rule: 'unfilled Matches count', better: [{ unfilledHistory: unfilledIn(2025, 2026) }], worse: [{ unfilledHistory: unfilledIn(2026) }], diff: P.perUnfilledYear },
    { rule: 'Step 3 passed lowers perceived risk', better: [{}, { step3Status: 'passed', step3Score: 215 }], worse: [{}, {}], diff: A.step3Passed },
    { rule: 'any failure is a major screen', better: [{}, {}], worse: [{}, { step2ckAttempts: 2 }], diff: A.firstAttemptPasses - A.failure },
    { rule: 'Step 2 CK 15–20+ points above a numeric Step 1 shows an upward trajectory', better: [{}, { step1Score: 215 }], worse: [{}, { step1Score: 216 }], diff: A.trajectory },
  ];
  it.each(cases)('$rule', ({ better, worse, diff }) => {
    expect(fit(...better) - fit(...worse)).toBe(diff);
  });

  it('Step 2 CK bands: strong > 245, below average < 230', () => {
    const s = (score: number) => fit({}, { step2ckScore: score, step1Result: 'pass_fail', step1Score: null });
    expect(s(246) - s(245)).toBe(A.step2ckStrong - A.step2ckAverage);
    expect(s(230) - s(229)).toBe(A.step2ckAverage - A.step2ckBelowAverage);
  });

  it('Step 1 bands: low < 220, significant concern < 210 (trajectory held equal)', () => {
    const s = (step1: number) => fit({}, { step1Score: step1, step2ckScore: step1 + 15 });
    expect(s(220) - s(219)).toBe(-A.step1Low);
    expect(s(210) - s(209)).toBe(A.step1Low - A.step1SignificantConcern);
  });

  it('hands-on surgical USCE weighs most', () => {
    const observershipOnly = fit({}, { usce: [{ id: 'o', type: 'observership', specialty: 'General Surgery', surgical: true, weeks: 8, hospital: 'H', state: 'NY', handsOn: false }] });
    expect(fit({}) - observershipOnly).toBe(A.surgicalUsceGood - A.noHandsOnUsce);
  });
});

describe('the result', () => {
  it('is deterministic and does not change its inputs', () => {
    const program = makeProgram({ minStep2ck: 220, unfilledHistory: unfilledIn(2024, 2025) });
    const profile = seedApplicant();
    const before = structuredClone({ program, profile });
    const a = tierProgram(program, profile, TODAY);
    const b = tierProgram(program, profile, TODAY);
    expect(b).toEqual(a);
    expect({ program, profile }).toEqual(before);
  });

  it('gives the same result for a Date and the ISO date of that day', () => {
    const program = makeProgram({ maxYearsSinceGraduation: 4 });
    expect(tierProgram(program, seedApplicant(), new Date(2026, 8, 15))).toEqual(tierProgram(program, seedApplicant(), '2026-09-15'));
  });

  it('rejects a date that is not one', () => {
    expect(() => tierProgram(makeProgram(), seedApplicant(), '2026-02-30')).toThrow(RangeError);
    expect(() => tierProgram(makeProgram(), seedApplicant(), 'soon')).toThrow(/not a date/);
  });

  it('counts the last 4 Matches from the latest Match Day before today', () => {
    const program = makeProgram({ unfilledHistory: unfilledIn(2023, 2026) });
    // Before Match Day 2026 the last four Matches are 2022–2025: 2023–2025 are recorded, only 2023 unfilled.
    expect(tierProgram(program, seedApplicant(), '2026-03-01').reasons).toContainEqual(expect.objectContaining({ text: 'Unfilled prelim positions in 1 of the last 4 Matches (3 recorded)' }));
    expect(tierProgram(program, seedApplicant(), '2026-04-01').reasons).toContainEqual(expect.objectContaining({ text: 'Unfilled prelim positions in 2 of the last 4 Matches' }));
  });

  it('has integer scores in 0–100, known rule codes and a label for every outcome', () => {
    const specs: ProgramSpec[] = [{}, { institution: { visaSponsorship: 'none' } }, { institution: { setting: 'top_academic' } }, { unfilledHistory: unfilledIn(2025, 2026) }, { minStep2ck: 229 }];
    const results = tierPrograms(specs.map(makeProgram), seedApplicant(), TODAY);
    expect(results.map((r) => r.outcome)).toEqual(['tier2', 'excluded', 'long_shot', 'tier3', 'tier1']);
    for (const r of results) {
      expect(Number.isInteger(r.fitScore) && r.fitScore >= 0 && r.fitScore <= 100).toBe(true);
      expect(Number.isInteger(r.confidence) && r.confidence >= 0 && r.confidence <= 100).toBe(true);
      for (const reason of r.reasons) expect(RULE_CODES).toContain(reason.rule);
      expect(r.summary.length).toBeGreaterThan(10);
    }
  });

  it('tierPrograms gives what tierProgram gives, program by program', () => {
    const programs = [makeProgram(), makeProgram({ track: 'categorical' }), makeProgram({ institution: { visaSponsorship: 'unknown' } })];
    const profile = seedApplicant();
    expect(tierPrograms(programs, profile, TODAY)).toEqual(programs.map((p) => tierProgram(p, profile, TODAY)));
  });

  it('keeps fit scores within 0–100 at the extremes', () => {
    const best = tierProgram(
      makeProgram({ positionsOffered: 10, unfilledHistory: unfilledIn(2023, 2024, 2025, 2026), institution: { imgSharePct: 60, internalConnection: true } }),
      seedApplicant({ step1Score: 225, step2ckScore: 260, step3Status: 'passed', step3Score: 240 }),
      TODAY,
    );
    const worst = tierProgram(
      makeProgram({ track: 'categorical', minStep2ck: 260, minStep2ckKind: 'preference', minStep1: 250, minStep1Kind: 'preference', institution: { setting: 'top_academic', researchHeavy: true, imgSharePct: 0, nonUsImgResidents: 'no', state: 'NY' } }),
      seedApplicant({ step1Score: 195, step1Attempts: 3, step2ckScore: 205, step2ckStatus: 'failed', usce: [] }),
      TODAY,
    );
    expect(best.fitScore).toBe(100);
    expect(worst.fitScore).toBe(0);
  });
});

describe('facts imported from applicants\' spreadsheets (docs/DOMAIN.md §4 screens; issue 12)', () => {
  const profile = seedApplicant();
  const tier = (spec: ProgramSpec, p = profile) => tierProgram(makeProgram(spec), p, TODAY);

  it('a preference cutoff above the score is a penalty, never a screen; a number of unstated kind is read as a minimum', () => {
    const pref = tier({ minStep2ck: 240, minStep2ckKind: 'preference' });
    expect(pref.outcome).not.toBe('excluded');
    expect(pref.exclusions).toEqual([]);
    expect(tier({ minStep2ck: 240, minStep2ckKind: 'strict', minStep2ckKindStated: false }).outcome).toBe('excluded');
  });

  it('a program that states no Step 2 CK cutoff says so', () => {
    expect(tier({ noStep2ckCutoff: true }).reasons).toContainEqual({ rule: 'step2ck_minimum', effect: 'positive', text: 'States no Step 2 CK cutoff (flexible on scores)' });
  });

  it('a graduation-year floor ("2019+") excludes an earlier graduate, and passes a later one', () => {
    const year = profile.graduationYear!;
    const after = tier({ minGraduationYear: year + 1 });
    expect(after.outcome).toBe('excluded');
    expect(after.exclusions).toContainEqual({ screen: 'years_since_graduation', text: `Takes graduates from ${year + 1} on; you graduated in ${year}` });
    expect(tier({ minGraduationYear: year }).outcome).not.toBe('excluded');
  });

  it('USCE preferred (not required) is a minus without USCE, never a screen', () => {
    const none = seedApplicant({ usce: [] });
    const r = tier({ usceRequired: 'no', uscePreferred: true }, none);
    expect(r.outcome).not.toBe('excluded');
    expect(r.reasons.map((x) => x.text)).toContain('Prefers US clinical experience (not required); you have none yet: a minus, not a screen');
    expect(r.fitScore).toBe(tier({ usceRequired: 'no' }, none).fitScore + THRESHOLDS.fit.program.uscePreferredMissing);
  });

  it('unfilled history known as a count ("3/4 yrs") or as SOAP years counts like a year-by-year record', () => {
    const byYears = tier({ unfilledHistory: unfilledIn(2024, 2025, 2026) });
    const byCount = tier({ unfilledHistory: [], unfilledCount: 3, unfilledWindow: 4 });
    const bySoap = tier({ unfilledHistory: [], unfilledYears: [2024, 2025, 2026] });
    expect(byCount.outcome).toBe(byYears.outcome);
    expect(bySoap.outcome).toBe(byYears.outcome);
    expect(byCount.reasons).toContainEqual({ rule: 'unfilled_history', effect: 'positive', text: 'Unfilled prelim positions in 3 of the last 4 Matches' });
  });

  it("the applicant's own IMG-friendliness rating moves the fit a little", () => {
    const base = tier({}).fitScore;
    expect(tier({ institution: { imgFriendliness: 'high' } }).fitScore).toBe(base + THRESHOLDS.fit.program.imgFriendlinessHigh);
    expect(tier({ institution: { imgFriendliness: 'low' } }).fitScore).toBe(base + THRESHOLDS.fit.program.imgFriendlinessLow);
  });
});
