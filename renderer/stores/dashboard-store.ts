import { create } from 'zustand';
import type { DashboardSummary } from '../../shared/engine/dashboard';
import { api, errorMessage } from '../api/client';

interface DashboardState {
  summary: DashboardSummary | null;
  loadError: string | null;
  load(): Promise<void>;
}

export const useDashboardStore = create<DashboardState>((set) => ({
  summary: null,
  loadError: null,
  async load() {
    try {
      set({ summary: await api('dashboard.summary'), loadError: null });
    } catch (err) {
      set({ loadError: errorMessage(err) });
    }
  },
}));
