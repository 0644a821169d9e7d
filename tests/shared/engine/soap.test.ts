// SOAP engine (docs/DOMAIN.md §5): fallback candidates, the partial-match restriction, the
// Monday intersection, the 45 cap, round progression, a binding acceptance, readiness.
import { describe, expect, it } from 'vitest';
import { SOAP_WEEK_DATES_2027, easternInstant } from '../../../shared/domain/soap-week-dates';
import type { SoapApplication } from '../../../shared/domain/soap';
import { intersectUnfilled, rerankPlanToOpen, soapAllowedTracks, soapBlurb, soapCandidates, soapTrackProblem } from '../../../shared/engine/soap-fallback';
import { offerExpiredByClock, offersExpiringAt, soapApplyProblem, soapClock, soapDecideProblem, soapOfferProblem } from '../../../shared/engine/soap-match-week';
import { soapReadinessItems } from '../../../shared/engine/soap-readiness';
import { tierPrograms } from '../../../shared/engine/tier-program';
import { makeProgram, seedApplicant, TODAY, unfilledIn } from './fixtures';

function candidatesFor(programs: ReturnType<typeof makeProgram>[], matchStatus: Parameters<typeof soapAllowedTracks>[0] = 'not_known', codes: Set<string> | null = null) {
  const profile = seedApplicant();
  return soapCandidates({ programs, tiers: tierPrograms(programs, profile, TODAY), profile, today: TODAY, matchStatus, unfilledCodes: codes });
}

describe('fallback candidates: prelim, visa sponsored, flexible screens, unfilled history', () => {
  const safety = makeProgram({ unfilledHistory: unfilledIn(2024, 2025, 2026), nrmpCode: '1111440P0' });
  const once = makeProgram({ unfilledHistory: unfilledIn(2026), nrmpCode: '2222440P0' });
  const neverUnfilled = makeProgram({ unfilledHistory: unfilledIn() });
  const noVisa = makeProgram({ unfilledHistory: unfilledIn(2025, 2026), institution: { visaSponsorship: 'none' } });
  const visaUnknown = makeProgram({ unfilledHistory: unfilledIn(2025, 2026), institution: { visaSponsorship: 'unknown' } });
  const tightFilter = makeProgram({ unfilledHistory: unfilledIn(2025, 2026), minStep2ck: 228 }); // applicant 230: at the edge
  const categorical = makeProgram({ track: 'categorical', unfilledHistory: unfilledIn(2025, 2026) });
  const all = [neverUnfilled, once, noVisa, visaUnknown, tightFilter, categorical, safety];

  it('keeps only flexible, visa-sponsoring prelim programs that went unfilled, best first, with the engine reasons', () => {
    const r = candidatesFor(all);
    expect(r.candidates.map((c) => c.programId)).toEqual([safety.id, once.id]);
    expect(r.candidates[0]!.outcome).toBe('tier3');
    expect(r.candidates[0]!.unfilledYears).toBe(3);
    expect(r.candidates[0]!.reasons).toContain('Sponsors J-1; you need a J-1');
    expect(r.candidates[0]!.reasons.some((t) => /unfilled prelim positions in 3 of the last 4 Matches/i.test(t))).toBe(true);
    expect(r.leftOut.map((l) => [l.why.slice(0, 20), l.count])).toEqual([
      ['Excluded by a screen', 1],
      ['Visa sponsorship unk', 1],
      ['A strict Step 2 CK o', 1],
      ['No unfilled position', 1],
    ]);
  });

  it('uses the tier engine\'s flexibility: a preference minimum above the score is kept; a Step 1 minimum for a pass/fail Step 1 is kept to check', () => {
    const profile = seedApplicant({ step1Result: 'pass_fail', step1Score: null });
    const preference = makeProgram({ unfilledHistory: unfilledIn(2025, 2026), minStep2ck: 240, minStep2ckKind: 'preference' });
    const step1Min = makeProgram({ unfilledHistory: unfilledIn(2025, 2026), minStep1: 220, minStep1Kind: 'strict' });
    const programs = [preference, step1Min, tightFilter];
    const r = soapCandidates({ programs, tiers: tierPrograms(programs, profile, TODAY), profile, today: TODAY, matchStatus: 'unmatched', unfilledCodes: null });
    expect(r.candidates.map((c) => c.programId).sort()).toEqual([preference.id, step1Min.id].sort());
    const checked = r.candidates.find((c) => c.programId === step1Min.id)!;
    expect(checked.reasons).toContain('Check with the program: Minimum Step 1 220 on record, but your Step 1 is pass/fail: unknown how they treat pass/fail');
    expect(r.candidates.find((c) => c.programId === preference.id)!.reasons.some((t) => t.startsWith('Check'))).toBe(false);
    expect(r.leftOut).toEqual([
      { why: 'A strict Step 2 CK or Step 1 minimum you do not clear by a wide margin (not flexible on your scores)', count: 1 },
      { why: 'Kept, but check with the program: a Step 2 CK or Step 1 minimum that cannot be compared with your scores yet (e.g. a pass/fail Step 1)', count: 1 },
    ]);
  });

  it('keeps a long shot (research-heavy) below a tiered program even with more unfilled Matches', () => {
    const longShot = makeProgram({ unfilledHistory: unfilledIn(2023, 2024, 2025, 2026), institution: { researchHeavy: true } });
    const r = candidatesFor([longShot, once]);
    expect(r.candidates.map((c) => [c.programId, c.outcome])).toEqual([[once.id, expect.stringMatching(/tier/)], [longShot.id, 'long_shot']]);
  });

  it('puts programs on Monday\'s list first once it is imported', () => {
    const r = candidatesFor(all, 'unmatched', new Set(['2222440P0']));
    expect(r.candidates.map((c) => [c.programId, c.open])).toEqual([[once.id, true], [safety.id, false]]);
  });

  it('suggests nothing when the complementary type is advanced (matched to a prelim position only) or the applicant matched', () => {
    expect(candidatesFor(all, 'partial_preliminary').candidates).toEqual([]);
    expect(candidatesFor(all, 'matched').candidates).toEqual([]);
  });
});

