// docs/DOMAIN.md §4.4 List composition: "Flexibility on J-1 greatly increases the pool;
// H-1B-only shrinks it and needs Step 3." What-if re-tiers a changed copy of the profile.
import { describe, expect, it } from 'vitest';
import type { Program, VisaSponsorship } from '../../../shared/domain/program';
import { applyWhatIf, tierPrograms, whatIf } from '../../../shared/engine';
import { makeProgram, seedApplicant, TODAY } from './fixtures';

const bySponsorship = (...kinds: VisaSponsorship[]): Program[] => kinds.map((visaSponsorship) => makeProgram({ institution: { visaSponsorship } }));

describe('what-if: visa', () => {
  it('accepting J-1 visibly grows the pool when there are J-1-only programs (rule: "Flexibility on J-1 greatly increases the pool")', () => {
    const programs = bySponsorship('j1', 'j1', 'j1', 'h1b', 'both', 'none');
    const profile = seedApplicant({ visaNeed: 'h1b_required', step3Status: 'passed', step3Score: 215 });
    const r = whatIf(programs, profile, { acceptJ1: true }, TODAY);
    expect(r.eligibleBefore).toBe(2);
    expect(r.eligibleAfter).toBe(5);
    expect(r.before.excluded).toBe(4);
    expect(r.after.excluded).toBe(1);
    expect(r.changed).toHaveLength(3);
    expect(r.changed.every((c) => c.becameEligible && c.before === 'excluded' && c.after !== 'excluded')).toBe(true);
    expect(r.changed.map((c) => c.programId)).toEqual(programs.slice(0, 3).map((p) => p.id));
    expect(r.profileAfter.visaNeed).toBe('either_prefers_h1b');
    expect(r.applied).toEqual(['J-1 accepted (H-1B preferred)']);
  });

  it('"H-1B required" excludes J-1-only programs (rule: "Applicant requires H-1B and the program sponsors J-1 only → exclude")', () => {
    const programs = bySponsorship('j1', 'j1', 'both', 'h1b');
    const r = whatIf(programs, seedApplicant({ visaNeed: 'j1' }), { visaNeed: 'h1b_required' }, TODAY);
    const j1Only = r.changed.filter((c) => c.becameExcluded);
    expect(j1Only.map((c) => c.programId)).toEqual([programs[0]!.id, programs[1]!.id]);
    // The H-1B-only program opens up (it was excluded for a J-1 applicant).
    expect(r.changed.find((c) => c.programId === programs[3]!.id)).toMatchObject({ before: 'excluded', becameEligible: true, flagsAdded: ['h1b_needs_step3'] });
    expect(r.eligibleBefore).toBe(3);
    expect(r.eligibleAfter).toBe(2);
    const after = tierPrograms(programs, r.profileAfter, TODAY);
    expect(after[0]!.exclusions).toEqual([{ screen: 'visa_type_mismatch', text: 'Sponsors J-1 only; you require an H-1B' }]);
  });

  it('no longer accepting J-1 turns a J-1 need into "H-1B required"', () => {
    expect(applyWhatIf(seedApplicant({ visaNeed: 'j1' }), { acceptJ1: false }).profile.visaNeed).toBe('h1b_required');
    expect(applyWhatIf(seedApplicant({ visaNeed: 'none' }), { acceptJ1: false }).profile.visaNeed).toBe('none');
  });
});

describe('what-if: Step 3 — "Step 3 passed lowers perceived risk and is required for H-1B"', () => {
  it('passing Step 3 clears the H-1B flags', () => {
    const programs = bySponsorship('h1b', 'both', 'h1b');
    const profile = seedApplicant({ visaNeed: 'h1b_required' });
    const r = whatIf(programs, profile, { step3Passed: true }, TODAY);
    expect(r.flagCountsBefore.h1b_needs_step3).toBe(3);
    expect(r.flagCountsAfter.h1b_needs_step3).toBeUndefined();
    const moved = [...r.changed, ...r.flagsChanged];
    expect(moved).toHaveLength(3);
    for (const c of moved) expect(c.flagsRemoved).toEqual(['h1b_needs_step3']);
    expect(moved.every((c) => c.fitAfter > c.fitBefore)).toBe(true);
  });
});

