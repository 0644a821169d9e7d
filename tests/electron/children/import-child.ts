// Run by import-kill.test.ts in its own Node process (bundled with esbuild): imports a CSV
// into a real database file the way import.run does (runImport), printing "writing" right
// after the before-import backup, when the write transaction starts, and "done" at the end,
// so the test can SIGKILL it at chosen moments inside the transaction.
import fs from 'node:fs';
import path from 'node:path';
import { runImport } from '../../../electron/api/transfer-handlers';
import { fixedClock } from '../../../electron/clock';
import { backupDatabase } from '../../../electron/db/backup';
import { readSheet } from '../../../electron/transfer/read-file';
import { openServices } from '../../../electron/services';
import { guessMapping } from '../../../shared/domain/import-fields';

const [databasePath, csvPath] = process.argv.slice(2) as [string, string];
const services = openServices({ databasePath, mode: 'browser' });
const sheet = await readSheet({ name: 'programs.csv', base64: fs.readFileSync(csvPath).toString('base64') }, 'programs');
let writingAt = 0;
const result = await runImport(services.db, 'programs', sheet, guessMapping('programs', sheet.headers), false, fixedClock(new Date()), async () => {
  const info = await backupDatabase(services.db, path.join(path.dirname(databasePath), 'backups'), 'before-import');
  writingAt = performance.now();
  process.stdout.write('writing\n');
  return info;
});
process.stdout.write(`done ${Math.round(performance.now() - writingAt)} ${result.add}\n`);
services.close();
