// Run by import-kill.test.ts in its own Node process (bundled with esbuild): imports a CSV
// into a real database file through the API, printing "ready" before and "done" after,
// so the test can SIGKILL it at chosen moments.
import fs from 'node:fs';
import { openServices } from '../../../electron/services';
import { guessMapping } from '../../../shared/domain/import-fields';

const [databasePath, csvPath] = process.argv.slice(2) as [string, string];
const services = openServices({ databasePath, mode: 'browser' });
const file = { name: 'programs.csv', base64: fs.readFileSync(csvPath).toString('base64') };
const headers = fs.readFileSync(csvPath, 'utf8').split('\n')[0]!.split(',');
process.stdout.write('ready\n');
const started = performance.now();
const r = await services.dispatch('import.run', { kind: 'programs', file, mapping: guessMapping('programs', headers) });
if (!r.ok) {
  process.stdout.write(`failed ${r.error.message}\n`);
  process.exit(1);
}
process.stdout.write(`done ${Math.round(performance.now() - started)}\n`);
services.close();
