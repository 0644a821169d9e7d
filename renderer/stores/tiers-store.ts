// Tiers are computed by the main process from the programs (with their overrides) and the profile.
import { create } from 'zustand';
import type { TiersList } from '../../shared/api/list-api';
import type { TierOutcome, TierResult } from '../../shared/engine/types';
import { api } from '../api/client';
import { liveLoader } from './live';

interface TiersState {
  data: TiersList | null;
  byProgram: Map<number, TierResult>;
  error: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Overrides a program's tier with a note, or clears it (null). Throws ApiCallError when refused. */
  override(programId: number, outcome: TierOutcome | null, note: string): Promise<void>;
}

export const useTiersStore = create<TiersState>((set) => {
  const live = liveLoader(
    ['profile', 'programs'],
    () => api('tiers.list'),
    (data) => set({ data, byProgram: new Map(data.tiers.map((t) => [t.programId, t.computed])), error: null }),
    (error) => set({ error }),
  );
  return {
    data: null,
    byProgram: new Map(),
    error: null,
    load: live.load,
    watch: live.watch,
    async override(programId, outcome, note) {
      await api('tiers.override', { programId, outcome, note });
    },
  };
});
