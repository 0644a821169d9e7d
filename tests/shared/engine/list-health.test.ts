// docs/DOMAIN.md §4.4 "List composition": findings about the programs marked to apply to.
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/domain/profile';
import { listHealth, tierProgram, type ListEntry, type ListFindingCode, type TierOutcome } from '../../../shared/engine';
import { makeProgram, seedApplicant, TODAY, unfilledIn, type ProgramSpec } from './fixtures';

const SPEC = {
  tier2: {} as ProgramSpec,
  tier3: { unfilledHistory: unfilledIn(2025, 2026) } as ProgramSpec,
  tier1: { minStep2ck: 228 } as ProgramSpec,
  categorical: { track: 'categorical' } as ProgramSpec,
  longShot: { institution: { setting: 'top_academic' } } as ProgramSpec,
  noVisa: { institution: { visaSponsorship: 'none' } } as ProgramSpec,
  university: { institution: { setting: 'university', imgSharePct: 30 } } as ProgramSpec,
  newYork: { institution: { state: 'NY' } } as ProgramSpec,
  unknowns: { unfilledHistory: [], institution: { setting: 'unknown', visaSponsorship: 'unknown', imgSharePct: null, nonUsImgResidents: 'unknown', lastVerified: null } } as ProgramSpec,
};

function entries(n: number, spec: ProgramSpec, profile: Profile = seedApplicant(), overriddenOutcome?: TierOutcome): ListEntry[] {
  return Array.from({ length: n }, () => {
    const program = makeProgram(spec);
    return { program, tier: tierProgram(program, profile, TODAY), ...(overriddenOutcome ? { overriddenOutcome } : {}) };
  });
}

const codes = (h: ReturnType<typeof listHealth>) => h.findings.map((f) => f.code);
const finding = (h: ReturnType<typeof listHealth>, code: ListFindingCode) => h.findings.find((f) => f.code === code);

describe('list fixtures tier as intended', () => {
  it.each([
    ['tier2', SPEC.tier2],
    ['tier3', SPEC.tier3],
    ['tier1', SPEC.tier1],
    ['tier1', SPEC.categorical],
    ['long_shot', SPEC.longShot],
    ['excluded', SPEC.noVisa],
  ] as const)('%s', (outcome, spec) => expect(entries(1, spec)[0]!.tier.outcome).toBe(outcome));
});

describe('a balanced list', () => {
  const list = [...entries(60, SPEC.tier2), ...entries(20, SPEC.tier3), ...entries(10, SPEC.tier1), ...entries(5, SPEC.categorical)];
  const h = listHealth(list, seedApplicant());

  it('has its metrics', () => {
    expect(h.metrics).toMatchObject({ count: 95, preliminary: 90, categorical: 5, community: 95, communityShare: 1, target: { min: 80, max: 120 } });
    expect(h.metrics.byOutcome).toEqual({ excluded: 0, long_shot: 0, tier1: 15, tier2: 60, tier3: 20 });
    expect(h.metrics.tier2Share).toBeCloseTo(60 / 95);
    expect(h.metrics.byRegion.Midwest).toBe(95);
    expect(h.metrics.openRegionShare).toBe(1);
  });

  it('costs one fee per institution by default (95 institutions: $11 × 30 + $30 × 65); counted apart, 90 prelim + 5 categorical separately or as one specialty', () => {
    expect(h.metrics.cost.total).toBe(330 + 65 * 30);
    expect(finding(h, 'eras_cost')?.text).toMatch(/^ERAS fees for this list: \$2280 /);
    expect(listHealth(list, seedApplicant(), { feesPerInstitution: false }).metrics.cost.total).toBe(330 + 60 * 30 + 55);
    expect(listHealth(list, seedApplicant(), { feesPerInstitution: false, feesCombineTracks: true }).metrics.cost.total).toBe(330 + 65 * 30);
  });

  it('raises no warning or problem, and says the size is right', () => {
    expect(h.findings.filter((f) => f.severity === 'warning' || f.severity === 'problem')).toEqual([]);
    expect(codes(h)).toEqual(expect.arrayContaining(['list_size_ok', 'list_balanced', 'eras_cost']));
    expect(h.status).toBe('info');
  });
});

