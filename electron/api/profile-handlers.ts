// The applicant's profile.
import type { Handlers } from '../../shared/api/contract';
import type { profileApi } from '../../shared/api/profile-api';
import type { HandlerContext } from './context';

export function createProfileHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof profileApi> {
  return {
    'profile.get': () => repos.profile.get(),
    'profile.save': (input) => repos.profile.save(input, clock.now()),
  };
}
