// Programs (institutions with their tracks, the on-list flag, overrides, sample data).
// Writes do not reload here: the main process announces the change and every store that
// reads programs reloads (this one included).
import { create } from 'zustand';
import type { SavedInstitution } from '../../shared/api/programs-api';
import type { InstitutionWithTracksInput, Program } from '../../shared/domain/program';
import { api } from '../api/client';
import { liveLoader } from './live';

interface ProgramsState {
  programs: Program[];
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** The mutations throw ApiCallError when refused (nothing is written then). */
  saveInstitution(input: InstitutionWithTracksInput): Promise<SavedInstitution>;
  deleteProgram(id: number): Promise<void>;
  setOnList(ids: number[], onList: boolean): Promise<void>;
  /** Adds fictional sample institutions; returns how many programs were added. */
  loadSample(institutions?: number): Promise<number>;
  /** Removes every sample program; returns how many. */
  removeSample(): Promise<number>;
}

export const useProgramsStore = create<ProgramsState>((set) => {
  const live = liveLoader(['programs'], () => api('programs.list'), (programs) => set({ programs, loaded: true, loadError: null }), (loadError) => set({ loadError, loaded: true }));
  return {
    programs: [],
    loaded: false,
    loadError: null,
    load: live.load,
    watch: live.watch,
    saveInstitution: (input) => api('institutions.save', input),
    async deleteProgram(id) {
      await api('programs.delete', { id });
    },
    async setOnList(ids, onList) {
      await api('programs.setOnList', { ids, onList });
    },
    async loadSample(institutions) {
      return (await api('sample.load', institutions === undefined ? undefined : { institutions })).programs;
    },
    async removeSample() {
      return (await api('sample.remove')).removedPrograms;
    },
  };
});
