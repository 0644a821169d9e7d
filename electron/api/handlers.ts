// The handler map: one function per API method. The compiler checks it is complete
// (type Handlers). Handlers receive inputs already parsed by the dispatcher.
import type { Handlers } from '../../shared/api/contract';
import type { AppInfo } from '../../shared/api/app-api';
import { schemaVersion, type Db } from '../db/open';
import { createProfileRepo } from '../db/repos/profile-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { APP_VERSION } from '../version';
import { displayPath } from '../paths';
import { createListHandlers } from './list-handlers';
import { createBackupHandlers, type RestoreFromFile } from './backup-handlers';
import { createApplicationHandlers } from './applications-handlers';
import { createSoapHandlers, createSoapReadiness } from './soap-handlers';
import { createLetterHandlers } from './letters-handlers';
import { createReadinessHandlers } from './readiness-handlers';
import { createPipelineHandlers } from './pipeline-handlers';
import { createPipelineRepo } from '../db/repos/pipeline-repo';
import { createTransferHandlers } from './transfer-handlers';
import { createSeasonHandlers } from './seasons-handlers';
import { createPrelimHandlers, createPrelimService } from './prelim-handlers';
import { createReportHandlers } from './report-handlers';
import type { ReadinessItem } from '../../shared/engine/readiness-types';
import { createProgramTableHandlers } from './program-table-handlers';

export interface HandlerContext {
  db: Db;
  databasePath: string;
  mode: AppInfo['mode'];
  /** Clock for handlers that stamp times; tests pass a fixed one. */
  now?: () => Date;
  /** Where backups go (default: a "backups" folder next to the database). */
  backupDir?: string;
  /** Swaps the live database for a backup (services provide it; without it backups.restore is refused). */
  restore?: RestoreFromFile;
}

export function createHandlers(ctx: HandlerContext): Handlers {
  const now = ctx.now ?? (() => new Date());
  const profile = createProfileRepo(ctx.db);
  const programs = createProgramsRepo(ctx.db);
  const pipeline = createPipelineRepo(ctx.db);
  const readiness = createReadinessHandlers(ctx.db, now, { readinessItems: createSoapReadiness(ctx.db, now), interviews: () => pipeline.interviewDates(), invitations: () => pipeline.invitationReplies(), datedItems: createPrelimService(ctx.db, now).datedItems });
  return {
    'app.info': () => ({ version: APP_VERSION, schemaVersion: schemaVersion(ctx.db), databasePath: displayPath(ctx.databasePath), mode: ctx.mode }),
    'profile.get': () => profile.get(),
    'profile.save': (input) => profile.save(input, now()),
    'programs.list': () => programs.list(),
    'institutions.save': ({ institution, tracks }) => programs.saveInstitution(institution, tracks, now()),
    'programs.delete': ({ id }) => programs.deleteProgram(id),
    'institutions.delete': ({ id }) => programs.deleteInstitution(id),
    ...createListHandlers(ctx.db, now),
    ...createBackupHandlers(ctx, now),
    ...createApplicationHandlers(ctx.db, now),
    ...createSoapHandlers(ctx.db, now),
    ...createLetterHandlers(ctx.db, now),
    ...readiness,
    ...createPipelineHandlers(ctx.db, now),
    ...createTransferHandlers(ctx, now),
    ...createSeasonHandlers(ctx.db, now),
    ...createPrelimHandlers(ctx.db, now),
    ...createReportHandlers(ctx.db, now, () => (readiness['readiness.checklist'](undefined) as { items: ReadinessItem[] }).items),
    ...createProgramTableHandlers(ctx.db, now),
  };
}
