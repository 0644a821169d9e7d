import { idInput, method, noInput } from './define';
import { communicationInputSchema, communicationListSchema, templateInputSchema, type Communication, type MessageTemplate } from '../domain/communications';

export const communicationsApi = {
  /** The log, newest first; of one program when programId is given. */
  'communications.list': method<Communication[]>()(communicationListSchema),
  /** Records a message or call. */
  'communications.log': method<Communication>()(communicationInputSchema, { writes: ['communications'] }),
  'communications.delete': method<{ ok: true }>()(idInput, { writes: ['communications'] }),
  /** Every template, built-ins first. */
  'templates.list': method<MessageTemplate[]>()(noInput),
  /** Adds a template (no id) or edits one (built-ins too). */
  'templates.save': method<MessageTemplate>()(templateInputSchema, { writes: ['communications'] }),
  /** Deletes one of the user's templates (built-ins cannot be deleted). */
  'templates.delete': method<{ ok: true }>()(idInput, { writes: ['communications'] }),
  /** Puts a built-in template back to its original text. */
  'templates.reset': method<MessageTemplate>()(idInput, { writes: ['communications'] }),
};
