// Interview invitations (docs/DOMAIN.md §8): the inbox with its triage (48-hour flag, replies
// due, conflicts with scheduled interviews, cancellation notice) and the season one day at a
// time. Saving an invitation moves its application along the pipeline.
import type { Handlers } from '../../shared/api/contract';
import type { invitationsApi, InvitationsView } from '../../shared/api/invitations-api';
import { CLOSED_STATUSES, wasSubmitted } from '../../shared/domain/application';
import { interviewSeasonDays, triageInvitations } from '../../shared/engine/invitations';
import { OK, type HandlerContext } from './context';
import { programsOfApplications } from './costs-handlers';

export function createInvitationsHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof invitationsApi> {
  const { repos, clock } = ctx;

  function invitationsView(): InvitationsView {
    const tz = clock.timeZone();
    const all = repos.invitations.list();
    const interviews = repos.pipeline.interviews();
    const applications = repos.applications.list();
    const names = programsOfApplications(ctx, applications);
    const recorded = new Set(all.map((i) => i.applicationId));
    const candidates = applications
      .filter((a) => wasSubmitted(a) && !CLOSED_STATUSES.has(a.status) && !recorded.has(a.id))
      .map((a) => ({ applicationId: a.id, programName: names.get(a.id)?.programName ?? `application ${a.id}` }))
      .sort((a, b) => a.programName.localeCompare(b.programName));
    const triaged = triageInvitations(all, interviews, names, clock.now(), tz).sort(
      (a, b) => b.invitation.receivedAt.localeCompare(a.invitation.receivedAt) || b.invitation.id - a.invitation.id,
    );
    return { timeZone: tz, today: clock.today(), invitations: triaged, days: interviewSeasonDays(interviews, all, names, tz), candidates };
  }

  return {
    'invitations.list': () => invitationsView(),
    'invitations.save': (input) => repos.invitations.save(input, clock.now(), clock.today()),
    'invitations.delete': ({ id }) => {
      repos.invitations.delete(id);
      return OK;
    },
  };
}
