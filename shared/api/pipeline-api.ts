// The application pipeline beyond the basic application methods: the overview the
// Applications screen needs, interviews, the rank order list and the interview prep card.
import { method, idInput, noInput } from './define';
import type { Application, ApplicationStatus } from '../domain/application';
import type { Track } from '../domain/program';
import { interviewSaveSchema, prepCardSaveSchema, type Interview, type PrepCard } from '../domain/interview';
import { rankListFeeSchema, rankListSaveSchema, type RankList } from '../domain/rank-list';

import type { FunnelStage } from '../engine/dashboard';

export interface ApplicationOverview extends Application {
  program: { institutionName: string; track: Track; city: string; state: string; nrmpCode: string; isSample: boolean };
  interviewCount: number;
  /** Position on the saved rank order list (1 = first choice), or null. */
  rank: number | null;
  /** The furthest stage it reached (engine/dashboard reachedStages: the funnel counts the same). */
  reached: FunnelStage;
}

/** A status change made as a consequence of another action (an interview step, a rank-list save). */
export interface StatusMove {
  applicationId: number;
  from: ApplicationStatus;
  to: ApplicationStatus;
  date: string;
}

export const pipelineApi = {
  /** Every application with what the Applications screen shows of its program, its interview count and rank. */
  'applications.overview': method<ApplicationOverview[]>()(noInput),
  /** Every interview, soonest first (unscheduled ones by invitation date). */
  'interviews.list': method<Interview[]>()(noInput),
  /** Records (no id) or updates an interview; moves the application forward when the step says so (see moves). */
  'interviews.save': method<{ interview: Interview; moves: StatusMove[] }>()(interviewSaveSchema, { writes: ['interviews', 'applications'] }),
  'interviews.delete': method<{ ok: true }>()(idInput, { writes: ['interviews'] }),
  'rankList.get': method<RankList>()(noInput),
  /** Replaces the rank order list (first choice first), all or nothing. */
  'rankList.save': method<{ rankList: RankList; moves: StatusMove[] }>()(rankListSaveSchema, { writes: ['interviews', 'applications'] }),
  /** Sets what each rank beyond the included 20 costs (null: not known). */
  'rankList.setFee': method<RankList>()(rankListFeeSchema, { writes: ['interviews'] }),
  'prepCard.get': method<PrepCard>()(noInput),
  'prepCard.save': method<PrepCard>()(prepCardSaveSchema, { writes: ['interviews'] }),
};
