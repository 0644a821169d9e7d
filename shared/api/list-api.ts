import { z } from 'zod';
import { method, noInput } from './define';
import { PROGRAM_CASCADE } from './programs-api';
import { TIER_OUTCOMES, type TierResult } from '../engine/types';
import { trimText } from '../domain/bounds';

export interface ProgramTier {
  programId: number;
  /** What the engine computed; shown even when the user overrode it. */
  computed: TierResult;
}

export interface TiersList {
  /** The date the tiers were computed for (YYYY-MM-DD, the main process's local date). */
  today: string;
  /** False until the profile has been saved once: tiers then assume an empty profile. */
  profileSaved: boolean;
  tiers: ProgramTier[];
}

export interface SettingsValue {
  feesCombineTracks: boolean;
}

export const listApi = {
  /** Every program's computed tier for the saved profile and today's date. */
  'tiers.list': method<TiersList>()(noInput),
  /** Overrides a program's tier with a note, or clears the override (outcome null). */
  'tiers.override': method<{ ok: true }>()(
    z
      .object({
        programId: z.number().int().positive(),
        outcome: z.enum(TIER_OUTCOMES).nullable(),
        note: z.string().overwrite(trimText).max(500, 'Keep the note under 500 characters.'),
      })
      .strict()
      .refine((v) => v.outcome === null || v.note.length > 0, { path: ['note'], message: 'Say in a few words why you override the tier (e.g. "PD knows my mentor").' }),
    { writes: ['programs'] },
  ),
  /** Marks programs to apply to (or removes them from the list). */
  'programs.setOnList': method<{ updated: number }>()(
    z.object({ ids: z.array(z.number().int().positive()).min(1, 'Choose at least one program.').max(10000), onList: z.boolean() }).strict(),
    { writes: ['programs'] },
  ),
  'settings.get': method<SettingsValue>()(noInput),
  'settings.save': method<SettingsValue>()(z.object({ feesCombineTracks: z.boolean() }).strict(), { writes: ['settings'] }),
  /** Adds fictional sample institutions and programs, clearly marked, removable in one step. */
  'sample.load': method<{ institutions: number; programs: number }>()(
    z.object({ institutions: z.number().int().min(1).max(3000) }).strict().optional().transform((v) => v ?? { institutions: 60 }),
    { writes: ['programs'] },
  ),
  'sample.remove': method<{ removedPrograms: number }>()(noInput, { writes: PROGRAM_CASCADE }),
};
