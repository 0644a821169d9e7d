// Applications with their programs, and interviews: what the Applications screen shows.
// Writes do not reload here: the main process announces what changed and the stores that
// read it reload (this one, letters, readiness, the dashboard…).
import { create } from 'zustand';
import type { InputOf } from '../../shared/api/contract';
import type { ApplicationOverview, StatusMove } from '../../shared/api/pipeline-api';
import type { ApplicationEvent, ApplicationStatus } from '../../shared/domain/application';
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
  /** The mutations throw ApiCallError when refused (nothing is written then). */
  setStatus(ids: number[], status: ApplicationStatus, date: string, note: string): Promise<void>;
  /** Opens applications; returns how many were new (programs that already have one are skipped). */
  createApplications(input: InputOf<'applications.create'>): Promise<number>;
  saveNotes(id: number, notes: string): Promise<void>;
  deleteApplication(id: number): Promise<void>;
  /** One application's status history, oldest first (read when its detail opens). */
  history(id: number): Promise<ApplicationEvent[]>;
  /** Records or updates an interview; returns the status changes it made. */
  saveInterview(input: InputOf<'interviews.save'>): Promise<StatusMove[]>;
  deleteInterview(id: number): Promise<void>;
}

export const usePipelineStore = create<PipelineState>((set) => {
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
    },
    async createApplications(input) {
      return (await api('applications.create', input)).created.length;
    },
    async saveNotes(id, notes) {
      await api('applications.update', { id, notes });
    },
    async deleteApplication(id) {
      await api('applications.delete', { id });
    },
    history: (id) => api('applications.history', { id }),
    async saveInterview(input) {
      return (await api('interviews.save', input)).moves;
    },
    async deleteInterview(id) {
      await api('interviews.delete', { id });
    },
  };
});
