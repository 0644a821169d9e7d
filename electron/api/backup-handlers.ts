// Handlers for backups: list, back up now, restore.
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import type { BackupInfo } from '../../shared/api/backup-api';
import { backupDatabase, listBackups, parseBackupFileName } from '../db/backup';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { displayPath } from '../paths';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'>;

/** Replaces the live database with the backup at this absolute path. */
export type RestoreFromFile = (file: string) => Promise<{ safetyBackup: BackupInfo; schemaVersion: number }>;

interface BackupContext {
  db: Db;
  databasePath: string;
  backupDir?: string;
  restore?: RestoreFromFile;
}

export function defaultBackupDir(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups');
}

export function createBackupHandlers(ctx: BackupContext, now: () => Date): BackupHandlers {
  const dir = ctx.backupDir ?? defaultBackupDir(ctx.databasePath);
  return {
    'backups.list': () => ({ dir: displayPath(dir), backups: listBackups(dir) }),
    'backups.create': () => backupDatabase(ctx.db, dir, 'manual', now()),
    'backups.restore': async ({ file }) => {
      if (!ctx.restore) throw new AppError('internal', 'Restoring is not available here.');
      let full: string;
      if (parseBackupFileName(file)) {
        if (!listBackups(dir).some((b) => b.file === file)) throw new AppError('not_found', `There is no backup named ${file}; reload the list of backups.`);
        full = path.join(dir, file);
      } else {
        full = path.resolve(file);
      }
      const result = await ctx.restore(full);
      return { restored: path.basename(full), ...result };
    },
  };
}