describe('partial match: only the complementary position type (docs/DOMAIN.md §5)', () => {
  const prelim = makeProgram({ track: 'preliminary' });
  const categorical = makeProgram({ track: 'categorical' });
  it('an applicant matched to an advanced position only may apply to preliminary positions, not categorical', () => {
    expect(soapAllowedTracks('partial_advanced').tracks).toEqual(['preliminary']);
    expect(soapTrackProblem('partial_advanced', prelim)).toBeNull();
    expect(soapTrackProblem('partial_advanced', categorical)).toMatch(/complementary PGY-1 \(preliminary\)/);
  });
  it('an unmatched applicant may apply to both; a prelim-only match to neither here', () => {
    expect(soapTrackProblem('unmatched', categorical)).toBeNull();
    expect(soapTrackProblem('partial_preliminary', prelim)).toMatch(/complementary advanced positions/);
  });
});

describe('Monday: the plan intersected with the List of Unfilled Programs', () => {
  it('sorts list codes into matched, not in plan and new; plan programs not listed are not open', () => {
    const programs = [{ id: 1, nrmpCode: '1111440P0' }, { id: 2, nrmpCode: '2222440P0' }, { id: 3, nrmpCode: '3333440P0' }, { id: 4, nrmpCode: '' }];
    const x = intersectUnfilled(['2222440P0', '3333440P0', '9999440P0', '2222440P0'], programs, [1, 2, 4]);
    expect(x).toEqual({ matched: [2], notInPlan: [3], newCodes: ['9999440P0'], planNotOpen: [1, 4] });
  });
  it('re-ranks the plan to what is open, keeping the user\'s order within each group', () => {
    const plan = [{ programId: 10, position: 1 }, { programId: 11, position: 2 }, { programId: 12, position: 3 }, { programId: 13, position: 4 }];
    expect(rerankPlanToOpen(plan, (id) => id === 11 || id === 13)).toEqual([11, 13, 10, 12]);
  });
});

