// Interview invitations (docs/DOMAIN.md §8) and how they move the pipeline: an invitation
// (pending or waitlisted) moves its application to "Interview invited" on the day it arrived;
// accepting a date records the interview (existing interview rules: "Interview scheduled");
// declining withdraws the application; a cancellation removes the interview (by you:
// withdrawn; by the program: back to "Interview invited").
import type { Db } from '../open';
import { inTransaction } from '../open';
import { AppError } from '../../errors';
import { oneById, rowMapper } from '../columns';
import { CLOSED_STATUSES, type ApplicationStatus } from '../../../shared/domain/application';
import type { Invitation, InvitationSave } from '../../../shared/domain/invitation';
import { INTERVIEW_DURATION_DEFAULT } from '../../../shared/domain/interview';
import type { StatusMove } from '../../../shared/api/pipeline-api';
import { createApplicationsRepo } from './applications-repo';
import { createPipelineRepo } from './pipeline-repo';

const rowToInvitation = rowMapper<Invitation>({
  id: 'int', applicationId: 'int', receivedAt: 'text', replyBy: 'text', timeZone: 'text', offered: 'json', status: 'text', chosenStart: 'text',
  waitlistPosition: 'int', cancelledOn: 'text', cancelledBy: 'text', platform: 'text', note: 'text', interviewId: 'int', createdAt: 'text', updatedAt: 'text',
});

