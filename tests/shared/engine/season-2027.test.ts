// The 2027 season (docs/DOMAIN.md §6–§9): each test quotes the rule it checks.
import { describe, expect, it } from 'vitest';
import { tierProgram, listHealth } from '../../../shared/engine';
import { signalReview, verdictOf } from '../../../shared/engine/signals';
import { GEO_PREFERENCE_PLUS } from '../../../shared/engine/geo-preference';
import { censusDivisionOf } from '../../../shared/domain/census-divisions';
import { geoPreferenceSchema } from '../../../shared/domain/geo-preference';
import { SIGNAL_REFERENCE, signalBudgetRefusal } from '../../../shared/domain/signals';
import { INVITATION_MIN_REPLY_HOURS, interviewSeasonDays, invitationReplyItems, isShortReply, replyWindowHours, triageInvitations } from '../../../shared/engine/invitations';
import { invitationSaveSchema, type Invitation } from '../../../shared/domain/invitation';
import { COST_REFERENCE, rankListFees, seasonCosts, type SeasonCostsInput } from '../../../shared/engine/season-costs';
import { EMPTY_COST_SETTINGS } from '../../../shared/domain/costs';
import { erasListCost } from '../../../shared/engine/eras-fees';
import { makeProgram, seedApplicant, TODAY, type ProgramSpec } from './fixtures';

const entry = (spec: ProgramSpec) => {
  const program = makeProgram(spec);
  return { program, tier: tierProgram(program, seedApplicant(), TODAY) };
};

describe('signals (docs/DOMAIN.md §6)', () => {
  it('"general surgery gives each applicant 15 program signals" (est. for 2027)', () => {
    expect(SIGNAL_REFERENCE.budget).toBe(15);
    expect(SIGNAL_REFERENCE.confidence).toBe('est');
  });

  it('"a signal goes to the institution\'s general-surgery program and every track there sees it": two tracks, one signal', () => {
    const prelim = entry({ institution: { signalSent: true, acceptsSignals: 'yes' } });
    const categorical = { ...prelim, program: { ...prelim.program, id: prelim.program.id + 1000, track: 'categorical' as const } };
    const review = signalReview([prelim, categorical], 15);
    expect(review.used).toBe(1);
    expect(review.left).toBe(14);
    expect(review.institutions).toHaveLength(1);
    expect(review.institutions[0]!.programIds).toHaveLength(2);
  });

  it('"signals go to realistic programs, not long shots": Tier 1/2 that accept signals are worth it; long shots, Excluded and non-accepting are not', () => {
    expect(verdictOf('tier2', 'yes').verdict).toBe('worth');
    expect(verdictOf('tier1', 'yes').verdict).toBe('worth');
    expect(verdictOf('tier1', 'unknown').verdict).toBe('check_accepts');
    expect(verdictOf('long_shot', 'yes').verdict).toBe('wasted');
    expect(verdictOf('excluded', 'yes').verdict).toBe('wasted');
    expect(verdictOf('tier2', 'no').verdict).toBe('not_accepted');
    expect(verdictOf('tier3', 'yes').verdict).toBe('safety');
  });

  it('suggests unsignalled realistic programs, ones that accept signals first, and never long shots', () => {
    const core = entry({ institution: { name: 'Core Community', acceptsSignals: 'yes' } });
    const unknownCore = entry({ institution: { name: 'Unknown Community', acceptsSignals: 'unknown' } });
    const longShot = entry({ institution: { name: 'Famous Academic', setting: 'top_academic', acceptsSignals: 'yes' } });
    expect(longShot.tier.outcome).toBe('long_shot');
    const review = signalReview([longShot, unknownCore, core], 15);
    expect(review.suggestions.map((s) => s.name)).toEqual(['Core Community', 'Unknown Community']);
  });

  it('list health "warns of signals spent on Excluded or Long-shot programs or on programs that do not accept them"', () => {
    const longShot = entry({ institution: { name: 'Famous Academic', setting: 'top_academic', signalSent: true, acceptsSignals: 'yes' } });
    const excluded = entry({ institution: { name: 'No Visa Hospital', visaSponsorship: 'none', signalSent: true, acceptsSignals: 'yes' } });
    const refuses = entry({ institution: { name: 'Opted Out', signalSent: true, acceptsSignals: 'no' } });
    const h = listHealth([longShot, excluded, refuses], seedApplicant(), { signalBudget: 15 });
    const wasted = h.findings.find((f) => f.code === 'signals_wasted')!;
    expect(wasted.severity).toBe('warning');
    expect(wasted.text).toContain('Famous Academic');
    expect(wasted.text).toContain('No Visa Hospital');
    expect(h.findings.find((f) => f.code === 'signals_not_accepted')!.text).toContain('Opted Out');
    expect(h.findings.find((f) => f.code === 'signals_left')!.text).toBe('3 of 15 signals used (est.), 12 left.');
  });

  it('the 16th signal is refused with a message naming the budget', () => {
    expect(signalBudgetRefusal(15, 'Lakeview')).toMatch(/^All 15 signals are spent: Lakeview cannot get one\./);
  });
});

