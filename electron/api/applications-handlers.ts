// Handlers for applications and their status history.
import type { Handlers } from '../../shared/api/contract';
import type { Db } from '../db/open';
import { createApplicationsRepo } from '../db/repos/applications-repo';

type ApplicationHandlers = Pick<
  Handlers,
  'applications.list' | 'applications.create' | 'applications.setStatus' | 'applications.update' | 'applications.history' | 'applications.delete'
>;

export function createApplicationHandlers(db: Db, now: () => Date): ApplicationHandlers {
  const apps = createApplicationsRepo(db);
  return {
    'applications.list': () => apps.list(),
    'applications.create': (input) => apps.create(input, now()),
    'applications.setStatus': ({ ids, status, date, note }) => apps.setStatus(ids, status, date, note, now()),
    'applications.update': ({ id, notes }) => apps.setNotes(id, notes, now()),
    'applications.history': ({ id }) => apps.history(id),
    'applications.delete': ({ id }) => {
      apps.delete(id);
      return { ok: true as const };
    },
  };
}
