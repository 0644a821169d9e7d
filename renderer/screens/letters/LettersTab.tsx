import { useMemo, useState } from 'react';
import { BellRing, Pencil, Plus, Trash2 } from 'lucide-react';
import { isConfirmedStrong, LETTER_REQUEST_LABELS, LETTER_STAGES, LETTER_STAGE_LABELS, STRONG_LETTER_QUESTION, WRITER_LOCATION_LABELS, type Letter, type LetterStage, type LetterWriter } from '../../../shared/domain/letters';
import { isUsSurgeon, letterReminders, strongWriters } from '../../../shared/engine/letters';
import { ConfirmItem } from '../../components/Modal';
import { NoticeBanner, useNoticeAction } from '../../components/Notice';
import { plural } from '../../components/format';
import { useLettersStore } from '../../stores/letters-store';
import { localToday } from '../../components/format';
import { WriterEditor } from './WriterEditor';
import { ReminderSetting } from './ReminderSetting';
import { LetterEditor } from './LetterEditor';

/** The date stored for the letter's current stage. */
export function stageDate(l: Letter): string | null {
  switch (l.stage) {
    case 'asked':
      return l.askedOn;
    case 'agreed':
      return l.agreedOn;
    case 'strong_confirmed':
      return l.strongConfirmedOn;
    case 'uploaded':
      return l.uploadedOn;
    case 'declined':
      return l.declinedOn;
    default:
      return null;
  }
}

export function letterName(l: Letter, writers: readonly LetterWriter[]): string {
  const w = writers.find((x) => x.id === l.writerId);
  return `${w?.name ?? 'Unknown writer'}${l.label ? ` – ${l.label}` : ''}`;
}

type Confirm = { kind: 'writer'; writer: LetterWriter } | { kind: 'letter'; letter: Letter };

