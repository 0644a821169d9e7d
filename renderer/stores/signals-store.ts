// Signals and the geographic preference (docs/DOMAIN.md §6, §7): what the Signals screen,
// list health and the program detail show.
import { create } from 'zustand';
import type { SignalsView } from '../../shared/api/signals-api';
import type { GeoPreference, GeoPreferenceInput } from '../../shared/domain/geo-preference';
import { EMPTY_GEO_PREFERENCE } from '../../shared/domain/geo-preference';
import type { SignalSet } from '../../shared/domain/signals';
import { api } from '../api/client';
import { liveLoader } from './live';

interface SignalsState {
  signals: SignalsView | null;
  geo: GeoPreference;
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Throws ApiCallError when refused (e.g. the 16th signal); nothing is written then. */
  setSignal(input: SignalSet): Promise<void>;
  setBudget(budget: number | null): Promise<void>;
  saveGeo(input: GeoPreferenceInput): Promise<GeoPreference>;
}

export const useSignalsStore = create<SignalsState>((set) => {
  // Tiers (and so the advice) follow the profile, programs and the preference.
  const live = liveLoader(
    ['programs', 'profile', 'settings'],
    () => Promise.all([api('signals.review'), api('geoPreference.get')]),
    ([signals, geo]) => set({ signals, geo, loaded: true, loadError: null }),
    (loadError) => set({ loadError, loaded: true }),
  );
  return {
    signals: null,
    geo: EMPTY_GEO_PREFERENCE,
    loaded: false,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async setSignal(input) {
      const signals = await api('signals.set', input);
      set({ signals });
    },
    async setBudget(budget) {
      const signals = await api('signals.setBudget', { budget });
      set({ signals });
    },
    async saveGeo(input) {
      const geo = await api('geoPreference.save', input);
      // The tiers (and so the signal advice) depend on the preference: its announcement (settings) reloads every shown store that shows them, this one too.
      set({ geo });
      return geo;
    },
  };
});
