// Interviews, the rank order list and the prep card. Interview steps and rank-list saves
// move applications through the applications repo, so every move is in the history, in
// the same transaction as the change that caused it.
import type { Db } from '../open';
import { inTransaction } from '../open';
import { AppError } from '../../errors';
import { rowMapper, oneById, singleRow } from '../columns';
import { interviewMovesStatus, type Interview, type InterviewSave, type PrepCard } from '../../../shared/domain/interview';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../shared/domain/application';
import { RANKABLE_STATUSES, type RankList } from '../../../shared/domain/rank-list';
import type { ApplicationOverview, StatusMove } from '../../../shared/api/pipeline-api';
import { createApplicationsRepo, rowToApplication } from './applications-repo';
import type { InterviewDateInput, InvitationReplyInput } from '../../../shared/engine/agenda';
import { reachedStages } from '../../../shared/engine/dashboard';

const rowToInterview = rowMapper<Interview>({ id: 'int', applicationId: 'int', invitedOn: 'text', respondBy: 'text', localStart: 'text', timeZone: 'text', durationMinutes: 'int', platform: 'text', location: 'text', completed: 'bool', impressions: 'text', score: 'int', createdAt: 'text', updatedAt: 'text' });
const rowToOverviewProgram = rowMapper<ApplicationOverview['program']>({ institutionName: 'text', track: 'text', city: 'text', state: 'text', nrmpCode: 'nullableText', isSample: 'bool' });
const rowToPrepCard = rowMapper<PrepCard>({ ownership: 'text', reflection: 'text', evidence: 'text', reassurance: 'text', updatedAt: 'text' });

/**
 * Dates an interview record cannot have (issue 13, back-filling): an invitation that has not
 * arrived yet, one dated before the application went out, an interview marked done before its
 * day. Each says what to fix; any past day after the application's submission is fine.
 */
export function interviewDateProblem(input: Pick<InterviewSave, 'invitedOn' | 'localStart' | 'completed'>, submittedOn: string | null, today: string): string | null {
  if (input.invitedOn !== null && input.invitedOn > today) return `The invitation is dated ${input.invitedOn}, after today (${today}); give the day it arrived.`;
  if (input.invitedOn !== null && submittedOn !== null && input.invitedOn < submittedOn) {
    return `The invitation is dated ${input.invitedOn}, before the application was submitted (${submittedOn}); give the day it arrived, or correct the submission day first.`;
  }
  const day = input.localStart?.slice(0, 10) ?? null;
  if (input.completed && day !== null && day > today) return `The interview is on ${day}, after today (${today}); tick “Interview done” once it has happened.`;
  return null;
}