describe('geographic preference (docs/DOMAIN.md §7)', () => {
  it('"up to 3 of the 9 US Census divisions (or \'no preference\') plus an optional 300-character note"', () => {
    expect(geoPreferenceSchema.safeParse({ noPreference: false, divisions: ['pacific', 'mountain', 'new_england'], note: '' }).success).toBe(true);
    expect(geoPreferenceSchema.safeParse({ noPreference: false, divisions: ['pacific', 'mountain', 'new_england', 'middle_atlantic'], note: '' }).error?.issues[0]?.message).toMatch(/at most 3/);
    expect(geoPreferenceSchema.safeParse({ noPreference: true, divisions: ['pacific'], note: '' }).success).toBe(false);
    expect(geoPreferenceSchema.safeParse({ noPreference: true, divisions: [], note: 'x'.repeat(301) }).error?.issues[0]?.message).toMatch(/300 characters/);
  });

  it('states map to their Census division', () => {
    expect(censusDivisionOf('OH')).toBe('east_north_central');
    expect(censusDivisionOf('Texas')).toBe('west_south_central');
    expect(censusDivisionOf('DC')).toBe('south_atlantic');
    expect(censusDivisionOf('PR')).toBeUndefined();
  });

  it('"a program inside a chosen division gets a small plus (never a screen)"', () => {
    const program = makeProgram({ institution: { state: 'OH' } });
    const without = tierProgram(program, seedApplicant(), TODAY);
    const inDivision = tierProgram(program, seedApplicant(), TODAY, { geoDivisions: ['east_north_central'] });
    const elsewhere = tierProgram(program, seedApplicant(), TODAY, { geoDivisions: ['pacific'] });
    expect(inDivision.fitScore - without.fitScore).toBe(GEO_PREFERENCE_PLUS);
    const reason = inDivision.reasons.find((r) => r.rule === 'geo_preference')!;
    expect(reason.effect).toBe('positive');
    expect(reason.text).toMatch(/East North Central.*plus, never a screen/);
    // Never a screen: outside the chosen divisions nothing is lowered, nothing excluded.
    expect(elsewhere.fitScore).toBe(without.fitScore);
    expect(elsewhere.reasons.some((r) => r.rule === 'geo_preference')).toBe(false);
    expect(elsewhere.outcome).toBe(without.outcome);
  });

  it('list health shows the spread across the chosen divisions', () => {
    const list = [entry({ institution: { state: 'OH' } }), entry({ institution: { state: 'MI' } }), entry({ institution: { state: 'TX' } }), entry({ institution: { state: 'CA' } })];
    const h = listHealth(list, seedApplicant(), { geoDivisions: ['east_north_central', 'mountain'] });
    expect(h.metrics.geo!.inChosen).toBe(2);
    const f = h.findings.find((x) => x.code === 'geo_spread')!;
    expect(f.text).toBe('2 of 4 programs (50%) are in your chosen divisions: East North Central 2, Mountain 0.');
    expect(f.action).toMatch(/No program on the list is in Mountain/);
  });
});

