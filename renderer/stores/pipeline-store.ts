// Applications with their programs, and interviews: what the Applications screen shows.
import { create } from 'zustand';
import type { ApplicationOverview } from '../../shared/api/pipeline-api';
import type { ApplicationStatus } from '../../shared/domain/application';
import type { Interview } from '../../shared/domain/interview';
import { api, errorMessage } from '../api/client';

interface PipelineState {
  applications: ApplicationOverview[];
  interviews: Interview[];
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  /** Throws ApiCallError when refused (nothing is written then). */
  setStatus(ids: number[], status: ApplicationStatus, date: string, note: string): Promise<void>;
}

export const usePipelineStore = create<PipelineState>((set, get) => ({
  applications: [],
  interviews: [],
  loaded: false,
  loadError: null,
  async load() {
    try {
      const [applications, interviews] = await Promise.all([api('applications.overview'), api('interviews.list')]);
      set({ applications, interviews, loaded: true, loadError: null });
    } catch (err) {
      set({ loadError: errorMessage(err), loaded: true });
    }
  },
  async setStatus(ids, status, date, note) {
    await api('applications.setStatus', { ids, status, date, note });
    await get().load();
  },
}));
