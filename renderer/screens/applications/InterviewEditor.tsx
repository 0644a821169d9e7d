// Recording an interview: the invitation (received, reply by), the time as the program
// gave it (local date-time + its IANA zone), the platform, and afterwards whether it is
// done, the applicant's impressions and a score. Shows the time in the user's own zone.
import { useState, type FormEvent } from 'react';
import { APPLICATION_STATUS_LABELS } from '../../../shared/domain/application';
import { INTERVIEW_DURATION_DEFAULT, INTERVIEW_PLATFORM_LABELS, interviewSaveSchema, localToInstant, type Interview, type InterviewPlatform } from '../../../shared/domain/interview';
import type { ApplicationOverview, StatusMove } from '../../../shared/api/pipeline-api';
import { formatInZone } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { Field, SelectField } from '../../components/form';
import { fromApiError, validate, type FieldErrors } from '../../components/errors';
import { usePipelineStore } from '../../stores/pipeline-store';
import { appName, userTimeZone } from './pipeline-format';
import { TimeZoneField } from './TimeZoneField';
import { localToday } from '../../components/format';

interface Props {
  /** The application it belongs to; when absent, the user chooses among `choices`. */
  application?: ApplicationOverview;
  choices?: ApplicationOverview[];
  interview?: Interview;
  onClose: () => void;
  onSaved: (moves: StatusMove[]) => void;
}

export function describeMoves(moves: StatusMove[]): string {
  if (moves.length === 0) return 'Saved.';
  return `Saved; the application moved to ${moves.map((m) => APPLICATION_STATUS_LABELS[m.to]).join(', then ')}.`;
}

