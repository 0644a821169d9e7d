// The log of emails and calls, and the message templates.
import type { Handlers } from '../../shared/api/contract';
import type { communicationsApi } from '../../shared/api/communications-api';
import { OK, type HandlerContext } from './context';

export function createCommunicationsHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof communicationsApi> {
  const comms = repos.communications;
  return {
    'communications.list': ({ programId }) => comms.list(programId),
    'communications.log': (input) => comms.log(input, clock.now(), clock.today()),
    'communications.delete': ({ id }) => (comms.delete(id), OK),
    'templates.list': () => comms.templates(clock.now()),
    'templates.save': (input) => comms.saveTemplate(input, clock.now()),
    'templates.delete': ({ id }) => (comms.deleteTemplate(id), OK),
    'templates.reset': ({ id }) => comms.resetTemplate(id, clock.now()),
  };
}
