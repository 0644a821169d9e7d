// SOAP (docs/DOMAIN.md §5): the fallback plan, Monday's List of Unfilled Programs and the Match
// Week applications. Every rule is asked of the pure engine (shared/engine/soap-*) before a
// write, inside one transaction, so a refused request changes nothing.
import type { Db } from '../open';
import { inTransaction } from '../open';
import { AppError } from '../../errors';
import { rowMapper, notFound } from '../columns';
import { createProgramsRepo } from './programs-repo';
import { ADVANCED_ONLY_NOTE, createApplicationsRepo, UNMATCHED_NOTE } from './applications-repo';
import { emptyInstitution, emptyTrack, type Program, programLabel } from '../../../shared/domain/program';
import { parseNrmpCode } from '../../../shared/domain/nrmp';
import { SOAP_MATCH_STATUS_LABELS, SOAP_MAX_APPLICATIONS, type SoapApplication, type SoapMatchStatus, type SoapPlanEntry, type SoapState, type SoapUnfilledProgram } from '../../../shared/domain/soap';
import { intersectUnfilled, rerankPlanToOpen, soapTrackProblem } from '../../../shared/engine/soap-fallback';
import { offersExpiringAt, soapApplyProblem, soapDecideProblem, soapInterviewProblem, soapOfferProblem, type SoapClock } from '../../../shared/engine/soap-match-week';
import type { ParsedUnfilledList } from '../../../shared/engine/soap-unfilled-list';
import type { SoapImportResult } from '../../../shared/api/soap-api';

/** The tag and data source that mark programs the unfilled-list import created. */
export const UNFILLED_LIST_TAG = 'SOAP unfilled list';

/**
 * What an unfilled-list import did: `matched` plan programs on the list (open), `planNotOpen`
 * plan programs not on it, `notInPlan` known programs on it outside the plan, `added` programs
 * the import created, `otherPrograms` lines of other specialties or tracks left out,
 * `unreadable` lines with no NRMP code (first ones, for the user to check).
 */
export type UnfilledImportSummary = SoapImportResult['summary'];


const rowToApplication = rowMapper<SoapApplication>({ id: 'int', programId: 'int', label: 'text', nrmpCode: 'text', status: 'text', appliedAt: 'text', interviewAt: 'text', offerRound: 'int', decidedAt: 'text' });
const rowToUnfilled = rowMapper<SoapUnfilledProgram>({ nrmpCode: 'text', name: 'text', state: 'text', positions: 'int', programId: 'int', addedByImport: 'bool' });
const rowToState = rowMapper<SoapState>({ matchStatus: 'text', prelimStatementReady: 'bool', unfilledImportedAt: 'text' });
const rowToPlanEntry = rowMapper<SoapPlanEntry>({ programId: 'int', position: 'int', note: 'text', addedAt: 'text' });

