import { idInput, method, noInput } from './define';
import { applicationCreateSchema, applicationStatusChangeSchema, applicationUpdateSchema, type Application, type ApplicationEvent } from '../domain/application';

export const applicationsApi = {
  /** Every application (one per program applied to). */
  'applications.list': method<Application[]>()(noInput),
  /** Opens applications for programs; programs that already have one are reported in alreadyApplied. */
  'applications.create': method<{ created: Application[]; alreadyApplied: number[] }>()(applicationCreateSchema),
  /** Moves one or many applications to a status on a date, recording the change in each history. All or none. */
  'applications.setStatus': method<Application[]>()(applicationStatusChangeSchema),
  'applications.update': method<Application>()(applicationUpdateSchema),
  /** The status history of one application, oldest first. */
  'applications.history': method<ApplicationEvent[]>()(idInput),
  'applications.delete': method<{ ok: true }>()(idInput),
};
