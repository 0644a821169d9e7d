// One application: its status with a control to change it, the timeline of every change,
// its interviews and notes.
import { useEffect, useState } from 'react';
import { CalendarPlus, Pencil, Trash2 } from 'lucide-react';
import { APPLICATION_STATUS_LABELS, PIPELINE_STATUSES, type ApplicationEvent, type ApplicationStatus } from '../../../shared/domain/application';
import { INTERVIEW_PLATFORM_LABELS, localToInstant, type Interview } from '../../../shared/domain/interview';
import type { ApplicationOverview, StatusMove } from '../../../shared/api/pipeline-api';
import type { Program } from '../../../shared/domain/program';
import type { TierSummary } from '../../../shared/engine/types';
import { ConfirmDialog, Modal } from '../../components/Modal';
import { errorMessage } from '../../api/client';
import { usePipelineStore } from '../../stores/pipeline-store';
import { TierBadge } from '../programs/TierBadge';
import { StatusChangeForm } from './StatusChange';
import { describeMoves, InterviewEditor } from './InterviewEditor';
import { appName, userTimeZone } from './pipeline-format';
import { formatDate, formatDatesIn, formatInZone } from '../../components/format';

interface Props {
  application: ApplicationOverview;
  program: Program | undefined;
  tier: TierSummary | undefined;
  interviews: Interview[];
  onClose: () => void;
}

export function ApplicationDetail({ application: app, program, tier, interviews, onClose }: Props) {
  const { history: readHistory, saveNotes: storeNotes, deleteApplication } = usePipelineStore();
  const [history, setHistory] = useState<ApplicationEvent[] | null>(null);
  const [notes, setNotes] = useState(app.notes);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [editing, setEditing] = useState<Interview | 'new' | null>(null);
  const [deleting, setDeleting] = useState(false);

  // Reloaded whenever the application changes (a status move, an interview step).
  useEffect(() => {
    readHistory(app.id).then(setHistory, (err: unknown) => setMessage({ kind: 'error', text: errorMessage(err) }));
  }, [readHistory, app.id, app.status, app.statusDate, app.updatedAt]);

  const saveNotes = async () => {
    try {
      await storeNotes(app.id, notes);
      setMessage({ kind: 'ok', text: 'Notes saved.' });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };
  const remove = async () => {
    try {
      await deleteApplication(app.id);
      onClose();
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
      setDeleting(false);
    }
  };
  const afterInterview = (moves: StatusMove[]) => {
    setEditing(null);
    setMessage({ kind: 'ok', text: describeMoves(moves) });
  };

  const myZone = userTimeZone();
  // One dialog at a time: the editor and the confirmation replace the detail while open.
  if (editing) return <InterviewEditor application={app} interview={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={afterInterview} />;
  if (deleting) {
    return (
      <ConfirmDialog
        title="Delete application?"
        message={<>Delete the application to <strong>{appName(app)}</strong> with its history and interviews? The program stays on your list. This cannot be undone.</>}
        confirmLabel="Delete"
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(false)}
      />
    );
  }
  return (
    <Modal title={appName(app)} onClose={onClose} wide dirty={notes !== app.notes}>
      <div className="app-detail">
        <div className="detail-head">
          <span className={`badge status status-${app.status}`}>{APPLICATION_STATUS_LABELS[app.status]}</span>
          <span className="muted">since {formatDate(app.statusDate)}</span>
          {program && tier ? <TierBadge program={program} computed={tier} /> : null}
          {app.rank !== null ? <span className="badge rank">Rank #{app.rank}</span> : null}
          {app.program.nrmpCode ? <code>{app.program.nrmpCode}</code> : null}
        </div>
        {message ? (
          <p className={`save-status ${message.kind}`} role="status">
            {message.text}
          </p>
        ) : null}
        <section aria-labelledby="status-heading">
          <h3 id="status-heading">Change status</h3>
          <StatusChangeForm key={`${app.status}-${app.statusDate}`} ids={[app.id]} initialStatus={nextStatus(app.status)} submitLabel="Save status" compact onDone={(s) => setMessage({ kind: 'ok', text: `Moved to ${APPLICATION_STATUS_LABELS[s]}.` })} />
        </section>
        <div className="detail-columns">
          <section aria-labelledby="timeline-heading">
            <h3 id="timeline-heading">Timeline</h3>
            {history === null ? (
              <p className="muted">Loading…</p>
            ) : (
              <ol className="timeline" aria-label="Status history">
                {history.map((e) => (
                  <li key={e.id}>
                    <span className="timeline-date num">{formatDate(e.date)}</span>
                    <span className="timeline-what">
                      <strong>{APPLICATION_STATUS_LABELS[e.status]}</strong>
                      {e.fromStatus ? <span className="muted"> from {APPLICATION_STATUS_LABELS[e.fromStatus]}</span> : <span className="muted"> (added)</span>}
                      {e.note ? <span className="timeline-note">{formatDatesIn(e.note)}</span> : null}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="interviews-heading">
            <div className="card-title-row">
              <h3 id="interviews-heading">Interviews</h3>
              <button type="button" className="ghost" onClick={() => setEditing('new')}>
                <CalendarPlus size={16} aria-hidden /> Record interview
              </button>
            </div>
            {interviews.length === 0 ? <p className="muted">No invitation recorded yet.</p> : null}
            <ul className="interview-mini">
              {interviews.map((iv) => {
                const at = iv.localStart && iv.timeZone ? localToInstant(iv.localStart, iv.timeZone) : null;
                return (
                  <li key={iv.id}>
                    <div>
                      {at && iv.timeZone ? (
                        <>
                          <strong>{formatInZone(at, iv.timeZone)}</strong>
                          {iv.timeZone !== myZone ? <small className="muted"> · {formatInZone(at, myZone)} for you</small> : null}
                        </>
                      ) : (
                        <strong>Not scheduled yet</strong>
                      )}
                      <small className="muted">
                        {' '}
                        · {INTERVIEW_PLATFORM_LABELS[iv.platform]}
                        {iv.invitedOn ? ` · invited ${formatDate(iv.invitedOn)}` : ''}
                        {iv.completed ? ` · done${iv.score !== null ? `, score ${iv.score}/10` : ''}` : ''}
                      </small>
                    </div>
                    <button type="button" className="icon" aria-label="Edit interview" onClick={() => setEditing(iv)}>
                      <Pencil size={16} aria-hidden />
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        </div>
        <section aria-labelledby="notes-heading" className="notes">
          <h3 id="notes-heading">Notes</h3>
          <textarea aria-labelledby="notes-heading" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
          <div className="row-buttons">
            <button type="button" className="secondary" disabled={notes === app.notes} onClick={() => void saveNotes()}>
              Save notes
            </button>
            <button type="button" className="ghost danger" onClick={() => setDeleting(true)}>
              <Trash2 size={16} aria-hidden /> Delete application
            </button>
          </div>
        </section>
      </div>
    </Modal>
  );
}

/** What usually comes next (the status control starts there); closed statuses stay put. */
function nextStatus(s: ApplicationStatus): ApplicationStatus {
  const i = PIPELINE_STATUSES.indexOf(s);
  return i >= 0 && i < PIPELINE_STATUSES.indexOf('ranked') ? PIPELINE_STATUSES[i + 1]! : s;
}
