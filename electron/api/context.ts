// What every handler map receives: the database, its repositories (built once), the one
// clock, and what the app was started with.
import type { AppInfo } from '../../shared/api/app-api';
import type { BackupInfo } from '../../shared/api/backup-api';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { Repos } from '../db/repos';

/** Replaces the live database with the backup at this absolute path. */
export type RestoreFromFile = (file: string) => Promise<{ safetyBackup: BackupInfo; schemaVersion: number }>;

export interface HandlerContext {
  db: Db;
  repos: Repos;
  /** now(), the user's zone and today() in it: the only source of dates for handlers and repos. */
  clock: Clock;
  databasePath: string;
  mode: AppInfo['mode'];
  /** Where backups go. */
  backupDir: string;
  /** Swaps the live database for a backup (services provide it; without it backups.restore is refused). */
  restore?: RestoreFromFile | undefined;
}

export const OK = { ok: true as const };
