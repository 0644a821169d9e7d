import { create } from 'zustand';
import type { Domain } from '../../shared/api/domains';
import type { DashboardSummary } from '../../shared/engine/dashboard';
import { api } from '../api/client';
import { liveLoader } from './live';
import { firstScreenAnswer } from '../first-screen';

/** The dashboard is computed from nearly everything: the funnel, tiers, readiness, the agenda (deadlines, interviews, letters, follow-ups) and fees. */
export const DASHBOARD_READS: readonly Domain[] = ['profile', 'programs', 'settings', 'applications', 'interviews', 'letters', 'documents', 'communications', 'readiness', 'calendar', 'soap', 'prelim', 'seasons'];

interface DashboardState {
  summary: DashboardSummary | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
}

export const useDashboardStore = create<DashboardState>((set) => {
  const live = liveLoader(DASHBOARD_READS, () => api('dashboard.summary'), (summary) => set({ summary, loadError: null }), (loadError) => set({ loadError }));
  return {
    // Until the first answer: the one the page came with, if the host drew it (renderer/first-screen.ts).
    get summary() {
      return firstScreenAnswer('dashboard.summary');
    },
    loadError: null,
    load: live.load,
    watch: live.watch,
  };
});
