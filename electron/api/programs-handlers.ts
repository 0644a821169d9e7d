// Institutions and their tracks, and the on-list flag.
import type { Handlers } from '../../shared/api/contract';
import type { programsApi } from '../../shared/api/programs-api';
import type { HandlerContext } from './context';

export function createProgramsHandlers({ repos, clock }: HandlerContext): Pick<Handlers, keyof typeof programsApi> {
  return {
    'programs.list': () => repos.programs.list(),
    'institutions.save': ({ institution, tracks }) => repos.programs.saveInstitution(institution, tracks, clock.now()),
    'programs.delete': ({ id }) => repos.programs.deleteProgram(id),
    'institutions.delete': ({ id }) => repos.programs.deleteInstitution(id),
    'programs.setOnList': ({ ids, onList }) => repos.list.setOnList([...new Set(ids)], onList),
  };
}
