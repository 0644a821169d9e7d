import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { CalendarArrowDown, Pencil, Plus, RotateCcw, Trash2 } from 'lucide-react';
import { compareNames, programLabel } from '../../../shared/domain/program';
import { calendarSettingsSchema, EASTERN, programDeadlineInputSchema, seasonCorrectionSchema, type ProgramDeadline, type ResolvedSeasonEvent } from '../../../shared/domain/season-calendar';
import { instantOf } from '../../../shared/engine/calendar-dates';
import { formatDate, formatDueDate, formatInZone, formatTimeInZone } from '../../components/format';
import { fieldIssues } from '../../../shared/api/define';
import { ApiCallError, errorMessage } from '../../api/client';
import { useWatch } from '../../stores/live';
import { CheckField, TextField } from '../../components/form';
import { ConfirmDialog } from '../../components/Modal';
import { FormModal } from '../../components/FormModal';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useCalendarStore } from '../../stores/calendar-store';
import { useProgramsStore } from '../../stores/programs-store';
import { AgendaList } from './AgendaList';
import { DATED_KINDS, DATED_KIND_LABELS, type AgendaEntry, type DatedKind } from '../../../shared/engine/agenda';
import { hashQuery, openSection } from '../../stores/route-query';
import { notificationsSupported } from '../../reminders/ReminderPoller';
import '../../styles/readiness.css';

type Errors = Record<string, string>;

function issuesOf(err: unknown): Errors {
  if (err instanceof ApiCallError && err.error.issues) return Object.fromEntries(err.error.issues.map((i) => [i.path, i.message]));
  return { _: errorMessage(err) };
}

/** Checks `input` with `schema`; if it passes, runs `write` with the checked value. Field errors (`_` for a general refusal) otherwise. */
async function checkThenWrite<S extends z.ZodType>(schema: S, input: unknown, setErrors: (errors: Errors) => void, write: (value: z.output<S>) => Promise<void>): Promise<void> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return setErrors(Object.fromEntries(fieldIssues(parsed.error).map((i) => [i.path, i.message])));
  try {
    await write(parsed.data);
  } catch (err) {
    setErrors(issuesOf(err));
  }
}

