// The season's budget (docs/DOMAIN.md §9): the Costs screen and the Dashboard's card.
import { create } from 'zustand';
import type { CostsView } from '../../shared/api/costs-api';
import type { CostAmountId, PaidItem } from '../../shared/domain/costs';
import { api } from '../api/client';
import { liveLoader } from './live';
import { firstScreenAnswer } from '../first-screen';

interface CostsState {
  view: CostsView | null;
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Throws ApiCallError when refused (nothing is written then). */
  setAmount(item: CostAmountId, amount: number | null): Promise<void>;
  setFlags(flags: { paid?: Partial<Record<PaidItem, boolean>>; lateRegistration?: boolean; feesPerInstitution?: boolean }): Promise<void>;
  saveTravel(input: { interviewId: number; transport: number; lodging: number; other: number }): Promise<void>;
}

export const useCostsStore = create<CostsState>((set) => {
  const live = liveLoader(
    ['programs', 'applications', 'interviews', 'settings', 'soap'],
    () => api('costs.summary'),
    (view) => set({ view, loaded: true, loadError: null }),
    (loadError) => set({ loadError, loaded: true }),
  );
  return {
    // Until the first answer: the one the page came with, if the host drew it (renderer/first-screen.ts).
    get view() {
      return firstScreenAnswer('costs.summary');
    },
    get loaded() {
      return firstScreenAnswer('costs.summary') !== null;
    },
    loadError: null,
    load: live.load,
    watch: live.watch,
    async setAmount(item, amount) {
      live.accept(await api('costs.setAmount', { item, amount }));
    },
    async setFlags(flags) {
      live.accept(await api('costs.setFlags', flags));
    },
    async saveTravel(input) {
      live.accept(await api('travel.save', input));
    },
  };
});
