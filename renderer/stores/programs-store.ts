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
  /** Throws ApiCallError when refused (nothing is written then). */
  saveInstitution(input: InstitutionWithTracksInput): Promise<SavedInstitution>;
  deleteProgram(id: number): Promise<void>;
}

export const useProgramsStore = create<ProgramsState>((set, get) => {
  const live = liveLoader(['programs'], () => api('programs.list'), (programs) => set({ programs, loaded: true, loadError: null }), (loadError) => set({ loadError, loaded: true }));
  return {
    programs: [],
    loaded: false,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async saveInstitution(input) {
      const saved = await api('institutions.save', input);
      await get().load();
      return saved;
    },
    async deleteProgram(id) {
      await api('programs.delete', { id });
      await get().load();
    },
  };
});
