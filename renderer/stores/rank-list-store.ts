// The saved rank order list and its fee (the screen keeps the order being edited until it is saved).
import { create } from 'zustand';
import type { StatusMove } from '../../shared/api/pipeline-api';
import type { RankList } from '../../shared/domain/rank-list';
import { api } from '../api/client';
import { liveLoader } from './live';

interface RankListState {
  saved: RankList | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Replaces the list (all or nothing); returns it with the status changes it made. Throws ApiCallError when refused. */
  save(applicationIds: number[], date: string): Promise<{ rankList: RankList; moves: StatusMove[] }>;
  setFee(extraRankFee: number | null): Promise<void>;
}

export const useRankListStore = create<RankListState>((set) => {
  const live = liveLoader(['interviews', 'applications'], () => api('rankList.get'), (saved) => set({ saved, loadError: null }), (loadError) => set({ loadError }));
  return {
    saved: null,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async save(applicationIds, date) {
      const r = await api('rankList.save', { applicationIds, date });
      live.accept(r.rankList);
      return r;
    },
    async setFee(extraRankFee) {
      live.accept(await api('rankList.setFee', { extraRankFee }));
    },
  };
});
