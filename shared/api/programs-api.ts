import { z } from 'zod';
import { idInput, method, noInput } from './define';
import type { Domain } from './domains';
import { institutionWithTracksSchema, type Institution, type Program } from '../domain/program';

export interface SavedInstitution {
  institution: Institution;
  programs: Program[];
}

/**
 * What removing a program can change: its applications (with their interviews, letter and
 * document assignments), messages, deadlines and SOAP plan entries go with it (ON DELETE CASCADE).
 */
export const PROGRAM_CASCADE: readonly Domain[] = ['programs', 'applications', 'interviews', 'letters', 'documents', 'communications', 'calendar', 'soap'];

export const programsApi = {
  /** Every track with its institution, grouped by institution name then track. */
  'programs.list': method<Program[]>()(noInput),
  /** Creates or updates an institution and exactly the tracks given (tracks left out are deleted). */
  'institutions.save': method<SavedInstitution>()(institutionWithTracksSchema, { writes: PROGRAM_CASCADE }),
  /** Deletes one track; an institution left with no track is deleted too. */
  'programs.delete': method<{ deletedInstitution: boolean }>()(idInput, { writes: PROGRAM_CASCADE }),
  /** Deletes an institution with all its tracks. */
  'institutions.delete': method<{ deletedPrograms: number }>()(idInput, { writes: PROGRAM_CASCADE }),
  /** Marks programs to apply to (or removes them from the list). */
  'programs.setOnList': method<{ updated: number }>()(
    z.object({ ids: z.array(z.number().int().positive()).min(1, 'Choose at least one program.').max(10000), onList: z.boolean() }).strict(),
    { writes: ['programs'] },
  ),
};
