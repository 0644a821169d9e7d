import { memo, useCallback, useMemo, useState } from 'react';
import { AlertTriangle, Lock, LockOpen, Search } from 'lucide-react';
import { APPLICATION_STATUS_LABELS, type Application } from '../../../shared/domain/application';
import { LETTER_STAGE_LABELS, MAX_LETTERS_PER_PROGRAM, type Letter, type LetterWriter } from '../../../shared/domain/letters';
import { slotOf, type DocumentSlot, type DocumentVersion } from '../../../shared/domain/documents';
import { type Program, programLabel as programLabelOf } from '../../../shared/domain/program';
import { applicationLetterSummary, assignmentLockText, assignmentProblem, isAssignmentLocked, isUsSurgeon } from '../../../shared/engine/letters';
import { errorMessage } from '../../api/client';
import { NoticeBanner, type Notice } from '../../components/Notice';
import { formatDate, localToday, plural } from '../../components/format';
import { useLettersStore } from '../../stores/letters-store';
import { useProgramsStore } from '../../stores/programs-store';
import { usePipelineStore } from '../../stores/pipeline-store';

type Show = 'all' | 'open' | 'submitted' | 'warnings';

/** Stage labels short enough for a matrix column header (the full label is the header's tooltip). */
const STAGE_SHORT: Record<Letter['stage'], string> = { ...LETTER_STAGE_LABELS, strong_confirmed: 'Strong confirmed', uploaded: 'Uploaded', declined: 'Declined' };

/**
 * Why a day cannot date the matrix's changes, or null: a season under way is back-filled, so
 * any past day of it (the main process refuses one before the season began), never after today.
 */
export function matrixDayProblem(day: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return 'Give the day these changes happened (today, or an earlier day of this season).';
  if (day > today) return `${formatDate(day)} is after today (${formatDate(today)}): a change records what has happened, so give today or an earlier day.`;
  return null;
}

export function programLabel(p: Program | undefined, programId: number): string {
  return p ? programLabelOf(p) : `Program ${programId}`;
}

interface Row {
  app: Application;
  name: string;
  program: Program | undefined;
  assigned: number[];
  documents: Partial<Record<DocumentSlot, number>>;
  summary: ReturnType<typeof applicationLetterSummary>;
}

