import type { Statement } from 'better-sqlite3';
import type { Db } from '../open';
import { inTransaction, writeStamp } from '../open';
import { columnNames, fromRow, rowMatcher, toRow, type ColumnSpec, type RawRow } from '../columns';
import { AppError } from '../../errors';
import { assertSignalBudget } from './signals-repo';
import { compareNames, PROGRAM_LABELS, TRACKS, type Institution, type InstitutionFields, type Program, type ProgramTrackFields, type TierOverride, type UnfilledYear } from '../../../shared/domain/program';

export const INSTITUTION_COLUMNS: ColumnSpec<InstitutionFields> = {
  name: 'text', city: 'text', state: 'text', website: 'text', setting: 'text', researchHeavy: 'bool', visaSponsorship: 'text',
  imgSharePct: 'real', nonUsImgResidents: 'text', pdName: 'text', pdEmail: 'text', coordinatorName: 'text',
  coordinatorEmail: 'text', internalConnection: 'bool', notes: 'text', dataSource: 'text', lastVerified: 'text',
  acgmeId: 'text', imgFriendliness: 'text', pgy1Salary: 'int',
  acceptsSignals: 'text', signalSent: 'bool',
};

export type TrackScalars = Omit<ProgramTrackFields, 'unfilledHistory'>;
export const PROGRAM_COLUMNS: ColumnSpec<TrackScalars> = {
  track: 'text', nrmpCode: 'nullableText', erasProgramId: 'nullableText', minStep2ck: 'int', minStep2ckKind: 'text',
  minStep1: 'int', minStep1Kind: 'text', firstAttemptOnly: 'text', maxYearsSinceGraduation: 'int', usceRequired: 'text',
  usceMonthsRequired: 'int', positionsOffered: 'int', tags: 'json', notes: 'text',
  minStep2ckKindStated: 'bool', noStep2ckCutoff: 'bool', minGraduationYear: 'int', noGraduationLimit: 'bool', uscePreferred: 'bool',
  unfilledCount: 'int', unfilledWindow: 'int', unfilledYears: 'json', applicationsReceived: 'int',
};

export interface TrackToSave extends ProgramTrackFields {
  id?: number | undefined;
}

/** Preliminary first: the track most of our users apply to. */
const trackOrder = (t: (typeof TRACKS)[number]) => TRACKS.indexOf(t);

// The rows as SQLite returns them: the columns the code reads by name are typed here, the
// others are mapped by the column specs above.
interface InstitutionRow {
  [column: string]: unknown;
  id: number;
  is_sample: 0 | 1;
  created_at: string;
  updated_at: string;
}
interface ProgramRow {
  [column: string]: unknown;
  id: number;
  institution_id: number;
  on_list: 0 | 1;
  created_at: string;
  updated_at: string;
}
interface OverrideRow {
  program_id: number;
  outcome: TierOverride['outcome'];
  note: string;
  updated_at: string;
}
interface UnfilledRow {
  program_id: number;
  match_year: number;
  unfilled: number;
}

function rowToOverride(r: OverrideRow): TierOverride {
  return { outcome: r.outcome, note: r.note, updatedAt: r.updated_at };
}

/**
 * The institution of a row. The fields are copied into one object literal so that every
 * institution (and every program, rowToProgram) has the same V8 shape, frozen too: objects
 * built key by key under computed names (fromRow) may each get a shape of their own when
 * frozen, ~1 KB apiece, which counts at 50,000 programs. The column specs stay the one list
 * of columns and conversions (the compiler checks that the literal names every field).
 */
