// Programs (institutions with their tracks, the on-list flag, overrides, sample data).
// Writes do not reload here: the main process announces the change and every store that
// reads programs reloads (this one included).
import { create } from 'zustand';
import type { SavedInstitution } from '../../shared/api/programs-api';
import type { ProgramTable } from '../../shared/api/program-table-api';
import type { InstitutionWithTracksInput, Program } from '../../shared/domain/program';
import type { TierSummary } from '../../shared/engine/types';
import { api } from '../api/client';
import { liveLoader } from './live';
import type { CensusDivision } from '../../shared/domain/census-divisions';

export interface TiersInfo {
  /** The date the tiers were computed for (YYYY-MM-DD). */
  today: string;
  /** False until the profile has been saved once: tiers then assume an empty profile. */
  profileSaved: boolean;
  /** The geographic preference's divisions the tiers took in (What-if takes the same). */
  geoDivisions: readonly CensusDivision[];
}

/** The tier summaries that came with the list (the tiers store follows them). */
export interface TableTiers {
  info: TiersInfo;
  byProgram: Map<number, TierSummary>;
}

/**
 * One programs.table answer (each institution once, programs by id, tier summaries) becomes
 * the programs with their institution (shared objects, not copies) and the tier summaries
 * the tiers store follows: one request for the Programs screen, and tiers that always match
 * the programs.
 */
function applyTable(table: ProgramTable): { programs: Program[]; tiers: TableTiers } {
  const institutions = new Map(table.institutions.map((i) => [i.id, i]));
  const programs = new Array<Program>(table.programs.length);
  const byProgram = new Map<number, TierSummary>();
  table.programs.forEach((row, i) => {
    programs[i] = { ...row, institution: institutions.get(row.institutionId)! };
    const tier = table.tiers[i];
    if (tier) byProgram.set(row.id, tier);
  });
  return { programs, tiers: { info: { today: table.today, profileSaved: table.profileSaved, geoDivisions: table.geoDivisions }, byProgram } };
}

/** How many programs the first, small answer brings (a window of the table and some). */
export const FIRST_ROWS = 50;

interface ProgramsState {
  programs: Program[];
  /**
   * True while only the first programs are here (programs.tableStart) and the whole list is
   * on its way: the table shows them, counts wait (loaded stays false).
   */
  partial: boolean;
  /** The tiers of the last list (null before it loads). */
  tiers: TableTiers | null;
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

export const useProgramsStore = create<ProgramsState>((set, get) => {
  // Tiers come with the list, so the list reloads when one of their other inputs changes: the
  // profile, or the settings (the geographic preference is a season choice; the time zone sets today).
  const live = liveLoader(
    ['programs', 'profile', 'settings'],
    () => api('programs.table'),
    (table) => set({ ...applyTable(table), partial: false, loaded: true, loadError: null }),
    (loadError) => set({ loadError, loaded: true, partial: false }),
  );
  let startInFlight = false;
  /** Before the first list: asks for the first rows just ahead of the whole list (answered first, drawn at once). */
  const askStart = () => {
    if (startInFlight || get().loaded) return;
    startInFlight = true;
    api('programs.tableStart', { count: FIRST_ROWS })
      .then(
        (start) => {
          if (!get().loaded) set({ ...applyTable(start), partial: start.programs.length < start.total });
        },
        () => undefined, // the whole list's answer says what went wrong
      )
      .finally(() => (startInFlight = false));
  };
  return {
    programs: [],
    partial: false,
    tiers: null,
    loaded: false,
    loadError: null,
    load: live.load,
    watch: () => {
      askStart();
      return live.watch();
    },
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
