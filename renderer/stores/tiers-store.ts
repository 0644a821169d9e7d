import { create } from 'zustand';
import type { TiersList } from '../../shared/api/list-api';
import type { TierResult } from '../../shared/engine/types';
import { api, errorMessage } from '../api/client';

interface TiersState {
  data: TiersList | null;
  byProgram: Map<number, TierResult>;
  error: string | null;
  load(): Promise<void>;
}

export const useTiersStore = create<TiersState>((set) => ({
  data: null,
  byProgram: new Map(),
  error: null,
  async load() {
    try {
      const data = await api('tiers.list');
      set({ data, byProgram: new Map(data.tiers.map((t) => [t.programId, t.computed])), error: null });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
}));
