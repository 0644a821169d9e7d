import { useState } from 'react';
import { letterInputSchema, type Letter } from '../../../shared/domain/letters';
import { api } from '../../api/client';
import { Modal } from '../../components/Modal';
import { TextField } from '../../components/form';
import { fromApiError, validate, type FieldErrors } from '../../components/errors';

/** A letter's label, LoR portal ID and notes (its stage is changed on the row). */
export function LetterEditor({ letter, title, onClose, onSaved }: { letter: Letter; title: string; onClose: () => void; onSaved: () => void }) {
  const [draft, setDraft] = useState({ label: letter.label, portalLetterId: letter.portalLetterId, notes: letter.notes });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = <K extends keyof typeof draft>(k: K, v: string) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };
  const save = async () => {
    const payload = { id: letter.id, writerId: letter.writerId, ...draft };
    const checked = validate(letterInputSchema, payload);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage('Nothing was saved: fix the highlighted fields.');
      return;
    }
    try {
      await api('letters.save', payload);
      onSaved();
    } catch (err) {
      const { errors: apiErrors, message: apiMessage } = fromApiError(err);
      setErrors(apiErrors);
      setMessage(`Nothing was saved. ${apiMessage}`);
    }
  };
  return (
    <Modal
      title={`Edit ${title}`}
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
      <div className="writer-editor">
        <TextField label="Label" name="label" value={draft.label} onChange={(v) => set('label', v)} error={errors.label} hint="Useful when a writer writes more than one letter, e.g. “Prelim-focused”." />
        <TextField label="LoR portal letter ID" name="portalLetterId" value={draft.portalLetterId} onChange={(v) => set('portalLetterId', v)} error={errors.portalLetterId} />
        <label className="textarea-label">
          Notes
          <textarea name="notes" rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
        </label>
        {errors.notes ? <p className="error">{errors.notes}</p> : null}
      </div>
    </Modal>
  );
}
