import { TIER_LABELS, type TierOutcome, type TierSummary } from '../../../shared/engine/types';
import type { Program } from '../../../shared/domain/program';

const SHORT: Record<TierOutcome, string> = { excluded: 'Excluded', long_shot: 'Long shot', tier1: 'Tier 1', tier2: 'Tier 2', tier3: 'Tier 3' };

export function TierBadge({ program, computed }: { program: Program; computed: TierSummary | undefined }) {
  if (!computed) return <span className="muted">…</span>;
  const shown = program.override?.outcome ?? computed.outcome;
  const overridden = program.override !== null && program.override.outcome !== computed.outcome;
  return (
    <span className={`badge tier tier-${shown}${overridden ? ' overridden' : ''}`} title={overridden ? `You set ${TIER_LABELS[shown]} (computed: ${TIER_LABELS[computed.outcome]})` : `${TIER_LABELS[shown]}: ${computed.summary}`}>
      {SHORT[shown]}
      {overridden ? <span aria-label="overridden">*</span> : null}
    </span>
  );
}

export function FlagBadges({ computed }: { computed: TierSummary | undefined }) {
  if (!computed || computed.flags.length === 0) return null;
  return (
    <span className="flags">
      {computed.flags.slice(0, 1).map((f) => (
        <span key={f.code} className={`badge flag flag-${f.code}`} title={f.text}>
          {f.code === 'h1b_needs_step3' ? 'H-1B: Step 3' : f.code === 'visa_unknown' ? 'Visa ?' : f.code === 'step2ck_pending' ? 'CK pending' : 'Check'}
        </span>
      ))}
      {computed.flags.length > 1 ? <span className="badge flag" title={computed.flags.slice(1).map((f) => f.text).join('\n')}>+{computed.flags.length - 1}</span> : null}
    </span>
  );
}

export { SHORT as TIER_SHORT };
