// The dashboard: one summary from the same snapshot and agenda as the other screens.
//
// Computed once per change of its inputs and shared by every caller until then (like the
// tiers, tier-cache.ts): its inputs are the database (every write on this connection moves the
// write stamp, whichever handler or repository made it; no other connection can write, see
// electron/db/open.ts) and the clock (today in the user's zone, and the minute: the agenda's
// "overdue" and "next 30 days" move with the time). A restore builds new handlers, so it
// starts without a summary.
import type { Handlers } from '../../shared/api/contract';
import type { dashboardApi } from '../../shared/api/dashboard-api';
import { dashboardSummary, type DashboardSummary } from '../../shared/engine/dashboard';
import { writeStamp } from '../db/open';
import type { HandlerContext } from './context';
import { snapshotAgenda } from './snapshot';
import { cachedTiers } from './tier-cache';

const MINUTE_MS = 60_000;

export function createDashboardHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof dashboardApi> {
  let last: { key: string; summary: DashboardSummary } | null = null;
  const compute = (): DashboardSummary => {
    const { s, agenda } = snapshotAgenda(ctx, 30);
    return dashboardSummary({
      profileSaved: s.saved.updatedAt !== null,
      programs: s.programs,
      tiers: cachedTiers(ctx.db, s.programs, s.saved.profile, s.today, ctx.repos.signals.tierChoices()),
      applications: s.applications,
      history: ctx.repos.applications.allHistory(),
      letters: s.letterList,
      readiness: s.checklist,
      agenda,
      feesCombineTracks: ctx.repos.list.settings().feesCombineTracks,
      feesPerInstitution: ctx.repos.costs.feesPerInstitution(),
    });
  };
  return {
    'dashboard.summary': () => {
      const { clock } = ctx;
      const key = `${writeStamp(ctx.db)}|${clock.timeZone()}|${clock.today()}|${Math.floor(clock.now().getTime() / MINUTE_MS)}`;
      if (last?.key !== key) last = { key, summary: compute() };
      return last.summary;
    },
  };
}
