import { create } from 'zustand';
import type { SavedProfile } from '../../shared/api/profile-api';
import type { Profile } from '../../shared/domain/profile';
import { api, errorMessage } from '../api/client';

interface ProfileState {
  saved: SavedProfile | null;
  loadError: string | null;
  load(): Promise<void>;
  /** Saves and returns the stored profile; throws ApiCallError on refusal. */
  save(profile: Profile): Promise<SavedProfile>;
}

export const useProfileStore = create<ProfileState>((set) => ({
  saved: null,
  loadError: null,
  async load() {
    try {
      set({ saved: await api('profile.get'), loadError: null });
    } catch (err) {
      set({ loadError: errorMessage(err) });
    }
  },
  async save(profile) {
    const saved = await api('profile.save', profile);
    set({ saved });
    return saved;
  },
}));
