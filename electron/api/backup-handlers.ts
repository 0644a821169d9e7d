// Handlers for backups: list, back up now, restore.
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import type { backupApi } from '../../shared/api/backup-api';
import { backupDatabase, listBackups, parseBackupFileName } from '../db/backup';
import { AppError } from '../errors';
import { displayPath } from '../paths';
import type { HandlerContext } from './context';

export function createBackupHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof backupApi> {
  const dir = ctx.backupDir;
  return {
    'backups.list': () => ({ dir: displayPath(dir), backups: listBackups(dir) }),
    'backups.create': () => backupDatabase(ctx.db, dir, 'manual', ctx.clock.now()),
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
