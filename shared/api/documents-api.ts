import { idInput, method, noInput } from './define';
import { documentAssignSchema, documentInputSchema, documentUnassignSchema, type DocumentAssignment, type DocumentVersion } from '../domain/documents';

export const documentsApi = {
  /** Every document version, by kind, newest first. */
  'documents.list': method<DocumentVersion[]>()(noInput),
  /** Adds a version (no id) or updates one. */
  'documents.save': method<DocumentVersion>()(documentInputSchema, { writes: ['documents'] }),
  /** Removes a version (and its place on unsubmitted applications); refused if a submitted application holds it. */
  'documents.delete': method<{ ok: true }>()(idInput, { writes: ['documents'] }),
  /** Which version each application holds, per slot. */
  'documents.assignments': method<DocumentAssignment[]>()(noInput),
  /** Puts a version on applications (in its slot, replacing the previous one). Returns all assignments. */
  'documents.assign': method<DocumentAssignment[]>()(documentAssignSchema, { writes: ['documents'] }),
  /** Clears a slot on applications. Returns all assignments. */
  'documents.unassign': method<DocumentAssignment[]>()(documentUnassignSchema, { writes: ['documents'] }),
};