export function AssignmentMatrix() {
  const { writers, letters, assignments, documents, documentAssignments, applications, assignLetter, assignDocument, unassignDocument } = useLettersStore();
  const programs = useProgramsStore((s) => s.programs);
  const [query, setQuery] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [unlocked, setUnlocked] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  // The day the matrix records its openings and assignments on: today, or an earlier day (back-filling).
  const [day, setDay] = useState(localToday());
  const dayError = matrixDayProblem(day, localToday());

  // Declined letters are hidden unless still assigned somewhere (so they can be taken off).
  const columns = useMemo(() => {
    const assignedIds = new Set(assignments.map((a) => a.letterId));
    return letters.filter((l) => l.stage !== 'declined' || assignedIds.has(l.id));
  }, [letters, assignments]);
  const declined = letters.length - columns.length;
  const writerById = useMemo(() => new Map(writers.map((w) => [w.id, w])), [writers]);
  const letterById = useMemo(() => new Map(letters.map((l) => [l.id, l])), [letters]);
  const programById = useMemo(() => new Map(programs.map((p) => [p.id, p])), [programs]);

  const rows = useMemo<Row[]>(() => {
    const byApp = new Map<number, number[]>();
    for (const a of assignments) byApp.set(a.applicationId, [...(byApp.get(a.applicationId) ?? []), a.letterId]);
    const docsByApp = new Map<number, Partial<Record<DocumentSlot, number>>>();
    for (const d of documentAssignments) docsByApp.set(d.applicationId, { ...(docsByApp.get(d.applicationId) ?? {}), [d.slot]: d.documentId });
    return applications
      .map((app) => {
        const program = programById.get(app.programId);
        const assigned = byApp.get(app.id) ?? [];
        const held = assigned.flatMap((id) => {
          const letter = letterById.get(id);
          const writer = letter ? writerById.get(letter.writerId) : undefined;
          return letter && writer ? [{ letter, writer }] : [];
        });
        return { app, name: programLabel(program, app.programId), program, assigned, documents: docsByApp.get(app.id) ?? {}, summary: applicationLetterSummary(app.status, held) };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [applications, assignments, documentAssignments, programById, letterById, writerById]);

  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return rows.filter((r) => {
      if (q && !r.name.toLowerCase().includes(q)) return false;
      if (show === 'open') return !r.summary.locked;
      if (show === 'submitted') return r.summary.locked;
      if (show === 'warnings') return r.summary.warnings.length > 0;
      return true;
    });
  }, [rows, query, show]);

  const toggle = useCallback(
    async (row: Row, letter: Letter, assign: boolean) => {
      const unlockSubmitted = unlocked.has(row.app.id);
      const problem = assignmentProblem({ programName: row.name, applicationStatus: row.app.status, assignedLetterIds: row.assigned, letter, assign, unlockSubmitted });
      if (problem) {
        setNotice({ kind: 'error', text: problem });
        return;
      }
      if (assign && dayError) {
        setNotice({ kind: 'error', text: dayError });
        return;
      }
      try {
        await assignLetter({ applicationId: row.app.id, letterId: letter.id, assigned: assign, date: day, unlockSubmitted });
        setNotice(null);
      } catch (err) {
        setNotice({ kind: 'error', text: errorMessage(err) });
      }
    },
    [unlocked, assignLetter, day, dayError],
  );

  const setDocument = useCallback(
    async (row: Row, slot: DocumentSlot, documentId: number | null) => {
      if (documentId !== null && dayError) {
        setNotice({ kind: 'error', text: dayError });
        return;
      }
      try {
        if (documentId === null) await unassignDocument([row.app.id], slot);
        else await assignDocument([row.app.id], documentId, day);
        setNotice(null);
      } catch (err) {
        setNotice({ kind: 'error', text: errorMessage(err) });
      }
    },
    [assignDocument, unassignDocument, day, dayError],
  );

  const toggleUnlock = useCallback((appId: number) => {
    setUnlocked((s) => {
      const next = new Set(s);
      if (next.has(appId)) next.delete(appId);
      else next.add(appId);
      return next;
    });
  }, []);

  const openForList = async () => {
    const withApp = new Set(applications.map((a) => a.programId));
    const ids = programs.filter((p) => p.onList && !withApp.has(p.id)).map((p) => p.id);
    if (ids.length === 0) return;
    if (dayError) {
      setNotice({ kind: 'error', text: dayError });
      return;
    }
    try {
      await usePipelineStore.getState().createApplications({ programIds: ids, date: day });
      setNotice(null);
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };
  const listWithoutApp = programs.filter((p) => p.onList && !applications.some((a) => a.programId === p.id)).length;

  if (applications.length === 0) {
    return (
      <div className="empty-state">
        <p>No applications yet. Letters and documents are assigned per application: open applications for the programs on your list first.</p>
        {listWithoutApp > 0 ? (
          <div className="toolbar">
            <DayField label="Opened on" day={day} error={dayError} onChange={setDay} />
            <button type="button" className="primary" onClick={() => void openForList()}>
              Open applications for the {plural(listWithoutApp, 'program')} on your list
            </button>
          </div>
        ) : (
          <p className="muted">Mark programs to apply to on the Programs screen.</p>
        )}
        <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} role="alert" />
      </div>
    );
  }

  const psVersions = documents.filter((d) => slotOf(d.kind) === 'personal_statement');
  const cvVersions = documents.filter((d) => d.kind === 'cv');
  const withWarnings = rows.filter((r) => r.summary.warnings.length > 0).length;

  return (
    <div className="matrix-view">
      <div className="toolbar">
        <label className="search">
          <Search size={15} aria-hidden />
          <input type="search" placeholder="Find a program" aria-label="Find a program" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label className="inline-select">
          Show
          <select value={show} onChange={(e) => setShow(e.target.value as Show)} aria-label="Which applications to show">
            <option value="all">All applications ({rows.length})</option>
            <option value="open">Not submitted yet</option>
            <option value="submitted">Applied</option>
            <option value="warnings">With warnings ({withWarnings})</option>
          </select>
        </label>
        <DayField label="Assigned on" day={day} error={dayError} onChange={setDay} />
        <p className="muted matrix-rule">
          At most {MAX_LETTERS_PER_PROGRAM} letters per program. After you apply, ERAS lets you add letters but not remove an assigned one; the personal statement can be swapped.
          {declined > 0 ? ` ${plural(declined, 'declined letter')} not shown (not assigned anywhere).` : ''}
        </p>
      </div>
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} role="alert" />
      {columns.length === 0 ? <p className="muted">Add letters on the Letters tab to assign them here.</p> : null}
      <div className="matrix-wrap" role="region" aria-label="Letters and documents per application" tabIndex={0}>
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col" className="program-col">
                Program
              </th>
              {columns.map((l) => {
                const w = writerById.get(l.writerId);
                return (
                  <th scope="col" key={l.id} className="letter-col" title={`${w?.name ?? ''}${l.label ? ` – ${l.label}` : ''}: ${LETTER_STAGE_LABELS[l.stage]}`}>
                    <span className="letter-col-name">{w?.name ?? 'Writer'}</span>
                    {l.label ? <span className="letter-col-label">{l.label}</span> : null}
                    <span className={`badge stage stage-${l.stage}`}>{STAGE_SHORT[l.stage]}</span>
                    {w && isUsSurgeon(w) ? <span className="badge us-surgeon" title="US surgeon">US surg.</span> : null}
                  </th>
                );
              })}
              <th scope="col" className="num">
                Letters
              </th>
              <th scope="col">Personal statement</th>
              <th scope="col">CV</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <MatrixRow
                key={row.app.id}
                row={row}
                columns={columns}
                writerById={writerById}
                unlocked={unlocked.has(row.app.id)}
                psVersions={psVersions}
                cvVersions={cvVersions}
                onToggle={toggle}
                onDocument={setDocument}
                onUnlock={toggleUnlock}
              />
            ))}
          </tbody>
        </table>
        {visible.length === 0 ? <p className="muted empty-line">No application matches.</p> : null}
      </div>
    </div>
  );
}

