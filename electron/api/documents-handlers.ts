// Document versions (personal statements, CV…) and which went with each application.
import type { Handlers } from '../../shared/api/contract';
import type { documentsApi } from '../../shared/api/documents-api';
import { AppError } from '../errors';
import { OK, type HandlerContext } from './context';
import { createSeasonContext } from './season-context';

export function createDocumentsHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof documentsApi> {
  const documents = repos.documents;
  return {
    'documents.list': () => documents.list(),
    'documents.save': (input) => documents.save(input, clock.now()),
    'documents.delete': ({ id }) => (documents.delete(id), OK),
    'documents.assignments': () => documents.assignments(),
    'documents.assign': ({ applicationIds, documentId, date }) => {
      const problem = createSeasonContext(repos).dayProblem(date, clock.today(), 'an assignment');
      if (problem) throw new AppError('invalid_input', problem);
      return documents.assign(applicationIds, documentId, date);
    },
    'documents.unassign': ({ applicationIds, slot }) => documents.unassign(applicationIds, slot),
  };
}
