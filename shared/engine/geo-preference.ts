// Geographic preference (docs/DOMAIN.md §7): a program inside one of the applicant's chosen
// Census divisions gets a small plus in its tier reasons (never a screen: nothing is excluded
// or lowered for being elsewhere), and list health shows how the list spreads over them.
import { CENSUS_DIVISION_LABELS, censusDivisionOf, type CensusDivision } from '../domain/census-divisions';
import type { Program } from '../domain/program';
import type { TierReason } from './types';

/**
 * Engine choice (docs/DOMAIN.md §7 "a plus factor, not a screen"): points added to the fit
 * score of a program in a chosen division; small next to the setting (+6) or IMG share (+8).
 */
export const GEO_PREFERENCE_PLUS = 2;

const cache = new Map<CensusDivision, TierReason>();

/** The reason a program in a chosen division gets (frozen, shared). */
export function geoPreferenceReason(d: CensusDivision): TierReason {
  let r = cache.get(d);
  if (!r) {
    r = Object.freeze<TierReason>({ rule: 'geo_preference', effect: 'positive', text: `In ${CENSUS_DIVISION_LABELS[d]}, one of your ERAS geographic preferences: a small plus (+${GEO_PREFERENCE_PLUS}); programs are told it is a plus, never a screen` });
    cache.set(d, r);
  }
  return r;
}

/** The chosen division a program is in, or null. */
export function preferredDivisionOf(state: string, divisions: readonly CensusDivision[]): CensusDivision | null {
  if (divisions.length === 0 || state === '') return null;
  const d = censusDivisionOf(state);
  return d !== undefined && divisions.includes(d) ? d : null;
}

export interface GeoSpread {
  divisions: { division: CensusDivision; label: string; count: number }[];
  inChosen: number;
  count: number;
  /** 0–1 */
  share: number;
}

export function geoSpread(programs: readonly Pick<Program, 'institution'>[], divisions: readonly CensusDivision[]): GeoSpread {
  const counts = new Map<CensusDivision, number>(divisions.map((d) => [d, 0]));
  let inChosen = 0;
  for (const p of programs) {
    const d = preferredDivisionOf(p.institution.state, divisions);
    if (d) {
      counts.set(d, (counts.get(d) ?? 0) + 1);
      inChosen++;
    }
  }
  return {
    divisions: divisions.map((d) => ({ division: d, label: CENSUS_DIVISION_LABELS[d], count: counts.get(d) ?? 0 })),
    inChosen,
    count: programs.length,
    share: programs.length === 0 ? 0 : inChosen / programs.length,
  };
}
