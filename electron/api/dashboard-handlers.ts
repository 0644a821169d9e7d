// The dashboard: one summary from the same snapshot and agenda as the other screens.
import type { Handlers } from '../../shared/api/contract';
import type { dashboardApi } from '../../shared/api/dashboard-api';
import { dashboardSummary } from '../../shared/engine/dashboard';
import type { HandlerContext } from './context';
import { snapshotAgenda } from './snapshot';
import { cachedTiers } from './tier-cache';

export function createDashboardHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof dashboardApi> {
  return {
    'dashboard.summary': () => {
      const { s, agenda } = snapshotAgenda(ctx, 30);
      return dashboardSummary({
        profileSaved: s.saved.updatedAt !== null,
        programs: s.programs,
        tiers: cachedTiers(ctx.db, s.programs, s.saved.profile, s.today),
        applications: s.applications,
        history: ctx.repos.applications.allHistory(),
        letters: s.letterList,
        readiness: s.checklist,
        agenda,
        feesCombineTracks: ctx.repos.list.settings().feesCombineTracks,
      });
    },
  };
}
