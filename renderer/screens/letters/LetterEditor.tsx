import { LETTER_REQUEST_LABELS, letterInputSchema, type Letter } from '../../../shared/domain/letters';
import { useLettersStore } from '../../stores/letters-store';
import { FormModal, useFormDraft } from '../../components/FormModal';
import { SelectField, TextAreaField, TextField } from '../../components/form';

/** A letter's label, what it was requested for in MyERAS, Letter Writer Portal ID and notes (its stage is changed on the row). */
export function LetterEditor({ letter, title, onClose, onSaved }: { letter: Letter; title: string; onClose: () => void; onSaved: () => void }) {
  const { draft, set, errors, message, submit } = useFormDraft({ label: letter.label, requestedFor: letter.requestedFor, portalLetterId: letter.portalLetterId, notes: letter.notes });
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
        <SelectField
          label="Requested in MyERAS for"
          name="requestedFor"
          value={draft.requestedFor}
          onChange={(v) => set('requestedFor', v)}
          options={LETTER_REQUEST_LABELS}
          error={errors.requestedFor}
          hint="“General”: a narrative letter you may send to one or more specialties (AAMC, 2027 cycle), e.g. surgery and a parallel plan."
        />
        <TextField label="Letter Writer Portal letter ID" name="portalLetterId" value={draft.portalLetterId} onChange={(v) => set('portalLetterId', v)} error={errors.portalLetterId} />
        <TextAreaField label="Notes" name="notes" rows={3} value={draft.notes} onChange={(v) => set('notes', v)} error={errors.notes} />
      </div>
    </FormModal>
  );
}