function downloadText(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DeadlinesScreen() {
  const { agenda, season, deadlines, settings, loadError, exportIcs: exportCalendar } = useCalendarStore();
  useWatch(useCalendarStore, useProgramsStore);
  const [exportStatus, setExportStatus] = useState<string | null>(null);
  // "#/deadlines?kind=interview" (the Dashboard's interview dates link): only that kind, as counted there.
  const [kind, setKind] = useState<DatedKind | null>(() => {
    const k = hashQuery().get('kind');
    return k !== null && (DATED_KINDS as readonly string[]).includes(k) ? (k as DatedKind) : null;
  });
  const only = (entries: AgendaEntry[]) => (kind ? entries.filter((e) => e.kind === kind) : entries);

  const exportIcs = async () => {
    try {
      const r = await exportCalendar();
      downloadText(r.filename, r.content, 'text/calendar');
      setExportStatus(`Exported ${r.events} dates to ${r.filename}. Importing it again later updates the same events.`);
    } catch (err) {
      setExportStatus(errorMessage(err));
    }
  };

  return (
    <div className="screen deadlines">
      <ScreenHeader
        title="Deadlines"
        subtitle={settings ? `Days are counted in your time zone (${settings.effectiveTimeZone}); NRMP times are shown in Eastern time too.` : 'The season calendar, program deadlines and reminders.'}
        actions={
          <button type="button" className="secondary" onClick={() => void exportIcs()}>
            <CalendarArrowDown size={16} aria-hidden /> Export to calendar (.ics)
          </button>
        }
      />
      {loadError ? <div className="banner error">{loadError}</div> : null}
      {exportStatus ? (
        <div className="banner ok" role="status">
          {exportStatus}
        </div>
      ) : null}
      {agenda && kind ? (
        <p className="filter-chip-row">
          Showing {DATED_KIND_LABELS[kind].toLowerCase()} dates only.{' '}
          <button type="button" className="link" onClick={() => { setKind(null); openSection('deadlines'); }}>
            Show everything
          </button>
        </p>
      ) : null}
      {agenda ? (
        <div className="two-cols">
          <section className="card" aria-labelledby="overdue-title">
            <h2 id="overdue-title">Overdue {only(agenda.overdue).length > 0 ? <span className="badge state-badge state-blocking">{only(agenda.overdue).length}</span> : null}</h2>
            <AgendaList entries={only(agenda.overdue)} empty="Nothing overdue." timeZone={agenda.timeZone} />
          </section>
          <section className="card" aria-labelledby="next-title">
            <h2 id="next-title">Next {agenda.windowDays} days</h2>
            <AgendaList entries={only(agenda.upcoming)} empty={`Nothing due in the next ${agenda.windowDays} days.`} timeZone={agenda.timeZone} />
          </section>
        </div>
      ) : null}
      <SeasonCalendarCard season={season} timeZone={settings?.effectiveTimeZone ?? 'UTC'} />
      <ProgramDeadlinesCard deadlines={deadlines} />
      {settings ? <RemindersCard /> : null}
    </div>
  );
}

function SeasonCalendarCard({ season, timeZone }: { season: ResolvedSeasonEvent[]; timeZone: string }) {
  const [editing, setEditing] = useState<ResolvedSeasonEvent | null>(null);
  const reset = useCalendarStore((s) => s.resetCorrection);
  return (
    <section className="card" aria-labelledby="season-title">
      <div className="card-title-row">
        <h2 id="season-title">Season calendar · 2027 Match</h2>
        <span className="muted small">"est." = projected from earlier seasons; correct a date once the source publishes it.</span>
      </div>
      <table className="season-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col">Time</th>
            <th scope="col">Source</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {season.map((e) => {
            const instant = e.time ? instantOf(e.date, e.time) : null;
            return (
              <tr key={e.id} data-event={e.id}>
                <td className="nowrap">
                  {formatDueDate(e.date)} {e.estimated ? <span className="badge est">est.</span> : null}
                  {e.corrected ? <span className="badge corrected" title={`Reference date: ${formatDate(e.referenceDate)}`}>corrected</span> : null}
                </td>
                <td>{e.title}</td>
                <td className="nowrap">
                  {instant ? (
                    <>
                      {formatTimeInZone(instant, EASTERN)}
                      <br />
                      <span className="muted small">{formatInZone(instant, timeZone)}</span>
                    </>
                  ) : (
                    <span className="muted">all day</span>
                  )}
                </td>
                <td className="muted small">
                  {e.season} · {e.source}
                </td>
                <td className="nowrap">
                  <button type="button" className="icon" aria-label={`Correct the date of ${e.title}`} onClick={() => setEditing(e)}>
                    <Pencil size={15} aria-hidden />
                  </button>
                  {e.corrected ? (
                    <button type="button" className="icon" aria-label={`Go back to the reference date of ${e.title}`} onClick={() => void reset(e.id)}>
                      <RotateCcw size={15} aria-hidden />
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing ? <CorrectionDialog event={editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}

function CorrectionDialog({ event, onClose }: { event: ResolvedSeasonEvent; onClose: () => void }) {
  const correct = useCalendarStore((s) => s.correct);
  const [date, setDate] = useState(event.date);
  const [time, setTime] = useState(event.time ?? '');
  const [note, setNote] = useState(event.corrected ? event.note : '');
  const [errors, setErrors] = useState<Errors>({});
  const save = async () => {
    const input = { eventId: event.id, date, time: time.trim() === '' ? null : time.trim(), note };
    await checkThenWrite(seasonCorrectionSchema, input, setErrors, async () => {
      await correct(input);
      onClose();
    });
  };
  return (
    <FormModal title={`Correct: ${event.title}`} onClose={onClose} onSave={() => void save()} message={null} saveLabel="Save date">
      <p className="muted">
        Reference: {formatDate(event.referenceDate)}
        {event.referenceTime ? `, ${event.referenceTime} ET` : ''} ({event.source}).
      </p>
      <div className="grid cols-2">
        <TextField label="Date (Eastern)" name="date" type="date" value={date} onChange={setDate} error={errors.date} />
        <TextField label="Time, Eastern (24 h)" name="time" value={time} onChange={setTime} error={errors.time} placeholder="all day" hint="e.g. 21:00; empty for an all-day date" />
      </div>
      <TextField label="Where you found it" name="note" value={note} onChange={setNote} error={errors.note} placeholder="e.g. NRMP calendar, published 1 Aug" />
      {errors._ ? <p className="error">{errors._}</p> : null}
    </FormModal>
  );
}

function ProgramDeadlinesCard({ deadlines }: { deadlines: ProgramDeadline[] }) {
  const programs = useProgramsStore((s) => s.programs);
  const { saveDeadline, deleteDeadline } = useCalendarStore();
  const [adding, setAdding] = useState(false);
  const [confirm, setConfirm] = useState<ProgramDeadline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = useMemo(() => new Map(programs.map((p) => [p.id, programLabel(p)])), [programs]);
  const toggle = async (d: ProgramDeadline, done: boolean) => {
    setError(null);
    try {
      await saveDeadline({ id: d.id, programId: d.programId, title: d.title, dueDate: d.dueDate, done, notes: d.notes });
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <section className="card" aria-labelledby="program-deadlines-title">
      <div className="card-title-row">
        <h2 id="program-deadlines-title">Program deadlines</h2>
        <button type="button" className="secondary" onClick={() => setAdding(true)} disabled={programs.length === 0} title={programs.length === 0 ? 'Add programs first' : undefined}>
          <Plus size={16} aria-hidden /> Add deadline
        </button>
      </div>
      {error ? <p className="error">{error}</p> : null}
      {deadlines.length === 0 ? (
        <p className="muted empty-line">No program deadlines yet. Add the dates a program sets (a supplemental form, a video, a last day to apply).</p>
      ) : (
        <ul className="deadline-list">
          {deadlines.map((d) => (
            <li key={d.id} className={d.done ? 'done' : undefined}>
              <label className="inline-check">
                <input type="checkbox" checked={d.done} onChange={(e) => void toggle(d, e.target.checked)} aria-label={`${d.title}: done`} />
              </label>
              <span className="nowrap">{formatDueDate(d.dueDate)}</span>
              <span>
                <strong>{d.title}</strong> · {names.get(d.programId) ?? `Program ${d.programId}`}
                {d.notes ? <span className="muted"> · {d.notes}</span> : null}
              </span>
              <button type="button" className="icon danger" aria-label={`Delete ${d.title}`} onClick={() => setConfirm(d)}>
                <Trash2 size={15} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <DeadlineDialog
          programs={[...names.entries()].sort((a, b) => compareNames(a[1], b[1]))}
          onClose={() => setAdding(false)}
          onSave={async (input) => {
            await saveDeadline(input);
            setAdding(false);
          }}
        />
      ) : null}
      {confirm ? (
        <ConfirmDialog
          title="Delete this deadline?"
          message={`"${confirm.title}" for ${names.get(confirm.programId) ?? 'this program'} will be removed.`}
          confirmLabel="Delete"
          onCancel={() => setConfirm(null)}
          onConfirm={async () => {
            await deleteDeadline(confirm.id);
            setConfirm(null);
          }}
        />
      ) : null}
    </section>
  );
}

function DeadlineDialog({ programs, onClose, onSave }: { programs: [number, string][]; onClose: () => void; onSave: (input: { programId: number; title: string; dueDate: string; notes: string }) => Promise<void> }) {
  const [programId, setProgramId] = useState<number>(programs[0]?.[0] ?? 0);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const save = async () => {
    const input = { programId, title, dueDate, notes };
    await checkThenWrite(programDeadlineInputSchema, input, setErrors, () => onSave(input));
  };
  return (
    <FormModal title="Add a program deadline" onClose={onClose} onSave={() => void save()} message={null} saveLabel="Add deadline">
      <div className="field" data-field="programId">
        <label htmlFor="deadline-program">Program</label>
        <select id="deadline-program" value={programId} onChange={(e) => setProgramId(Number(e.target.value))}>
          {programs.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <TextField label="What is due" name="title" value={title} onChange={setTitle} error={errors.title} placeholder="e.g. Supplemental application" />
      <TextField label="Due date" name="dueDate" type="date" value={dueDate} onChange={setDueDate} error={errors.dueDate} />
      <TextField label="Notes" name="notes" value={notes} onChange={setNotes} error={errors.notes} />
      {errors._ ? <p className="error">{errors._}</p> : null}
    </FormModal>
  );
}

function RemindersCard() {
  const { settings, saveSettings } = useCalendarStore();
  const [timeZone, setTimeZone] = useState(settings?.timeZone ?? '');
  const [enabled, setEnabled] = useState(settings?.remindersEnabled ?? true);
  const [days, setDays] = useState(String(settings?.reminderDays ?? 3));
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [permission, setPermission] = useState(notificationsSupported() ? Notification.permission : 'unsupported');
  const save = async () => {
    setStatus(null);
    const input = { timeZone, remindersEnabled: enabled, reminderDays: days.trim() === '' ? Number.NaN : Number(days) };
    await checkThenWrite(calendarSettingsSchema, input, setErrors, async (value) => {
      setErrors({});
      await saveSettings(value);
      setStatus('Saved.');
    });
  };
  const desktop = typeof (globalThis as { prelim?: unknown }).prelim !== 'undefined';
  return (
    <section className="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders and time zone</h2>
      <div className="grid cols-3">
        <CheckField label="Remind me of items due soon" name="remindersEnabled" checked={enabled} onChange={setEnabled} hint="At most once a day per item; never for items you marked done." />
        <TextField label="Remind this many days ahead" name="reminderDays" value={days} onChange={setDays} error={errors.reminderDays} hint="0 = on the day only" />
        <TextField label="Your time zone" name="timeZone" value={timeZone} onChange={setTimeZone} error={errors.timeZone} placeholder={settings?.effectiveTimeZone} hint="Empty = this computer's zone" />
      </div>
      <div className="row-gap">
        <button type="button" className="primary" onClick={() => void save()}>
          Save
        </button>
        {status ? <span className="save-status ok">{status}</span> : null}
        {errors._ ? <span className="error">{errors._}</span> : null}
        {!desktop && permission === 'default' ? (
          <button type="button" className="secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
            Allow desktop notifications
          </button>
        ) : null}
        {!desktop && permission === 'denied' ? <span className="muted small">Notifications are blocked for this page in your browser's site settings.</span> : null}
      </div>
    </section>
  );
}