export function createSoapRepo(db: Db) {
  const programs = createProgramsRepo(db);
  const stmts = {
    state: db.prepare('SELECT * FROM soap_state WHERE id = 1'),
    setMatchStatus: db.prepare('UPDATE soap_state SET match_status = ? WHERE id = 1'),
    setStatement: db.prepare('UPDATE soap_state SET prelim_statement_ready = ? WHERE id = 1'),
    setImportedAt: db.prepare('UPDATE soap_state SET unfilled_imported_at = ? WHERE id = 1'),
    plan: db.prepare('SELECT * FROM soap_plan_entry ORDER BY position, program_id'),
    planHas: db.prepare('SELECT 1 FROM soap_plan_entry WHERE program_id = ?').pluck(),
    planInsert: db.prepare('INSERT INTO soap_plan_entry (program_id, position, note, added_at) VALUES (?, ?, ?, ?)'),
    planDelete: db.prepare('DELETE FROM soap_plan_entry WHERE program_id = ?'),
    planPosition: db.prepare('UPDATE soap_plan_entry SET position = ? WHERE program_id = ?'),
    unfilled: db.prepare('SELECT * FROM soap_unfilled ORDER BY name, nrmp_code'),
    unfilledClear: db.prepare('DELETE FROM soap_unfilled'),
    unfilledInsert: db.prepare(
      'INSERT INTO soap_unfilled (nrmp_code, name, state, positions, program_id, added_by_import, imported_at) VALUES (@code, @name, @state, @positions, @program_id, @added, @now)',
    ),
    unfilledHasProgram: db.prepare('SELECT 1 FROM soap_unfilled WHERE program_id = ?').pluck(),
    apps: db.prepare('SELECT * FROM soap_application ORDER BY id'),
    app: db.prepare('SELECT * FROM soap_application WHERE id = ?'),
    appByProgram: db.prepare('SELECT 1 FROM soap_application WHERE program_id = ?').pluck(),
    appInsert: db.prepare("INSERT INTO soap_application (program_id, label, nrmp_code, status, applied_at) VALUES (?, ?, ?, 'applied', ?)"),
    appInterview: db.prepare("UPDATE soap_application SET status = 'interview', interview_at = ? WHERE id = ?"),
    appOffer: db.prepare("UPDATE soap_application SET status = 'offered', offer_round = ? WHERE id = ?"),
    appDecide: db.prepare('UPDATE soap_application SET status = ?, decided_at = ? WHERE id = ?'),
    appCloseOthers: db.prepare("UPDATE soap_application SET status = 'closed', decided_at = ? WHERE id <> ? AND status IN ('applied','interview','offered')"),
  };

  function state(): SoapState {
    return rowToState(stmts.state.get() as Record<string, unknown>);
  }

  function plan(): SoapPlanEntry[] {
    return (stmts.plan.all() as Record<string, unknown>[]).map(rowToPlanEntry);
  }

  function writeOrder(ids: readonly number[]): void {
    ids.forEach((id, i) => stmts.planPosition.run(i + 1, id));
  }

  function applications(): SoapApplication[] {
    return (stmts.apps.all() as Record<string, unknown>[]).map(rowToApplication);
  }

  function application(id: number): SoapApplication {
    const r = stmts.app.get(id) as Record<string, unknown> | undefined;
    if (!r) throw new AppError('not_found', `SOAP application ${id} does not exist; reload the SOAP screen.`);
    return rowToApplication(r);
  }

  function program(id: number): Program {
    const p = programs.get(id);
    if (!p) throw notFound('Program', id, 'reload the SOAP screen');
    return p;
  }

  return {
    state,
    plan,
    applications,

    unfilled(): SoapUnfilledProgram[] {
      return (stmts.unfilled.all() as Record<string, unknown>[]).map(rowToUnfilled);
    },

    /** The Match Week result; "Unmatched" also records the Main Match result on the ranked applications (Not matched). */
    setMatchStatus(status: SoapMatchStatus, today: string, now: Date): void {
      inTransaction(db, () => {
        const accepted = applications().find((a) => a.status === 'accepted');
        if (accepted && status !== state().matchStatus) throw new AppError('conflict', `You accepted ${accepted.label} in SOAP: that acceptance is binding, so your Match Week result can no longer change.`);
        const before = state().matchStatus;
        if (before === status) return;
        const apps = createApplicationsRepo(db);
        const noPgy1Match = (s: SoapMatchStatus) => s === 'unmatched' || s === 'partial_advanced';
        const matched = noPgy1Match(status) ? apps.mainMatch() : null;
        if (matched) {
          throw new AppError(
            'conflict',
            `${apps.programName(matched.programId)} is Matched in Applications, so "${SOAP_MATCH_STATUS_LABELS[status]}" would contradict it. If that application is wrong, move it back to Ranked there first.`,
          );
        }
        stmts.setMatchStatus.run(status);
        // "Unmatched" and "advanced position only" are the Main Match result of every ranked (PGY-1) application.
        if (noPgy1Match(before)) apps.undoUnmatched(now);
        if (noPgy1Match(status)) apps.recordUnmatched(today, now, status === 'unmatched' ? UNMATCHED_NOTE : ADVANCED_ONLY_NOTE);
      });
    },

    setTicks(ticks: { prelimStatementReady: boolean }): void {
      inTransaction(db, () => {
        stmts.setStatement.run(ticks.prelimStatementReady ? 1 : 0);
      });
    },

    /** Adds programs at the end of the plan; refuses all if one cannot be added or the plan would pass 45. */
    addToPlan(ids: readonly number[], note: string, now: Date): { added: number[]; alreadyInPlan: number[] } {
      return inTransaction(db, () => {
        const accepted = applications().find((a) => a.status === 'accepted');
        if (accepted) throw new AppError('conflict', `You accepted ${accepted.label} in SOAP: that acceptance is binding, so the season is over and the fallback plan is closed.`);
        const status = state().matchStatus;
        const current = plan();
        const added: number[] = [];
        const alreadyInPlan: number[] = [];
        for (const id of new Set(ids)) {
          const p = program(id);
          const problem = soapTrackProblem(status, p);
          if (problem) throw new AppError('conflict', problem);
          (stmts.planHas.get(id) ? alreadyInPlan : added).push(id);
        }
        if (current.length + added.length > SOAP_MAX_APPLICATIONS) {
          const left = SOAP_MAX_APPLICATIONS - current.length;
          throw new AppError(
            'conflict',
            `SOAP allows at most ${SOAP_MAX_APPLICATIONS} applications, so the plan holds at most ${SOAP_MAX_APPLICATIONS} programs. It has ${current.length}: ${left === 0 ? 'remove one before adding another' : `add at most ${left} more`}.`,
          );
        }
        let position = current.reduce((m, e) => Math.max(m, e.position), 0);
        for (const id of added) stmts.planInsert.run(id, ++position, note, now.toISOString());
        return { added, alreadyInPlan };
      });
    },

    removeFromPlan(programId: number): void {
      inTransaction(db, () => {
        if (!stmts.planHas.get(programId)) throw new AppError('not_found', `Program ${programId} is not in your SOAP plan; reload the SOAP screen.`);
        stmts.planDelete.run(programId);
        writeOrder(plan().map((e) => e.programId));
      });
    },

    /** Sets the plan's order: the ids must be exactly the plan's programs. */
    reorderPlan(ids: readonly number[]): void {
      inTransaction(db, () => {
        const current = new Set(plan().map((e) => e.programId));
        if (ids.length !== current.size || ids.some((id) => !current.has(id))) {
          throw new AppError('conflict', 'The plan changed since this order was made (a program was added or removed); reload the SOAP screen and reorder again.');
        }
        writeOrder(ids);
      });
    },

    /**
     * Replaces the List of Unfilled Programs: intersects it with the plan and the program
     * database, adds unknown programs (tagged as from the unfilled list; they are tiered
     * like any other), and re-ranks the plan so open programs come first.
     */
    importUnfilled(list: ParsedUnfilledList, now: Date): UnfilledImportSummary {
      return inTransaction(db, () => {
        const known = programs.list();
        const planIds = plan().map((e) => e.programId);
        const x = intersectUnfilled(list.entries.map((e) => e.nrmpCode), known, planIds);
        const byCode = new Map(known.filter((p) => p.nrmpCode !== '').map((p) => [p.nrmpCode, p.id]));
        const day = now.toISOString().slice(0, 10);
        const added: number[] = [];
        stmts.unfilledClear.run();
        for (const e of list.entries) {
          let programId = byCode.get(e.nrmpCode);
          const isNew = programId === undefined;
          if (programId === undefined) {
            const track = parseNrmpCode(e.nrmpCode)!.track === 'P' ? 'preliminary' : 'categorical';
            const saved = programs.saveInstitution(
              { ...emptyInstitution(), name: e.name || `Program ${e.nrmpCode} (name not on the list)`, city: e.city.slice(0, 80), state: e.state, dataSource: `NRMP List of Unfilled Programs, imported ${day}`, notes: 'Added from the SOAP List of Unfilled Programs: check visa sponsorship, setting and filters before applying.' },
              [{ ...emptyTrack(track), nrmpCode: e.nrmpCode, positionsOffered: e.positions, tags: [UNFILLED_LIST_TAG] }],
              now,
            );
            programId = saved.programs[0]!.id;
            added.push(programId);
          }
          stmts.unfilledInsert.run({ code: e.nrmpCode, name: e.name, state: e.state, positions: e.positions, program_id: programId, added: isNew ? 1 : 0, now: now.toISOString() });
        }
        stmts.setImportedAt.run(now.toISOString());
        const open = new Set(list.entries.map((e) => byCode.get(e.nrmpCode)).filter((id): id is number => id !== undefined));
        writeOrder(rerankPlanToOpen(plan(), (id) => open.has(id)));
        return {
          listed: list.entries.length,
          matched: x.matched,
          planNotOpen: x.planNotOpen,
          notInPlan: x.notInPlan,
          added,
          otherPrograms: list.otherPrograms.length,
          unreadable: list.unreadable.slice(0, 10).map((u) => ({ line: u.line, text: u.text })),
          duplicates: list.duplicates,
        };
      });
    },

    /** Sends SOAP applications: all or none (45 cap, match status, complementary type, on the list). */
    apply(ids: readonly number[], now: Date, clock?: SoapClock): { created: SoapApplication[]; alreadyApplied: number[] } {
      return inTransaction(db, () => {
        const s = state();
        const apps = applications();
        const fresh: Program[] = [];
        const alreadyApplied: number[] = [];
        for (const id of new Set(ids)) {
          const p = program(id);
          if (stmts.appByProgram.get(id)) {
            alreadyApplied.push(id);
            continue;
          }
          fresh.push(p);
        }
        const problem = soapApplyProblem({ matchStatus: s.matchStatus, applications: apps, newCount: fresh.length, unfilledImported: s.unfilledImportedAt !== null, clock });
        if (problem) throw new AppError('conflict', problem);
        for (const p of fresh) {
          const trackProblem = soapTrackProblem(s.matchStatus, p);
          if (trackProblem) throw new AppError('conflict', trackProblem);
          if (!stmts.unfilledHasProgram.get(p.id)) throw new AppError('conflict', `${programLabel(p)} is not on the List of Unfilled Programs you imported: SOAP applications go only to programs on it.`);
        }
        const created = fresh.map((p) => application(Number(stmts.appInsert.run(p.id, programLabel(p), p.nrmpCode, now.toISOString()).lastInsertRowid)));
        return { created, alreadyApplied };
      });
    },

    recordInterview(id: number, now: Date): SoapApplication {
      return inTransaction(db, () => {
        const app = application(id);
        const problem = soapInterviewProblem(app, applications());
        if (problem) throw new AppError('conflict', problem);
        stmts.appInterview.run(now.toISOString(), id);
        return application(id);
      });
    },

    /** Records an offer in a round; offers still pending from earlier rounds expire (an offer lasts its round). */
    recordOffer(id: number, round: number, now: Date, clock?: SoapClock): SoapApplication[] {
      return inTransaction(db, () => {
        const app = application(id);
        const apps = applications();
        const problem = soapOfferProblem(app, round, apps, clock);
        if (problem) throw new AppError('conflict', problem);
        for (const old of offersExpiringAt(round, apps)) stmts.appDecide.run('expired', now.toISOString(), old.id);
        stmts.appOffer.run(round, id);
        return applications();
      });
    },

    /** Accept (binding: every other application closes), reject or let expire (that program makes no more offers). */
    decide(id: number, decision: 'accept' | 'reject' | 'expire', now: Date, clock: SoapClock | undefined, today: string): SoapApplication[] {
      return inTransaction(db, () => {
        const app = application(id);
        const problem = soapDecideProblem(app, applications(), decision, clock);
        if (problem) throw new AppError('conflict', problem);
        const at = now.toISOString();
        if (decision === 'accept') {
          stmts.appDecide.run('accepted', at, id);
          stmts.appCloseOthers.run(at, id);
          // The match is the season's: recorded on the application, the rest closes (one transaction).
          if (app.programId !== null) createApplicationsRepo(db).recordSoapMatch(app.programId, today, app.label, now);
        } else stmts.appDecide.run(decision === 'reject' ? 'rejected' : 'expired', at, id);
        return applications();
      });
    },
  };
}

export type SoapRepo = ReturnType<typeof createSoapRepo>;
