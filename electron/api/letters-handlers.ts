// Handlers for letters, document versions and the communication log with its templates.
import type { Handlers } from '../../shared/api/contract';
import type { lettersApi } from '../../shared/api/letters-api';
import type { documentsApi } from '../../shared/api/documents-api';
import type { communicationsApi } from '../../shared/api/communications-api';
import type { Db } from '../db/open';
import { createLettersRepo } from '../db/repos/letters-repo';
import { createDocumentsRepo } from '../db/repos/documents-repo';
import { createCommunicationsRepo } from '../db/repos/communications-repo';

type LetterHandlers = Pick<Handlers, keyof typeof lettersApi | keyof typeof documentsApi | keyof typeof communicationsApi>;

const ok = { ok: true as const };

export function createLetterHandlers(db: Db, now: () => Date): LetterHandlers {
  const letters = createLettersRepo(db);
  const documents = createDocumentsRepo(db);
  const comms = createCommunicationsRepo(db);
  return {
    'writers.list': () => letters.writers(),
    'writers.save': (input) => letters.saveWriter(input, now()),
    'writers.delete': ({ id }) => (letters.deleteWriter(id), ok),
    'letters.list': () => letters.letters(),
    'letters.save': (input) => letters.saveLetter(input, now()),
    'letters.setStage': ({ id, stage, date }) => letters.setStage(id, stage, date, now()),
    'letters.delete': ({ id }) => (letters.deleteLetter(id), ok),
    'letters.assignments': () => letters.assignments(),
    'letters.assign': (input) => letters.setAssigned(input),
    'letters.settings': () => letters.settings(),
    'letters.saveSettings': (input) => letters.saveSettings(input),
    'documents.list': () => documents.list(),
    'documents.save': (input) => documents.save(input, now()),
    'documents.delete': ({ id }) => (documents.delete(id), ok),
    'documents.assignments': () => documents.assignments(),
    'documents.assign': ({ applicationIds, documentId, date }) => documents.assign(applicationIds, documentId, date),
    'documents.unassign': ({ applicationIds, slot }) => documents.unassign(applicationIds, slot),
    'communications.list': ({ programId }) => comms.list(programId),
    'communications.log': (input) => comms.log(input, now()),
    'communications.delete': ({ id }) => (comms.delete(id), ok),
    'templates.list': () => comms.templates(now()),
    'templates.save': (input) => comms.saveTemplate(input, now()),
    'templates.delete': ({ id }) => (comms.deleteTemplate(id), ok),
    'templates.reset': ({ id }) => comms.resetTemplate(id, now()),
  };
}
