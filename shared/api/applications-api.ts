import { idInput, method, noInput } from './define';
import type { Domain } from './domains';
import { applicationCreateSchema, applicationStatusChangeSchema, applicationUpdateSchema, type Application, type ApplicationEvent } from '../domain/application';

/** What deleting an application can change: its interviews and rank, letter and document assignments go with it. */
export const APPLICATION_CASCADE: readonly Domain[] = ['applications', 'interviews', 'letters', 'documents'];

export const applicationsApi = {
  /** Every application (one per program applied to). */
  'applications.list': method<Application[]>()(noInput),
  /** Opens applications for programs; programs that already have one are reported in alreadyApplied. */
  'applications.create': method<{ created: Application[]; alreadyApplied: number[] }>()(applicationCreateSchema, { writes: ['applications', 'programs'] }),
  /** Moves one or many applications to a status on a date, recording the change in each history. All or none. One Matched (Main Match) closes the other ranked ones and can set the Match Week result. */
  'applications.setStatus': method<Application[]>()(applicationStatusChangeSchema, { writes: ['applications', 'soap'] }),
  'applications.update': method<Application>()(applicationUpdateSchema, { writes: ['applications'] }),
  /** The status history of one application, oldest first. */
  'applications.history': method<ApplicationEvent[]>()(idInput),
  'applications.delete': method<{ ok: true }>()(idInput, { writes: APPLICATION_CASCADE }),
};
