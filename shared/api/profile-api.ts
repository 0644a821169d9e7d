import { method, noInput } from './define';
import { profileSchema, type Profile } from '../domain/profile';

export interface SavedProfile {
  profile: Profile;
  /** null until the user has saved the profile once. */
  updatedAt: string | null;
}

export const profileApi = {
  'profile.get': method<SavedProfile>()(noInput),
  'profile.save': method<SavedProfile>()(profileSchema, { writes: ['profile'] }),
};
