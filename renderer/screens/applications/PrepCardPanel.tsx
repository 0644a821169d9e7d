// The answer to "your scores are low" (seed): Ownership, Reflection, Evidence of
// improvement, Reassurance. One card per applicant, saved.
import { useState } from 'react';
import { PREP_CARD_FIELDS, PREP_CARD_GUIDANCE, prepCardSaveSchema, type PrepCard, type PrepCardField } from '../../../shared/domain/interview';
import { errorMessage } from '../../api/client';
import { usePrepCardStore } from '../../stores/prep-card-store';
import { useWatch } from '../../stores/live';
import { validate, type FieldErrors } from '../../components/errors';
import { useLeaveGuard } from '../../stores/route-store';

type Draft = Record<PrepCardField, string>;

const toDraft = (c: PrepCard): Draft => ({ ownership: c.ownership, reflection: c.reflection, evidence: c.evidence, reassurance: c.reassurance });

export function PrepCardPanel() {
  const { card: stored, loadError, save: saveCard } = usePrepCardStore();
  useWatch(usePrepCardStore);
  const [draft, setDraft] = useState<Draft>({ ownership: '', reflection: '', evidence: '', reassurance: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // The stored card the draft started from: when it changes (saved here or in another
  // window), the draft follows it unless the user has unsaved edits.
  const [saved, setSaved] = useState<PrepCard | null>(null);
  if (stored && stored !== saved) {
    setSaved(stored);
    if (saved === null || PREP_CARD_FIELDS.every((f) => draft[f] === saved[f])) setDraft(toDraft(stored));
  }

  const dirty = saved !== null && PREP_CARD_FIELDS.some((f) => draft[f] !== saved[f]);
  useLeaveGuard(dirty, 'Your interview prep card has changes you have not saved. Leave this screen without saving them?');
  const save = async () => {
    const checked = validate(prepCardSaveSchema, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      setDraft(toDraft(await saveCard(draft)));
      setErrors({});
      setMessage({ kind: 'ok', text: 'Prep card saved.' });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const shown = message ?? (loadError ? { kind: 'error' as const, text: loadError } : null);
  return (
    <div className="prep-card card">
      <div className="card-title-row">
        <div>
          <h2>“I see your Step scores are a bit lower than average for surgery. Can you tell me about that?”</h2>
          <p className="muted">Expect some version of this question. Answer in four parts, in your own words; practise it aloud until it takes about a minute.</p>
        </div>
        <div className="row-buttons">
          {shown ? (
            <span className={`save-status ${shown.kind}`} role="status">
              {shown.text}
            </span>
          ) : null}
          <button type="button" className="primary" disabled={!dirty} onClick={() => void save()}>
            Save card
          </button>
        </div>
      </div>
      <div className="prep-fields">
        {PREP_CARD_FIELDS.map((f) => {
          const g = PREP_CARD_GUIDANCE[f];
          return (
            <div key={f} className={`field prep-field${errors[f] ? ' has-error' : ''}`} data-field={f}>
              <label htmlFor={`prep-${f}`}>
                <strong>{g.label}</strong> <span className="muted">— {g.guidance}</span>
              </label>
              <textarea id={`prep-${f}`} name={f} rows={4} value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} aria-describedby={`prep-${f}-example`} />
              {errors[f] ? <p className="error">{errors[f]}</p> : null}
              <details id={`prep-${f}-example`}>
                <summary>Example from the guide</summary>
                <p className="muted">{g.example}</p>
              </details>
            </div>
          );
        })}
      </div>
    </div>
  );
}
