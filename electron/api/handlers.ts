// The handler map: one function per API method, joined from one file per domain
// (shared/api/X-api.ts <-> electron/api/X-handlers.ts). The compiler checks it is complete
// (type Handlers). Handlers receive inputs already parsed by the dispatcher.
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import type { AppInfo } from '../../shared/api/app-api';
import type { ReadinessChecklist } from '../../shared/api/readiness-api';
import { createClock } from '../clock';
import type { Db } from '../db/open';
import { createRepos } from '../db/repos';
import type { HandlerContext, RestoreFromFile } from './context';
import { createAppHandlers } from './app-handlers';
import { createProfileHandlers } from './profile-handlers';
import { createProgramsHandlers } from './programs-handlers';
import { createTiersHandlers } from './tiers-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createSampleHandlers } from './sample-handlers';
import { createBackupHandlers } from './backup-handlers';
import { createApplicationsHandlers } from './applications-handlers';
import { createPipelineHandlers } from './pipeline-handlers';
import { createSoapHandlers } from './soap-handlers';
import { createLettersHandlers } from './letters-handlers';
import { createDocumentsHandlers } from './documents-handlers';
import { createCommunicationsHandlers } from './communications-handlers';
import { createReadinessHandlers } from './readiness-handlers';
import { createDashboardHandlers } from './dashboard-handlers';
import { createCalendarHandlers } from './calendar-handlers';
import { createDeadlinesHandlers } from './deadlines-handlers';
import { createRemindersHandlers } from './reminders-handlers';
import { createTransferHandlers } from './transfer-handlers';
import { createSeasonHandlers } from './seasons-handlers';
import { createPrelimHandlers } from './prelim-handlers';
import { createReportHandlers } from './report-handlers';
import { createProgramTableHandlers } from './program-table-handlers';
import { createSignalsHandlers } from './signals-handlers';
import { createInvitationsHandlers } from './invitations-handlers';
import { createCostsHandlers } from './costs-handlers';

export type { HandlerContext, RestoreFromFile };

export interface HandlerOptions {
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

export function defaultBackupDir(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups');
}

/** The repositories (built once for this connection) and the one clock, in the user's zone. */
export function createHandlerContext(options: HandlerOptions): HandlerContext {
  const repos = createRepos(options.db);
  return {
    db: options.db,
    repos,
    clock: createClock(options.now ?? (() => new Date()), () => repos.calendar.settings().timeZone), // not a date: the clock's source
    databasePath: options.databasePath,
    mode: options.mode,
    backupDir: options.backupDir ?? defaultBackupDir(options.databasePath),
    restore: options.restore,
  };
}

export function createHandlers(options: HandlerOptions): Handlers {
  const ctx = createHandlerContext(options);
  const readiness = createReadinessHandlers(ctx);
  return {
    ...createAppHandlers(ctx),
    ...createProfileHandlers(ctx),
    ...createProgramsHandlers(ctx),
    ...createTiersHandlers(ctx),
    ...createProgramTableHandlers(ctx),
    ...createSettingsHandlers(ctx),
    ...createSampleHandlers(ctx),
    ...createBackupHandlers(ctx),
    ...createApplicationsHandlers(ctx),
    ...createPipelineHandlers(ctx),
    ...createSoapHandlers(ctx),
    ...createLettersHandlers(ctx),
    ...createDocumentsHandlers(ctx),
    ...createCommunicationsHandlers(ctx),
    ...readiness,
    ...createDashboardHandlers(ctx),
    ...createCalendarHandlers(ctx),
    ...createDeadlinesHandlers(ctx),
    ...createRemindersHandlers(ctx),
    ...createTransferHandlers(ctx),
    ...createSeasonHandlers(ctx),
    ...createPrelimHandlers(ctx),
    ...createSignalsHandlers(ctx),
    ...createInvitationsHandlers(ctx),
    ...createCostsHandlers(ctx),
    ...createReportHandlers(ctx, () => (readiness['readiness.checklist'](undefined) as ReadinessChecklist).items),
  };
}