/** Short enough for a cell: "Surgery · v4", "Prelim · v2", "CV · Aug 2026". */
function optionLabel(d: DocumentVersion): string {
  const kind = d.kind === 'personal_statement_surgery' ? 'Surgery' : d.kind === 'personal_statement_prelim' ? 'Prelim' : null;
  const version = d.versionLabel || d.title;
  return kind ? `${kind} · ${version}` : version;
}

interface RowProps {
  row: Row;
  columns: Letter[];
  writerById: Map<number, LetterWriter>;
  unlocked: boolean;
  psVersions: DocumentVersion[];
  cvVersions: DocumentVersion[];
  onToggle: (row: Row, letter: Letter, assign: boolean) => Promise<void>;
  onDocument: (row: Row, slot: DocumentSlot, documentId: number | null) => Promise<void>;
  onUnlock: (appId: number) => void;
}

const MatrixRow = memo(function MatrixRow({ row, columns, writerById, unlocked, psVersions, cvVersions, onToggle, onDocument, onUnlock }: RowProps) {
  const locked = isAssignmentLocked(row.app.status) && !unlocked;
  const { summary } = row;
  return (
    <tr className={`${summary.locked ? 'submitted' : ''}${unlocked ? ' unlocked' : ''}`} data-application={row.name}>
      <th scope="row" className="program-col">
        <span className="program-name" title={row.name}>
          {row.name}
        </span>
        <span className="program-status">
          <span className="badge">{APPLICATION_STATUS_LABELS[row.app.status]}</span>
          {summary.locked ? (
            <button
              type="button"
              className={`ghost lock-toggle${unlocked ? ' open' : ''}`}
              aria-pressed={unlocked}
              aria-label={`Correct the record of ${row.name}`}
              title={unlocked ? 'Correcting the record: an assigned letter can be removed. Press again to lock it.' : (assignmentLockText(row.app.status) ?? '')}
              onClick={() => onUnlock(row.app.id)}
            >
              {unlocked ? <LockOpen size={14} aria-hidden /> : <Lock size={14} aria-hidden />}
              Correct the record
            </button>
          ) : null}
          {summary.locked ? <small className="muted lock-why">{unlocked ? 'Correcting the record: assigned letters can be removed.' : assignmentLockText(row.app.status)}</small> : null}
        {summary.warnings.length > 0 ? (
          // In the sticky column so it is seen however far the matrix is scrolled; the text opens on demand.
          <details className="row-warnings">
            <summary title={summary.warnings.join('\n')}>
              <AlertTriangle size={13} aria-hidden />
              {plural(summary.warnings.length, 'warning')}
            </summary>
            <ul>
              {summary.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </details>
        ) : null}
        </span>
      </th>
      {columns.map((l) => {
        const checked = row.assigned.includes(l.id);
        const w = writerById.get(l.writerId);
        // ERAS: letters can be added after applying (up to 4), an assigned one cannot be removed.
        const cannotRemove = locked && checked;
        return (
          <td key={l.id} className="cell">
            <input
              type="checkbox"
              checked={checked}
              disabled={cannotRemove}
              title={cannotRemove ? 'Assigned to a program you applied to: it cannot be removed (ERAS).' : undefined}
              aria-label={`Assign ${w?.name ?? 'letter'}${l.label ? ` – ${l.label}` : ''} to ${row.name}`}
              onChange={(e) => void onToggle(row, l, e.target.checked)}
            />
          </td>
        );
      })}
      <td className={`num count${summary.count >= MAX_LETTERS_PER_PROGRAM ? ' full' : ''}`}>
        {summary.count}/{MAX_LETTERS_PER_PROGRAM}
        <small className="muted">{summary.usSurgeonCount} US surg.</small>
      </td>
      <td>
        <DocumentSelect slot="personal_statement" row={row} versions={psVersions} onDocument={onDocument} />
      </td>
      <td>
        <DocumentSelect slot="cv" row={row} versions={cvVersions} onDocument={onDocument} disabled={locked} />
      </td>
    </tr>
  );
});

/** The statement can be swapped at any time (docs/DOMAIN.md §2 LOR); the CV is the record of the application sent, so it follows the row's lock. */
function DocumentSelect({ slot, row, versions, onDocument, disabled = false }: { slot: DocumentSlot; row: Row; versions: DocumentVersion[]; onDocument: RowProps['onDocument']; disabled?: boolean }) {
  const current = row.documents[slot];
  return (
    <select
      className="doc-select"
      disabled={disabled}
      title={disabled ? 'The CV sent with this application: use "Correct the record" to change what was recorded.' : undefined}
      value={current === undefined ? '' : String(current)}
      aria-label={`${slot === 'cv' ? 'CV' : 'Personal statement'} for ${row.name}`}
      onChange={(e) => void onDocument(row, slot, e.target.value === '' ? null : Number(e.target.value))}
    >
      <option value="">—</option>
      {versions.map((d) => (
        <option key={d.id} value={d.id} title={`${d.title}${d.versionLabel ? ` (${d.versionLabel})` : ''}`}>
          {optionLabel(d)}
        </option>
      ))}
    </select>
  );
}

/** The day the matrix's changes are recorded on (today preset; an earlier day back-fills a season under way). */
function DayField({ label, day, error, onChange }: { label: string; day: string; error: string | null; onChange: (day: string) => void }) {
  return (
    <label className="inline-select">
      {label}
      <input type="date" name="matrixDay" value={day} max={localToday()} aria-invalid={error ? true : undefined} title={error ?? 'Today, or the earlier day it happened'} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
