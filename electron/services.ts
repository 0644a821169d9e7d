// Opens the database and builds the dispatcher: what both the desktop shell and the
// browser-mode host need, with no dependency on electron.
import fs from 'node:fs';
import type { AppInfo } from '../shared/api/app-api';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { createHandlers, defaultBackupDir } from './api/handlers';
import { backupDatabaseSync, restoreDatabase, RestoreFailedError } from './db/backup';
import { openDatabase, removeLockNote, schemaVersion, type Db, type OpenOptions } from './db/open';
import type { Handlers } from '../shared/api/contract';
import { contract } from '../shared/api/contract';
import { AppError } from './errors';
import type { ChangeEvent } from '../shared/api/domains';

export interface AppServices {
  /** The live database (a restore replaces it: read it each time, do not keep it). */
  readonly db: Db;
  dispatch: Dispatch;
  /** Listens to the change announcements of successful writes; returns the function that stops listening. */
  onChange(listener: ChangeListener): () => void;
  close(): void;
}

export type ChangeListener = (event: ChangeEvent) => void;

export interface ServicesOptions extends OpenOptions {
  databasePath: string;
  mode: AppInfo['mode'];
  now?: () => Date;
  /**
   * When given, a backup is taken there at start-up (if the database already had data)
   * and before migrations. Without it (tests) no automatic backup is taken; the backups
   * API then uses a "backups" folder next to the database.
   */
  backupDir?: string;
}

export function openServices(options: ServicesOptions): AppServices {
  const now = options.now ?? (() => new Date());
  const autoBackupDir = options.backupDir;
  const backupDir = options.backupDir ?? defaultBackupDir(options.databasePath);
  const hadData = fs.existsSync(options.databasePath) && fs.statSync(options.databasePath).size > 0;

  let migratedWithBackup = false;
  const openOptions: OpenOptions = {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.migrations ? { migrations: options.migrations } : {}),
    lockMode: options.mode,
    beforeMigrate: (db, from, to) => {
      // Synchronous (VACUUM INTO) because openDatabase migrates synchronously; a failure here stops the migration.
      if (autoBackupDir) {
        backupDatabaseSync(db, autoBackupDir, 'before-migration', now());
        migratedWithBackup = true;
      }
      options.beforeMigrate?.(db, from, to);
    },
  };

  let db = openDatabase(options.databasePath, openOptions);
  if (autoBackupDir && hadData && !migratedWithBackup) {
    try {
      backupDatabaseSync(db, autoBackupDir, 'startup', now());
    } catch (err) {
      // A missing start-up backup must not keep the user from their data.
      console.warn(`Prelim Tracker: ${(err as Error).message}`);
    }
  }

  let restoring = false;
  const build = (): Handlers =>
    createHandlers({
      db,
      databasePath: options.databasePath,
      mode: options.mode,
      now,
      backupDir,
      restore: async (file) => {
        if (restoring) throw new AppError('conflict', 'A restore is already running; wait for it to finish.');
        restoring = true;
        try {
          const result = await restoreDatabase({ db, databasePath: options.databasePath, backupFile: file, backupDir, openOptions, now: now() });
          swap(result.db);
          return { safetyBackup: result.safetyBackup, schemaVersion: schemaVersion(db) };
        } catch (err) {
          if (err instanceof RestoreFailedError) swap(err.db);
          throw err;
        } finally {
          restoring = false;
        }
      },
    });
  let handlers = build();
  // Handlers hold prepared statements of one connection: after a restore they are rebuilt
  // on the reopened database, and the dispatcher always calls the current ones.
  const swap = (next: Db) => {
    db = next;
    handlers = build();
  };
  const current = Object.fromEntries(Object.keys(contract).map((m) => [m, (input: unknown) => (handlers[m as keyof Handlers] as (i: unknown) => unknown)(input)])) as Handlers;

  const listeners = new Set<ChangeListener>();
  const onChange = (domains: ChangeEvent['domains']) => {
    for (const listener of [...listeners]) {
      try {
        listener({ domains });
      } catch (err) {
        console.error('Prelim Tracker: a change listener failed:', err);
      }
    }
  };

  return {
    get db() {
      return db;
    },
    dispatch: createDispatcher(current, { onChange }),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      if (db.open) db.close();
      removeLockNote(options.databasePath);
    },
  };
}