export function LettersTab() {
  const { writers, letters, assignments, settings, setStage: storeStage, saveLetter, deleteWriter, deleteLetter } = useLettersStore();
  const [editing, setEditing] = useState<LetterWriter | 'new' | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [editingLetter, setEditingLetter] = useState<Letter | null>(null);
  const { notice, setNotice, run, saved } = useNoticeAction();
  const today = localToday();
  const reminders = useMemo(() => (settings ? letterReminders(letters, writers, today, settings.reminderDays) : []), [letters, writers, today, settings]);
  const assignedCount = useMemo(() => {
    const m = new Map<number, number>();
    for (const a of assignments) m.set(a.letterId, (m.get(a.letterId) ?? 0) + 1);
    return m;
  }, [assignments]);

  const setStage = (letter: Letter, stage: LetterStage, date?: string) => run(() => storeStage(letter.id, stage, date));
  const addLetter = (w: LetterWriter) => run(() => saveLetter({ writerId: w.id }), `Added another letter from ${w.name}.`);

  const usable = letters.filter((l) => l.stage !== 'declined');
  const uploaded = letters.filter((l) => l.stage === 'uploaded').length;
  // The same facts Readiness and SOAP count (issue 13): a letter is confirmed strong only through
  // "Strong letter confirmed" (isConfirmedStrong), and US surgeons are counted per writer.
  const strong = letters.filter(isConfirmedStrong).length;
  const usSurgeonWriters = strongWriters(
    letters.map((l) => ({ writerId: l.writerId, confirmedStrong: isConfirmedStrong(l), declined: l.stage === 'declined' })),
  ).filter((l) => {
    const w = writers.find((x) => x.id === l.writerId);
    return w !== undefined && isUsSurgeon(w);
  }).length;

  return (
    <div className="letters-tab">
      <div className="letters-toolbar">
        <p className="muted letters-summary" data-testid="letters-summary">
          {plural(letters.length, 'letter')}{letters.length > usable.length ? ` (${letters.length - usable.length} declined)` : ''} · {uploaded} uploaded · {strong} confirmed strong · {plural(usSurgeonWriters, 'US surgeon')} confirmed strong (a writer counts once)
        </p>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          <Plus size={16} aria-hidden /> Add letter writer
        </button>
      </div>
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />
      <section className="card reminders" aria-labelledby="reminders-title">
        <div className="card-title-row">
          <h2 id="reminders-title">
            <BellRing size={16} aria-hidden /> Reminders
          </h2>
          <ReminderSetting />
        </div>
        {reminders.length === 0 ? (
          <p className="muted">No letter is waiting longer than {settings ? plural(settings.reminderDays, 'day') : 'the set time'} after you asked.</p>
        ) : (
          <ul className="reminder-list">
            {reminders.map((r) => (
              <li key={r.letterId} className="finding sev-warning">
                {r.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      {writers.length === 0 ? (
        <div className="empty-state">
          <p>
            Add the people who write your letters. Aim for at least 2 letters from US surgeons who saw your clinical work, and 1 more from US faculty or a
            senior surgeon at home. Ask each one: “{STRONG_LETTER_QUESTION}”
          </p>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            <Plus size={16} aria-hidden /> Add letter writer
          </button>
        </div>
      ) : (
        <ul className="writer-list">
          {writers.map((w) => (
            <li key={w.id} className="card writer" data-writer={w.name}>
              <div className="writer-head">
                <div>
                  <h3>{w.name}</h3>
                  <p className="muted">{[w.title, w.specialty, w.institution].filter(Boolean).join(' · ') || 'No title or institution yet'}</p>
                </div>
                <div className="writer-badges">
                  <span className={`badge ${w.location === 'us' ? 'loc-us' : 'loc-home'}`}>{WRITER_LOCATION_LABELS[w.location]}</span>
                  <span className="badge">{w.isSurgeon ? 'Surgeon' : 'Not a surgeon'}</span>
                  {isUsSurgeon(w) ? <span className="badge us-surgeon">US surgeon</span> : null}
                </div>
                <div className="row-actions">
                  <button type="button" className="icon" aria-label={`Edit ${w.name}`} onClick={() => setEditing(w)}>
                    <Pencil size={15} aria-hidden />
                  </button>
                  <button type="button" className="icon danger" aria-label={`Delete ${w.name}`} onClick={() => setConfirm({ kind: 'writer', writer: w })}>
                    <Trash2 size={15} aria-hidden />
                  </button>
                </div>
              </div>
              {w.relationship || w.email ? (
                <p className="writer-meta">
                  {w.relationship ? <span>Knows you from: {w.relationship}</span> : null}
                  {w.email ? <span>{w.email}</span> : null}
                </p>
              ) : null}
              <ul className="letter-rows">
                {letters
                  .filter((l) => l.writerId === w.id)
                  .map((l) => (
                    <LetterRow
                      key={l.id}
                      letter={l}
                      name={letterName(l, writers)}
                      assigned={assignedCount.get(l.id) ?? 0}
                      today={today}
                      onStage={(stage, date) => void setStage(l, stage, date)}
                      onDelete={() => setConfirm({ kind: 'letter', letter: l })}
                      onEdit={() => setEditingLetter(l)}
                    />
                  ))}
              </ul>
              <button type="button" className="ghost add-letter" onClick={() => void addLetter(w)}>
                <Plus size={15} aria-hidden /> Another letter from {w.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <WriterEditor
          writer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            saved(text);
          }}
        />
      ) : null}
      {editingLetter ? (
        <LetterEditor
          letter={editingLetter}
          title={letterName(editingLetter, writers)}
          onClose={() => setEditingLetter(null)}
          onSaved={() => setEditingLetter(null)}
        />
      ) : null}
      <ConfirmItem
        item={confirm}
        title={(c) => (c.kind === 'writer' ? `Delete ${c.writer.name}?` : 'Delete this letter?')}
        message={(c) =>
          c.kind === 'writer'
            ? 'The writer is removed. A writer who still has letters cannot be deleted: delete the letters first.'
            : `${letterName(c.letter, writers)} and its assignments to programs are removed. A letter assigned to a submitted application stays: it is the record of what was sent.`
        }
        onClose={() => setConfirm(null)}
        onConfirm={(c) => void run(() => (c.kind === 'writer' ? deleteWriter(c.writer.id) : deleteLetter(c.letter.id)), 'Deleted.')}
      />
    </div>
  );
}

interface LetterRowProps {
  letter: Letter;
  name: string;
  assigned: number;
  today: string;
  /** Without a date: today (the main process's clock). */
  onStage: (s: LetterStage, date?: string) => void;
  onDelete: () => void;
  onEdit: () => void;
}

function LetterRow({ letter, name, assigned, today, onStage, onDelete, onEdit }: LetterRowProps) {
  const date = stageDate(letter);
  return (
    <li className={`letter-row stage-${letter.stage}`} data-letter={name}>
      <div className="letter-label">
        <strong>{letter.label || 'Letter'}</strong>
        <span className="muted">{assigned > 0 ? `Assigned to ${plural(assigned, 'program')}` : 'Not assigned yet'}</span>
        {letter.carriedFrom ? <span className="muted">Uploaded for the {letter.carriedFrom} Match: import it in MyERAS (Documents › Letters) before assigning.</span> : null}
        <span className="muted">Requested for: {LETTER_REQUEST_LABELS[letter.requestedFor]}</span>
        {letter.portalLetterId ? <span className="muted">Letter Writer Portal ID {letter.portalLetterId}</span> : null}
        {letter.notes ? <span className="muted letter-notes">{letter.notes}</span> : null}
      </div>
      <label className="stage-field">
        <span className="sr-only">Stage of {name}</span>
        <select value={letter.stage} onChange={(e) => onStage(e.target.value as LetterStage)} aria-label={`Stage of ${name}`}>
          {LETTER_STAGES.map((s) => (
            <option key={s} value={s}>
              {LETTER_STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {letter.stage !== 'to_ask' ? (
        <label className="stage-date">
          <span className="sr-only">Date of “{LETTER_STAGE_LABELS[letter.stage]}” for {name}</span>
          <input type="date" value={date ?? ''} max={today} aria-label={`Date of ${LETTER_STAGE_LABELS[letter.stage]} for ${name}`} onChange={(e) => e.target.value && onStage(letter.stage, e.target.value)} />
        </label>
      ) : (
        <span />
      )}
      <div className="letter-next">
        {letter.stage === 'agreed' ? (
          <>
            <span className="muted">Ask: “{STRONG_LETTER_QUESTION}”</span>
            <span className="row-buttons">
              <button type="button" className="secondary" onClick={() => onStage('strong_confirmed')}>
                Yes, a strong letter
              </button>
              <button type="button" className="ghost danger" onClick={() => onStage('declined')}>
                They hesitated
              </button>
            </span>
          </>
        ) : letter.stage === 'declined' ? (
          <span className="muted">If they hesitate, it is better not to use that letter.</span>
        ) : letter.stage === 'strong_confirmed' ? (
          <span className="muted">Waiting for the upload to the Letter Writer Portal.</span>
        ) : null}
      </div>
      <span className="row-actions">
        <button type="button" className="icon" aria-label={`Edit the letter: ${name}`} onClick={onEdit}>
          <Pencil size={15} aria-hidden />
        </button>
        <button type="button" className="icon danger" aria-label={`Delete the letter: ${name}`} onClick={onDelete}>
          <Trash2 size={15} aria-hidden />
        </button>
      </span>
    </li>
  );
}
