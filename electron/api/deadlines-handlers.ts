// The user's own program deadlines.
import type { Handlers } from '../../shared/api/contract';
import type { deadlinesApi } from '../../shared/api/deadlines-api';
import { OK, type HandlerContext } from './context';

export function createDeadlinesHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof deadlinesApi> {
  return {
    'deadlines.list': () => repos.calendar.deadlines(),
    'deadlines.save': (input) => repos.calendar.saveDeadline(input, clock.now()),
    'deadlines.delete': ({ id }) => {
      repos.calendar.deleteDeadline(id);
      return OK;
    },
  };
}