function rowToInstitution(row: InstitutionRow): Institution {
  const f = fromRow<InstitutionFields>(row, INSTITUTION_COLUMNS);
  return {
    name: f.name, city: f.city, state: f.state, website: f.website, setting: f.setting, researchHeavy: f.researchHeavy, visaSponsorship: f.visaSponsorship, imgSharePct: f.imgSharePct, nonUsImgResidents: f.nonUsImgResidents, pdName: f.pdName, pdEmail: f.pdEmail, coordinatorName: f.coordinatorName, coordinatorEmail: f.coordinatorEmail, internalConnection: f.internalConnection, notes: f.notes, dataSource: f.dataSource, lastVerified: f.lastVerified, acgmeId: f.acgmeId, imgFriendliness: f.imgFriendliness, pgy1Salary: f.pgy1Salary, acceptsSignals: f.acceptsSignals, signalSent: f.signalSent,
    id: row.id,
    isSample: row.is_sample === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The full program list, kept per connection while nothing has changed: the Programs screen
 * and several handlers (tiers, readiness, dashboard, SOAP) read all programs, and mapping and
 * sorting thousands of rows is the costly part. The key is this connection's total_changes()
 * (any write here, even one rolled back, changes it) and data_version (a commit by another
 * connection changes it). Nothing is cached inside a transaction, so uncommitted rows are
 * never kept. Cached programs are frozen: a caller that tried to change one would fail
 * loudly instead of changing what the next caller sees.
 */
const listCache = new WeakMap<Db, { key: string; programs: readonly Program[] }>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface SharedProgram {
  overrideRow: OverrideRow | undefined;
  value: Program;
}
/** Where the database's change log (program_change, migration 015) stood when the objects were read. */
interface Synced {
  /** The newest program_change.seq then (0: none yet). */
  seq: number;
  /** PRAGMA schema_version then: a schema change (a migration, a table rebuilt) can change rows without the log. */
  schema: number;
}
interface Shared {
  institutions: Map<number, Institution>;
  programs: Map<number, SharedProgram>;
  /** Program ids in the order last returned. */
  order: number[];
  /** Set when the objects are exactly the committed rows at that log position (read outside a transaction); otherwise every row is compared on the next read. */
  synced: Synced | undefined;
}
/**
 * The frozen objects made from the last rows read, per connection (see readAll). Only the
 * objects are kept, not the rows: each new row is compared with the object made from the
 * last one (rowMatcher), so at 50,000 programs the cache holds ~1.3 KB per program. After a
 * write only the rows the change log names are read again (readChanged).
 */
const sharing = new WeakMap<Db, Shared>();

/** How the list was read on each connection: every row, or only the rows the change log named. */
const readCounts = new WeakMap<Db, { every: number; changed: number }>();
/** How many times the program list was read from every row or from the change log on db (for tests and the benchmark). */
export function programListReads(db: Db): { every: number; changed: number } {
  return { ...(readCounts.get(db) ?? { every: 0, changed: 0 }) };
}

/** Rows of one statement have the same columns: equal when every value is. */
function sameRow<R extends object>(a: R, b: R): boolean {
  for (const k in b) if (a[k] !== b[k]) return false;
  return true;
}

/** The row object of raw values (names: the statement's columns, in order). */
function rowOf<R>(values: RawRow, names: readonly string[]): R {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
  return row as R;
}

function sameHistory(a: readonly UnfilledYear[], b: readonly UnfilledYear[]): boolean {
  return a.length === b.length && a.every((u, i) => u.year === b[i]!.year && u.unfilled === b[i]!.unfilled);
}

/** The statements readChanged reads the change log and the changed rows with. */
interface ChangeLog {
  bounds: Statement;
  since: Statement;
  institution: Statement;
  program: Statement;
  programIdsOf: Statement;
  counts: Statement;
}

export function createProgramsRepo(db: Db) {
  const iCols = columnNames(INSTITUTION_COLUMNS);
  const pCols = columnNames(PROGRAM_COLUMNS);
  const stmts = {
    allInstitutions: db.prepare('SELECT * FROM institution').raw(),
    institution: db.prepare('SELECT * FROM institution WHERE id = ?'),
    allPrograms: db.prepare('SELECT * FROM program').raw(),
    programsOf: db.prepare('SELECT * FROM program WHERE institution_id = ?'),
    program: db.prepare('SELECT * FROM program WHERE id = ?'),
    allUnfilled: db.prepare('SELECT * FROM program_unfilled ORDER BY match_year DESC'),
    allOverrides: db.prepare('SELECT * FROM tier_override'),
    overrideOf: db.prepare('SELECT * FROM tier_override WHERE program_id = ?'),
    unfilledOf: db.prepare('SELECT * FROM program_unfilled WHERE program_id = ? ORDER BY match_year DESC'),
    insertInstitution: db.prepare(
      `INSERT INTO institution (${iCols.join(', ')}, created_at, updated_at) VALUES (${iCols.map((c) => `@${c}`).join(', ')}, @now, @now)`,
    ),
    updateInstitution: db.prepare(`UPDATE institution SET ${iCols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`),
    insertProgram: db.prepare(
      `INSERT INTO program (institution_id, ${pCols.join(', ')}, created_at, updated_at) VALUES (@institution_id, ${pCols.map((c) => `@${c}`).join(', ')}, @now, @now)`,
    ),
    updateProgram: db.prepare(`UPDATE program SET ${pCols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id AND institution_id = @institution_id`),
    deleteProgram: db.prepare('DELETE FROM program WHERE id = ?'),
    deleteInstitution: db.prepare('DELETE FROM institution WHERE id = ?'),
    countPrograms: db.prepare('SELECT COUNT(*) FROM program WHERE institution_id = ?').pluck(),
    deleteUnfilled: db.prepare('DELETE FROM program_unfilled WHERE program_id = ?'),
    insertUnfilled: db.prepare('INSERT INTO program_unfilled (program_id, match_year, unfilled) VALUES (?, ?, ?)'),
    // The spreadsheet import sets the on-list flag too (NULL on an update: leave it as it is).
    importProgram: db.prepare(
      `INSERT INTO program (institution_id, ${pCols.join(', ')}, on_list, created_at, updated_at) VALUES (@institution_id, ${pCols.map((c) => `@${c}`).join(', ')}, @on_list, @now, @now)`,
    ),
    importUpdateProgram: db.prepare(`UPDATE program SET ${pCols.map((c) => `${c} = @${c}`).join(', ')}, on_list = COALESCE(@on_list, on_list), updated_at = @now WHERE id = @id`),
    byNrmp: db.prepare(
      'SELECT p.id, p.track, i.name FROM program p JOIN institution i ON i.id = p.institution_id WHERE p.nrmp_code = ?',
    ),
    byEras: db.prepare(
      'SELECT p.id, p.track, i.name FROM program p JOIN institution i ON i.id = p.institution_id WHERE p.eras_program_id = ?',
    ),
  };
  let changeLogStmts: ChangeLog | null | undefined;
  /** The change log's statements, or null on a database without it (an older schema opened as it is). */
  const changeLog = (): ChangeLog | null => {
    if (changeLogStmts === undefined) {
      try {
        changeLogStmts = {
          bounds: db.prepare('SELECT max(seq) AS newest, min(seq) AS oldest FROM program_change'),
          since: db.prepare('SELECT institution_id, program_id FROM program_change WHERE seq > ?').raw(),
          institution: db.prepare('SELECT * FROM institution WHERE id = ?').raw(),
          program: db.prepare('SELECT * FROM program WHERE id = ?').raw(),
          programIdsOf: db.prepare('SELECT id FROM program WHERE institution_id = ?').pluck(),
          counts: db.prepare('SELECT (SELECT count(*) FROM institution), (SELECT count(*) FROM program)').raw(),
        };
      } catch {
        changeLogStmts = null;
      }
    }
    return changeLogStmts;
  };
  const institutionColumns = stmts.allInstitutions.columns().map((c) => c.name);
  const programColumns = stmts.allPrograms.columns().map((c) => c.name);
  const at = (columns: readonly string[], name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new Error(`programs-repo: no column ${name}.`);
    return i;
  };
  const inst = { id: at(institutionColumns, 'id'), isSample: at(institutionColumns, 'is_sample'), created: at(institutionColumns, 'created_at'), updated: at(institutionColumns, 'updated_at') };
  const prog = { id: at(programColumns, 'id'), institution: at(programColumns, 'institution_id'), onList: at(programColumns, 'on_list'), created: at(programColumns, 'created_at'), updated: at(programColumns, 'updated_at') };
  const institutionFieldsMatch = rowMatcher(INSTITUTION_COLUMNS, institutionColumns);
  const programFieldsMatch = rowMatcher(PROGRAM_COLUMNS, programColumns);
  /** Whether `value` is what rowToInstitution makes of this row. */
  const institutionMatches = (value: Institution, v: RawRow) =>
    value.isSample === (v[inst.isSample] === 1) && value.createdAt === v[inst.created] && value.updatedAt === v[inst.updated] && institutionFieldsMatch(value, v);
  /** Whether `value` is what rowToProgram makes of this row (the institution, history and override are compared apart). */
  const programMatches = (value: Program, v: RawRow) =>
    value.onList === (v[prog.onList] === 1) && value.createdAt === v[prog.created] && value.updatedAt === v[prog.updated] && programFieldsMatch(value, v);

  /** The program of a row, in one object literal (see rowToInstitution). */
  function rowToProgram(row: ProgramRow, institution: Institution, unfilled: UnfilledYear[], override: TierOverride | null): Program {
    const f = fromRow<TrackScalars>(row, PROGRAM_COLUMNS);
    return {
      track: f.track, nrmpCode: f.nrmpCode, erasProgramId: f.erasProgramId, minStep2ck: f.minStep2ck, minStep2ckKind: f.minStep2ckKind, minStep1: f.minStep1, minStep1Kind: f.minStep1Kind, firstAttemptOnly: f.firstAttemptOnly, maxYearsSinceGraduation: f.maxYearsSinceGraduation, usceRequired: f.usceRequired, usceMonthsRequired: f.usceMonthsRequired, positionsOffered: f.positionsOffered, tags: f.tags, notes: f.notes, minStep2ckKindStated: f.minStep2ckKindStated, noStep2ckCutoff: f.noStep2ckCutoff, minGraduationYear: f.minGraduationYear, noGraduationLimit: f.noGraduationLimit, uscePreferred: f.uscePreferred, unfilledCount: f.unfilledCount, unfilledWindow: f.unfilledWindow, unfilledYears: f.unfilledYears, applicationsReceived: f.applicationsReceived,
      unfilledHistory: unfilled,
      id: row.id,
      institutionId: row.institution_id,
      onList: row.on_list === 1,
      override,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      institution,
    };
  }

  function ensureUnique(stmt: typeof stmts.byNrmp, value: string, ownId: number | undefined, what: string): void {
    if (value === '') return;
    const other = stmt.get(value) as { id: number; track: keyof typeof PROGRAM_LABELS.track; name: string } | undefined;
    if (other && other.id !== ownId) {
      throw new AppError(
        'conflict',
        `${what} ${value} is already used by ${other.name} (${PROGRAM_LABELS.track[other.track]}). Each program has its own ${what}; check the code or edit that program instead.`,
      );
    }
  }

  /** The institution of this row: `before` itself when the row is what it was made from. */
  function institutionFrom(values: RawRow, before: Institution | undefined): Institution {
    return before && institutionMatches(before, values) ? before : Object.freeze(rowToInstitution(rowOf<InstitutionRow>(values, institutionColumns)));
  }

  /** The program of this row: `before` itself when nothing it was made from changed. */
  function programFrom(values: RawRow, institution: Institution, history: UnfilledYear[], overrideRow: OverrideRow | undefined, before: SharedProgram | undefined): SharedProgram {
    if (
      before &&
      before.value.institution === institution &&
      programMatches(before.value, values) &&
      sameHistory(before.value.unfilledHistory, history) &&
      (before.overrideRow === undefined ? overrideRow === undefined : overrideRow !== undefined && sameRow(before.overrideRow, overrideRow))
    ) {
      return before;
    }
    const row = rowOf<ProgramRow>(values, programColumns);
    return { overrideRow, value: deepFreeze(rowToProgram(row, institution, history, overrideRow ? rowToOverride(overrideRow) : null)) };
  }

  const sortPrograms = (programs: Program[]) =>
    programs.sort((a, b) => compareNames(a.institution.name, b.institution.name) || a.institutionId - b.institutionId || trackOrder(a.track) - trackOrder(b.track));
  /** Whether a and b sort alike (sortPrograms' keys). */
  const sortsAlike = (a: Program, b: Program) => a === b || (a.institution.name === b.institution.name && a.institutionId === b.institutionId && a.track === b.track);

  /**
   * Every program with its institution, unfilled history and override, sorted by institution
   * then track, every row read. Objects whose rows did not change since the last read are
   * reused (structural sharing): after a write to one program the others keep their
   * identity, so results keyed by program object (the tier cache) stay valid for them, and
   * unchanged rows are not mapped again. Rows are read one at a time (iterate), not as one
   * array: each is garbage as soon as it is compared, so at 50,000 programs a read after a
   * write no longer leaves ~100 MB of rows for the old generation (the host's RSS grew by
   * that much per write until a full GC).
   */
  function readAll(previous: Shared | undefined): { shared: Shared; programs: Program[] } {
    const next: Shared = { institutions: new Map(), programs: new Map(), order: [], synced: undefined };
    for (const values of stmts.allInstitutions.iterate() as IterableIterator<RawRow>) {
      const id = values[inst.id] as number;
      next.institutions.set(id, institutionFrom(values, previous?.institutions.get(id)));
    }
    const unfilled = new Map<number, UnfilledYear[]>();
    for (const r of stmts.allUnfilled.iterate() as IterableIterator<UnfilledRow>) {
      const list = unfilled.get(r.program_id) ?? [];
      list.push({ year: r.match_year, unfilled: r.unfilled });
      unfilled.set(r.program_id, list);
    }
    const overrides = new Map((stmts.allOverrides.all() as OverrideRow[]).map((r) => [r.program_id, r]));
    const programs: Program[] = [];
    for (const values of stmts.allPrograms.iterate() as IterableIterator<RawRow>) {
      const id = values[prog.id] as number;
      const institution = next.institutions.get(values[prog.institution] as number)!;
      const entry = programFrom(values, institution, unfilled.get(id) ?? [], overrides.get(id), previous?.programs.get(id));
      next.programs.set(id, entry);
      programs.push(entry.value);
    }
    // The same programs with the same names and tracks keep the last order: no sort.
    const sameOrder =
      previous !== undefined &&
      previous.order.length === programs.length &&
      programs.every((p) => {
        const before = previous.programs.get(p.id)?.value;
        return before !== undefined && sortsAlike(before, p);
      });
    const sorted = sameOrder ? previous.order.map((id) => next.programs.get(id)!.value) : sortPrograms(programs);
    next.order = sorted.map((p) => p.id);
    return { shared: next, programs: sorted };
  }

  /**
   * The programs after the writes the change log lists since `synced`, read from `shared`
   * (changed in place) and only the rows the log names; null when the log cannot say for
   * sure what changed (the caller then reads every row):
   * - the schema changed (a migration may rebuild tables without the log);
   * - the log no longer holds every entry after synced.seq (it keeps the newest ~4,096;
   *   pruning deletes the oldest, so finding the entry right after synced.seq, or none newer
   *   at all, proves nothing was missed), or its newest entry is older than synced.seq;
   * - more rows changed than are worth reading one by one (an import, a restore);
   * - a program's institution is missing (only with foreign keys off);
   * - the counts of institutions and programs differ from the objects kept: a delete the
   *   log did not see (INSERT OR REPLACE deleting another row fires no delete trigger; its
   *   own insert or update is logged, so this is checked whenever there are entries).
   * Rows of unfilled history and overrides are logged under their program on every insert,
   * update and delete (their keys hold the program id, so a REPLACE there is logged too).
   * Must run inside a read transaction, so the log and the rows are one snapshot.
   */
  function readChanged(shared: Shared, synced: Synced, log: ChangeLog): Program[] | null {
    if (db.pragma('schema_version', { simple: true }) !== synced.schema) return null;
    const { newest, oldest } = log.bounds.get() as { newest: number | null; oldest: number | null };
    if ((newest ?? 0) < synced.seq) return null;
    if (newest !== null && newest > synced.seq && (oldest === null || oldest > synced.seq + 1)) return null;
    // No entry: no row changed. A change the log does not see comes with one it sees (a REPLACE's
    // deletes with its own insert or update, in the same statement), so the counts are not needed.
    if (newest === synced.seq) return shared.order.map((id) => shared.programs.get(id)!.value);
    const entries = log.since.all(synced.seq) as [number | null, number | null][];
    if (entries.length > shared.programs.size / 4 + 64) return null;
    const institutionIds = new Set<number>();
    const programIds = new Set<number>();
    for (const [institutionId, programId] of entries) {
      if (institutionId !== null) institutionIds.add(institutionId);
      if (programId !== null) programIds.add(programId);
    }
    for (const id of institutionIds) {
      const values = log.institution.get(id) as RawRow | undefined;
      const before = shared.institutions.get(id);
      if (values === undefined) {
        shared.institutions.delete(id);
      } else {
        const value = institutionFrom(values, before);
        if (value === before) continue;
        shared.institutions.set(id, value);
      }
      // Its programs show it: each is made again (a deleted one's, if any are left, fail below).
      for (const programId of log.programIdsOf.all(id) as number[]) programIds.add(programId);
    }
    let resort = false;
    for (const id of programIds) {
      const values = log.program.get(id) as RawRow | undefined;
      const before = shared.programs.get(id);
      if (values === undefined) {
        if (shared.programs.delete(id)) resort = true;
        continue;
      }
      const institution = shared.institutions.get(values[prog.institution] as number);
      if (institution === undefined) return null;
      const history = (stmts.unfilledOf.all(id) as UnfilledRow[]).map((u) => ({ year: u.match_year, unfilled: u.unfilled }));
      const entry = programFrom(values, institution, history, stmts.overrideOf.get(id) as OverrideRow | undefined, before);
      if (before === undefined || !sortsAlike(before.value, entry.value)) resort = true;
      shared.programs.set(id, entry);
    }
    const counts = log.counts.get() as [number, number];
    if (counts[0] !== shared.institutions.size || counts[1] !== shared.programs.size) return null;
    if (!resort) return shared.order.map((id) => shared.programs.get(id)!.value);
    // The last order with the changes in it: nearly sorted, which the sort takes in ~one pass.
    const programs: Program[] = [];
    const placed = new Set<number>();
    for (const id of shared.order) {
      const entry = shared.programs.get(id);
      if (entry) {
        programs.push(entry.value);
        placed.add(id);
      }
    }
    for (const [id, entry] of shared.programs) if (!placed.has(id)) programs.push(entry.value);
    const sorted = sortPrograms(programs);
    shared.order = sorted.map((p) => p.id);
    return sorted;
  }

  /**
   * Every program (see readAll). Outside a transaction, after a write, only the rows the
   * database's change log names are read again (readChanged), when it can say; inside one,
   * every row is compared and the objects are marked as not matching any committed state.
   */
  function read(): Program[] {
    const previous = sharing.get(db);
    const counts = readCounts.get(db) ?? { every: 0, changed: 0 };
    readCounts.set(db, counts);
    if (db.inTransaction) {
      const { shared, programs } = readAll(previous);
      sharing.set(db, shared);
      counts.every++;
      return programs;
    }
    const log = changeLog();
    return db.transaction(() => {
      const synced = previous?.synced;
      let changed: Program[] | null = null;
      if (previous && synced && log) {
        // Changed in place: not synced (nor in a known order) until it is done.
        previous.synced = undefined;
        changed = readChanged(previous, synced, log);
        if (changed === null) previous.order = [];
      }
      let shared: Shared;
      let programs: Program[];
      if (previous && changed !== null) {
        shared = previous;
        programs = changed;
        counts.changed++;
      } else {
        ({ shared, programs } = readAll(previous));
        sharing.set(db, shared);
        counts.every++;
      }
      if (log) shared.synced = { seq: (log.bounds.get() as { newest: number | null }).newest ?? 0, schema: db.pragma('schema_version', { simple: true }) as number };
      return programs;
    }).deferred();
  }

  const repo = {
    list(): Program[] {
      const key = db.inTransaction ? null : writeStamp(db);
      const cached = key === null ? undefined : listCache.get(db);
      if (cached && cached.key === key) return cached.programs.slice();
      const programs = read();
      if (key !== null) listCache.set(db, { key, programs: Object.freeze(programs.slice()) });
      return programs;
    },

    get(id: number): Program | undefined {
      const row = stmts.program.get(id) as ProgramRow | undefined;
      if (!row) return undefined;
      const inst = rowToInstitution(stmts.institution.get(row.institution_id) as InstitutionRow);
      const unfilled = (stmts.unfilledOf.all(id) as UnfilledRow[]).map((u) => ({ year: u.match_year, unfilled: u.unfilled }));
      const override = stmts.overrideOf.get(id) as OverrideRow | undefined;
      return rowToProgram(row, inst, unfilled, override ? rowToOverride(override) : null);
    },

    institution(id: number): Institution | undefined {
      const row = stmts.institution.get(id) as InstitutionRow | undefined;
      return row ? rowToInstitution(row) : undefined;
    },

    programsOf(institutionId: number): Program[] {
      return (stmts.programsOf.all(institutionId) as { id: number }[]).map((r) => repo.get(r.id)!).sort((a, b) => trackOrder(a.track) - trackOrder(b.track));
    },

    /**
     * Creates or updates an institution with exactly the given tracks, in one transaction.
     * Tracks of the institution that are not given are deleted.
     */
    saveInstitution(input: InstitutionFields & { id?: number | undefined }, tracks: TrackToSave[], now: Date): { institution: Institution; programs: Program[] } {
      const stamp = now.toISOString();
      const institutionId = inTransaction(db, () => {
        let id = input.id;
        if (id !== undefined) {
          const res = stmts.updateInstitution.run({ ...toRow(input, INSTITUTION_COLUMNS), id, now: stamp });
          if (res.changes === 0) throw new AppError('not_found', `Institution ${id} no longer exists; reload the list.`);
        } else {
          id = Number(stmts.insertInstitution.run({ ...toRow(input, INSTITUTION_COLUMNS), now: stamp }).lastInsertRowid);
        }
        const existing = stmts.programsOf.all(id) as { id: number; track: string }[];
        const keepIds = new Set(tracks.map((t) => t.id).filter((x): x is number => x !== undefined));
        for (const t of tracks) {
          if (t.id !== undefined && !existing.some((e) => e.id === t.id)) {
            throw new AppError('not_found', `Program ${t.id} does not belong to this institution; reload the list.`);
          }
        }
        // Delete removed tracks first so a track can change place with its sibling.
        for (const e of existing) if (!keepIds.has(e.id)) stmts.deleteProgram.run(e.id);
        for (const t of tracks) {
          ensureUnique(stmts.byNrmp, t.nrmpCode, t.id, 'NRMP code');
          ensureUnique(stmts.byEras, t.erasProgramId, t.id, 'ERAS program ID');
          const row = { ...toRow(t, PROGRAM_COLUMNS), institution_id: id, now: stamp };
          let programId = t.id;
          if (programId !== undefined) {
            stmts.updateProgram.run({ ...row, id: programId });
          } else {
            programId = Number(stmts.insertProgram.run(row).lastInsertRowid);
          }
          stmts.deleteUnfilled.run(programId);
          for (const u of t.unfilledHistory) stmts.insertUnfilled.run(programId, u.year, u.unfilled);
        }
        // No more signals sent than the budget (docs/DOMAIN.md §6): the 16th of 15 rolls the save back.
        assertSignalBudget(db);
        return id;
      });
      return { institution: repo.institution(institutionId)!, programs: repo.programsOf(institutionId) };
    },

    /**
     * The spreadsheet import's writes, row by row as its plan says (call inside its
     * transaction; the plan already checked every value and the unique codes).
     */
    importWriter(now: Date) {
      const stamp = now.toISOString();
      const replaceUnfilled = (programId: number, history: readonly UnfilledYear[], isNew: boolean) => {
        if (!isNew) stmts.deleteUnfilled.run(programId);
        for (const u of history) stmts.insertUnfilled.run(programId, u.year, u.unfilled);
      };
      return {
        /** Adds an institution; returns its id. */
        addInstitution(fields: InstitutionFields): number {
          const row = toRow(fields, INSTITUTION_COLUMNS);
          row.now = stamp;
          return Number(stmts.insertInstitution.run(row).lastInsertRowid);
        },
        updateInstitution(id: number, fields: InstitutionFields): void {
          const row = toRow(fields, INSTITUTION_COLUMNS);
          row.now = stamp;
          row.id = id;
          stmts.updateInstitution.run(row);
        },
        /** Adds a track with its unfilled history; returns its id. */
        addProgram(institutionId: number, track: ProgramTrackFields, onList: boolean): number {
          // One parameter object per row, filled in place (no copies of it).
          const row = toRow(track, PROGRAM_COLUMNS);
          row.now = stamp;
          row.on_list = onList ? 1 : 0;
          row.institution_id = institutionId;
          const id = Number(stmts.importProgram.run(row).lastInsertRowid);
          replaceUnfilled(id, track.unfilledHistory, true);
          return id;
        },
        /** Updates a track; onList undefined keeps the flag; the unfilled history is replaced only when asked. */
        updateProgram(id: number, track: ProgramTrackFields, onList: boolean | undefined, withUnfilled: boolean): void {
          const row = toRow(track, PROGRAM_COLUMNS);
          row.now = stamp;
          row.on_list = onList === undefined ? null : onList ? 1 : 0;
          row.id = id;
          stmts.importUpdateProgram.run(row);
          if (withUnfilled) replaceUnfilled(id, track.unfilledHistory, false);
        },
      };
    },

    deleteProgram(id: number): { deletedInstitution: boolean } {
      return inTransaction(db, () => {
        const row = stmts.program.get(id) as { institution_id: number } | undefined;
        if (!row) throw new AppError('not_found', `Program ${id} does not exist (it may have been deleted already); reload the list.`);
        stmts.deleteProgram.run(id);
        const left = stmts.countPrograms.get(row.institution_id) as number;
        if (left === 0) stmts.deleteInstitution.run(row.institution_id);
        return { deletedInstitution: left === 0 };
      });
    },

    deleteInstitution(id: number): { deletedPrograms: number } {
      return inTransaction(db, () => {
        const n = stmts.countPrograms.get(id) as number;
        const res = stmts.deleteInstitution.run(id);
        if (res.changes === 0) throw new AppError('not_found', `Institution ${id} does not exist (it may have been deleted already); reload the list.`);
        return { deletedPrograms: n };
      });
    },
  };
  return repo;
}

export type ProgramsRepo = ReturnType<typeof createProgramsRepo>;
