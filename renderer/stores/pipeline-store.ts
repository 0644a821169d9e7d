// Applications with their programs, and interviews: what the Applications screen shows.
import { create } from 'zustand';
import type { ApplicationOverview } from '../../shared/api/pipeline-api';
import type { ApplicationStatus } from '../../shared/domain/application';
import type { Interview } from '../../shared/domain/interview';
import { api } from '../api/client';
import { liveLoader } from './live';

interface PipelineState {
  applications: ApplicationOverview[];
  interviews: Interview[];
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Throws ApiCallError when refused (nothing is written then). */
  setStatus(ids: number[], status: ApplicationStatus, date: string, note: string): Promise<void>;
}

export const usePipelineStore = create<PipelineState>((set, get) => {
  const live = liveLoader(
    ['applications', 'programs', 'interviews'],
    () => Promise.all([api('applications.overview'), api('interviews.list')]),
    ([applications, interviews]) => set({ applications, interviews, loaded: true, loadError: null }),
    (loadError) => set({ loadError, loaded: true }),
  );
  return {
    applications: [],
    interviews: [],
    loaded: false,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async setStatus(ids, status, date, note) {
      await api('applications.setStatus', { ids, status, date, note });
      await get().load();
    },
  };
});
