// Program signals (docs/DOMAIN.md §6): the budget and what is left, where a signal is worth
// it, and the signals that are wasted. A signal goes to an institution's general-surgery
// program (every track there sees it), so everything here is per institution. Community data
// (small sample): signals convert poorly for non-US IMGs (2.4 of 15 into interviews vs 6.5
// for US MDs), so they go to realistic programs (Tier 1 reach-but-realistic and Tier 2 core),
// never to long shots or excluded programs, and only to programs that accept them.
import type { Program, TriState } from '../domain/program';
import { programLabel } from '../domain/program';
import type { TierOutcome, TierSummary } from './types';

/** The tiers where a signal is worth spending (docs/DOMAIN.md §6: "realistic programs, not long shots"). */
export const SIGNAL_WORTH_TIERS: ReadonlySet<TierOutcome> = new Set(['tier1', 'tier2']);
/** Tiers where a signal is wasted. */
export const SIGNAL_WASTED_TIERS: ReadonlySet<TierOutcome> = new Set(['excluded', 'long_shot']);

/** Best (most realistic) first, for an institution whose tracks differ. */
const OUTCOME_ORDER: readonly TierOutcome[] = ['tier2', 'tier1', 'tier3', 'long_shot', 'excluded'];

export interface SignalEntry {
  program: Program;
  tier: TierSummary;
  overriddenOutcome?: TierOutcome | null;
}

export type SignalVerdict = 'worth' | 'safety' | 'wasted' | 'not_accepted' | 'check_accepts';

export interface InstitutionSignal {
  institutionId: number;
  name: string;
  /** Every track, e.g. "Preliminary, Categorical": both show the signal. */
  tracks: string[];
  programIds: number[];
  onList: boolean;
  acceptsSignals: TriState;
  signalSent: boolean;
  /** The most realistic outcome among its tracks (override first). */
  outcome: TierOutcome;
  fitScore: number;
  verdict: SignalVerdict;
  /** Plain words: why a signal is (not) worth it here. */
  advice: string;
}

export interface SignalReview {
  budget: number;
  used: number;
  left: number;
  institutions: InstitutionSignal[];
  /** Not signalled yet, where a signal is worth it: accepts signals first, then on the list, then by fit. */
  suggestions: InstitutionSignal[];
  /** Signals sent where they are wasted (excluded, long shot, does not accept). */
  wasted: InstitutionSignal[];
}

export function verdictOf(outcome: TierOutcome, accepts: TriState): { verdict: SignalVerdict; advice: string } {
  if (accepts === 'no') return { verdict: 'not_accepted', advice: 'Does not accept signals: a signal here is lost.' };
  if (SIGNAL_WASTED_TIERS.has(outcome)) {
    return { verdict: 'wasted', advice: outcome === 'excluded' ? 'Excluded by a screen: a signal will not change that.' : 'Long shot: signals convert poorly for non-US IMGs; spend them on realistic programs.' };
  }
  if (outcome === 'tier3') return { verdict: 'safety', advice: 'Safety program: you are likely to be considered without a signal; keep signals for Tier 1 and Tier 2.' };
  if (accepts === 'unknown') return { verdict: 'check_accepts', advice: 'Realistic for you: worth a signal once you know it accepts signals (check the ERAS signaling list).' };
  return { verdict: 'worth', advice: outcome === 'tier2' ? 'Core program that accepts signals: a good place for a signal.' : 'Reach but realistic and accepts signals: a signal can tip the balance.' };
}

const effective = (e: SignalEntry): TierOutcome => e.overriddenOutcome ?? e.program.override?.outcome ?? e.tier.outcome;

export function signalReview(entries: readonly SignalEntry[], budget: number): SignalReview {
  const byInst = new Map<number, SignalEntry[]>();
  for (const e of entries) {
    const list = byInst.get(e.program.institutionId);
    if (list) list.push(e);
    else byInst.set(e.program.institutionId, [e]);
  }
  const institutions: InstitutionSignal[] = [];
  for (const [institutionId, es] of byInst) {
    const inst = es[0]!.program.institution;
    const best = [...es].sort((a, b) => OUTCOME_ORDER.indexOf(effective(a)) - OUTCOME_ORDER.indexOf(effective(b)) || b.tier.fitScore - a.tier.fitScore)[0]!;
    const outcome = effective(best);
    const v = verdictOf(outcome, inst.acceptsSignals);
    institutions.push({
      institutionId,
      name: inst.name,
      tracks: es.map((e) => programLabel(e.program).slice(inst.name.length + 2, -1)),
      programIds: es.map((e) => e.program.id),
      onList: es.some((e) => e.program.onList),
      acceptsSignals: inst.acceptsSignals,
      signalSent: inst.signalSent,
      outcome,
      fitScore: best.tier.fitScore,
      ...v,
    });
  }
  institutions.sort((a, b) => a.name.localeCompare(b.name) || a.institutionId - b.institutionId);
  const used = institutions.filter((i) => i.signalSent).length;
  const left = Math.max(0, budget - used);
  const acceptsRank = (a: TriState) => (a === 'yes' ? 0 : 1);
  const suggestions = institutions
    .filter((i) => !i.signalSent && (i.verdict === 'worth' || i.verdict === 'check_accepts'))
    .sort((a, b) => acceptsRank(a.acceptsSignals) - acceptsRank(b.acceptsSignals) || Number(b.onList) - Number(a.onList) || b.fitScore - a.fitScore || a.name.localeCompare(b.name));
  const wasted = institutions.filter((i) => i.signalSent && (i.verdict === 'wasted' || i.verdict === 'not_accepted'));
  return { budget, used, left, institutions, suggestions, wasted };
}
