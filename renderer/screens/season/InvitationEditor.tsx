// Recording an interview invitation (docs/DOMAIN.md §8): when it arrived and the reply-by
// (in the program's zone), the dates offered with their slots, and the reply.
import { useState, type FormEvent } from 'react';
import { CANCELLED_BY, INVITATION_STATUSES, INVITATION_STATUS_LABELS, invitationSaveSchema, type CancelledBy, type Invitation, type InvitationStatus } from '../../../shared/domain/invitation';
import { INTERVIEW_PLATFORM_LABELS, localToInstant, type InterviewPlatform } from '../../../shared/domain/interview';
import { APPLICATION_STATUS_LABELS } from '../../../shared/domain/application';
import { INVITATION_MIN_REPLY_HOURS, replyWindowHours, formatHours } from '../../../shared/engine/invitations';
import type { StatusMove } from '../../../shared/api/pipeline-api';
import { FormModal } from '../../components/FormModal';
import { Field, SelectField } from '../../components/form';
import { fromApiError, validate, type FieldErrors } from '../../components/errors';
import { formatInZone, localToday } from '../../components/format';
import { useInvitationsStore } from '../../stores/invitations-store';
import { TimeZoneField } from '../applications/TimeZoneField';

interface Props {
  invitation?: Invitation;
  programName?: string;
  candidates: { applicationId: number; programName: string }[];
  defaultZone: string;
  onClose: () => void;
  onSaved: (text: string) => void;
}

interface OfferedDraft {
  start: string;
  slots: string;
}

export function describeInvitationMoves(name: string, moves: StatusMove[]): string {
  return moves.length === 0 ? `Saved the invitation from ${name}.` : `Saved the invitation from ${name}; the application moved to ${moves.map((m) => APPLICATION_STATUS_LABELS[m.to]).join(', then ')}.`;
}

