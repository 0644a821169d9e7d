// Tiers computed once per change of their inputs and shared by every caller (the Programs
// screen's tiers.list, the dashboard, SOAP): a program's tier depends only on the program,
// the profile and the date. The programs repository hands out the same frozen object for a
// program while its rows are unchanged (structural sharing), so results are kept per program
// object for one (profile, date): a write to one program re-tiers that program only, and a
// new profile or a new day re-tiers all of them once.
import type { Profile } from '../../shared/domain/profile';
import type { Program } from '../../shared/domain/program';
import { summarizeApplicant, type ApplicantSummary, type SeasonChoices } from '../../shared/engine/applicant';
import { tierProgramFor } from '../../shared/engine/tier-program';
import type { TierResult } from '../../shared/engine/types';
import type { Db } from '../db/open';

interface Entry {
  /** today + the profile's JSON. */
  key: string;
  applicant: ApplicantSummary;
  results: WeakMap<Program, TierResult>;
}

/** Two (profile, date) entries per connection: callers that count today in different zones do not evict each other. */
const caches = new WeakMap<Db, Entry[]>();
const ENTRIES = 2;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The tier of each program (same order), for this profile and date. Results are frozen and
 * shared: callers must not change them.
 */
export function cachedTiers(db: Db, programs: readonly Program[], profile: Profile, today: string, season: SeasonChoices): TierResult[] {
  const key = `${today}\u0000${JSON.stringify(profile)}\u0000${(season.geoDivisions ?? []).join(',')}`;
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = []));
  let entry = entries.find((e) => e.key === key);
  if (!entry) {
    entry = { key, applicant: summarizeApplicant(profile, today, season), results: new WeakMap() };
    entries.unshift(entry);
    entries.length = Math.min(entries.length, ENTRIES);
  }
  const out = new Array<TierResult>(programs.length);
  for (let i = 0; i < programs.length; i++) {
    const p = programs[i]!;
    let r = entry.results.get(p);
    if (r === undefined) {
      r = deepFreeze(tierProgramFor(p, entry.applicant));
      // Only frozen programs (the repository's) can be keyed by identity: another object
      // could be changed after it was tiered.
      if (Object.isFrozen(p)) entry.results.set(p, r);
    }
    out[i] = r;
  }
  return out;
}