describe('findings, one per rule', () => {
  const cases: { rule: string; list: () => ListEntry[]; profile?: Profile; code: ListFindingCode; severity: string; text?: RegExp; action?: RegExp }[] = [
    { rule: '80–120+ ... below 80 is a warning', list: () => [...entries(40, SPEC.tier2), ...entries(10, SPEC.tier3)], code: 'list_too_short', severity: 'warning', text: /50 programs on the list; 80–120 is the target/, action: /Add at least 30 more/ },
    { rule: '80–120+: above 120 is fine if the budget allows', list: () => [...entries(100, SPEC.tier2), ...entries(30, SPEC.tier3)], code: 'list_large', severity: 'info', action: /Check the cost/ },
    { rule: 'Tier 2 – core (the majority of applications)', list: () => [...entries(40, SPEC.tier1), ...entries(40, SPEC.tier2), ...entries(10, SPEC.tier3)], code: 'tier2_not_majority', severity: 'warning', text: /Tier 2 \(core\) is 40 of 90 programs \(44%\)/ },
    { rule: 'Tier 3 – safety, SOAP-sensitive', list: () => entries(85, SPEC.tier2), code: 'no_safety', severity: 'warning', action: /often have unfilled positions/ },
    { rule: 'Long shot / de-emphasize', list: () => [...entries(60, SPEC.tier2), ...entries(10, SPEC.tier3), ...entries(15, SPEC.longShot)], code: 'many_long_shots', severity: 'info' },
    { rule: 'Majority prelim', list: () => [...entries(40, SPEC.tier2), ...entries(5, SPEC.tier3), ...entries(45, SPEC.categorical)], code: 'prelim_not_majority', severity: 'warning' },
    { rule: 'a limited number of categorical programs', list: () => [...entries(50, SPEC.tier2), ...entries(10, SPEC.tier3), ...entries(30, SPEC.categorical)], code: 'too_many_categorical', severity: 'warning' },
    { rule: 'Majority ... community-based', list: () => [...entries(30, SPEC.tier2), ...entries(10, SPEC.tier3), ...entries(50, SPEC.university)], code: 'community_not_majority', severity: 'warning' },
    { rule: 'community prelim positions in the Midwest, South ... are more open', list: () => [...entries(70, SPEC.newYork), ...entries(15, SPEC.tier3)], code: 'few_open_region_programs', severity: 'info', text: /18% of the list is in the Midwest or South/ },
    { rule: 'Unknown data ... lowers confidence', list: () => [...entries(60, SPEC.tier2), ...entries(30, SPEC.unknowns)], code: 'low_confidence_data', severity: 'info' },
    {
      rule: 'Flexibility on J-1 greatly increases the pool; H-1B-only shrinks it and needs Step 3',
      profile: seedApplicant({ visaNeed: 'h1b_required' }),
      list: () => entries(85, { institution: { visaSponsorship: 'both' } }, seedApplicant({ visaNeed: 'h1b_required' })),
      code: 'h1b_needs_step3',
      severity: 'warning',
      text: /^85 programs would sponsor your H-1B only once Step 3 is passed/,
      action: /Pass Step 3 before the H-1B petition/,
    },
    {
      rule: 'Step 2 CK taken and reported before submitting',
      profile: seedApplicant({ step2ckStatus: 'scheduled', step2ckScore: null, step2ckAttempts: 0, step2ckDate: '2026-10-01' }),
      list: () => entries(85, SPEC.tier2),
      code: 'step2ck_pending',
      severity: 'info',
    },
  ];
  it.each(cases)('$code — rule: $rule', ({ list, profile, code, severity, text, action }) => {
    const h = listHealth(list(), profile ?? seedApplicant());
    const f = finding(h, code);
    expect(f, codes(h).join(', ')).toBeDefined();
    expect(f!.severity).toBe(severity);
    expect(f!.action.length).toBeGreaterThan(10);
    if (text) expect(f!.text).toMatch(text);
    if (action) expect(f!.action).toMatch(action);
  });

  it('an H-1B-only applicant is told J-1 would widen the pool', () => {
    const h = listHealth(entries(85, SPEC.tier2), seedApplicant({ visaNeed: 'h1b_required' }));
    expect(finding(h, 'j1_widens_pool')?.action).toMatch(/What-if/);
    expect(h.metrics.h1bAtRisk).toEqual([]);
  });
});

describe('excluded programs still on the list', () => {
  it('are a problem, named with why, with their ids', () => {
    const bad = entries(2, SPEC.noVisa);
    const h = listHealth([...entries(80, SPEC.tier2), ...entries(10, SPEC.tier3), ...bad], seedApplicant());
    const f = finding(h, 'excluded_on_list')!;
    expect(f.severity).toBe('problem');
    expect(f.programIds).toEqual(bad.map((e) => e.program.id));
    expect(f.text).toMatch(/2 programs fail a hard screen: Test Institution \d+ \(prelim\): Sponsors no visa; you need one/);
    expect(h.status).toBe('problem');
    expect(h.findings[0]!.code).toBe('excluded_on_list');
    expect(h.metrics.excluded).toHaveLength(2);
  });

  it('an override to another tier counts as that tier but is still reported (info)', () => {
    const kept = entries(1, SPEC.noVisa, seedApplicant(), 'tier1');
    const h = listHealth([...entries(80, SPEC.tier2), ...entries(10, SPEC.tier3), ...kept], seedApplicant());
    expect(finding(h, 'excluded_on_list')).toBeUndefined();
    expect(finding(h, 'excluded_overridden')).toMatchObject({ severity: 'info', programIds: [kept[0]!.program.id] });
    expect(h.metrics.byOutcome.excluded).toBe(0);
    expect(h.metrics.byOutcome.tier1).toBe(1);
    expect(h.metrics.overridden).toBe(1);
  });
});

describe('edge cases', () => {
  it('an empty list says to start one and has zero shares', () => {
    const h = listHealth([], seedApplicant());
    expect(codes(h)).toEqual(['list_empty']);
    expect(h.metrics.prelimShare).toBe(0);
    expect(h.metrics.cost.total).toBe(0);
  });

  it('sorts findings worst first', () => {
    const h = listHealth([...entries(10, SPEC.tier1), ...entries(1, SPEC.noVisa)], seedApplicant());
    const order = { problem: 0, warning: 1, info: 2, ok: 3 };
    const ranks = h.findings.map((f) => order[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(0);
  });
});
