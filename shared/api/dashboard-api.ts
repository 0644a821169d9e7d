// The first screen: everything the dashboard shows, in one call.
import { method, noInput } from './define';
import type { DashboardSummary } from '../engine/dashboard';

export const dashboardApi = {
  /** Everything the dashboard shows. */
  'dashboard.summary': method<DashboardSummary>()(noInput),
};
