// Match seasons: the active one, the list with outcomes, the start-next-season preview and a
// read-only view of a past season.
import { create } from 'zustand';
import type { NextSeasonPreview, SeasonsOverview, SeasonView } from '../../shared/domain/season';
import type { Domain } from '../../shared/api/domains';
import { api } from '../api/client';
import { liveLoader } from './live';
import { firstScreenAnswer } from '../first-screen';

/** Seasons and whether starting this one can be undone (any change of data ends that). */
export const SEASONS_READS: readonly Domain[] = ['seasons', 'profile', 'programs', 'settings', 'applications', 'interviews', 'letters', 'documents', 'communications', 'readiness', 'calendar', 'soap', 'prelim'];

interface SeasonsState {
  overview: SeasonsOverview | null;
  preview: NextSeasonPreview | null;
  view: SeasonView | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  loadPreview(): Promise<void>;
  closePreview(): void;
  /** The mutations throw ApiCallError when refused (nothing is written then). */
  startNext(from: number): Promise<void>;
  undoStart(): Promise<void>;
  openView(matchYear: number): Promise<void>;
  closeView(): void;
}

export const useSeasonsStore = create<SeasonsState>((set) => {
  const live = liveLoader(SEASONS_READS, () => api('seasons.overview'), (overview) => set({ overview, loadError: null }), (loadError) => set({ loadError }));
  return {
  // Until the first answer: the one the page came with, if the host drew it (renderer/first-screen.ts).
  get overview() {
    return firstScreenAnswer('seasons.overview');
  },
  preview: null,
  view: null,
  loadError: null,
  load: live.load,
  watch: live.watch,
  async loadPreview() {
    set({ preview: await api('seasons.preview') });
  },
  closePreview() {
    set({ preview: null });
  },
  async startNext(from) {
    live.accept(await api('seasons.startNext', { from }));
    set({ preview: null, view: null });
  },
  async undoStart() {
    live.accept(await api('seasons.undoStart'));
    set({ view: null });
  },
  async openView(matchYear) {
    set({ view: await api('seasons.view', { matchYear }) });
  },
  closeView() {
    set({ view: null });
  },
  };
});
