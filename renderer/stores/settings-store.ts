// App settings (how ERAS fees count an institution's tracks).
import { create } from 'zustand';
import type { SettingsValue } from '../../shared/api/settings-api';
import { api } from '../api/client';
import { liveLoader } from './live';

interface SettingsState {
  settings: SettingsValue | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Shows the new value at once and saves it; throws ApiCallError when refused (the stored value comes back). */
  save(settings: SettingsValue): Promise<void>;
}

export const useSettingsStore = create<SettingsState>((set) => {
  const live = liveLoader(['settings'], () => api('settings.get'), (settings) => set({ settings, loadError: null }), (loadError) => set({ loadError }));
  return {
    settings: null,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async save(settings) {
      live.accept(settings);
      try {
        live.accept(await api('settings.save', settings));
      } catch (err) {
        await live.load();
        throw err;
      }
    },
  };
});
