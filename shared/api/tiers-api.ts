// The engine's tier of every program, and the user's overrides.
import { z } from 'zod';
import { method, noInput } from './define';
import { TIER_OUTCOMES, type TierResult } from '../engine/types';
import { trimText } from '../domain/bounds';

export interface ProgramTier {
  programId: number;
  /** What the engine computed; shown even when the user overrode it. */
  computed: TierResult;
}

export interface TiersList {
  /** The date the tiers were computed for (YYYY-MM-DD, the user's today in their zone). */
  today: string;
  /** False until the profile has been saved once: tiers then assume an empty profile. */
  profileSaved: boolean;
  tiers: ProgramTier[];
}

export const tiersApi = {
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
};
