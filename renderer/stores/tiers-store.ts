// Tiers are computed by the main process from the programs (with their overrides), the
// profile and the date. Their summaries come with the program list (programs-store loads
// programs.table and hands them here); the reasons of one program are loaded when it is
// opened (loadDetail).
import { create } from 'zustand';
import type { TierOutcome, TierResult, TierSummary } from '../../shared/engine/types';
import { api } from '../api/client';
import { useProgramsStore, type TiersInfo } from './programs-store';

export type { TiersInfo };

interface TiersState {
  data: TiersInfo | null;
  byProgram: Map<number, TierSummary>;
  /** Full tiers (with reasons) of the programs opened since the last change. */
  details: Map<number, TierResult>;
  error: string | null;
  /** Loads (and watches) the program list, which carries the tiers. */
  load(): Promise<void>;
  watch(): () => void;
  /** Follows the programs store's list (each new list brings its tiers). */
  receive(data: TiersInfo, byProgram: Map<number, TierSummary>): void;
  fail(error: string): void;
  /** Loads one program's reasons (kept until the tiers change). */
  loadDetail(programId: number): Promise<void>;
  /** Overrides a program's tier with a note, or clears it (null). Throws ApiCallError when refused. */
  override(programId: number, outcome: TierOutcome | null, note: string): Promise<void>;
}

const initial = useProgramsStore.getState().tiers;

export const useTiersStore = create<TiersState>((set, get) => ({
  data: initial?.info ?? null,
  byProgram: initial?.byProgram ?? new Map(),
  details: new Map(),
  error: null,
  load: () => useProgramsStore.getState().load(),
  watch: () => useProgramsStore.getState().watch(),
  receive: (data, byProgram) => set({ data, byProgram, details: new Map(), error: null }),
  fail: (error) => set({ error }),
  async loadDetail(programId) {
    const before = get().byProgram;
    try {
      const { computed } = await api('tiers.get', { programId });
      // Dropped when the tiers changed meanwhile (the detail asks again).
      if (get().byProgram === before) set({ details: new Map(get().details).set(programId, computed) });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  async override(programId, outcome, note) {
    await api('tiers.override', { programId, outcome, note });
  },
}));

// The tiers follow the program list: the programs store does not know this one.
useProgramsStore.subscribe((s, prev) => {
  if (s.tiers !== prev.tiers && s.tiers) useTiersStore.getState().receive(s.tiers.info, s.tiers.byProgram);
  if (s.loadError !== prev.loadError && s.loadError) useTiersStore.getState().fail(s.loadError);
});
