// The user's own program deadlines (supplemental forms, interview replies…).
import { idInput, method, noInput } from './define';
import { programDeadlineInputSchema, type ProgramDeadline } from '../domain/season-calendar';

export const deadlinesApi = {
  'deadlines.list': method<ProgramDeadline[]>()(noInput),
  /** Adds a program deadline (no id) or updates one (also to mark it done). */
  'deadlines.save': method<ProgramDeadline>()(programDeadlineInputSchema, { writes: ['calendar'] }),
  'deadlines.delete': method<{ ok: true }>()(idInput, { writes: ['calendar'] }),
};
