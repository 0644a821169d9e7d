import { create } from 'zustand';
import type { SavedInstitution } from '../../shared/api/programs-api';
import type { InstitutionWithTracksInput, Program } from '../../shared/domain/program';
import { api, errorMessage } from '../api/client';

interface ProgramsState {
  programs: Program[];
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  /** Throws ApiCallError when refused (nothing is written then). */
  saveInstitution(input: InstitutionWithTracksInput): Promise<SavedInstitution>;
  deleteProgram(id: number): Promise<void>;
}

export const useProgramsStore = create<ProgramsState>((set, get) => ({
  programs: [],
  loaded: false,
  loadError: null,
  async load() {
    try {
      set({ programs: await api('programs.list'), loaded: true, loadError: null });
    } catch (err) {
      set({ loadError: errorMessage(err), loaded: true });
    }
  },
  async saveInstitution(input) {
    const saved = await api('institutions.save', input);
    await get().load();
    return saved;
  },
  async deleteProgram(id) {
    await api('programs.delete', { id });
    await get().load();
  },
}));
