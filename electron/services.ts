// Opens the database and builds the dispatcher: what both the desktop shell and the
// browser-mode host need, with no dependency on electron.
import type { AppInfo } from '../shared/api/app-api';
import { createDispatcher, type Dispatch } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { openDatabase, type Db, type OpenOptions } from './db/open';

export interface AppServices {
  db: Db;
  dispatch: Dispatch;
  close(): void;
}

export interface ServicesOptions extends OpenOptions {
  databasePath: string;
  mode: AppInfo['mode'];
  now?: () => Date;
}

export function openServices(options: ServicesOptions): AppServices {
  const db = openDatabase(options.databasePath, options);
  const handlers = createHandlers({ db, databasePath: options.databasePath, mode: options.mode, ...(options.now ? { now: options.now } : {}) });
  return {
    db,
    dispatch: createDispatcher(handlers),
    close: () => {
      if (db.open) db.close();
    },
  };
}
