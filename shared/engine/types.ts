// Result types of the program engine (tiers, list health, what-if). Plain data: the
// engine returns them, the database may store them, the screens show them.

export const TIER_OUTCOMES = ['excluded', 'long_shot', 'tier1', 'tier2', 'tier3'] as const;
export type TierOutcome = (typeof TIER_OUTCOMES)[number];

/** Display labels (docs/DOMAIN.md §4.3 "Tiers among the rest"). */
export const TIER_LABELS: Readonly<Record<TierOutcome, string>> = {
  excluded: 'Excluded',
  long_shot: 'Long shot',
  tier1: 'Tier 1 – reach but realistic',
  tier2: 'Tier 2 – core',
  tier3: 'Tier 3 – safety',
};

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export type ReasonEffect = 'exclude' | 'positive' | 'negative' | 'neutral' | 'unknown';

/** The hard screens of docs/DOMAIN.md §4.2 "Program screens". */
export const SCREEN_CODES = [
  'no_visa_sponsorship',
  'visa_type_mismatch',
  'step2ck_minimum',
  'step1_minimum',
  'first_attempt_only',
  'years_since_graduation',
  'usce_required',
] as const;
export type ScreenCode = (typeof SCREEN_CODES)[number];

/** Every rule a reason can name. */
export const RULE_CODES = [
  ...SCREEN_CODES,
  'visa',
  'setting',
  'research_heavy',
  'internal_connection',
  'img_share',
  'img_friendliness',
  'non_us_img_residents',
  'geography',
  'geo_preference',
  'unfilled_history',
  'service_needs',
  'track',
  'applicant_step2ck',
  'applicant_step1',
  'trajectory',
  'attempts',
  'step3',
  'applicant_usce',
  'data_age',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** What a rule is called on screen, so a reason can be grouped under its rule. */
export const RULE_TITLES: Readonly<Record<RuleCode, string>> = {
  no_visa_sponsorship: 'Visa sponsorship',
  visa_type_mismatch: 'Visa type',
  step2ck_minimum: 'Step 2 CK minimum',
  step1_minimum: 'Step 1 minimum',
  first_attempt_only: 'First-attempt passes',
  years_since_graduation: 'Years since graduation',
  usce_required: 'USCE required',
  visa: 'Visa',
  setting: 'Setting',
  research_heavy: 'Research-heavy department',
  internal_connection: 'Internal connection',
  img_share: 'IMG share',
  img_friendliness: 'IMG-friendliness (your rating)',
  non_us_img_residents: 'Non-US IMG residents',
  geography: 'Geography',
  geo_preference: 'Geographic preference',
  unfilled_history: 'Unfilled prelim positions',
  service_needs: 'Service needs',
  track: 'Track',
  applicant_step2ck: 'Your Step 2 CK',
  applicant_step1: 'Your Step 1',
  trajectory: 'Score trajectory',
  attempts: 'Attempts',
  step3: 'Step 3',
  applicant_usce: 'Your USCE',
  data_age: 'Data quality',
};

export const FLAG_CODES = [
  'h1b_needs_step3',
  'visa_unknown',
  'step2ck_pending',
  'step1_pass_fail_unknown',
  'first_attempt_policy_unknown',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export interface TierFlag {
  code: FlagCode;
  text: string;
}

export interface TierReason {
  rule: RuleCode;
  text: string;
  effect: ReasonEffect;
}

export interface TierExclusion {
  screen: ScreenCode;
  text: string;
}

export interface TierResult {
  outcome: TierOutcome;
  /** TIER_LABELS[outcome]. */
  label: string;
  /** One sentence: why this outcome. */
  summary: string;
  /** 0–100 integer; sorts programs within a tier (higher = better fit). */
  fitScore: number;
  /** 0–100 integer; lowered by every unknown that matters. */
  confidence: number;
  confidenceLevel: ConfidenceLevel;
  flags: TierFlag[];
  /** Every rule that was applied, in plain words, in order: screens, program signals, applicant. */
  reasons: TierReason[];
  /** The screens that excluded the program (empty unless outcome is 'excluded'). */
  exclusions: TierExclusion[];
}

/** A tier without its reasons: what lists, filters, badges and list health need. */
export type TierSummary = Pick<TierResult, 'outcome' | 'summary' | 'fitScore' | 'confidence' | 'confidenceLevel' | 'flags' | 'exclusions'>;
