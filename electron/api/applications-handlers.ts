// Applications and their status history.
import type { Handlers } from '../../shared/api/contract';
import type { applicationsApi } from '../../shared/api/applications-api';
import { OK, type HandlerContext } from './context';

export function createApplicationsHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof applicationsApi> {
  const apps = repos.applications;
  return {
    'applications.list': () => apps.list(),
    'applications.create': (input) => apps.create(input, clock.now(), clock.today()),
    'applications.setStatus': ({ ids, status, date, note }) => apps.setStatus(ids, status, date, note, clock.now(), clock.today()),
    'applications.update': ({ id, notes }) => apps.setNotes(id, notes, clock.now()),
    'applications.history': ({ id }) => apps.history(id),
    'applications.delete': ({ id }) => {
      apps.delete(id);
      return OK;
    },
  };
}
