// app.info: what the About box and the Settings screen show.
import type { Handlers } from '../../shared/api/contract';
import type { appApi } from '../../shared/api/app-api';
import { schemaVersion } from '../db/open';
import { APP_VERSION } from '../version';
import { displayPath } from '../paths';
import type { HandlerContext } from './context';

export function createAppHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof appApi> {
  return {
    'app.info': () => ({ version: APP_VERSION, schemaVersion: schemaVersion(ctx.db), databasePath: displayPath(ctx.databasePath), mode: ctx.mode }),
  };
}