export function InvitationEditor({ invitation, programName, candidates, defaultZone, onClose, onSaved }: Props) {
  const save = useInvitationsStore((s) => s.save);
  const [applicationId, setApplicationId] = useState(invitation?.applicationId ?? candidates[0]?.applicationId ?? 0);
  const [receivedAt, setReceivedAt] = useState(invitation?.receivedAt ?? '');
  const [replyBy, setReplyBy] = useState(invitation?.replyBy ?? '');
  const [timeZone, setTimeZone] = useState(invitation?.timeZone ?? defaultZone);
  const [offered, setOffered] = useState<OfferedDraft[]>(invitation?.offered.map((o) => ({ start: o.start, slots: o.slots === null ? '' : String(o.slots) })) ?? [{ start: '', slots: '' }]);
  const [status, setStatus] = useState<InvitationStatus>(invitation?.status ?? 'pending');
  const [chosenStart, setChosenStart] = useState(invitation?.chosenStart ?? '');
  const [waitlistPosition, setWaitlistPosition] = useState(invitation?.waitlistPosition === null || invitation?.waitlistPosition === undefined ? '' : String(invitation.waitlistPosition));
  const [cancelledOn, setCancelledOn] = useState(invitation?.cancelledOn ?? '');
  const [cancelledBy, setCancelledBy] = useState<CancelledBy>(invitation?.cancelledBy ?? 'me');
  const [platform, setPlatform] = useState<InterviewPlatform>(invitation?.platform ?? 'zoom');
  const [note, setNote] = useState(invitation?.note ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const starts = offered.map((o) => o.start).filter((s) => s !== '');
  const window = receivedAt && replyBy ? replyWindowHours({ receivedAt, replyBy, timeZone }) : null;
  const name = programName ?? candidates.find((c) => c.applicationId === applicationId)?.programName ?? 'this program';

  const setOfferedAt = (i: number, patch: Partial<OfferedDraft>) => setOffered((cur) => cur.map((o, j) => (j === i ? { ...o, ...patch } : o)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      ...(invitation ? { id: invitation.id } : {}),
      applicationId,
      receivedAt,
      replyBy: replyBy || null,
      timeZone,
      offered: offered.filter((o) => o.start !== '').map((o) => ({ start: o.start, slots: o.slots.trim() === '' ? null : Number(o.slots) })),
      status,
      chosenStart: status === 'accepted' || (status === 'cancelled' && chosenStart) ? chosenStart || null : null,
      waitlistPosition: status === 'waitlisted' && waitlistPosition.trim() !== '' ? Number(waitlistPosition) : null,
      cancelledOn: status === 'cancelled' ? cancelledOn || null : null,
      cancelledBy: status === 'cancelled' ? cancelledBy : null,
      platform,
      note,
      date: localToday(),
    };
    const checked = validate(invitationSaveSchema, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage('Nothing was saved: fix the fields marked below.');
      return;
    }
    setBusy(true);
    try {
      const r = await save(input);
      onSaved(describeInvitationMoves(name, r.moves));
    } catch (err) {
      const f = fromApiError(err);
      setErrors(f.errors);
      setMessage(`Nothing was saved. ${f.message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal title={invitation ? `Invitation: ${name}` : 'Record an invitation'} onClose={onClose} wide form="invitation-form" message={message} saveDisabled={busy || applicationId === 0} saveLabel="Save invitation">
      <form id="invitation-form" className="interview-form" onSubmit={(e) => void submit(e)}>
        {!invitation ? (
          <Field label="Program" name="applicationId" error={errors.applicationId}>
            {(id) => (
              <select id={id} value={applicationId} onChange={(e) => setApplicationId(Number(e.target.value))}>
                {candidates.map((c) => (
                  <option key={c.applicationId} value={c.applicationId}>
                    {c.programName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="grid cols-3">
          <Field label="Received at" name="receivedAt" error={errors.receivedAt}>
            {(id, d) => <input id={id} type="datetime-local" name="receivedAt" value={receivedAt} aria-describedby={d} aria-invalid={errors.receivedAt ? true : undefined} onChange={(e) => setReceivedAt(e.target.value)} />}
          </Field>
          <Field label="Reply by" name="replyBy" error={errors.replyBy} hint={window !== null && window < INVITATION_MIN_REPLY_HOURS ? undefined : `Match policy: at least ${INVITATION_MIN_REPLY_HOURS} hours to reply.`}>
            {(id, d) => <input id={id} type="datetime-local" name="replyBy" value={replyBy} aria-describedby={d} aria-invalid={errors.replyBy ? true : undefined} onChange={(e) => setReplyBy(e.target.value)} />}
          </Field>
          <TimeZoneField label="Time zone of these times" value={timeZone} error={errors.timeZone} onChange={setTimeZone} />
        </div>
        {window !== null && window < INVITATION_MIN_REPLY_HOURS ? (
          <p className="flag-text" role="status">
            Only {formatHours(window)} to reply: Match policy requires at least {INVITATION_MIN_REPLY_HOURS} hours.
          </p>
        ) : null}
        <fieldset>
          <legend>Dates offered</legend>
          {offered.map((o, i) => (
            <div className="offered-row" key={i}>
              <Field label={`Date and time ${i + 1}`} name={`offered.${i}.start`} error={errors[`offered.${i}.start`]}>
                {(id) => <input id={id} type="datetime-local" value={o.start} onChange={(e) => setOfferedAt(i, { start: e.target.value })} />}
              </Field>
              <Field label="Open slots" name={`offered.${i}.slots`} error={errors[`offered.${i}.slots`]}>
                {(id) => <input id={id} type="text" inputMode="numeric" className="num" value={o.slots} onChange={(e) => setOfferedAt(i, { slots: e.target.value })} />}
              </Field>
              <button type="button" className="ghost" aria-label={`Remove date ${i + 1}`} onClick={() => setOffered((cur) => cur.filter((_, j) => j !== i))}>
                Remove
              </button>
            </div>
          ))}
          {errors.offered ? <p className="error">{errors.offered}</p> : null}
          <button type="button" className="secondary" onClick={() => setOffered((cur) => [...cur, { start: '', slots: '' }])}>
            Add a date
          </button>
        </fieldset>
        <div className="grid cols-3">
          <Field label="Your reply" name="status" error={errors.status}>
            {(id) => (
              <select id={id} name="status" value={status} onChange={(e) => setStatus(e.target.value as InvitationStatus)}>
                {INVITATION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {INVITATION_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {status === 'accepted' || status === 'cancelled' ? (
            <Field label="Date accepted" name="chosenStart" error={errors.chosenStart}>
              {(id) => (
                <select id={id} name="chosenStart" value={chosenStart} onChange={(e) => setChosenStart(e.target.value)}>
                  <option value="">Choose a date</option>
                  {starts.map((s) => (
                    <option key={s} value={s}>
                      {shownStart(s, timeZone)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {status === 'waitlisted' ? (
            <Field label="Waitlist position" name="waitlistPosition" error={errors.waitlistPosition}>
              {(id) => <input id={id} type="text" inputMode="numeric" className="num" name="waitlistPosition" value={waitlistPosition} onChange={(e) => setWaitlistPosition(e.target.value)} />}
            </Field>
          ) : null}
          <SelectField<InterviewPlatform> label="Platform" name="platform" value={platform} options={INTERVIEW_PLATFORM_LABELS} onChange={setPlatform} />
        </div>
        {status === 'cancelled' ? (
          <div className="grid cols-3">
            <Field label="Cancelled on" name="cancelledOn" error={errors.cancelledOn} hint="About 1–2 weeks' notice is expected.">
              {(id, d) => <input id={id} type="date" name="cancelledOn" value={cancelledOn} aria-describedby={d} onChange={(e) => setCancelledOn(e.target.value)} />}
            </Field>
            <Field label="Cancelled by" name="cancelledBy" error={errors.cancelledBy}>
              {(id) => (
                <select id={id} name="cancelledBy" value={cancelledBy} onChange={(e) => setCancelledBy(e.target.value as CancelledBy)}>
                  {CANCELLED_BY.map((c) => (
                    <option key={c} value={c}>
                      {c === 'me' ? 'Me' : 'The program'}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        ) : null}
        <Field label="Note" name="note" error={errors.note}>
          {(id) => <textarea id={id} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </form>
    </FormModal>
  );
}

/** An offered start (wall-clock time in the invitation's zone) the user's way, or as typed when it is not a valid time there. */
function shownStart(local: string, zone: string): string {
  const at = localToInstant(local, zone);
  return at ? formatInZone(at, zone) : local.replace('T', ' ');
}
