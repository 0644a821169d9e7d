// `npm run web`: browser mode. Serves the built renderer and the API on 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDatabasePath } from '../paths';
import { openServices } from '../services';
import { startWebServer } from './server';
import { firstScreenDrawer } from './first-screen';
import { AppError } from '../errors';

const USAGE = `Usage: npm run web -- [--port N] [--db PATH]

  --port N    port on 127.0.0.1 (default: a free port)
  --db PATH   database file (default: the desktop app's, ${defaultDatabasePath()})`;

export async function runWebHost(argv: string[], intro?: string): Promise<void> {
  let values: { port?: string; db?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { port: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`);
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
    return;
  }
  const databasePath = path.resolve(values.db ?? defaultDatabasePath());
  let services;
  try {
    services = openServices({ databasePath, mode: 'browser', backupDir: path.join(path.dirname(databasePath), 'backups') });
  } catch (err) {
    fail(err instanceof AppError ? err.message : `Could not open the database ${databasePath}: ${(err as Error).message}`);
    return;
  }
  // `npm run dev` (scripts/dev.mjs) serves the renderer with Vite instead, and gives the token to both.
  const devStatic = process.env.PRELIM_DEV_STATIC;
  const staticDir = devStatic ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');
  // The first screen is drawn into the page by the renderer's build for Node (electron/web/first-screen.ts); not with Vite's dev server.
  const drawFirstScreen = devStatic ? undefined : firstScreenDrawer(services.dispatch, path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../first-screen/first-screen-server.js'));
  const token = process.env.PRELIM_DEV_TOKEN || undefined;
  let server;
  try {
    server = await startWebServer({ dispatch: services.dispatch, onChange: services.onChange, staticDir, port, ...(token ? { token } : {}), ...(drawFirstScreen ? { drawFirstScreen } : {}) });
  } catch (err) {
    services.close();
    const e = err as NodeJS.ErrnoException;
    fail(e.code === 'EADDRINUSE' ? `Port ${port} is already in use; choose another with --port.` : e.message);
    return;
  }
  if (intro) console.log(intro);
  console.log(`Prelim Tracker (browser mode) is running at ${server.url}`);
  console.log(`Database: ${databasePath}`);
  console.log('Open the address above in your browser. Press Ctrl+C to stop.');
  const stop = () => {
    void server.close().then(() => {
      services.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Last line of defence: every request path already ends in an answer, but should anything
  // slip through, it is logged and the host keeps serving (each write is one transaction, so
  // nothing half-done is kept) instead of exiting under the user.
  process.on('uncaughtException', (err) => console.error('Prelim Tracker: unexpected error (still running):', err));
  process.on('unhandledRejection', (err) => console.error('Prelim Tracker: unexpected error (still running):', err));
}

function fail(message: string): void {
  console.error(`Prelim Tracker: ${message}`);
  process.exitCode = 1;
}

const realPath = (file: string): string => {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
};
// Compared through realpath: the script may have been started through a symlinked folder.
const isEntry = process.argv[1] !== undefined && realPath(process.argv[1]) === realPath(fileURLToPath(import.meta.url));
if (isEntry) void runWebHost(process.argv.slice(2), process.env.PRELIM_WEB_INTRO);
