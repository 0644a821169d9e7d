import { WRITER_LOCATION_LABELS, writerInputSchema, type LetterWriter } from '../../../shared/domain/letters';
import { useLettersStore } from '../../stores/letters-store';
import { FormModal, useFormDraft } from '../../components/FormModal';
import { CheckField, SelectField, TextAreaField, TextField } from '../../components/form';

type Draft = Omit<LetterWriter, 'id' | 'createdAt' | 'updatedAt'>;

function toDraft(w: LetterWriter | null): Draft {
  return {
    name: w?.name ?? '',
    title: w?.title ?? '',
    specialty: w?.specialty ?? '',
    institution: w?.institution ?? '',
    location: w?.location ?? 'us',
    isSurgeon: w?.isSurgeon ?? true,
    relationship: w?.relationship ?? '',
    email: w?.email ?? '',
    notes: w?.notes ?? '',
  };
}

/** Adds a writer (with a first letter, stage "to ask") or edits one. */
export function WriterEditor({ writer, onClose, onSaved }: { writer: LetterWriter | null; onClose: () => void; onSaved: (message: string) => void }) {
  const { draft, set, errors, message, busy, submit } = useFormDraft<Draft>(() => toDraft(writer));

  const onSave = async () => {
    const payload = writer ? { ...draft, id: writer.id } : draft;
    await submit(writerInputSchema, payload, async () => {
      const { saveWriter, saveLetter } = useLettersStore.getState();
      const saved = await saveWriter(payload);
      if (!writer) await saveLetter({ writerId: saved.id });
      onSaved(writer ? `Saved ${saved.name}.` : `Added ${saved.name} with a letter to ask for.`);
    });
  };

  return (
    <FormModal wide title={writer ? `Edit ${writer.name}` : 'Add letter writer'} onClose={onClose} onSave={() => void onSave()} message={message} busy={busy}>
      <div className="writer-editor">
        <div className="grid cols-3">
          <TextField label="Name" name="name" value={draft.name} onChange={(v) => set('name', v)} error={errors.name} placeholder="Dr. Jane Smith" />
          <TextField label="Title" name="title" value={draft.title} onChange={(v) => set('title', v)} error={errors.title} placeholder="Associate Professor of Surgery" />
          <TextField label="Specialty" name="specialty" value={draft.specialty} onChange={(v) => set('specialty', v)} error={errors.specialty} placeholder="General Surgery" />
          <TextField label="Institution" name="institution" value={draft.institution} onChange={(v) => set('institution', v)} error={errors.institution} />
          <SelectField label="Where" name="location" value={draft.location} onChange={(v) => set('location', v)} options={WRITER_LOCATION_LABELS} error={errors.location} />
          <TextField label="Email" name="email" type="email" value={draft.email} onChange={(v) => set('email', v)} error={errors.email} />
        </div>
        <CheckField label="Surgeon" name="isSurgeon" checked={draft.isSurgeon} onChange={(v) => set('isSurgeon', v)} hint="Aim for at least 2 letters from US surgeons who saw your clinical work." />
        <TextField
          label="How they know you"
          name="relationship"
          value={draft.relationship}
          onChange={(v) => set('relationship', v)}
          error={errors.relationship}
          placeholder="4-week sub-internship; saw me on call and in clinic"
        />
        <TextAreaField label="Notes" name="notes" rows={2} value={draft.notes} onChange={(v) => set('notes', v)} error={errors.notes} />
      </div>
    </FormModal>
  );
}
