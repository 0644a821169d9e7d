// Readiness ticks, the user's corrections of season dates, per-program deadlines, calendar
// and reminder settings, and the reminder log (one row per item per day shown).
import type { Db } from '../open';
import { inTransaction } from '../open';
import { rowMapper, notFound, oneById, singleRow, toRow, type FullColumnSpec, type SaveFields } from '../columns';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarSettings, type ProgramDeadline, type SeasonCorrection } from '../../../shared/domain/season-calendar';

type Row = Record<string, unknown>;
interface TickRow {
  item_id: string;
  done: 0 | 1;
}
interface IcsExportRow {
  uid: string;
  content_hash: string;
  sequence: number;
  title: string;
  start: string;
  cancelled: 0 | 1;
}

const rowToDeadline = rowMapper<ProgramDeadline>({ id: 'int', programId: 'int', title: 'text', dueDate: 'text', done: 'bool', notes: 'text', createdAt: 'text', updatedAt: 'text' });

const rowToCorrection = rowMapper<SeasonCorrection>({ matchYear: 'int', eventId: 'text', date: 'text', time: 'text', note: 'text', updatedAt: 'text' });

export type DeadlineFields = SaveFields<ProgramDeadline>;

const SETTINGS_COLUMNS: FullColumnSpec<CalendarSettings> = { timeZone: 'text', remindersEnabled: 'bool', reminderDays: 'int' };
const rowToSettings = rowMapper(SETTINGS_COLUMNS);

/** Reminder log rows older than this are pruned: only "shown today" matters. */
const REMINDER_LOG_KEEP_DAYS = 30;

