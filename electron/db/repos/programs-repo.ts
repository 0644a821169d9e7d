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
interface Shared {
  institutions: Map<number, Institution>;
  programs: Map<number, SharedProgram>;
  /** Program ids in the order last returned. */
  order: number[];
}
/**
 * The frozen objects made from the last rows read, per connection (see readAll). Only the
 * objects are kept, not the rows: each new row is compared with the object made from the
 * last one (rowMatcher), so at 50,000 programs the cache holds ~1.3 KB per program.
 */
const sharing = new WeakMap<Db, Shared>();

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

  /**
   * Every program with its institution, unfilled history and override, sorted by institution
   * then track. Objects whose rows did not change since the last read are reused (structural
   * sharing): after a write to one program the others keep their identity, so results keyed
   * by program object (the tier cache) stay valid for them, and unchanged rows are not mapped
   * again. Rows are read one at a time (iterate), not as one array: each is garbage as soon
   * as it is compared, so at 50,000 programs a read after a write no longer leaves ~100 MB of
   * rows for the old generation (the host's RSS grew by that much per write until a full GC).
   */
  function readAll(): Program[] {
    const previous = sharing.get(db);
    const next: Shared = { institutions: new Map(), programs: new Map(), order: [] };
    for (const values of stmts.allInstitutions.iterate() as IterableIterator<RawRow>) {
      const id = values[inst.id] as number;
      const before = previous?.institutions.get(id);
      next.institutions.set(id, before && institutionMatches(before, values) ? before : Object.freeze(rowToInstitution(rowOf<InstitutionRow>(values, institutionColumns))));
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
      const history = unfilled.get(id) ?? [];
      const overrideRow = overrides.get(id);
      const before = previous?.programs.get(id);
      let entry: SharedProgram;
      if (
        before &&
        before.value.institution === institution &&
        programMatches(before.value, values) &&
        sameHistory(before.value.unfilledHistory, history) &&
        (before.overrideRow === undefined ? overrideRow === undefined : overrideRow !== undefined && sameRow(before.overrideRow, overrideRow))
      ) {
        entry = before;
      } else {
        const row = rowOf<ProgramRow>(values, programColumns);
        entry = { overrideRow, value: deepFreeze(rowToProgram(row, institution, history, overrideRow ? rowToOverride(overrideRow) : null)) };
      }
      next.programs.set(id, entry);
      programs.push(entry.value);
    }
    // The same programs with the same names and tracks keep the last order: no sort.
    const sameOrder =
      previous !== undefined &&
      previous.order.length === programs.length &&
      programs.every((p) => {
        const before = previous.programs.get(p.id)?.value;
        return before !== undefined && (before === p || (before.institution.name === p.institution.name && before.institutionId === p.institutionId && before.track === p.track));
      });
    const sorted = sameOrder
      ? previous.order.map((id) => next.programs.get(id)!.value)
      : programs.sort((a, b) => compareNames(a.institution.name, b.institution.name) || a.institutionId - b.institutionId || trackOrder(a.track) - trackOrder(b.track));
    next.order = sorted.map((p) => p.id);
    sharing.set(db, next);
    return sorted;
  }

  const repo = {
    list(): Program[] {
      const key = db.inTransaction ? null : writeStamp(db);
      const cached = key === null ? undefined : listCache.get(db);
      if (cached && cached.key === key) return cached.programs.slice();
      const programs = readAll();
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
