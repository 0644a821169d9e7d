// Interview invitations (docs/DOMAIN.md §8): the inbox, with triage and the season by day.
import { method, idInput, noInput } from './define';
import { invitationSaveSchema, type Invitation } from '../domain/invitation';
import type { SeasonDay, TriagedInvitation } from '../engine/invitations';
import type { StatusMove } from './pipeline-api';

export interface InvitationsView {
  /** The user's zone and today in it. */
  timeZone: string;
  today: string;
  /** Newest first. */
  invitations: TriagedInvitation[];
  days: SeasonDay[];
  /** Applications an invitation can be recorded for (submitted, not closed, none recorded yet). */
  candidates: { applicationId: number; programName: string }[];
}

export const invitationsApi = {
  'invitations.list': method<InvitationsView>()(noInput),
  /** Records or updates an invitation; the application follows (see moves). */
  'invitations.save': method<{ invitation: Invitation; moves: StatusMove[] }>()(invitationSaveSchema, { writes: ['interviews', 'applications'] }),
  'invitations.delete': method<{ ok: true }>()(idInput, { writes: ['interviews'] }),
};