export function createInvitationsRepo(db: Db) {
  const apps = createApplicationsRepo(db);
  const pipeline = createPipelineRepo(db);
  const stmts = {
    all: db.prepare('SELECT * FROM invitation ORDER BY received_at, id'),
    one: db.prepare('SELECT * FROM invitation WHERE id = ?'),
    byApplication: db.prepare('SELECT id FROM invitation WHERE application_id = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO invitation (application_id, received_at, reply_by, time_zone, offered, status, chosen_start, waitlist_position, cancelled_on, cancelled_by, platform, note, interview_id, created_at, updated_at)
       VALUES (@application_id, @received_at, @reply_by, @time_zone, @offered, @status, @chosen_start, @waitlist_position, @cancelled_on, @cancelled_by, @platform, @note, NULL, @now, @now)`,
    ),
    update: db.prepare(
      `UPDATE invitation SET received_at = @received_at, reply_by = @reply_by, time_zone = @time_zone, offered = @offered, status = @status, chosen_start = @chosen_start,
              waitlist_position = @waitlist_position, cancelled_on = @cancelled_on, cancelled_by = @cancelled_by, platform = @platform, note = @note, updated_at = @now
        WHERE id = @id`,
    ),
    setInterview: db.prepare('UPDATE invitation SET interview_id = @interview_id WHERE id = @id'),
    // An interview of the application no invitation is linked to (one recorded on the
    // Interviews tab), the one at the chosen time first.
    unlinkedInterview: db
      .prepare(
        `SELECT id FROM interview WHERE application_id = @application_id
            AND id NOT IN (SELECT interview_id FROM invitation WHERE interview_id IS NOT NULL)
          ORDER BY (local_start IS @local_start) DESC, id LIMIT 1`,
      )
      .pluck(),
    delete: db.prepare('DELETE FROM invitation WHERE id = ?'),
    byInterview: db.prepare('SELECT * FROM invitation WHERE interview_id = ?'),
  };
  const invitation = oneById(stmts.one, rowToInvitation, 'Invitation');

  /** A backward or sideways move (withdrawn, back to invited) with a history event, unless closed or already there. */
  function move(applicationId: number, to: ApplicationStatus, date: string, note: string, now: Date, today: string): StatusMove | null {
    const app = apps.get(applicationId);
    if (app.status === to || CLOSED_STATUSES.has(app.status)) return null;
    const last = apps.lastChange(app);
    const on = date > today ? today : date < last ? last : date;
    apps.setStatus([applicationId], to, on, note, now, today);
    return { applicationId, from: app.status, to, date: on };
  }

  return {
    list(): Invitation[] {
      return (stmts.all.all() as Record<string, unknown>[]).map(rowToInvitation);
    },

    save(input: InvitationSave, now: Date, today: string): { invitation: Invitation; moves: StatusMove[] } {
      return inTransaction(db, () => {
        const app = apps.get(input.applicationId);
        const before = input.id === undefined ? null : invitation(input.id);
        if (before && before.applicationId !== input.applicationId) throw new AppError('conflict', `Invitation ${input.id} belongs to another application; reload the page.`);
        const existing = stmts.byApplication.get(input.applicationId) as number | undefined;
        if (!before && existing !== undefined) throw new AppError('conflict', `${apps.programName(app.programId)} already has an invitation recorded; open it to change it.`);
        const row = {
          application_id: input.applicationId,
          received_at: input.receivedAt,
          reply_by: input.replyBy,
          time_zone: input.timeZone,
          offered: JSON.stringify(input.offered),
          status: input.status,
          chosen_start: input.chosenStart,
          waitlist_position: input.waitlistPosition,
          cancelled_on: input.cancelledOn,
          cancelled_by: input.cancelledBy,
          platform: input.platform,
          note: input.note,
          now: now.toISOString(),
        };
        const id = before ? (stmts.update.run({ ...row, id: before.id }), before.id) : Number(stmts.insert.run(row).lastInsertRowid);
        const moves: StatusMove[] = [];
        const push = (m: StatusMove | null) => {
          if (m) moves.push(m);
        };
        const received = input.receivedAt.slice(0, 10);
        const linked = before?.interviewId ?? null;
        const program = apps.programName(app.programId);

        if (input.status === 'pending' || input.status === 'waitlisted') {
          push(pipeline.advance(app.id, 'interview_invited', received, `Interview invitation received${input.replyBy ? `; reply by ${input.replyBy.replace('T', ' ')}` : ''}${input.status === 'waitlisted' ? '; waitlisted' : ''}`, now, today));
        } else if (input.status === 'accepted') {
          push(pipeline.advance(app.id, 'interview_invited', received, 'Interview invitation received', now, today));
          // The interview for the accepted date: the interview rules move the application on.
          // An interview already recorded for this application on the Interviews tab is this
          // invitation's interview: it is updated and linked, not recorded twice.
          const unlinked = linked === null ? (stmts.unlinkedInterview.get({ application_id: app.id, local_start: input.chosenStart }) as number | undefined) : undefined;
          const current = linked !== null ? pipeline.interview(linked) : unlinked !== undefined ? pipeline.interview(unlinked) : null;
          const saved = pipeline.saveInterview(
            {
              ...(current ? { id: current.id } : {}),
              applicationId: app.id,
              invitedOn: received,
              respondBy: input.replyBy?.slice(0, 10) ?? null,
              localStart: input.chosenStart,
              timeZone: input.timeZone,
              durationMinutes: current?.durationMinutes ?? INTERVIEW_DURATION_DEFAULT,
              platform: input.platform,
              location: current?.location ?? '',
              completed: current !== null && current.localStart === input.chosenStart ? current.completed : false,
              impressions: current?.impressions ?? '',
              score: current !== null && current.localStart === input.chosenStart ? current.score : null,
              date: input.date,
            },
            now,
            today,
          );
          for (const m of saved.moves) push(m);
          stmts.setInterview.run({ interview_id: saved.interview.id, id });
        } else {
          // Declined or cancelled: no interview will happen.
          if (linked !== null) {
            pipeline.deleteInterview(linked);
            stmts.setInterview.run({ interview_id: null, id });
          }
          if (input.status === 'declined') push(move(app.id, 'withdrawn', input.date, `Interview invitation declined (${program})`, now, today));
          else if (input.cancelledBy === 'me') push(move(app.id, 'withdrawn', input.cancelledOn ?? input.date, 'Interview cancelled by you', now, today));
          else if (app.status === 'interview_scheduled') push(move(app.id, 'interview_invited', input.cancelledOn ?? input.date, 'Interview cancelled by the program', now, today));
        }
        return { invitation: invitation(id), moves };
      });
    },

    /** The accepted invitation an interview was recorded for, if any (the inbox keeps that interview in step). */
    linkedTo(interviewId: number): Invitation | null {
      const row = stmts.byInterview.get(interviewId) as Record<string, unknown> | undefined;
      return row ? rowToInvitation(row) : null;
    },

    /** Deletes the invitation record (the interview, if any, stays: delete it in the interview list). */
    delete(id: number): void {
      inTransaction(db, () => {
        invitation(id);
        stmts.delete.run(id);
      });
    },
  };
}

export type InvitationsRepo = ReturnType<typeof createInvitationsRepo>;
