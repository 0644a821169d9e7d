// ERAS program signals and the geographic preference (docs/DOMAIN.md §6, §7): the budget and
// what is left, the engine's advice per institution, and the divisions chosen (their small
// plus shows in every tier's reasons).
import type { Handlers } from '../../shared/api/contract';
import type { signalsApi, SignalsView } from '../../shared/api/signals-api';
import { SIGNAL_REFERENCE } from '../../shared/domain/signals';
import { signalReview } from '../../shared/engine/signals';
import type { HandlerContext } from './context';
import { cachedTiers } from './tier-cache';

export function createSignalsHandlers({ db, repos, clock }: HandlerContext): Pick<Handlers, keyof typeof signalsApi> {
  function signalsView(): SignalsView {
    const all = repos.programs.list();
    const tiers = cachedTiers(db, all, repos.profile.get().profile, clock.today(), repos.signals.tierChoices());
    const budget = repos.signals.signalBudget();
    return { budget, reference: SIGNAL_REFERENCE, review: signalReview(all.map((program, i) => ({ program, tier: tiers[i]! })), budget.budget) };
  }

  return {
    'signals.review': () => signalsView(),
    'signals.set': (input) => {
      repos.signals.setSignal(input, clock.now());
      return signalsView();
    },
    'signals.setBudget': ({ budget }) => {
      repos.signals.setSignalBudget(budget, clock.now());
      return signalsView();
    },
    'geoPreference.get': () => repos.signals.geoPreference(),
    'geoPreference.save': (input) => repos.signals.saveGeoPreference(input, clock.now()),
  };
}
