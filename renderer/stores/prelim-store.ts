// The prelim-year plan: checklist, categorical openings, parallel paths, support network.
import { create } from 'zustand';
import type { ContactInput, OpeningInput, PathInput, PrelimItemInput, PrelimOverview } from '../../shared/domain/prelim-plan';
import type { Domain } from '../../shared/api/domains';
import { api } from '../api/client';
import { liveLoader } from './live';

/** The plan is suggested from the season's result (applications, SOAP), saved as 'prelim', and dated with the time zone setting. */
export const PRELIM_READS: readonly Domain[] = ['prelim', 'seasons', 'applications', 'soap', 'programs', 'settings'];

interface PrelimState {
  overview: PrelimOverview | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** The mutations throw ApiCallError when refused (nothing is written then). */
  open(matchYear: number, programLabel: string): Promise<void>;
  saveItem(input: PrelimItemInput): Promise<void>;
  deleteItem(id: number): Promise<void>;
  saveOpening(input: OpeningInput): Promise<void>;
  deleteOpening(id: number): Promise<void>;
  savePath(input: PathInput): Promise<void>;
  saveContact(input: ContactInput): Promise<void>;
  deleteContact(id: number): Promise<void>;
}

export const usePrelimStore = create<PrelimState>((set) => {
  const live = liveLoader(PRELIM_READS, () => api('prelim.overview'), (overview) => set({ overview, loadError: null }), (loadError) => set({ loadError }));
  const accept = live.accept;
  return {
  overview: null,
  loadError: null,
  load: live.load,
  watch: live.watch,
  async open(matchYear, programLabel) {
    accept(await api('prelim.open', { matchYear, programLabel }));
  },
  async saveItem(input) {
    accept(await api('prelim.saveItem', input));
  },
  async deleteItem(id) {
    accept(await api('prelim.deleteItem', { id }));
  },
  async saveOpening(input) {
    accept(await api('prelim.saveOpening', input));
  },
  async deleteOpening(id) {
    accept(await api('prelim.deleteOpening', { id }));
  },
  async savePath(input) {
    accept(await api('prelim.savePath', input));
  },
  async saveContact(input) {
    accept(await api('prelim.saveContact', input));
  },
  async deleteContact(id) {
    accept(await api('prelim.deleteContact', { id }));
  },
  };
});