const inv = (over: Partial<Invitation>): Invitation => ({
  id: 1,
  applicationId: 10,
  receivedAt: '2026-10-21T10:00',
  replyBy: '2026-10-23T10:00',
  timeZone: 'America/New_York',
  offered: [],
  status: 'pending',
  chosenStart: null,
  waitlistPosition: null,
  cancelledOn: null,
  cancelledBy: null,
  platform: 'zoom',
  note: '',
  interviewId: null,
  createdAt: 'x',
  updatedAt: 'x',
  ...over,
});

describe('interview invitations (docs/DOMAIN.md §8)', () => {
  it('"Programs must give at least 48 hours to accept or decline an invitation; a 24-hour deadline violates Match policy"', () => {
    expect(INVITATION_MIN_REPLY_HOURS).toBe(48);
    expect(isShortReply(inv({ replyBy: '2026-10-23T10:00' }))).toBe(false); // exactly 48 h
    expect(isShortReply(inv({ replyBy: '2026-10-23T09:59' }))).toBe(true);
    expect(isShortReply(inv({ replyBy: '2026-10-22T10:00' }))).toBe(true); // 24 h
    expect(isShortReply(inv({ replyBy: null }))).toBe(false);
  });

  it('counts the window in real hours across a clock change (2026-11-01 in New York: 49 h of clock time is 48 h... plus one)', () => {
    // Clocks go back 1 h on 1 Nov 2026: 10:00 on 31 Oct to 10:00 on 2 Nov is 49 real hours.
    expect(replyWindowHours(inv({ receivedAt: '2026-10-31T10:00', replyBy: '2026-11-02T10:00' }))).toBe(49);
  });

  it('flags a short reply, an urgent reply and a date that clashes with a scheduled interview (existing conflict engine)', () => {
    const programs = new Map([[10, { programId: 5, programName: 'Lakeview (Preliminary)' }]]);
    const interviews = [{ id: 7, localStart: '2026-11-03T09:00', timeZone: 'America/New_York', durationMinutes: 240 }];
    const [t] = triageInvitations([inv({ replyBy: '2026-10-22T09:00', offered: [{ start: '2026-11-03T10:00', slots: 2 }, { start: '2026-11-10T09:00', slots: 1 }] })], interviews, programs, new Date('2026-10-21T20:00:00Z'), 'America/New_York');
    expect(t!.shortReply).toBe(true);
    expect(t!.urgent).toBe(true);
    expect(t!.flags[0]).toMatch(/^Only 23 h to reply: Match policy requires at least 48 hours/);
    expect(t!.conflicts.map((c) => c.start)).toEqual(['2026-11-03T10:00']);
    expect(t!.conflicts[0]!.interviewIds).toEqual([7]);
  });

  it('"Cancelling or rescheduling: about 1–2 weeks\' notice": less than 7 days is flagged', () => {
    const [t] = triageInvitations([inv({ status: 'cancelled', chosenStart: '2026-11-10T09:00', offered: [{ start: '2026-11-10T09:00', slots: null }], cancelledOn: '2026-11-06', cancelledBy: 'me' })], [], new Map(), new Date('2026-11-06T12:00:00Z'), 'UTC');
    expect(t!.cancelNoticeDays).toBe(4);
    expect(t!.shortNotice).toBe(true);
  });

  it('reply-bys are dated tasks for Deadlines, done once answered', () => {
    const items = invitationReplyItems([inv({}), inv({ id: 2, status: 'accepted', chosenStart: '2026-11-03T09:00' })], new Map([[10, { programId: 5, programName: 'Lakeview' }]]));
    expect(items.map((i) => [i.kind, i.date, i.time, i.done])).toEqual([
      ['reply_by', '2026-10-23', '10:00', false],
      ['reply_by', '2026-10-23', '10:00', true],
    ]);
  });

  it('shows the season one day at a time, with days of two interviews marked', () => {
    const programs = new Map([[10, { programId: 5, programName: 'A' }], [11, { programId: 6, programName: 'B' }]]);
    const days = interviewSeasonDays(
      [
        { id: 1, applicationId: 10, localStart: '2026-11-03T09:00', timeZone: 'America/Chicago' },
        { id: 2, applicationId: 11, localStart: '2026-11-03T15:00', timeZone: 'America/Chicago' },
      ],
      [inv({ applicationId: 11, offered: [{ start: '2026-11-05T08:00', slots: 3 }] })],
      programs,
      'America/Chicago',
    );
    expect(days.map((d) => [d.date, d.entries.length, d.crowded])).toEqual([
      ['2026-11-03', 2, true],
      ['2026-11-05', 1, false],
    ]);
  });

  it('the save rules: an accepted invitation names one of the offered dates; reply-by after arrival', () => {
    const base = { applicationId: 1, receivedAt: '2026-10-21T10:00', timeZone: 'America/New_York', date: '2026-10-21' };
    expect(invitationSaveSchema.safeParse({ ...base, status: 'accepted', offered: [{ start: '2026-11-03T09:00' }], chosenStart: '2026-11-04T09:00' }).success).toBe(false);
    expect(invitationSaveSchema.safeParse({ ...base, status: 'accepted', offered: [{ start: '2026-11-03T09:00' }], chosenStart: '2026-11-03T09:00' }).success).toBe(true);
    expect(invitationSaveSchema.safeParse({ ...base, replyBy: '2026-10-21T09:00' }).error?.issues[0]?.message).toBe('The reply-by must be after the invitation arrived.');
  });
});

