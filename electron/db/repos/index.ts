// Every repository of one connection, built once and handed to the handlers (a restore
// reopens the database and builds them again).
import type { Db } from '../open';
import { createApplicationsRepo } from './applications-repo';
import { createCalendarRepo } from './calendar-repo';
import { createCommunicationsRepo } from './communications-repo';
import { createCostsRepo } from './costs-repo';
import { createDocumentsRepo } from './documents-repo';
import { createInvitationsRepo } from './invitations-repo';
import { createLettersRepo } from './letters-repo';
import { createListRepo } from './list-repo';
import { createPipelineRepo } from './pipeline-repo';
import { createProfileRepo } from './profile-repo';
import { createPrelimRepo } from './prelim-repo';
import { createProgramsRepo } from './programs-repo';
import { createSeasonsRepo } from './seasons-repo';
import { createSignalsRepo } from './signals-repo';
import { createSoapRepo } from './soap-repo';

export function createRepos(db: Db) {
  return {
    profile: createProfileRepo(db),
    programs: createProgramsRepo(db),
    list: createListRepo(db),
    applications: createApplicationsRepo(db),
    pipeline: createPipelineRepo(db),
    letters: createLettersRepo(db),
    documents: createDocumentsRepo(db),
    communications: createCommunicationsRepo(db),
    calendar: createCalendarRepo(db),
    soap: createSoapRepo(db),
    seasons: createSeasonsRepo(db),
    prelim: createPrelimRepo(db),
    signals: createSignalsRepo(db),
    invitations: createInvitationsRepo(db),
    costs: createCostsRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;
