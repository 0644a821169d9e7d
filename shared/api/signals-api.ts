// Signals and the geographic preference (docs/DOMAIN.md §6, §7).
import { method, noInput } from './define';
import { signalBudgetSchema, signalSetSchema, type SIGNAL_REFERENCE, type SignalBudget } from '../domain/signals';
import { geoPreferenceSchema, type GeoPreference } from '../domain/geo-preference';
import type { SignalReview } from '../engine/signals';

export interface SignalsView {
  budget: SignalBudget;
  reference: typeof SIGNAL_REFERENCE;
  /** Per institution, with the engine's advice (tiers for the saved profile and today). */
  review: SignalReview;
}

export const signalsApi = {
  'signals.review': method<SignalsView>()(noInput),
  /** Sends or takes back a signal, and/or records whether the program accepts signals; the 16th of 15 is refused. */
  'signals.set': method<SignalsView>()(signalSetSchema, { writes: ['programs'] }),
  /** Corrects the budget (null: back to 15, est.); refused below the signals already sent. */
  'signals.setBudget': method<SignalsView>()(signalBudgetSchema, { writes: ['settings'] }),
  'geoPreference.get': method<GeoPreference>()(noInput),
  /** A season choice (season_choice: the settings domain), as the signal budget; the tiers read it, so every store that shows tiers reads settings. */
  'geoPreference.save': method<GeoPreference>()(geoPreferenceSchema, { writes: ['settings'] }),
};
