import { useMemo, useState } from 'react';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, documentInputSchema, slotOf, type DocumentKind, type DocumentVersion } from '../../../shared/domain/documents';
import { isAssignmentLocked } from '../../../shared/engine/letters';
import { ConfirmItem } from '../../components/Modal';
import { FormModal, useFormDraft } from '../../components/FormModal';
import { NoticeBanner, useNoticeAction } from '../../components/Notice';
import { SelectField, TextAreaField, TextField } from '../../components/form';
import { formatDate, localToday, plural } from '../../components/format';
import { useLettersStore } from '../../stores/letters-store';

export function DocumentsTab() {
  const { documents, documentAssignments, applications, assignDocument, deleteDocument } = useLettersStore();
  const [editing, setEditing] = useState<DocumentVersion | DocumentKind | null>(null);
  const [deleting, setDeleting] = useState<DocumentVersion | null>(null);
  const { notice, setNotice, run, saved } = useNoticeAction();

  const uses = useMemo(() => {
    const m = new Map<number, number>();
    for (const a of documentAssignments) m.set(a.documentId, (m.get(a.documentId) ?? 0) + 1);
    return m;
  }, [documentAssignments]);
  const openApps = applications.filter((a) => !isAssignmentLocked(a.status));

  const assignWhereNone = (d: DocumentVersion) => {
    const slot = slotOf(d.kind);
    const ids = openApps.filter((a) => !documentAssignments.some((x) => x.applicationId === a.id && x.slot === slot)).map((a) => a.id);
    if (ids.length === 0) {
      setNotice({ kind: 'ok', text: 'Every application not yet submitted already has one in that place; change single ones in the Assignments tab.' });
      return;
    }
    void run(() => assignDocument(ids, d.id, localToday()), `“${d.title}” now goes with ${plural(ids.length, 'more application')}.`);
  };

  return (
    <div className="documents-tab">
      <p className="muted">
        Keep each version of your personal statements (one tailored to surgery, one to the prelim track), your CV and your ERAS “Additional information”. Say which version
        went with which application in the Assignments tab.
      </p>
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />
      <div className="doc-groups">
        {DOCUMENT_KINDS.map((kind) => {
          const versions = documents.filter((d) => d.kind === kind);
          return (
            <section key={kind} className="card doc-group" aria-labelledby={`doc-${kind}`}>
              <div className="card-title-row">
                <h2 id={`doc-${kind}`}>{DOCUMENT_KIND_LABELS[kind]}</h2>
                <button type="button" className="ghost" onClick={() => setEditing(kind)}>
                  <Plus size={15} aria-hidden /> Add version
                </button>
              </div>
              {versions.length === 0 ? (
                <p className="muted">No version yet.</p>
              ) : (
                <ul className="doc-list">
                  {versions.map((d) => (
                    <li key={d.id} className="doc" data-document={d.title}>
                      <div>
                        <strong>{d.title}</strong> {d.versionLabel ? <span className="badge">{d.versionLabel}</span> : null}
                        <p className="muted">
                          {formatDate(d.date)} · {uses.get(d.id) ? `with ${plural(uses.get(d.id)!, 'application')}` : 'not used yet'}
                          {d.body ? ` · ${d.body.length.toLocaleString()} characters` : ''}
                          {d.notes ? ` · ${d.notes}` : ''}
                        </p>
                      </div>
                      <div className="row-actions">
                        {openApps.length > 0 ? (
                          <button type="button" className="ghost" onClick={() => assignWhereNone(d)}>
                            Use where none
                          </button>
                        ) : null}
                        <button type="button" className="icon" aria-label={`Edit ${d.title}`} onClick={() => setEditing(d)}>
                          <Pencil size={15} aria-hidden />
                        </button>
                        <button type="button" className="icon danger" aria-label={`Delete ${d.title}`} onClick={() => setDeleting(d)}>
                          <Trash2 size={15} aria-hidden />
                        </button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {editing !== null ? (
        <DocumentEditor
          document={typeof editing === 'string' ? null : editing}
          kind={typeof editing === 'string' ? editing : editing.kind}
          onClose={() => setEditing(null)}
          onSaved={(title) => {
            setEditing(null);
            saved(`Saved “${title}”.`);
          }}
        />
      ) : null}
      <ConfirmItem
        item={deleting}
        title={(d) => `Delete “${d.title}”?`}
        message={() => 'Applications not yet submitted lose this version. A version that went with a submitted application is kept: it is the record of what was sent.'}
        onClose={() => setDeleting(null)}
        onConfirm={(d) => void run(() => deleteDocument(d.id), `Deleted “${d.title}”.`)}
      />
    </div>
  );
}

function DocumentEditor({ document: doc, kind, onClose, onSaved }: { document: DocumentVersion | null; kind: DocumentKind; onClose: () => void; onSaved: (title: string) => void }) {
  const { draft, set, errors, message, submit } = useFormDraft({
    kind: doc?.kind ?? kind,
    title: doc?.title ?? DOCUMENT_KIND_LABELS[kind],
    versionLabel: doc?.versionLabel ?? '',
    date: doc?.date ?? localToday(),
    notes: doc?.notes ?? '',
    body: doc?.body ?? '',
  });

  const save = async () => {
    const payload = doc ? { ...draft, id: doc.id } : draft;
    await submit(documentInputSchema, payload, async () => {
      const stored = await useLettersStore.getState().saveDocument(payload);
      onSaved(stored.title);
    });
  };

  return (
    <FormModal wide title={doc ? `Edit “${doc.title}”` : `Add a version: ${DOCUMENT_KIND_LABELS[kind]}`} onClose={onClose} onSave={() => void save()} message={message}>
      <div className="document-editor">
        <div className="grid cols-4">
          <SelectField label="Kind" name="kind" value={draft.kind} onChange={(v) => set('kind', v)} options={DOCUMENT_KIND_LABELS} error={errors.kind} />
          <TextField label="Title" name="title" value={draft.title} onChange={(v) => set('title', v)} error={errors.title} />
          <TextField label="Version" name="versionLabel" value={draft.versionLabel} onChange={(v) => set('versionLabel', v)} error={errors.versionLabel} placeholder="v3" />
          <TextField label="Date" name="date" type="date" value={draft.date} onChange={(v) => set('date', v)} error={errors.date} />
        </div>
        <TextField label="Notes" name="notes" value={draft.notes} onChange={(v) => set('notes', v)} error={errors.notes} placeholder="What changed in this version" />
        <TextAreaField label="The text (optional)" name="body" rows={10} value={draft.body} onChange={(v) => set('body', v)} error={errors.body} hint={`${draft.body.length.toLocaleString()} characters`} />
      </div>
    </FormModal>
  );
}
