// The interview prep card (the screen keeps the text being edited until it is saved).
import { create } from 'zustand';
import type { PrepCard, PrepCardField } from '../../shared/domain/interview';
import { api } from '../api/client';
import { liveLoader } from './live';

interface PrepCardState {
  card: PrepCard | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Throws ApiCallError when refused. */
  save(draft: Record<PrepCardField, string>): Promise<PrepCard>;
}

export const usePrepCardStore = create<PrepCardState>((set) => {
  const live = liveLoader(['interviews'], () => api('prepCard.get'), (card) => set({ card, loadError: null }), (loadError) => set({ loadError }));
  return {
    card: null,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async save(draft) {
      const card = await api('prepCard.save', draft);
      live.accept(card);
      return card;
    },
  };
});
