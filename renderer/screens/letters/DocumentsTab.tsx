import { useMemo, useState } from 'react';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, documentInputSchema, slotOf, type DocumentKind, type DocumentVersion } from '../../../shared/domain/documents';
import { isAssignmentLocked } from '../../../shared/engine/letters';
import { api, errorMessage } from '../../api/client';
import { ConfirmDialog, Modal } from '../../components/Modal';
import { SelectField, TextField } from '../../components/form';
import { fromApiError, validate, type FieldErrors } from '../../components/errors';
import { plural } from '../../components/format';
import { localToday, useLettersStore } from '../../stores/letters-store';

export function DocumentsTab() {
  const { documents, documentAssignments, applications, load } = useLettersStore();
  const [editing, setEditing] = useState<DocumentVersion | DocumentKind | null>(null);
  const [deleting, setDeleting] = useState<DocumentVersion | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const uses = useMemo(() => {
    const m = new Map<number, number>();
    for (const a of documentAssignments) m.set(a.documentId, (m.get(a.documentId) ?? 0) + 1);
    return m;
  }, [documentAssignments]);
  const openApps = applications.filter((a) => !isAssignmentLocked(a.status));

  const run = async (what: () => Promise<unknown>, ok: string) => {
    try {
      await what();
      await load();
      setNotice({ kind: 'ok', text: ok });
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  const assignWhereNone = (d: DocumentVersion) => {
    const slot = slotOf(d.kind);
    const ids = openApps.filter((a) => !documentAssignments.some((x) => x.applicationId === a.id && x.slot === slot)).map((a) => a.id);
    if (ids.length === 0) {
      setNotice({ kind: 'ok', text: 'Every application not yet submitted already has one in that place; change single ones in the Assignments tab.' });
      return;
    }
    void run(() => api('documents.assign', { applicationIds: ids, documentId: d.id, date: localToday() }), `“${d.title}” now goes with ${plural(ids.length, 'more application')}.`);
  };

  return (
    <div className="documents-tab">
      <p className="muted">
        Keep each version of your personal statements (one tailored to surgery, one to the prelim track), your CV and your ERAS “Additional information”. Say which version
        went with which application in the Assignments tab.
      </p>
      {notice ? (
        <div className={`banner ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="ghost" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
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
                          {d.date} · {uses.get(d.id) ? `with ${plural(uses.get(d.id)!, 'application')}` : 'not used yet'}
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
            setNotice({ kind: 'ok', text: `Saved “${title}”.` });
            void load();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${deleting.title}”?`}
          message="Applications not yet submitted lose this version. A version that went with a submitted application is kept: it is the record of what was sent."
          confirmLabel="Delete"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const d = deleting;
            setDeleting(null);
            void run(() => api('documents.delete', { id: d.id }), `Deleted “${d.title}”.`);
          }}
        />
      ) : null}
    </div>
  );
}

function DocumentEditor({ document: doc, kind, onClose, onSaved }: { document: DocumentVersion | null; kind: DocumentKind; onClose: () => void; onSaved: (title: string) => void }) {
  const [draft, setDraft] = useState({
    kind: doc?.kind ?? kind,
    title: doc?.title ?? DOCUMENT_KIND_LABELS[kind],
    versionLabel: doc?.versionLabel ?? '',
    date: doc?.date ?? localToday(),
    notes: doc?.notes ?? '',
    body: doc?.body ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = <K extends keyof typeof draft>(k: K, v: (typeof draft)[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  const save = async () => {
    const payload = doc ? { ...draft, id: doc.id } : draft;
    const checked = validate(documentInputSchema, payload);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage('Nothing was saved: fix the highlighted fields.');
      return;
    }
    try {
      const saved = await api('documents.save', payload);
      onSaved(saved.title);
    } catch (err) {
      const { errors: apiErrors, message: apiMessage } = fromApiError(err);
      setErrors(apiErrors);
      setMessage(`Nothing was saved. ${apiMessage}`);
    }
  };

  return (
    <Modal
      wide
      title={doc ? `Edit “${doc.title}”` : `Add a version: ${DOCUMENT_KIND_LABELS[kind]}`}
      onClose={onClose}
      footer={
        <>
          {message ? (
            <p className="error footer-message" role="alert">
              {message}
            </p>
          ) : null}
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => void save()}>
            Save
          </button>
        </>
      }
    >
      <div className="document-editor">
        <div className="grid cols-4">
          <SelectField label="Kind" name="kind" value={draft.kind} onChange={(v) => set('kind', v)} options={DOCUMENT_KIND_LABELS} error={errors.kind} />
          <TextField label="Title" name="title" value={draft.title} onChange={(v) => set('title', v)} error={errors.title} />
          <TextField label="Version" name="versionLabel" value={draft.versionLabel} onChange={(v) => set('versionLabel', v)} error={errors.versionLabel} placeholder="v3" />
          <TextField label="Date" name="date" type="date" value={draft.date} onChange={(v) => set('date', v)} error={errors.date} />
        </div>
        <TextField label="Notes" name="notes" value={draft.notes} onChange={(v) => set('notes', v)} error={errors.notes} placeholder="What changed in this version" />
        <label className="textarea-label">
          The text (optional)
          <textarea name="body" rows={10} value={draft.body} onChange={(e) => set('body', e.target.value)} aria-invalid={errors.body ? true : undefined} />
        </label>
        {errors.body ? <p className="error">{errors.body}</p> : <p className="hint">{draft.body.length.toLocaleString()} characters</p>}
      </div>
    </Modal>
  );
}