describe('what-if: scores, USCE, attempts', () => {
  it('a Step 2 CK score resolves pending minimums: below a strict one excludes, above clears the flag', () => {
    const programs = [makeProgram({ minStep2ck: 230 }), makeProgram({ minStep2ck: 220 }), makeProgram()];
    const pending = seedApplicant({ step2ckStatus: 'scheduled', step2ckScore: null, step2ckAttempts: 0, step2ckDate: '2026-10-01' });
    const r = whatIf(programs, pending, { step2ckScore: 225 }, TODAY);
    expect(r.flagCountsBefore.step2ck_pending).toBe(2);
    expect(r.flagCountsAfter.step2ck_pending).toBeUndefined();
    expect(r.changed.find((c) => c.programId === programs[0]!.id)).toMatchObject({ becameExcluded: true, after: 'excluded' });
    expect(r.after.excluded).toBe(1);
    expect(r.profileAfter).toMatchObject({ step2ckStatus: 'passed', step2ckScore: 225, step2ckAttempts: 1 });
  });

  it('a Step 2 CK below the passing line 218 is a failed attempt', () => {
    expect(applyWhatIf(seedApplicant(), { step2ckScore: 210 }).profile).toMatchObject({ step2ckStatus: 'failed', step2ckScore: 210 });
  });

  it('more USCE opens programs that require N months (1 month ≈ 4 weeks)', () => {
    const programs = [makeProgram({ usceRequired: 'yes', usceMonthsRequired: 3 }), makeProgram({ usceRequired: 'yes', usceMonthsRequired: 2 })];
    const r = whatIf(programs, seedApplicant(), { usceMonths: 3 }, TODAY);
    expect(r.changed).toEqual([expect.objectContaining({ programId: programs[0]!.id, becameEligible: true })]);
    const weeks = r.profileAfter.usce.reduce((s, e) => s + e.weeks, 0);
    expect(weeks).toBe(12);
    expect(r.profileAfter.usce[0]!.id).toBe('u1');
  });

  it('less USCE replaces it with that many months', () => {
    expect(applyWhatIf(seedApplicant(), { usceMonths: 1 }).profile.usce.map((e) => e.weeks)).toEqual([4]);
    expect(applyWhatIf(seedApplicant(), { usceMonths: 0 }).profile.usce).toEqual([]);
  });

  it('a failed attempt closes first-attempt-only programs (rule: "requires first-attempt passes and the applicant has a failure → excluded")', () => {
    const programs = [makeProgram({ firstAttemptOnly: 'yes' }), makeProgram({ firstAttemptOnly: 'no' })];
    const r = whatIf(programs, seedApplicant(), { addFailedAttempt: true }, TODAY);
    expect(r.changed.filter((c) => c.becameExcluded).map((c) => c.programId)).toEqual([programs[0]!.id]);
    expect(r.profileAfter.step2ckAttempts).toBe(2);
  });

  it('a failed attempt on a Step 2 CK not taken yet is a first failed attempt', () => {
    const p = applyWhatIf(seedApplicant({ step2ckStatus: 'not_taken', step2ckScore: null, step2ckAttempts: 0 }), { addFailedAttempt: true }).profile;
    expect(p).toMatchObject({ step2ckStatus: 'failed', step2ckAttempts: 1, step2ckScore: null });
  });
});

describe('what-if: bookkeeping', () => {
  it('never changes the profile it was given', () => {
    const profile = seedApplicant({ visaNeed: 'h1b_required' });
    const copy = structuredClone(profile);
    whatIf(bySponsorship('j1', 'h1b'), profile, { acceptJ1: true, step3Passed: true, usceMonths: 6, step2ckScore: 240, addFailedAttempt: true }, TODAY);
    expect(profile).toEqual(copy);
  });

  it('counts every program once before and after, and no change means nothing moved', () => {
    const programs = bySponsorship('j1', 'both', 'none', 'unknown');
    const r = whatIf(programs, seedApplicant(), {}, TODAY);
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(sum(r.before)).toBe(4);
    expect(sum(r.after)).toBe(4);
    expect(r.before).toEqual(r.after);
    expect(r.changed).toEqual([]);
    expect(r.flagsChanged).toEqual([]);
    expect(r.applied).toEqual([]);
  });
});

describe('what-if: the season the tiers take in (one truth with the Programs list)', () => {
  it('"before" is the list\'s tier: a program in the preferred division has its small plus on the What-if side too', async () => {
    const { tierProgram } = await import('../../../shared/engine');
    // J-1 only, in Ohio: "H-1B required" excludes it, so it is listed with its fit before.
    const ohio = makeProgram({ institution: { state: 'OH', visaSponsorship: 'j1' } });
    const profile = seedApplicant({ visaNeed: 'j1' });
    const season = { geoDivisions: ['east_north_central' as const] };
    const listed = tierProgram(ohio, profile, TODAY, season);
    const plain = tierProgram(ohio, profile, TODAY);
    expect(listed.fitScore).toBeGreaterThan(plain.fitScore);
    const r = whatIf([ohio], profile, { visaNeed: 'h1b_required' }, TODAY, season);
    expect(r.changed.map((c) => [c.programId, c.before, c.fitBefore, c.becameExcluded])).toEqual([[ohio.id, listed.outcome, listed.fitScore, true]]);
  });
});
