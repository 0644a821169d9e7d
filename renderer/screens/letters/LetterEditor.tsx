import { letterInputSchema, type Letter } from '../../../shared/domain/letters';
import { useLettersStore } from '../../stores/letters-store';
import { FormModal, useFormDraft } from '../../components/FormModal';
import { TextAreaField, TextField } from '../../components/form';

/** A letter's label, Letter Writer Portal ID and notes (its stage is changed on the row). */
export function LetterEditor({ letter, title, onClose, onSaved }: { letter: Letter; title: string; onClose: () => void; onSaved: () => void }) {
  const { draft, set, errors, message, submit } = useFormDraft({ label: letter.label, portalLetterId: letter.portalLetterId, notes: letter.notes });
  const save = async () => {
    const payload = { id: letter.id, writerId: letter.writerId, ...draft };
    await submit(letterInputSchema, payload, async () => {
      await useLettersStore.getState().saveLetter(payload);
      onSaved();
    });
  };
  return (
    <FormModal title={`Edit ${title}`} onClose={onClose} onSave={() => void save()} message={message}>
      <div className="writer-editor">
        <TextField label="Label" name="label" value={draft.label} onChange={(v) => set('label', v)} error={errors.label} hint="Useful when a writer writes more than one letter, e.g. “Prelim-focused”." />
        <TextField label="Letter Writer Portal letter ID" name="portalLetterId" value={draft.portalLetterId} onChange={(v) => set('portalLetterId', v)} error={errors.portalLetterId} />
        <TextAreaField label="Notes" name="notes" rows={3} value={draft.notes} onChange={(v) => set('notes', v)} error={errors.notes} />
      </div>
    </FormModal>
  );
}
