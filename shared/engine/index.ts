// The program engine's public API: tiers, list health, what-if, ERAS fees, thresholds.
export { THRESHOLDS, type Thresholds } from './thresholds';
export {
  TIER_OUTCOMES,
  TIER_LABELS,
  SCREEN_CODES,
  RULE_CODES,
  RULE_TITLES,
  FLAG_CODES,
  type TierOutcome,
  type ConfidenceLevel,
  type ReasonEffect,
  type ScreenCode,
  type RuleCode,
  type FlagCode,
  type TierFlag,
  type TierReason,
  type TierExclusion,
  type TierResult,
} from './types';
export { summarizeApplicant, toEngineDate, lastMatchYear, type ApplicantSummary, type TodayInput, type EngineDate } from './applicant';
export { tierProgram, tierPrograms, tierProgramFor, confidenceLevelOf } from './tier-program';
export {
  erasFeeForSpecialty,
  erasListCost,
  ERAS_FEE_SCHEDULES,
  ERAS_FEES_2027,
  ERAS_FEES_2025_2026,
  ERAS_FEES_2024,
  CURRENT_ERAS_FEES,
  REFERENCE_FEES,
  type FeeConfidence,
  type FeeBand,
  type ErasFeeSchedule,
  type FeeItem,
  type ErasCost,
  type ErasCostLine,
  type ErasCostOptions,
} from './eras-fees';
export {
  listHealth,
  effectiveOutcome,
  LIST_FINDING_CODES,
  type ListEntry,
  type ListHealthOptions,
  type ListHealth,
  type ListHealthMetrics,
  type ListFinding,
  type ListFindingCode,
  type FindingSeverity,
  type ListProgramRef,
  type RegionKey,
} from './list-health';
export { whatIf, applyWhatIf, type WhatIfChanges, type WhatIfResult, type WhatIfProgramChange } from './what-if';
