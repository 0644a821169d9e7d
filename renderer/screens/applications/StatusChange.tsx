// Changing the status of one or many applications: the new status, the day it happened
// (today unless the user says otherwise) and an optional note, kept in each history.
import { useState, type FormEvent } from 'react';
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, isBackwardMove, type ApplicationStatus } from '../../../shared/domain/application';
import { applicationStatusChangeSchema } from '../../../shared/domain/application';
import { Modal } from '../../components/Modal';
import { fromApiError, validate, type FieldErrors } from '../../components/errors';
import { usePipelineStore } from '../../stores/pipeline-store';
import { localToday } from '../../components/format';

interface FormProps {
  ids: number[];
  /** Fixed target (a board drop) or chosen here (undefined). */
  status?: ApplicationStatus;
  initialStatus?: ApplicationStatus;
  submitLabel: string;
  onDone: (status: ApplicationStatus) => void;
  onCancel?: () => void;
  compact?: boolean;
}

export function StatusChangeForm({ ids, status: fixed, initialStatus, submitLabel, onDone, onCancel, compact }: FormProps) {
  const setStatus = usePipelineStore((s) => s.setStatus);
  const [status, setStatusValue] = useState<ApplicationStatus>(fixed ?? initialStatus ?? 'submitted');
  const [date, setDate] = useState(localToday());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmBack, setConfirmBack] = useState(false);
  const applications = usePipelineStore((s) => s.applications);
  // Going back along the pipeline is a correction: say which ones and ask once before moving.
  const goingBack = applications.filter((a) => ids.includes(a.id) && isBackwardMove(a.status, status));
  // The Main Match gives one position: the other ranked applications close with it.
  const otherRanked = status === 'matched' ? applications.filter((a) => a.status === 'ranked' && !ids.includes(a.id)).length : 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (goingBack.length > 0 && !confirmBack) {
      setConfirmBack(true);
      return;
    }
    const checked = validate(applicationStatusChangeSchema, { ids, status, date, note });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      await setStatus(ids, status, date, note);
      setErrors({});
      setMessage(null);
      onDone(status);
    } catch (err) {
      const r = fromApiError(err);
      setErrors(r.errors);
      setMessage(r.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={`status-change${compact ? ' compact' : ''}`} onSubmit={(e) => void submit(e)} aria-label="Change status">
      {fixed === undefined ? (
        <label className="field">
          <span>New status</span>
          <select name="status" value={status} onChange={(e) => { setStatusValue(e.target.value as ApplicationStatus); setConfirmBack(false); }}>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {APPLICATION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className={`field${errors.date ? ' has-error' : ''}`}>
        <span>Date of the change</span>
        <input type="date" name="date" value={date} max={localToday()} onChange={(e) => setDate(e.target.value)} aria-invalid={errors.date ? true : undefined} />
        {errors.date ? <span className="error">{errors.date}</span> : null}
      </label>
      <label className={`field grow${errors.note ? ' has-error' : ''}`}>
        <span>Note (optional)</span>
        <input type="text" name="note" value={note} placeholder="e.g. Invitation via Thalamus" onChange={(e) => setNote(e.target.value)} />
        {errors.note ? <span className="error">{errors.note}</span> : null}
      </label>
      <div className="status-change-buttons">
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {confirmBack && goingBack.length > 0 ? 'Yes, move back' : submitLabel}
        </button>
      </div>
      {otherRanked > 0 ? (
        <p className="muted small">
          The Main Match gives one position: the other {otherRanked === 1 ? 'ranked program becomes' : `${otherRanked} ranked programs become`} Not matched with this one.
        </p>
      ) : null}
      {confirmBack && goingBack.length > 0 ? (
        <p className="warn" role="alert">
          This moves {goingBack.length === 1 ? 'an application' : `${goingBack.length} applications`} back ({[...new Set(goingBack.map((a) => APPLICATION_STATUS_LABELS[a.status]))].join(', ')} → {APPLICATION_STATUS_LABELS[status]}): do it only to correct the record. The history keeps both steps. Press “Yes, move back” to go ahead.
        </p>
      ) : null}
      {message ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : null}
    </form>
  );
}

/** The dialog a board drop opens: the move is only made once the date is confirmed. */
export function StatusChangeDialog({ ids, names, status, onClose }: { ids: number[]; names: string[]; status: ApplicationStatus; onClose: (moved: boolean) => void }) {
  return (
    <Modal title={`Move to ${APPLICATION_STATUS_LABELS[status]}`} onClose={() => onClose(false)} trackEdits>
      <p className="muted status-change-what">{names.length === 1 ? names[0] : `${names.length} applications`}</p>
      <StatusChangeForm ids={ids} status={status} submitLabel={`Move to ${APPLICATION_STATUS_LABELS[status]}`} onDone={() => onClose(true)} onCancel={() => onClose(false)} />
    </Modal>
  );
}