export function createCalendarRepo(db: Db) {
  const stmts = {
    ticks: db.prepare('SELECT item_id, done FROM readiness_tick'),
    upsertTick: db.prepare(
      `INSERT INTO readiness_tick (item_id, done, updated_at) VALUES (@item_id, @done, @now)
       ON CONFLICT(item_id) DO UPDATE SET done = excluded.done, updated_at = excluded.updated_at`,
    ),
    corrections: db.prepare('SELECT * FROM season_correction WHERE match_year = ? ORDER BY event_id'),
    upsertCorrection: db.prepare(
      `INSERT INTO season_correction (match_year, event_id, date, time, note, updated_at) VALUES (@match_year, @event_id, @date, @time, @note, @now)
       ON CONFLICT(match_year, event_id) DO UPDATE SET date = excluded.date, time = excluded.time, note = excluded.note, updated_at = excluded.updated_at`,
    ),
    deleteCorrection: db.prepare('DELETE FROM season_correction WHERE match_year = ? AND event_id = ?'),
    deadlines: db.prepare('SELECT * FROM program_deadline ORDER BY due_date, id'),
    deadline: db.prepare('SELECT * FROM program_deadline WHERE id = ?'),
    programExists: db.prepare('SELECT id FROM program WHERE id = ?').pluck(),
    insertDeadline: db.prepare(
      `INSERT INTO program_deadline (program_id, title, due_date, done, notes, created_at, updated_at)
       VALUES (@program_id, @title, @due_date, @done, @notes, @now, @now)`,
    ),
    updateDeadline: db.prepare(
      `UPDATE program_deadline SET program_id = @program_id, title = @title, due_date = @due_date, done = @done, notes = @notes, updated_at = @now WHERE id = @id`,
    ),
    deleteDeadline: db.prepare('DELETE FROM program_deadline WHERE id = ?'),
    settings: db.prepare('SELECT * FROM calendar_setting WHERE id = 1'),
    upsertSettings: db.prepare(
      `INSERT INTO calendar_setting (id, time_zone, reminders_enabled, reminder_days) VALUES (1, @time_zone, @reminders_enabled, @reminder_days)
       ON CONFLICT(id) DO UPDATE SET time_zone = excluded.time_zone, reminders_enabled = excluded.reminders_enabled, reminder_days = excluded.reminder_days`,
    ),
    shownOn: db.prepare('SELECT item_key FROM reminder_log WHERE shown_on = ?').pluck(),
    logShown: db.prepare('INSERT OR IGNORE INTO reminder_log (item_key, shown_on, shown_at) VALUES (?, ?, ?)'),
    pruneLog: db.prepare('DELETE FROM reminder_log WHERE shown_on < ?'),
    icsExports: db.prepare('SELECT uid, content_hash, sequence, title, start, cancelled FROM ics_export'),
    upsertIcsExport: db.prepare(
      `INSERT INTO ics_export (uid, content_hash, sequence, exported_at, title, start, cancelled) VALUES (@uid, @hash, @sequence, @now, @title, @start, 0)
       ON CONFLICT(uid) DO UPDATE SET content_hash = excluded.content_hash, sequence = excluded.sequence, exported_at = excluded.exported_at,
         title = excluded.title, start = excluded.start, cancelled = 0`,
    ),
    describeIcsExport: db.prepare('UPDATE ics_export SET title = @title, start = @start WHERE uid = @uid'),
    cancelIcsExport: db.prepare('UPDATE ics_export SET sequence = @sequence, cancelled = 1, exported_at = @now WHERE uid = @uid'),
  };

  const getDeadline = oneById(stmts.deadline, rowToDeadline, 'Deadline');

  return {
    ticks(): Record<string, boolean> {
      return Object.fromEntries((stmts.ticks.all() as TickRow[]).map((r) => [r.item_id, r.done === 1]));
    },

    setTick(itemId: string, done: boolean, now: Date): void {
      stmts.upsertTick.run({ item_id: itemId, done: done ? 1 : 0, now: now.toISOString() });
    },

    /** The user's corrections of one season's reference dates. */
    corrections(matchYear: number): SeasonCorrection[] {
      return (stmts.corrections.all(matchYear) as Row[]).map(rowToCorrection);
    },

    correct(c: { matchYear: number; eventId: string; date: string; time: string | null; note: string }, now: Date): void {
      stmts.upsertCorrection.run({ match_year: c.matchYear, event_id: c.eventId, date: c.date, time: c.time, note: c.note, now: now.toISOString() });
    },

    resetCorrection(matchYear: number, eventId: string): void {
      stmts.deleteCorrection.run(matchYear, eventId);
    },

    deadlines(): ProgramDeadline[] {
      return (stmts.deadlines.all() as Row[]).map(rowToDeadline);
    },

    saveDeadline(d: DeadlineFields, now: Date): ProgramDeadline {
      return inTransaction(db, () => {
        if (stmts.programExists.get(d.programId) === undefined) throw notFound('Program', d.programId, 'reload the page and choose another');
        const params = { program_id: d.programId, title: d.title, due_date: d.dueDate, done: d.done ? 1 : 0, notes: d.notes, now: now.toISOString() };
        if (d.id === undefined) return getDeadline(Number(stmts.insertDeadline.run(params).lastInsertRowid));
        getDeadline(d.id);
        stmts.updateDeadline.run({ ...params, id: d.id });
        return getDeadline(d.id);
      });
    },

    deleteDeadline(id: number): void {
      inTransaction(db, () => {
        getDeadline(id);
        stmts.deleteDeadline.run(id);
      });
    },

    settings(): CalendarSettings {
      return singleRow(stmts.settings, rowToSettings, () => ({ ...DEFAULT_CALENDAR_SETTINGS }));
    },

    saveSettings(s: CalendarSettings): CalendarSettings {
      stmts.upsertSettings.run(toRow(s, SETTINGS_COLUMNS));
      return s;
    },

    /** Keys of the items whose reminder was shown on `day` (YYYY-MM-DD, the user's day). */
    shownOn(day: string): Set<string> {
      return new Set(stmts.shownOn.all(day) as string[]);
    },

    /** Records reminders shown on `day`; a second call for the same item and day changes nothing. */
    markShown(keys: readonly string[], day: string, now: Date): { recorded: number } {
      return inTransaction(db, () => {
        let recorded = 0;
        for (const k of new Set(keys)) recorded += stmts.logShown.run(k, day, now.toISOString()).changes;
        const cutoff = new Date(Date.parse(`${day}T00:00:00Z`) - REMINDER_LOG_KEEP_DAYS * 86_400_000).toISOString().slice(0, 10);
        stmts.pruneLog.run(cutoff);
        return { recorded };
      });
    },

    /**
     * The SEQUENCE of each event of a calendar export, recorded in one transaction: an event
     * keeps its sequence while its content hash is the same and gets a higher one (`next`
     * decides how much higher) when it changed or is new.
     */
    icsSequences<E extends { uid: string; hash: string; title?: string; start?: string }>(events: readonly E[], next: (event: E, previous: number | null) => number, now: Date): Map<string, number> {
      return this.icsExport(events, next, now).sequences;
    },

    /**
     * The SEQUENCE of each event to export, and the events exported before whose item is gone
     * (each cancelled once, with its sequence raised: they go out as STATUS:CANCELLED).
     */
    icsExport<E extends { uid: string; hash: string; title?: string; start?: string }>(
      events: readonly E[],
      next: (event: E, previous: number | null) => number,
      now: Date,
    ): { sequences: Map<string, number>; cancelled: { uid: string; sequence: number; title: string; start: string }[] } {
      return inTransaction(db, () => {
        const rows = stmts.icsExports.all() as IcsExportRow[];
        const stored = new Map(rows.map((r) => [r.uid, { hash: r.content_hash, sequence: r.sequence, cancelled: r.cancelled === 1 }]));
        const out = new Map<string, number>();
        for (const e of events) {
          const prev = stored.get(e.uid);
          if (prev && prev.hash === e.hash && !prev.cancelled) {
            out.set(e.uid, prev.sequence);
            if (e.start !== undefined) stmts.describeIcsExport.run({ uid: e.uid, title: e.title ?? '', start: e.start });
            continue;
          }
          const sequence = prev?.cancelled ? prev.sequence + 1 : next(e, prev ? prev.sequence : null);
          stmts.upsertIcsExport.run({ uid: e.uid, hash: e.hash, sequence, now: now.toISOString(), title: e.title ?? '', start: e.start ?? '' });
          stored.set(e.uid, { hash: e.hash, sequence, cancelled: false });
          out.set(e.uid, sequence);
        }
        const current = new Set(events.map((e) => e.uid));
        const cancelled: { uid: string; sequence: number; title: string; start: string }[] = [];
        for (const r of rows) {
          const uid = r.uid;
          if (current.has(uid) || r.cancelled === 1 || r.start === '') continue;
          // The export says CANCELLED with sequence + 1 (cancelledIcsEvents); that is what is stored.
          stmts.cancelIcsExport.run({ uid, sequence: r.sequence + 1, now: now.toISOString() });
          cancelled.push({ uid, sequence: r.sequence, title: r.title, start: r.start });
        }
        return { sequences: out, cancelled };
      });
    },
  };
}
