// Where the data lives: the same folder Electron uses as userData for "Prelim Tracker",
// computed without importing electron so browser mode opens the same database.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Prelim Tracker';
export const DATABASE_FILE = 'prelim-tracker.db';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (env.PRELIM_TRACKER_DATA_DIR) return env.PRELIM_TRACKER_DATA_DIR;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultDatabasePath(): string {
  return path.join(defaultDataDir(), DATABASE_FILE);
}

/**
 * A path as the app shows it in answers: the user's home folder as "~" (so no account name or
 * absolute path leaves the main process); a path outside home is shown by its file name only.
 */
export function displayPath(file: string, home = os.homedir()): string {
  const resolved = path.resolve(file);
  if (home.length > 1 && (resolved === home || resolved.startsWith(home + path.sep))) return `~${resolved.slice(home.length)}`;
  return path.basename(resolved);
}
