import { TEMPLATE_PURPOSE_LABELS, templateInputSchema, type MessageTemplate, type TemplatePurpose } from '../../../shared/domain/communications';
import { PLACEHOLDERS } from '../../../shared/engine/message-templates';
import { useMessagesStore } from '../../stores/messages-store';
import { FormModal, useFormDraft } from '../../components/FormModal';
import { SelectField, TextAreaField, TextField } from '../../components/form';

export function TemplateEditor({ template, onClose, onSaved }: { template: MessageTemplate | null; onClose: () => void; onSaved: (name: string) => void }) {
  const { draft, set, errors, message, submit } = useFormDraft({
    name: template?.name ?? '',
    purpose: template?.purpose ?? ('other' as TemplatePurpose),
    subject: template?.subject ?? '',
    body: template?.body ?? '',
  });

  const save = async () => {
    const payload = template ? { ...draft, id: template.id } : draft;
    await submit(templateInputSchema, payload, async () => {
      const saved = await useMessagesStore.getState().saveTemplate(payload);
      onSaved(saved.name);
    });
  };

  return (
    <FormModal wide title={template ? `Edit “${template.name}”` : 'New template'} onClose={onClose} onSave={() => void save()} message={message}>
      <div className="template-editor">
        <div className="template-fields">
          <div className="grid cols-2">
            <TextField label="Name" name="name" value={draft.name} onChange={(v) => set('name', v)} error={errors.name} />
            <SelectField label="For" name="purpose" value={draft.purpose} onChange={(v) => set('purpose', v)} options={TEMPLATE_PURPOSE_LABELS} error={errors.purpose} />
          </div>
          <TextField label="Subject" name="subject" value={draft.subject} onChange={(v) => set('subject', v)} error={errors.subject} />
          <TextAreaField label="Message" name="body" rows={14} value={draft.body} onChange={(v) => set('body', v)} error={errors.body} hint="Text in [square brackets] is flagged as still to write for each program." />
        </div>
        <aside className="placeholder-help" aria-label="Placeholders">
          <h3>Placeholders</h3>
          <dl>
            {Object.entries(PLACEHOLDERS).map(([k, v]) => (
              <div key={k}>
                <dt>
                  <code>{`{{${k}}}`}</code>
                </dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
    </FormModal>
  );
}
