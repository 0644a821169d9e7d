// ERAS geographic preference (docs/DOMAIN.md §7): up to 3 Census divisions, or "no
// preference", with an optional note of at most 300 characters. Programs in a chosen
// division see it and are told to treat it as a plus, never a screen.
import { z } from 'zod';
import { CENSUS_DIVISIONS, type CensusDivision } from './census-divisions';

export const GEO_DIVISIONS_MAX = 3;
export const GEO_NOTE_MAX = 300;

export const GEO_REFERENCE = { season: '2026; 2027 est.', source: 'AAMC ERAS geographic preference + secondary sources', confidence: 'est' } as const;

export const geoPreferenceSchema = z
  .object({
    noPreference: z.boolean(),
    divisions: z.array(z.enum(CENSUS_DIVISIONS)).max(GEO_DIVISIONS_MAX, `ERAS takes at most ${GEO_DIVISIONS_MAX} divisions; remove one.`),
    note: z.string().trim().max(GEO_NOTE_MAX, `ERAS takes at most ${GEO_NOTE_MAX} characters for this note.`),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (new Set(v.divisions).size !== v.divisions.length) ctx.addIssue({ code: 'custom', path: ['divisions'], message: 'Each division can be chosen once.' });
    if (v.noPreference && v.divisions.length > 0) ctx.addIssue({ code: 'custom', path: ['divisions'], message: 'Choose divisions or "No preference", not both.' });
  });
export type GeoPreferenceInput = z.input<typeof geoPreferenceSchema>;
export type GeoPreferenceSave = z.output<typeof geoPreferenceSchema>;

export interface GeoPreference {
  noPreference: boolean;
  divisions: CensusDivision[];
  note: string;
  /** Null until saved once. */
  updatedAt: string | null;
}

export const EMPTY_GEO_PREFERENCE: GeoPreference = { noPreference: false, divisions: [], note: '', updatedAt: null };
