// Document versions (personal statements, CV, Additional Information) and which version
// went with which application (one per slot per application).
import type { Db } from '../open';
import { inTransaction } from '../open';
import { AppError } from '../../errors';
import { rowMapper, notFound, oneById, type SaveFields } from '../columns';
import type { ApplicationStatus } from '../../../shared/domain/application';
import { DOCUMENT_SLOT_LABELS, slotOf, type DocumentAssignment, type DocumentSlot, type DocumentVersion } from '../../../shared/domain/documents';
import { isAssignmentLocked } from '../../../shared/engine/letters';

type Row = Record<string, unknown>;

const rowToDocument = rowMapper<DocumentVersion>({ id: 'int', kind: 'text', title: 'text', versionLabel: 'text', date: 'text', notes: 'text', body: 'text', createdAt: 'text', updatedAt: 'text' });
const rowToAssignment = rowMapper<DocumentAssignment>({ applicationId: 'int', slot: 'text', documentId: 'int', assignedOn: 'text' });

export type DocumentFields = SaveFields<DocumentVersion>;

export function createDocumentsRepo(db: Db) {
  const stmts = {
    all: db.prepare('SELECT * FROM document_version ORDER BY kind, date DESC, id DESC'),
    one: db.prepare('SELECT * FROM document_version WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO document_version (kind, title, version_label, date, notes, body, created_at, updated_at)
       VALUES (@kind, @title, @version_label, @date, @notes, @body, @now, @now)`,
    ),
    update: db.prepare(
      'UPDATE document_version SET kind = @kind, title = @title, version_label = @version_label, date = @date, notes = @notes, body = @body, updated_at = @now WHERE id = @id',
    ),
    delete: db.prepare('DELETE FROM document_version WHERE id = ?'),
    holders: db.prepare('SELECT ad.application_id AS id, a.status FROM application_document ad JOIN application a ON a.id = ad.application_id WHERE ad.document_id = ?'),
    assignments: db.prepare('SELECT * FROM application_document ORDER BY application_id, slot'),
    appExists: db.prepare('SELECT id FROM application WHERE id = ?').pluck(),
    put: db.prepare(
      `INSERT INTO application_document (application_id, slot, document_id, assigned_on) VALUES (@application_id, @slot, @document_id, @date)
       ON CONFLICT(application_id, slot) DO UPDATE SET document_id = excluded.document_id, assigned_on = excluded.assigned_on`,
    ),
    clear: db.prepare('DELETE FROM application_document WHERE application_id = ? AND slot = ?'),
    clearDocument: db.prepare('DELETE FROM application_document WHERE application_id = ? AND document_id = ?'),
  };

  const get = oneById(stmts.one, rowToDocument, 'Document version');

  function assignments(): DocumentAssignment[] {
    return (stmts.assignments.all() as Row[]).map(rowToAssignment);
  }

  function requireApplications(ids: number[]): void {
    for (const id of ids) {
      if (stmts.appExists.get(id) === undefined) throw notFound('Application', id);
    }
  }

  return {
    list(): DocumentVersion[] {
      return (stmts.all.all() as Row[]).map(rowToDocument);
    },

    get,

    save(d: DocumentFields, now: Date): DocumentVersion {
      return inTransaction(db, () => {
        const params = { kind: d.kind, title: d.title, version_label: d.versionLabel, date: d.date, notes: d.notes, body: d.body, now: now.toISOString() };
        if (d.id === undefined) return get(Number(stmts.insert.run(params).lastInsertRowid));
        const before = get(d.id);
        if (slotOf(before.kind) !== slotOf(d.kind) && (stmts.holders.all(d.id) as Row[]).length > 0) {
          throw new AppError(
            'conflict',
            `This version is assigned as a ${DOCUMENT_SLOT_LABELS[slotOf(before.kind)].toLowerCase()}; it cannot become a ${DOCUMENT_SLOT_LABELS[slotOf(d.kind)].toLowerCase()}. Add a new version instead.`,
          );
        }
        stmts.update.run({ ...params, id: d.id });
        return get(d.id);
      });
    },

    /**
     * Removes a version. Applications not yet submitted lose it from their slot; if a
     * submitted application holds it, nothing is deleted: it is the record of what was sent.
     */
    delete(id: number): void {
      inTransaction(db, () => {
        get(id);
        const holders = stmts.holders.all(id) as { id: number; status: ApplicationStatus }[];
        const submitted = holders.filter((h) => isAssignmentLocked(h.status as ApplicationStatus)).length;
        if (submitted > 0) throw new AppError('conflict', `This version went with ${submitted} submitted application${submitted === 1 ? '' : 's'}; it stays as the record of what was sent.`);
        for (const h of holders) stmts.clearDocument.run(h.id, id);
        stmts.delete.run(id);
      });
    },

    assignments,

    /** Puts a version in its slot on each application (replacing the one there), all or none. */
    assign(applicationIds: number[], documentId: number, date: string): DocumentAssignment[] {
      return inTransaction(db, () => {
        const doc = get(documentId);
        const ids = [...new Set(applicationIds)];
        requireApplications(ids);
        for (const id of ids) stmts.put.run({ application_id: id, slot: slotOf(doc.kind), document_id: doc.id, date });
        return assignments();
      });
    },

    unassign(applicationIds: number[], slot: DocumentSlot): DocumentAssignment[] {
      return inTransaction(db, () => {
        const ids = [...new Set(applicationIds)];
        requireApplications(ids);
        for (const id of ids) stmts.clear.run(id, slot);
        return assignments();
      });
    },
  };
}

export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