const costsInput = (over: Partial<SeasonCostsInput> = {}): SeasonCostsInput => ({
  programs: [],
  submittedProgramIds: [],
  feesPerInstitution: true,
  feesCombineTracks: false,
  rankCount: 0,
  rankListExtraFee: null,
  soapApplications: 0,
  travel: [],
  settings: EMPTY_COST_SETTINGS,
  today: '2026-11-01',
  ...over,
});
const line = (c: ReturnType<typeof seasonCosts>, id: string) => c.lines.find((l) => l.id === id)!;

describe('the whole budget (docs/DOMAIN.md §9)', () => {
  it('"ERAS fee: $11 per program for programs 1–30, $30 per program from 31 … default to one fee per institution\'s surgery program, keep a setting to count them apart"', () => {
    // 31 institutions, each with both tracks on the list.
    const programs = Array.from({ length: 31 }, (_, i) => [
      { id: i * 2 + 1, institutionId: i + 1, track: 'preliminary' as const, onList: true },
      { id: i * 2 + 2, institutionId: i + 1, track: 'categorical' as const, onList: true },
    ]).flat();
    const perInstitution = seasonCosts(costsInput({ programs }));
    expect(line(perInstitution, 'eras').planned).toBe(30 * 11 + 30);
    const apart = seasonCosts(costsInput({ programs, feesPerInstitution: false }));
    expect(line(apart, 'eras').planned).toBe(2 * (30 * 11 + 30)); // separate specialties, 31 each
    const apartOneSpecialty = seasonCosts(costsInput({ programs, feesPerInstitution: false, feesCombineTracks: true }));
    expect(line(apartOneSpecialty, 'eras').planned).toBe(30 * 11 + 32 * 30);
    expect(erasListCost({ preliminary: 31, categorical: 31, institutions: 31 }, { perInstitution: true }).notes.join(' ')).toMatch(/unconfirmed/);
  });

  it('ERAS fees already paid for submitted applications are spent, the rest of the list planned', () => {
    const programs = [
      { id: 1, institutionId: 1, track: 'preliminary' as const, onList: true },
      { id: 2, institutionId: 2, track: 'preliminary' as const, onList: true },
    ];
    const c = seasonCosts(costsInput({ programs, submittedProgramIds: [1] }));
    expect([line(c, 'eras').spent, line(c, 'eras').planned]).toEqual([11, 11]);
    // "USMLE transcript $80 once per season", "ECFMG ERAS token $165": paid with the first submission.
    expect([line(c, 'usmle_transcript').spent, line(c, 'ecfmg_token').spent]).toEqual([80, 165]);
  });

  it('"NRMP registration $70; late registration fee $50" (2024, 2027 unconfirmed: editable)', () => {
    expect(line(seasonCosts(costsInput()), 'nrmp_registration').planned).toBe(70);
    expect(line(seasonCosts(costsInput()), 'nrmp_late_fee').planned).toBe(0);
    const late = seasonCosts(costsInput({ settings: { ...EMPTY_COST_SETTINGS, lateRegistration: true, paid: { nrmp_registration: true } } }));
    expect([line(late, 'nrmp_registration').spent, line(late, 'nrmp_late_fee').spent]).toEqual([70, 50]);
    const corrected = seasonCosts(costsInput({ settings: { ...EMPTY_COST_SETTINGS, amounts: { nrmp_registration: 85 } } }));
    expect(line(corrected, 'nrmp_registration').planned).toBe(85);
    expect(line(corrected, 'nrmp_registration').amounts[0]).toMatchObject({ value: 85, corrected: true, season: '2024 (2027 unconfirmed)', confidence: 'unconfirmed' });
  });

  it('"20 ranks included, $30 per rank beyond 20; a list of 100+ ranks adds $50 / $100 / $150 / $200 for 100–150 / 151–200 / 201–250 / 251–300 ranks"', () => {
    const fee = (ranks: number) => rankListFees(ranks, (id) => COST_REFERENCE[id].amount).total;
    expect(fee(20)).toBe(0);
    expect(fee(21)).toBe(30);
    expect(fee(99)).toBe(79 * 30);
    expect(fee(100)).toBe(80 * 30 + 50);
    expect(fee(150)).toBe(130 * 30 + 50);
    expect(fee(151)).toBe(131 * 30 + 100);
    expect(fee(200)).toBe(180 * 30 + 100);
    expect(fee(201)).toBe(181 * 30 + 150);
    expect(fee(250)).toBe(230 * 30 + 150);
    expect(fee(251)).toBe(231 * 30 + 200);
    expect(fee(300)).toBe(280 * 30 + 200);
  });

  it('rank fees come from the rank list and use the rank list\'s own extra-rank fee when the user set one', () => {
    expect(line(seasonCosts(costsInput({ rankCount: 25 })), 'rank_fees').planned).toBe(150);
    expect(line(seasonCosts(costsInput({ rankCount: 25, rankListExtraFee: 40 })), 'rank_fees').planned).toBe(200);
    expect(line(seasonCosts(costsInput({ rankCount: 25, settings: { ...EMPTY_COST_SETTINGS, paid: { rank_fees: true } } })), 'rank_fees').spent).toBe(150);
  });

  it('SOAP: DOMAIN.md gives no SOAP fee, so the amount is est. and editable', () => {
    expect(COST_REFERENCE.soap_application.confidence).toBe('est');
    expect(line(seasonCosts(costsInput({ soapApplications: 10, settings: { ...EMPTY_COST_SETTINGS, amounts: { soap_application: 5 } } })), 'soap').spent).toBe(50);
  });

  it('interview travel per interview (transport, lodging, other): spent once the day has come, planned before; totals add up', () => {
    const c = seasonCosts(
      costsInput({
        today: '2026-11-05',
        travel: [
          { interviewId: 1, programName: 'A', date: '2026-11-03', done: false, transport: 300, lodging: 150, other: 20 },
          { interviewId: 2, programName: 'B', date: '2026-11-20', done: false, transport: 250, lodging: 0, other: 0 },
        ],
      }),
    );
    expect([line(c, 'travel').spent, line(c, 'travel').planned]).toEqual([470, 250]);
    expect(c.totals.total).toBe(c.totals.spent + c.totals.planned);
    expect(c.totals.planned).toBe(250 + 80 + 165 + 70);
    expect(c.byCategory.find((b) => b.category === 'travel')).toMatchObject({ spent: 470, planned: 250 });
  });

  it('every reference amount carries its season and confidence ("unconfirmed" or "est.")', () => {
    for (const r of Object.values(COST_REFERENCE)) {
      expect(r.season).not.toBe('');
      expect(['unconfirmed', 'est']).toContain(r.confidence);
    }
  });
});
