// List health for the 2027 season (docs/DOMAIN.md §6, §7): signals spent where they are
// wasted (Excluded or Long-shot programs, programs that do not accept signals), the budget
// left with where a signal is worth it, and how the list spreads over the chosen divisions.
import type { CensusDivision } from '../domain/census-divisions';
import { geoSpread, type GeoSpread } from './geo-preference';
import { signalReview, type SignalEntry, type SignalReview } from './signals';

export interface SeasonListOptions {
  /** The signal budget in force; without it the budget finding is left out. */
  signalBudget?: number;
  /** The ERAS geographic preference; empty or absent: no spread finding. */
  geoDivisions?: readonly CensusDivision[];
}

export interface SeasonFinding {
  severity: 'warning' | 'info';
  code: 'signals_wasted' | 'signals_not_accepted' | 'signals_accepts_unknown' | 'signals_left' | 'geo_spread';
  text: string;
  action: string;
  programIds?: number[];
}

const names = (xs: readonly { name: string }[], max = 5) => (xs.length > max ? `${xs.slice(0, max).map((x) => x.name).join(', ')} and ${xs.length - max} more` : xs.map((x) => x.name).join(', '));
const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function seasonListFindings(entries: readonly SignalEntry[], options: SeasonListOptions): { findings: SeasonFinding[]; signals: SignalReview; geo: GeoSpread | null } {
  const review = signalReview(entries, options.signalBudget ?? 0);
  const findings: SeasonFinding[] = [];
  const sent = review.institutions.filter((i) => i.signalSent);
  const onPoor = sent.filter((i) => i.verdict === 'wasted');
  if (onPoor.length > 0) {
    findings.push({
      severity: 'warning',
      code: 'signals_wasted',
      text: `${s(onPoor.length, 'signal')} on Excluded or Long-shot programs: ${names(onPoor)}.`,
      action: 'Signals convert poorly for non-US IMGs: move them to Tier 1 or Tier 2 programs that accept signals.',
      programIds: onPoor.flatMap((i) => i.programIds),
    });
  }
  const refused = sent.filter((i) => i.acceptsSignals === 'no');
  if (refused.length > 0) {
    findings.push({ severity: 'warning', code: 'signals_not_accepted', text: `${s(refused.length, 'signal')} on programs that do not accept signals: ${names(refused)}.`, action: 'Take these signals back and send them to programs that opted in.', programIds: refused.flatMap((i) => i.programIds) });
  }
  const unknown = sent.filter((i) => i.acceptsSignals === 'unknown');
  if (unknown.length > 0) {
    findings.push({ severity: 'info', code: 'signals_accepts_unknown', text: `${s(unknown.length, 'signal')} on programs not known to accept signals: ${names(unknown)}.`, action: "Check the ERAS signaling list and record whether each accepts signals.", programIds: unknown.flatMap((i) => i.programIds) });
  }
  if (options.signalBudget !== undefined && entries.length > 0) {
    const worth = review.suggestions.slice(0, Math.max(3, review.left));
    findings.push({
      severity: 'info',
      code: 'signals_left',
      text: `${review.used} of ${review.budget} signals used (est.), ${review.left} left.`,
      action: review.left > 0 && worth.length > 0 ? `Worth a signal (realistic, not long shots): ${names(worth)}.` : review.left > 0 ? 'No Tier 1 or Tier 2 program on the list is left to signal.' : 'All signals are placed.',
      ...(worth.length > 0 && review.left > 0 ? { programIds: worth.flatMap((i) => i.programIds) } : {}),
    });
  }
  let geo: GeoSpread | null = null;
  if (options.geoDivisions && options.geoDivisions.length > 0) {
    geo = geoSpread(entries.map((e) => e.program), options.geoDivisions);
    const parts = geo.divisions.map((d) => `${d.label} ${d.count}`).join(', ');
    const empty = geo.divisions.filter((d) => d.count === 0);
    findings.push({
      severity: 'info',
      code: 'geo_spread',
      text: `${geo.inChosen} of ${geo.count} programs (${Math.round(geo.share * 100)}%) are in your chosen divisions: ${parts}.`,
      action: empty.length > 0 ? `No program on the list is in ${names(empty.map((d) => ({ name: d.label })))}: the preference only helps with programs there.` : 'Programs there see your preference as a plus, never a screen; keep applying widely elsewhere too.',
    });
  }
  return { findings, signals: review, geo };
}