const app = (id: number, over: Partial<SoapApplication> = {}): SoapApplication => ({ id, programId: id, label: `Program ${id}`, nrmpCode: '', status: 'applied', appliedAt: '2027-03-15T16:00:00Z', interviewAt: null, offerRound: null, decidedAt: null, ...over });

describe('Match Week rules', () => {
  it('enforces the 45-application cap with the count left', () => {
    const sent = Array.from({ length: 40 }, (_, i) => app(i + 1));
    expect(soapApplyProblem({ matchStatus: 'unmatched', applications: sent, newCount: 5, unfilledImported: true })).toBeNull();
    expect(soapApplyProblem({ matchStatus: 'unmatched', applications: sent, newCount: 6, unfilledImported: true })).toBe('SOAP allows at most 45 applications; you have sent 40, so only 5 more can be sent (you chose 6).');
    const full = Array.from({ length: 45 }, (_, i) => app(i + 1));
    expect(soapApplyProblem({ matchStatus: 'unmatched', applications: full, newCount: 1, unfilledImported: true })).toMatch(/no more can be sent/);
  });
  it('needs the unfilled list and an unmatched or partial result', () => {
    expect(soapApplyProblem({ matchStatus: 'unmatched', applications: [], newCount: 1, unfilledImported: false })).toMatch(/Import Monday's List/);
    expect(soapApplyProblem({ matchStatus: 'matched', applications: [], newCount: 1, unfilledImported: true })).toMatch(/only for unmatched/);
    expect(soapApplyProblem({ matchStatus: 'not_known', applications: [], newCount: 1, unfilledImported: true })).toMatch(/Set your Match Week result/);
  });
  it('an accepted offer is binding: no more applications, offers or decisions', () => {
    const apps = [app(1, { status: 'accepted', offerRound: 2 }), app(2, { status: 'closed' }), app(3)];
    expect(soapApplyProblem({ matchStatus: 'unmatched', applications: apps, newCount: 1, unfilledImported: true })).toMatch(/accepted Program 1 in round 2: a SOAP acceptance is binding/);
    expect(soapOfferProblem(apps[2]!, 3, apps)).toMatch(/binding/);
    expect(soapDecideProblem(apps[2]!, apps)).toMatch(/binding/);
  });
  it('rounds only move forward; a rejected or expired offer ends that program\'s offers', () => {
    const apps = [app(1, { status: 'offered', offerRound: 2 }), app(2), app(3, { status: 'rejected', offerRound: 1 }), app(4, { status: 'expired', offerRound: 1 })];
    expect(soapOfferProblem(apps[1]!, 1, apps)).toMatch(/Round 2 has already started/);
    expect(soapOfferProblem(apps[1]!, 2, apps)).toBeNull();
    expect(soapOfferProblem(apps[1]!, 3, apps)).toBeNull();
    expect(soapOfferProblem(apps[2]!, 3, apps)).toMatch(/rejected: a program makes no more offers/);
    expect(soapOfferProblem(apps[3]!, 3, apps)).toMatch(/left to expire/);
    expect(soapOfferProblem(apps[0]!, 3, apps)).toMatch(/already has an offer \(round 2\)/);
    expect(offersExpiringAt(3, apps).map((a) => a.id)).toEqual([1]);
    expect(offersExpiringAt(2, apps)).toEqual([]);
  });
});

describe('the round clock (Thursday rounds in Eastern time)', () => {
  it('on Thursday, an offer belongs to the round under way; after SOAP none', () => {
    const apps = [app(1)];
    const during2 = soapClock('2027-03-18T17:00:00Z', SOAP_WEEK_DATES_2027);
    expect(soapOfferProblem(apps[0]!, 2, apps, during2)).toBeNull();
    expect(soapOfferProblem(apps[0]!, 3, apps, during2)).toBe('Round 3 has not started yet (round 2 is under way; round 3 starts in 2 h 0 min).');
    expect(soapOfferProblem(apps[0]!, 1, apps, during2)).toMatch(/Round 1 is over and its offers have expired/);
    expect(soapOfferProblem(apps[0]!, 4, apps, soapClock('2027-03-19T02:00:00Z', SOAP_WEEK_DATES_2027))).toMatch(/SOAP has ended/);
    expect(soapOfferProblem(apps[0]!, 3, apps, soapClock('2027-03-16T12:00:00Z', SOAP_WEEK_DATES_2027))).toBeNull();
  });
  it('an offer can be accepted only in its own round, never after SOAP ends', () => {
    const d = SOAP_WEEK_DATES_2027;
    const offer = app(1, { status: 'offered', offerRound: 1 });
    const apps = [offer];
    expect(soapDecideProblem(offer, apps, 'accept', soapClock('2027-03-18T14:00:00Z', d))).toBeNull();
    expect(soapDecideProblem(offer, apps, 'accept', soapClock('2027-03-18T19:30:00Z', d))).toBe('That offer expired at the end of round 1: it can no longer be accepted.');
    expect(soapDecideProblem(app(2, { status: 'offered', offerRound: 4 }), apps, 'accept', soapClock('2027-03-19T02:00:00Z', d))).toMatch(/expired at the end of round 4/);
    // Letting it expire or rejecting it is still recorded; before Thursday (practice) nothing expires.
    expect(soapDecideProblem(offer, apps, 'expire', soapClock('2027-03-18T19:30:00Z', d))).toBeNull();
    expect(soapDecideProblem(offer, apps, 'accept', soapClock('2027-03-16T12:00:00Z', d))).toBeNull();
    expect(offerExpiredByClock(offer, soapClock('2027-03-18T19:30:00Z', d))).toBe(true);
    expect(offerExpiredByClock(offer, soapClock('2027-03-18T14:00:00Z', d))).toBe(false);
  });
  it('no applications after SOAP ends; before it opens they may still be recorded (practice)', () => {
    const d = SOAP_WEEK_DATES_2027;
    const check = { matchStatus: 'unmatched' as const, applications: [], newCount: 1, unfilledImported: true };
    expect(soapApplyProblem({ ...check, clock: soapClock('2027-03-19T02:00:00Z', d) })).toBe('SOAP has ended; no more applications.');
    expect(soapApplyProblem({ ...check, clock: soapClock('2027-03-01T12:00:00Z', d) })).toBeNull();
    expect(soapApplyProblem({ ...check, clock: soapClock('2027-03-16T12:00:00Z', d) })).toBeNull();
  });

  const d = SOAP_WEEK_DATES_2027;
  it('stores the estimated 2027 times as UTC instants (EDT after 14 March)', () => {
    expect(d.offerRounds).toEqual(['2027-03-18T13:00:00.000Z', '2027-03-18T16:00:00.000Z', '2027-03-18T19:00:00.000Z', '2027-03-18T22:00:00.000Z']);
    expect(d.rolDeadline).toBe('2027-03-04T02:00:00.000Z'); // 3 March, 9 pm EST
    expect(easternInstant(2027, 3, 15, 11)).toBe('2027-03-15T15:00:00.000Z');
  });
  it('progresses from before SOAP through the four rounds to the end', () => {
    // Before SOAP the next event is SOAP opening (Monday 11 am ET), not round 1.
    expect(soapClock('2027-03-14T15:00:00Z', d)).toMatchObject({ phase: 'before_soap', currentRound: 0, next: { round: 0, label: 'SOAP opens', at: d.soapOpens, msUntil: 86400000 }, countdown: '1 d 0 h' });
    expect(soapClock('2027-03-16T12:00:00Z', d)).toMatchObject({ phase: 'applications', currentRound: 0, next: { round: 1, label: 'Round 1 starts', msUntil: 2 * 86400000 + 3600000 }, countdown: '2 d 1 h' });
    expect(soapClock('2027-03-18T15:25:00Z', d)).toMatchObject({ phase: 'offers', currentRound: 1, next: { round: 2 }, countdown: '35 min' });
    expect(soapClock('2027-03-18T22:30:00Z', d)).toMatchObject({ phase: 'offers', currentRound: 4, next: null });
    expect(soapClock('2027-03-19T02:00:00Z', d)).toMatchObject({ phase: 'ended', currentRound: 4, next: null, countdown: '' });
  });
});

describe('SOAP readiness items (group soap)', () => {
  const base = { now: '2027-02-01T12:00:00Z', rolDeadline: SOAP_WEEK_DATES_2027.rolDeadline, prelimStatementReady: false, prelimStatementVersions: 0, letters: { strongUploaded: 0, usSurgeonStrongUploaded: 0 }, result: { matchStatus: 'not_known', mainMatch: null, soapAccepted: null } } as const;
  it('the seed applicant (exams passed) has the exams done, the statement (manual) and letters to do', () => {
    const items = soapReadinessItems({ ...base, profile: seedApplicant() });
    expect(items.map((i) => [i.id, i.group, i.state, i.manual])).toEqual([
      ['soap.prelim-statement', 'soap', 'needs_action', true],
      ['soap.letters-assigned', 'soap', 'needs_action', false],
      ['soap.ecfmg-exams', 'soap', 'done', false],
    ]);
  });
  it('the prelim statement is done by a Documents version or by the tick', () => {
    expect(soapReadinessItems({ ...base, profile: seedApplicant(), prelimStatementVersions: 1 })[0]).toMatchObject({ state: 'done', manual: false, why: expect.stringMatching(/in Documents \(1 version\)/) });
    expect(soapReadinessItems({ ...base, profile: seedApplicant(), prelimStatementReady: true })[0]).toMatchObject({ state: 'done', manual: true });
  });
  it('letters need 2 confirmed-strong uploaded letters from US surgeons', () => {
    expect(soapReadinessItems({ ...base, profile: seedApplicant(), letters: { strongUploaded: 3, usSurgeonStrongUploaded: 2 } })[1]).toMatchObject({ state: 'done', manual: false });
    expect(soapReadinessItems({ ...base, profile: seedApplicant(), letters: { strongUploaded: 3, usSurgeonStrongUploaded: 1 } })[1]).toMatchObject({
      state: 'needs_action',
      why: 'Confirmed-strong letters from 3 writers uploaded, 1 of them a US surgeon; you need at least 2 US surgeons.',
    });
  });
  it('exams not passed: needs action before the ROL deadline (its Eastern day, 3 March), blocking after it or with Step 2 CK dated after it', () => {
    const notYet = seedApplicant({ step2ckStatus: 'scheduled', step2ckScore: null, step2ckAttempts: 0, step2ckDate: '2027-01-10' });
    // 3 Mar 2027 9 pm EST is 4 Mar 02:00 UTC: the user's day is the 3rd.
    expect(soapReadinessItems({ ...base, profile: notYet })[2]).toMatchObject({ state: 'needs_action', dueDate: '2027-03-03', why: expect.stringContaining('(2027-03-03)') });
    expect(soapReadinessItems({ ...base, profile: notYet })[0]).toMatchObject({ dueDate: '2027-03-03' });
    expect(soapReadinessItems({ ...base, profile: notYet, now: '2027-03-05T00:00:00Z' })[2]).toMatchObject({ state: 'blocking', why: expect.stringMatching(/ROL deadline \(2027-03-03\).*not eligible for SOAP/) });
    const late = { ...notYet, step2ckDate: '2027-03-20' };
    expect(soapReadinessItems({ ...base, profile: late })[2]).toMatchObject({ state: 'blocking', next: expect.stringMatching(/Move Step 2 CK before 2027-03-03/) });
  });
});

describe('the paste-ready blurb', () => {
  it('names the applicant, the program, the visa and strengths', () => {
    const p = makeProgram({ nrmpCode: '1111440P0', positionsOffered: 8, institution: { name: 'Mercy General', city: 'Toledo', state: 'OH' } });
    const text = soapBlurb(p, seedApplicant());
    expect(text).toContain('I am Amina Rahman, a graduate of Example Medical College (Pakistan), applying through SOAP to your preliminary surgery position (1111440P0).');
    expect(text).toContain('J-1 visa sponsored by ECFMG');
    expect(text).toContain('Step 2 CK 230 on the first attempt');
    expect(text).toContain('Mercy General in Toledo, OH');
    expect(text.length).toBeLessThan(700);
  });
});
