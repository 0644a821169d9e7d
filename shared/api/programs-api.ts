import { idInput, method, noInput } from './define';
import { institutionWithTracksSchema, type Institution, type Program } from '../domain/program';

export interface SavedInstitution {
  institution: Institution;
  programs: Program[];
}

export const programsApi = {
  /** Every track with its institution, grouped by institution name then track. */
  'programs.list': method<Program[]>()(noInput),
  /** Creates or updates an institution and exactly the tracks given (tracks left out are deleted). */
  'institutions.save': method<SavedInstitution>()(institutionWithTracksSchema),
  /** Deletes one track; an institution left with no track is deleted too. */
  'programs.delete': method<{ deletedInstitution: boolean }>()(idInput),
  /** Deletes an institution with all its tracks. */
  'institutions.delete': method<{ deletedPrograms: number }>()(idInput),
};
