import { create } from 'zustand';
import type { SavedProfile } from '../../shared/api/profile-api';
import type { Profile } from '../../shared/domain/profile';
import { api } from '../api/client';
import { liveLoader } from './live';

interface ProfileState {
  saved: SavedProfile | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Saves and returns the stored profile; throws ApiCallError on refusal. */
  save(profile: Profile): Promise<SavedProfile>;
}

export const useProfileStore = create<ProfileState>((set) => {
  const live = liveLoader(['profile'], () => api('profile.get'), (saved) => set({ saved, loadError: null }), (loadError) => set({ loadError }));
  return {
    saved: null,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async save(profile) {
      const saved = await api('profile.save', profile);
      live.accept(saved);
      return saved;
    },
  };
});
