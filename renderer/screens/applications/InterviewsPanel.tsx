// Every interview in time order: invitations waiting for a reply (with the reply-by day),
// scheduled ones shown in the interview's zone and the user's, conflicts between them, and
// the impressions and score of the ones done.
import { useMemo, useState } from 'react';
import { AlertTriangle, CalendarPlus, Pencil, Trash2 } from 'lucide-react';
import { CLOSED_STATUSES } from '../../../shared/domain/application';
import { INTERVIEW_PLATFORM_LABELS, localToInstant, type Interview } from '../../../shared/domain/interview';
import type { ApplicationOverview, StatusMove } from '../../../shared/api/pipeline-api';
import { detectInterviewConflicts, type InterviewConflict } from '../../../shared/engine/interview-conflicts';
import { ConfirmDialog } from '../../components/Modal';
import { errorMessage } from '../../api/client';
import { usePipelineStore } from '../../stores/pipeline-store';
import { describeMoves, InterviewEditor } from './InterviewEditor';
import { appName, userTimeZone } from './pipeline-format';
import { formatDate, formatInZone, localToday } from '../../components/format';

interface Props {
  applications: ApplicationOverview[];
  interviews: Interview[];
}

function daysUntil(day: string, today: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function InterviewsPanel({ applications, interviews }: Props) {
  const deleteInterview = usePipelineStore((s) => s.deleteInterview);
  const [editing, setEditing] = useState<Interview | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Interview | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const byId = useMemo(() => new Map(applications.map((a) => [a.id, a])), [applications]);
  const myZone = userTimeZone();
  const today = localToday();

  const active = useMemo(() => interviews.filter((i) => byId.has(i.applicationId) && !CLOSED_STATUSES.has(byId.get(i.applicationId)!.status)), [interviews, byId]);
  const conflicts = useMemo(() => detectInterviewConflicts(active.filter((i) => !i.completed), myZone), [active, myZone]);
  const conflictsOf = (id: number) => conflicts.filter((c) => c.ids.includes(id));
  /** The program of an interview, to name the other side of a conflict. */
  const programOfInterview = (id: number) => {
    const iv = active.find((i) => i.id === id);
    return iv ? name(iv.applicationId) : 'another interview';
  };
  const sorted = useMemo(() => {
    const key = (i: Interview) => (i.localStart && i.timeZone ? localToInstant(i.localStart, i.timeZone)?.getTime() ?? 0 : Number.MAX_SAFE_INTEGER);
    return interviews.filter((i) => byId.has(i.applicationId)).sort((a, b) => key(a) - key(b) || (a.respondBy ?? '').localeCompare(b.respondBy ?? ''));
  }, [interviews, byId]);
  const name = (applicationId: number) => {
    const a = byId.get(applicationId);
    return a ? appName(a) : `Application ${applicationId}`;
  };
  const choices = applications.filter((a) => !CLOSED_STATUSES.has(a.status));

  const afterSave = (moves: StatusMove[]) => {
    setEditing(null);
    setMessage({ kind: 'ok', text: describeMoves(moves) });
  };
  const remove = async () => {
    if (!deleting) return;
    try {
      await deleteInterview(deleting.id);
      setMessage({ kind: 'ok', text: `Deleted the interview with ${name(deleting.applicationId)}; its status is unchanged.` });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
    setDeleting(null);
  };

  return (
    <div className="interviews-panel">
      <div className="toolbar">
        <button type="button" className="primary" disabled={choices.length === 0} onClick={() => setEditing('new')}>
          <CalendarPlus size={16} aria-hidden /> Record an invitation
        </button>
        <span className="muted">Times are shown in the interview’s zone and in yours ({myZone.replace(/_/g, ' ')}).</span>
        {message ? (
          <span className={`save-status ${message.kind}`} role="status">
            {message.text}
          </span>
        ) : null}
      </div>
      {conflicts.length > 0 ? (
        <div className="banner error conflicts" role="alert">
          <div>
            <strong>
              <AlertTriangle size={16} aria-hidden /> {conflicts.length === 1 ? 'One conflict' : `${conflicts.length} conflicts`} between interviews
            </strong>
            <ul>
              {conflicts.map((c) => (
                <li key={c.ids.join('-')}>
                  {name(interviews.find((i) => i.id === c.ids[0])!.applicationId)} and {name(interviews.find((i) => i.id === c.ids[1])!.applicationId)} {c.text}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {sorted.length === 0 ? (
        <div className="empty-state">
          <h2>No interviews yet</h2>
          <p>When an invitation arrives, record it here or from the application: when it came, when to reply, and later the date, time zone and platform.</p>
        </div>
      ) : (
        <table className="apps-table interviews-table">
          <thead>
            <tr>
              <th>Program</th>
              <th>Invitation</th>
              <th>When</th>
              <th>Platform</th>
              <th>After</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((iv) => (
              <InterviewRow key={iv.id} interview={iv} name={name(iv.applicationId)} today={today} myZone={myZone} conflicts={conflictsOf(iv.id)} otherName={programOfInterview} onEdit={() => setEditing(iv)} onDelete={() => setDeleting(iv)} />
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <InterviewEditor
          application={editing === 'new' ? undefined : byId.get(editing.applicationId)}
          choices={choices}
          interview={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={afterSave}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog title="Delete interview?" message={`Delete this interview with ${name(deleting.applicationId)}? The application keeps its status and history.`} confirmLabel="Delete" onConfirm={() => void remove()} onCancel={() => setDeleting(null)} />
      ) : null}
    </div>
  );
}

function InterviewRow({ interview: iv, name, today, myZone, conflicts, otherName, onEdit, onDelete }: { interview: Interview; name: string; today: string; myZone: string; conflicts: InterviewConflict[]; otherName: (interviewId: number) => string; onEdit: () => void; onDelete: () => void }) {
  const at = iv.localStart && iv.timeZone ? localToInstant(iv.localStart, iv.timeZone) : null;
  const replyIn = iv.respondBy && !iv.localStart ? daysUntil(iv.respondBy, today) : null;
  return (
    <tr data-interview-id={iv.id} className={conflicts.length > 0 ? 'has-conflict' : undefined}>
      <td>
        <strong>{name}</strong>
      </td>
      <td>
        {iv.invitedOn ? <span className="num">Received {formatDate(iv.invitedOn)}</span> : <span className="muted">—</span>}
        {iv.respondBy ? (
          <small className={`block${replyIn !== null && replyIn < 0 ? ' error' : replyIn !== null && replyIn <= 2 ? ' warn' : ' muted'}`}>
            Reply by {formatDate(iv.respondBy)}
            {replyIn === null ? '' : replyIn < 0 ? ' (past)' : replyIn === 0 ? ' (today)' : ` (in ${replyIn} day${replyIn === 1 ? '' : 's'})`}
          </small>
        ) : null}
      </td>
      <td>
        {at && iv.timeZone ? (
          <>
            <span className="num nowrap">{formatInZone(at, iv.timeZone, { withYear: false })}</span>
            {iv.timeZone !== myZone ? <small className="block muted num">{formatInZone(at, myZone, { withYear: false })} your time</small> : null}
            <small className="block muted">{iv.timeZone.replace(/_/g, ' ')} · {iv.durationMinutes} min</small>
            {conflicts.map((c) => (
              <small key={c.ids.join('-')} className="block error">
                <AlertTriangle size={12} aria-hidden /> {c.kind === 'overlap' ? 'Overlaps' : 'Too close to'} {otherName(c.ids.find((x) => x !== iv.id) ?? iv.id)}
              </small>
            ))}
          </>
        ) : (
          <span className="muted">Not scheduled</span>
        )}
      </td>
      <td>
        {INTERVIEW_PLATFORM_LABELS[iv.platform]}
        {iv.location ? <small className="block muted clip">{iv.location}</small> : null}
      </td>
      <td>
        {iv.completed ? (
          <>
            <span className="badge status status-interviewed">Done{iv.score !== null ? ` · ${iv.score}/10` : ''}</span>
            {iv.impressions ? <small className="block muted clip" title={iv.impressions}>{iv.impressions}</small> : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <span className="row-actions">
        <button type="button" className="icon" aria-label={`Edit interview with ${name}`} onClick={onEdit}>
          <Pencil size={16} aria-hidden />
        </button>
        <button type="button" className="icon danger" aria-label={`Delete interview with ${name}`} onClick={onDelete}>
          <Trash2 size={16} aria-hidden />
        </button>
        </span>
      </td>
    </tr>
  );
}