export function InterviewEditor({ application, choices = [], interview, onClose, onSaved }: Props) {
  const [applicationId, setApplicationId] = useState<number>(application?.id ?? interview?.applicationId ?? choices[0]?.id ?? 0);
  const [invitedOn, setInvitedOn] = useState(interview ? interview.invitedOn ?? '' : localToday());
  const [respondBy, setRespondBy] = useState(interview?.respondBy ?? '');
  const [localStart, setLocalStart] = useState(interview?.localStart ?? '');
  const [timeZone, setTimeZone] = useState(interview?.timeZone ?? 'America/New_York');
  const [duration, setDuration] = useState(String(interview?.durationMinutes ?? INTERVIEW_DURATION_DEFAULT));
  const [platform, setPlatform] = useState<InterviewPlatform>(interview?.platform ?? 'zoom');
  const [location, setLocation] = useState(interview?.location ?? '');
  const [completed, setCompleted] = useState(interview?.completed ?? false);
  const [impressions, setImpressions] = useState(interview?.impressions ?? '');
  const [score, setScore] = useState(interview?.score === null || interview?.score === undefined ? '' : String(interview.score));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const myZone = userTimeZone();
  const instant = localStart && timeZone ? localToInstant(localStart, timeZone) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      ...(interview ? { id: interview.id } : {}),
      applicationId,
      invitedOn: invitedOn || null,
      respondBy: respondBy || null,
      localStart: localStart || null,
      timeZone: localStart ? timeZone : null,
      durationMinutes: duration.trim() === '' ? NaN : Number(duration),
      platform,
      location,
      completed,
      impressions,
      score: score === '' ? null : Number(score),
      date: localToday(),
    };
    const checked = validate(interviewSaveSchema, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage('Please fix the fields marked below.');
      return;
    }
    setBusy(true);
    try {
      onSaved(await usePipelineStore.getState().saveInterview(input));
    } catch (err) {
      const f = fromApiError(err);
      setErrors(f.errors);
      setMessage(f.message);
    } finally {
      setBusy(false);
    }
  };

  const title = interview ? 'Edit interview' : 'Record an interview';
  const current = application ?? choices.find((c) => c.id === applicationId);
  return (
    <FormModal title={current ? `${title}: ${appName(current)}` : title} onClose={onClose} wide form="interview-form" message={message} saveDisabled={busy || applicationId === 0} saveLabel="Save interview">
      <form id="interview-form" className="interview-form" onSubmit={(e) => void submit(e)}>
        {!application && !interview ? (
          <Field label="Application" name="applicationId" error={errors.applicationId}>
            {(id) => (
              <select id={id} value={applicationId} onChange={(e) => setApplicationId(Number(e.target.value))}>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {appName(c)} — {APPLICATION_STATUS_LABELS[c.status]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <fieldset>
          <legend>Invitation</legend>
          <div className="grid cols-3">
            <DateInput label="Invitation received" name="invitedOn" value={invitedOn} onChange={setInvitedOn} error={errors.invitedOn} />
            <DateInput label="Reply by" name="respondBy" value={respondBy} onChange={setRespondBy} error={errors.respondBy} hint="Interview slots go fast: answer within a day or two." />
          </div>
        </fieldset>
        <fieldset>
          <legend>Date and time</legend>
          <div className="grid cols-3">
            <Field label="Date and time (as the program gave it)" name="localStart" error={errors.localStart}>
              {(id, d) => <input id={id} type="datetime-local" name="localStart" value={localStart} aria-describedby={d} aria-invalid={errors.localStart ? true : undefined} onChange={(e) => setLocalStart(e.target.value)} />}
            </Field>
            <TimeZoneField label="Time zone of that time" value={timeZone} error={errors.timeZone} onChange={setTimeZone} />
            <Field label="Length (minutes)" name="durationMinutes" error={errors.durationMinutes}>
              {(id, d) => <input id={id} type="text" inputMode="numeric" className="num" name="durationMinutes" value={duration} aria-describedby={d} onChange={(e) => setDuration(e.target.value)} />}
            </Field>
          </div>
          <p className="hint tz-preview" aria-live="polite">
            {instant
              ? timeZone === myZone
                ? `${formatInZone(instant, timeZone)} (your time zone too).`
                : `${formatInZone(instant, timeZone)} there = ${formatInZone(instant, myZone)} for you (${myZone.replace(/_/g, ' ')}).`
              : localStart
                ? 'That time does not exist in this zone (clocks jump forward).'
                : 'Leave empty until the date is set; the application moves to “Interview scheduled” when you enter it.'}
          </p>
          <div className="grid cols-3">
            <SelectField<InterviewPlatform> label="Platform" name="platform" value={platform} options={INTERVIEW_PLATFORM_LABELS} onChange={setPlatform} />
            <Field label="Link, address or dial-in" name="location" error={errors.location} className="span-2">
              {(id) => <input id={id} type="text" name="location" value={location} onChange={(e) => setLocation(e.target.value)} />}
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>Afterwards</legend>
          <label className="inline-check">
            <input type="checkbox" name="completed" checked={completed} onChange={(e) => {
              setCompleted(e.target.checked);
              if (!e.target.checked) setScore('');
            }} /> Interview done
          </label>
          {errors.completed ? <p className="error">{errors.completed}</p> : null}
          <div className="grid cols-3">
            <Field label="Your score of the program (1–10)" name="score" error={errors.score}>
              {(id) => (
                <select id={id} name="score" value={score} disabled={!completed} onChange={(e) => setScore(e.target.value)}>
                  <option value="">Not scored</option>
                  {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Impressions" name="impressions" error={errors.impressions} className="span-2">
              {(id) => <textarea id={id} name="impressions" rows={3} value={impressions} placeholder="Residents, operative volume, call, how prelims are treated, fit…" onChange={(e) => setImpressions(e.target.value)} />}
            </Field>
          </div>
        </fieldset>
      </form>
    </FormModal>
  );
}

function DateInput({ label, name, value, onChange, error, hint }: { label: string; name: string; value: string; onChange: (v: string) => void; error?: string | undefined; hint?: string }) {
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      {(id, d) => <input id={id} type="date" name={name} value={value} aria-describedby={d} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
