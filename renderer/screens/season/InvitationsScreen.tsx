// The interview invitation inbox (docs/DOMAIN.md §8): reply-bys flagged under 48 hours,
// offered dates with their slots and conflicts, the reply, and the season one day at a time.
import { useState } from 'react';
import { useWatch } from '../../stores/live';
import { INVITATION_STATUS_LABELS, type Invitation } from '../../../shared/domain/invitation';
import { localToInstant } from '../../../shared/domain/interview';
import { formatDatesIn, formatDueDate, formatInZone, formatTimeInZone } from '../../components/format';
import type { TriagedInvitation } from '../../../shared/engine/invitations';
import { ScreenHeader } from '../../components/ScreenHeader';
import { LoadErrorBanner, NoticeBanner, type Notice } from '../../components/Notice';
import { useInvitationsStore } from '../../stores/invitations-store';
import { InvitationEditor } from './InvitationEditor';
import './season.css';

function when(local: string | null, zone: string): string {
  if (!local) return '—';
  const at = localToInstant(local, zone);
  return at ? formatInZone(at, zone) : local.replace('T', ' ');
}

export default function InvitationsScreen() {
  const { view, loaded, loadError, load } = useInvitationsStore();
  const [editing, setEditing] = useState<{ invitation?: Invitation; programName?: string } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  useWatch(useInvitationsStore);

  const rows: TriagedInvitation[] = view?.invitations ?? [];
  const owed = rows.filter((r) => r.invitation.status === 'pending').length;
  const short = rows.filter((r) => r.shortReply).length;

  return (
    <div className="screen">
      <ScreenHeader
        title="Invitations"
        subtitle="Invitations arrive in a burst and slots fill in minutes: every reply-by, the dates offered, and your answer."
        actions={
          <button type="button" className="primary" disabled={!view || view.candidates.length === 0} onClick={() => setEditing({})}>
            Record invitation
          </button>
        }
      />
      {loadError ? <LoadErrorBanner message={loadError} onRetry={() => void load()} /> : null}
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />
      {!loaded ? <p className="muted">Loading…</p> : null}
      {view ? (
        <>
          <section className="card" aria-labelledby="inbox-title">
            <div className="card-title-row">
              <h2 id="inbox-title">Inbox</h2>
              <span className="muted" data-testid="inbox-summary">
                {rows.length} invitation{rows.length === 1 ? '' : 's'} · {owed} awaiting your reply · {short} with under 48 h to reply
              </span>
            </div>
            {view.candidates.length === 0 && rows.length === 0 ? <p className="muted">Record invitations for applications you have submitted (Applications).</p> : null}
            {rows.length > 0 ? (
              <table className="season-table" aria-label="Interview invitations">
                <thead>
                  <tr>
                    <th scope="col">Program</th>
                    <th scope="col">Received</th>
                    <th scope="col">Reply by</th>
                    <th scope="col">Dates offered</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const inv = r.invitation;
                    return (
                      <tr key={inv.id} data-invitation={r.programName}>
                        <td>{r.programName}</td>
                        <td>{when(inv.receivedAt, inv.timeZone)}</td>
                        <td>
                          {when(inv.replyBy, inv.timeZone)}
                          {r.shortReply ? <span className="badge flag-text"> Under 48 h</span> : null}
                        </td>
                        <td>
                          {inv.offered.length === 0
                            ? '—'
                            : inv.offered.map((o) => (
                                <div key={o.start} className={inv.chosenStart === o.start ? 'chosen' : undefined}>
                                  {when(o.start, inv.timeZone)}
                                  {o.slots !== null ? ` · ${o.slots} slot${o.slots === 1 ? '' : 's'}` : ''}
                                  {inv.chosenStart === o.start ? ' · chosen' : ''}
                                </div>
                              ))}
                        </td>
                        <td>
                          <span className="badge" data-status={inv.status}>
                            {INVITATION_STATUS_LABELS[inv.status]}
                            {inv.status === 'waitlisted' && inv.waitlistPosition !== null ? ` #${inv.waitlistPosition}` : ''}
                          </span>
                          {r.flags.map((f) => (
                            <p key={f} className="flag-text">
                              {formatDatesIn(f)}
                            </p>
                          ))}
                        </td>
                        <td>
                          <button type="button" className="secondary" aria-label={`Edit invitation from ${r.programName}`} onClick={() => setEditing({ invitation: inv, programName: r.programName })}>
                            Edit
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
          </section>
          <section className="card" aria-labelledby="days-title">
            <h2 id="days-title">The interview season, day by day</h2>
            <p className="muted">Times in your zone ({view.timeZone.replace(/_/g, ' ')}). Interviews you have, and dates still offered to you.</p>
            {view.days.length === 0 ? (
              <p className="muted">No interview dates yet.</p>
            ) : (
              <ul className="season-days" aria-label="Interview days">
                {view.days.map((d) => (
                  <li key={d.date} className={`season-day${d.crowded ? ' crowded' : ''}`}>
                    <strong>
                      {formatDueDate(d.date)}
                      {d.crowded ? <span className="flag-text"> · two interviews</span> : null}
                    </strong>
                    <ul>
                      {d.entries.map((e, i) => (
                        <li key={i}>
                          {formatTimeInZone(new Date(e.at), view.timeZone)} · {e.programName} · {e.status}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
      {editing && view ? (
        <InvitationEditor
          {...(editing.invitation ? { invitation: editing.invitation } : {})}
          {...(editing.programName ? { programName: editing.programName } : {})}
          candidates={view.candidates}
          defaultZone={view.timeZone}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setNotice({ kind: 'ok', text });
          }}
        />
      ) : null}
    </div>
  );
}
