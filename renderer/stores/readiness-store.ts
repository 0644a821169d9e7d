import { create } from 'zustand';
import type { Domain } from '../../shared/api/domains';
import type { ReadinessChecklist } from '../../shared/api/readiness-api';
import type { ManualItemId } from '../../shared/engine/readiness';
import { api } from '../api/client';
import { liveLoader } from './live';

/** The checklist is computed from the profile, list, applications, letters, documents, the user's ticks, the season dates, the time zone and the SOAP items. */
export const READINESS_READS: readonly Domain[] = ['profile', 'programs', 'settings', 'applications', 'letters', 'documents', 'readiness', 'calendar', 'soap', 'seasons'];

interface ReadinessState {
  checklist: ReadinessChecklist | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Ticks one of the items only the user can judge; throws ApiCallError when refused (the stored state comes back). */
  tick(itemId: ManualItemId, done: boolean): Promise<void>;
  /** The SOAP item "prelim statement ready" (stored with the SOAP plan); throws ApiCallError when refused. */
  tickSoapStatement(done: boolean): Promise<void>;
}

export const useReadinessStore = create<ReadinessState>((set, get) => {
  const live = liveLoader(READINESS_READS, () => api('readiness.checklist'), (checklist) => set({ checklist, loadError: null }), (loadError) => set({ loadError }));
  return {
    checklist: null,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async tick(itemId, done) {
      // Show the tick at once; the reload after the change announcement brings the computed
      // state, a refusal the stored one.
      const c = get().checklist;
      if (c) set({ checklist: { ...c, items: c.items.map((i) => (i.id === itemId ? { ...i, state: done ? 'done' : 'needs_action' } : i)) } });
      try {
        await api('readiness.tick', { itemId, done });
      } catch (err) {
        await live.load();
        throw err;
      }
    },
    async tickSoapStatement(done) {
      try {
        await api('soap.setTicks', { prelimStatementReady: done });
      } catch (err) {
        await live.load();
        throw err;
      }
    },
  };
});
