import { create } from 'zustand';
import type { Domain } from '../../shared/api/domains';
import type { ReadinessChecklist } from '../../shared/api/readiness-api';
import type { ManualItemId } from '../../shared/engine/readiness';
import { api } from '../api/client';
import { liveLoader } from './live';

/** The checklist is computed from the profile, list, applications, letters, documents, the user's ticks, the season dates, the time zone and the SOAP items. */
export const READINESS_READS: readonly Domain[] = ['profile', 'programs', 'settings', 'applications', 'letters', 'documents', 'readiness', 'calendar', 'soap'];

interface ReadinessState {
  checklist: ReadinessChecklist | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Throws ApiCallError when refused. */
  tick(itemId: ManualItemId, done: boolean): Promise<void>;
}

export const useReadinessStore = create<ReadinessState>((set, get) => {
  const live = liveLoader(READINESS_READS, () => api('readiness.checklist'), (checklist) => set({ checklist, loadError: null }), (loadError) => set({ loadError }));
  return {
    checklist: null,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async tick(itemId, done) {
      // Show the tick at once; the reload brings the computed state (or the old one if refused).
      const c = get().checklist;
      if (c) set({ checklist: { ...c, items: c.items.map((i) => (i.id === itemId ? { ...i, state: done ? 'done' : 'needs_action' } : i)) } });
      try {
        await api('readiness.tick', { itemId, done });
      } finally {
        await get().load();
      }
    },
  };
});
