// What the Programs screen shows, sent once and compactly: each institution once, programs by
// id with their institution's id, and each program's tier as a summary (outcome, fit,
// confidence, flags, one sentence). The reasons behind a tier come with tiers.get when a
// program is opened. programs.list and tiers.list keep the full objects for scripts and tests.
import { z } from 'zod';
import { method, noInput } from './define';
import type { Institution, Program } from '../domain/program';
import type { TierSummary } from '../engine/types';
import type { CensusDivision } from '../domain/census-divisions';
import type { ProgramTier } from './tiers-api';

/** A program without its institution (see ProgramTable.institutions). */
export type ProgramRow = Omit<Program, 'institution'>;

export type { TierSummary };

export interface ProgramTable {
  /** The date the tiers were computed for (YYYY-MM-DD). */
  today: string;
  /** False until the profile has been saved once: tiers then assume an empty profile. */
  profileSaved: boolean;
  /** The ERAS geographic preference's divisions the tiers took in (their small plus); What-if takes the same. */
  geoDivisions: CensusDivision[];
  /** Every institution that has a program, once. */
  institutions: Institution[];
  /** Every program, grouped by institution name then track. */
  programs: ProgramRow[];
  /** tiers[i] is the computed tier of programs[i]. */
  tiers: TierSummary[];
}

/** The first programs of the table (in its order) and how many there are in all. */
export interface ProgramTableStart extends ProgramTable {
  total: number;
}

export const programTableApi = {
  /** The Programs screen's data in one answer (see above). */
  'programs.table': method<ProgramTable>()(noInput),
  /**
   * The first `count` programs of programs.table, asked for next to it when the screen opens:
   * a small answer that arrives first, so the first rows are drawn while the whole list is on
   * its way.
   */
  'programs.tableStart': method<ProgramTableStart>()(z.object({ count: z.number().int().positive().max(500) }).strict()),
  /** One program's computed tier with every reason, for its details. */
  'tiers.get': method<ProgramTier>()(z.object({ programId: z.number().int().positive() }).strict()),
};
