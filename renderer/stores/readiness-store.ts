import { create } from 'zustand';
import type { ReadinessChecklist } from '../../shared/api/readiness-api';
import type { ManualItemId } from '../../shared/engine/readiness';
import { api, errorMessage } from '../api/client';

interface ReadinessState {
  checklist: ReadinessChecklist | null;
  loadError: string | null;
  load(): Promise<void>;
  /** Throws ApiCallError when refused. */
  tick(itemId: ManualItemId, done: boolean): Promise<void>;
}

export const useReadinessStore = create<ReadinessState>((set, get) => ({
  checklist: null,
  loadError: null,
  async load() {
    try {
      set({ checklist: await api('readiness.checklist'), loadError: null });
    } catch (err) {
      set({ loadError: errorMessage(err) });
    }
  },
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
}));
