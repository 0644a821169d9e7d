// The engine's tier of every program for the saved profile and the user's today, and overrides.
import type { Handlers } from '../../shared/api/contract';
import type { tiersApi } from '../../shared/api/tiers-api';
import type { HandlerContext } from './context';
import { cachedTiers } from './tier-cache';

export function createTiersHandlers({ db, repos, clock }: HandlerContext): Pick<Handlers, keyof typeof tiersApi> {
  return {
    'tiers.list': () => {
      const today = clock.today();
      const saved = repos.profile.get();
      const all = repos.programs.list();
      const computed = cachedTiers(db, all, saved.profile, today, repos.signals.tierChoices());
      return { today, profileSaved: saved.updatedAt !== null, tiers: all.map((p, i) => ({ programId: p.id, computed: computed[i]! })) };
    },
    'tiers.override': ({ programId, outcome, note }) => {
      repos.list.setOverride(programId, outcome === null ? null : { outcome, note }, clock.now());
      return { ok: true as const };
    },
  };
}
