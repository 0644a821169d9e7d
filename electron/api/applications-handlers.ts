// Applications and their status history.
import type { Handlers } from '../../shared/api/contract';
import type { applicationsApi } from '../../shared/api/applications-api';
import { AppError } from '../errors';
import { OK, type HandlerContext } from './context';
import { createSeasonContext } from './season-context';

export function createApplicationsHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof applicationsApi> {
  const apps = repos.applications;
  return {
    'applications.list': () => apps.list(),
    'applications.create': (input) => {
      // A season under way is back-filled (issue 13): any day of this season up to today (the repository refuses a later one).
      const problem = createSeasonContext(repos).beforeSeasonProblem(input.date);
      if (problem) throw new AppError('invalid_input', problem);
      return apps.create(input, clock.now(), clock.today());
    },
    'applications.setStatus': ({ ids, status, date, note }) => apps.setStatus(ids, status, date, note, clock.now(), clock.today()),
    'applications.update': ({ id, notes }) => apps.setNotes(id, notes, clock.now()),
    'applications.history': ({ id }) => apps.history(id),
    'applications.delete': ({ id }) => {
      apps.delete(id);
      return OK;
    },
  };
}