export function createPipelineRepo(db: Db) {
  const apps = createApplicationsRepo(db);
  const stmts = {
    overview: db.prepare(
      `SELECT a.*, i.name AS institution_name, i.city, i.state, i.is_sample, p.track, p.nrmp_code, r.position,
              (SELECT count(*) FROM interview v WHERE v.application_id = a.id) AS interviews
         FROM application a
         JOIN program p ON p.id = a.program_id
         JOIN institution i ON i.id = p.institution_id
         LEFT JOIN rank_entry r ON r.application_id = a.id
        ORDER BY i.name COLLATE NOCASE, p.track DESC, a.id`,
    ),
    interviews: db.prepare('SELECT * FROM interview ORDER BY COALESCE(local_start, invited_on, created_at), id'),
    interview: db.prepare('SELECT * FROM interview WHERE id = ?'),
    insertInterview: db.prepare(
      `INSERT INTO interview (application_id, invited_on, respond_by, local_start, time_zone, duration_minutes, platform, location, completed, impressions, score, created_at, updated_at)
       VALUES (@application_id, @invited_on, @respond_by, @local_start, @time_zone, @duration_minutes, @platform, @location, @completed, @impressions, @score, @now, @now)`,
    ),
    updateInterview: db.prepare(
      `UPDATE interview SET invited_on = @invited_on, respond_by = @respond_by, local_start = @local_start, time_zone = @time_zone, duration_minutes = @duration_minutes,
              platform = @platform, location = @location, completed = @completed, impressions = @impressions, score = @score, updated_at = @now
        WHERE id = @id`,
    ),
    deleteInterview: db.prepare('DELETE FROM interview WHERE id = ?'),
    rankIds: db.prepare('SELECT application_id FROM rank_entry ORDER BY position').pluck(),
    clearRanks: db.prepare('DELETE FROM rank_entry'),
    insertRank: db.prepare('INSERT INTO rank_entry (application_id, position) VALUES (?, ?)'),
    meta: db.prepare('SELECT extra_rank_fee, saved_at FROM rank_list_meta WHERE id = 1'),
    saveMetaTime: db.prepare('INSERT INTO rank_list_meta (id, saved_at) VALUES (1, @now) ON CONFLICT(id) DO UPDATE SET saved_at = excluded.saved_at'),
    saveFee: db.prepare('INSERT INTO rank_list_meta (id, extra_rank_fee) VALUES (1, @fee) ON CONFLICT(id) DO UPDATE SET extra_rank_fee = excluded.extra_rank_fee'),
    prepCard: db.prepare('SELECT * FROM prep_card WHERE id = 1'),
    savePrepCard: db.prepare(
      `INSERT INTO prep_card (id, ownership, reflection, evidence, reassurance, updated_at) VALUES (1, @ownership, @reflection, @evidence, @reassurance, @now)
       ON CONFLICT(id) DO UPDATE SET ownership = excluded.ownership, reflection = excluded.reflection, evidence = excluded.evidence, reassurance = excluded.reassurance, updated_at = excluded.updated_at`,
    ),
  };

  const interview = oneById(stmts.interview, rowToInterview, 'Interview');

  function rankList(): RankList {
    const meta = stmts.meta.get() as { extra_rank_fee: number | null; saved_at: string | null } | undefined;
    return { applicationIds: stmts.rankIds.all() as number[], extraRankFee: meta?.extra_rank_fee ?? null, savedAt: meta?.saved_at ?? null };
  }

  /**
   * Moves an application forward to `target` (with a history note) when the interview step
   * says so. The move is dated `wanted`, kept between the application's last change and
   * today: a status never sits in the future (an interview marked done before its day is
   * dated today) nor before the previous change.
   */
  function advance(applicationId: number, target: ApplicationStatus, wanted: string, note: string, now: Date, today: string): StatusMove | null {
    const app = apps.get(applicationId);
    if (!interviewMovesStatus(app.status, target)) return null;
    const last = apps.lastChange(app);
    const date = wanted > today ? today : wanted < last ? last : wanted;
    apps.setStatus([applicationId], target, date, note, now, today);
    return { applicationId, from: app.status, to: target, date };
  }

  return {
    /** Moves an application forward along the pipeline (never back), dated between its last change and today. */
    advance,
    /** One interview by id (not found: an AppError). */
    interview,

    overview(): ApplicationOverview[] {
      const rows = stmts.overview.all() as { [column: string]: unknown; id: number; interviews: number; position: number | null }[];
      const reached = reachedStages(rows.map(rowToApplication), apps.allHistory());
      return rows.map((r) => ({
        ...rowToApplication(r),
        program: rowToOverviewProgram(r),
        interviewCount: r.interviews,
        rank: r.position ?? null,
        reached: reached.get(r.id) ?? 'considering',
      }));
    },

    interviews(): Interview[] {
      return (stmts.interviews.all() as Record<string, unknown>[]).map(rowToInterview);
    },

    /**
     * Records or updates an interview. The application follows: an invitation moves it to
     * "Interview invited" (on the day it arrived), a time to "Interview scheduled" (on
     * `date`), a done interview to "Interviewed" (on its day); never backwards.
     */
    saveInterview(input: InterviewSave, now: Date, today: string): { interview: Interview; moves: StatusMove[] } {
      return inTransaction(db, () => {
        const app = apps.get(input.applicationId);
        if (input.id !== undefined && interview(input.id).applicationId !== input.applicationId) {
          throw new AppError('conflict', `Interview ${input.id} belongs to another application; reload the page.`);
        }
        const problem = interviewDateProblem(input, app.submittedOn, today);
        if (problem) throw new AppError('invalid_input', problem);
        const row = {
          application_id: input.applicationId,
          invited_on: input.invitedOn,
          respond_by: input.respondBy,
          local_start: input.localStart,
          time_zone: input.timeZone,
          duration_minutes: input.durationMinutes,
          platform: input.platform,
          location: input.location,
          completed: input.completed ? 1 : 0,
          impressions: input.impressions,
          score: input.score,
          now: now.toISOString(),
        };
        let id = input.id;
        if (id === undefined) id = Number(stmts.insertInterview.run(row).lastInsertRowid);
        else stmts.updateInterview.run({ ...row, id });
        const moves: StatusMove[] = [];
        const push = (m: StatusMove | null) => {
          if (m) moves.push(m);
        };
        const scheduled = input.localStart !== null && input.timeZone !== null;
        if (input.invitedOn !== null) push(advance(app.id, 'interview_invited', input.invitedOn, `Invitation received${input.respondBy ? `; reply by ${input.respondBy}` : ''}`, now, today));
        else if (!scheduled) push(advance(app.id, 'interview_invited', input.date, 'Interview invitation recorded', now, today));
        if (scheduled) {
          // Recorded after the fact, the scheduling day still sits between the invitation and the interview.
          const day = input.localStart!.slice(0, 10);
          const on = input.date > day ? day : input.invitedOn !== null && input.date < input.invitedOn ? input.invitedOn : input.date;
          push(advance(app.id, 'interview_scheduled', on, `Interview set for ${input.localStart!.replace('T', ' ')} (${input.timeZone})`, now, today));
        }
        if (input.completed && input.localStart !== null) push(advance(app.id, 'interviewed', input.localStart.slice(0, 10), 'Interview done', now, today));
        return { interview: interview(id), moves };
      });
    },

    /**
     * Scheduled interviews as dated items for other features (the season agenda and the
     * dashboard): the day and wall-clock time in the interview's own zone.
     */
    interviewDates(): InterviewDateInput[] {
      return (stmts.interviews.all() as Record<string, unknown>[])
        .map(rowToInterview)
        .filter((i) => i.localStart !== null)
        .map((i) => {
          const app = apps.get(i.applicationId);
          return {
            id: i.id,
            programId: app.programId,
            programName: apps.programName(app.programId),
            date: i.localStart!.slice(0, 10),
            time: i.localStart!.slice(11, 16),
            timeZone: i.timeZone,
            virtual: i.platform !== 'in_person',
            done: i.completed,
            updatedAt: i.updatedAt,
            durationMinutes: i.durationMinutes,
            location: i.location,
          };
        });
    },

    /**
     * Invitations with a reply-by date, for Deadlines and reminders: answered once the
     * interview is scheduled, or once the application moved on (scheduled, interviewed, or
     * closed: rejected, withdrawn, matched...).
     */
    invitationReplies(): InvitationReplyInput[] {
      return (stmts.interviews.all() as Record<string, unknown>[])
        .map(rowToInterview)
        .filter((i) => i.respondBy !== null)
        .map((i) => {
          const app = apps.get(i.applicationId);
          return {
            id: i.id,
            programId: app.programId,
            programName: apps.programName(app.programId),
            invitedOn: i.invitedOn,
            respondBy: i.respondBy!,
            replied: i.localStart !== null || app.status !== 'interview_invited',
            updatedAt: i.updatedAt,
          };
        });
    },

    deleteInterview(id: number): void {
      inTransaction(db, () => {
        interview(id);
        stmts.deleteInterview.run(id);
      });
    },

    rankList,

    /**
     * Replaces the rank order list, all or nothing. Every application must have been
     * interviewed; newly ranked ones move to "Ranked" and ones taken off move back to
     * "Interviewed", each with a history event.
     */
    saveRankList(applicationIds: number[], date: string, now: Date, today: string): { rankList: RankList; moves: StatusMove[] } {
      return inTransaction(db, () => {
        const chosen = applicationIds.map((id) => apps.get(id));
        const notEligible = chosen.filter((a) => !RANKABLE_STATUSES.has(a.status));
        if (notEligible.length > 0) {
          const names = notEligible.slice(0, 3).map((a) => `${apps.programName(a.programId)} (${APPLICATION_STATUS_LABELS[a.status]})`);
          throw new AppError('conflict', `Only programs you have interviewed with can be ranked: ${names.join(', ')}${notEligible.length > 3 ? ` and ${notEligible.length - 3} more` : ''}. Record the interview as done first, or take them off the list.`);
        }
        const before = new Set(stmts.rankIds.all() as number[]);
        stmts.clearRanks.run();
        chosen.forEach((a, i) => stmts.insertRank.run(a.id, i + 1));
        stmts.saveMetaTime.run({ now: now.toISOString() });
        const moves: StatusMove[] = [];
        for (const a of chosen) {
          if (a.status === 'interviewed') {
            apps.setStatus([a.id], 'ranked', date, 'Added to the rank order list', now, today);
            moves.push({ applicationId: a.id, from: 'interviewed', to: 'ranked', date });
          }
        }
        const kept = new Set(applicationIds);
        for (const id of before) {
          if (kept.has(id)) continue;
          const a = apps.get(id);
          if (a.status === 'ranked') {
            apps.setStatus([a.id], 'interviewed', date, 'Taken off the rank order list', now, today);
            moves.push({ applicationId: a.id, from: 'ranked', to: 'interviewed', date });
          }
        }
        return { rankList: rankList(), moves };
      });
    },

    setExtraRankFee(fee: number | null): RankList {
      stmts.saveFee.run({ fee });
      return rankList();
    },

    prepCard(): PrepCard {
      return singleRow(stmts.prepCard, rowToPrepCard, () => ({ ownership: '', reflection: '', evidence: '', reassurance: '', updatedAt: null }));
    },

    savePrepCard(card: Omit<PrepCard, 'updatedAt'>, now: Date): PrepCard {
      stmts.savePrepCard.run({ ...card, now: now.toISOString() });
      return { ...card, updatedAt: now.toISOString() };
    },
  };
}

export type PipelineRepo = ReturnType<typeof createPipelineRepo>;
