// `npm run bench`: bundles scripts/bench/main.ts (TypeScript importing shared/ and
// electron/) with esbuild into a temp folder, imports it and runs it. The bundle is
// removed afterwards. Options are passed through: `npm run bench -- --runs 30`.
// The temp folder is under node_modules/.cache so that the external better-sqlite3
// resolves from the project (Node resolves bare imports from the importing file).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache');
fs.mkdirSync(cacheDir, { recursive: true });
const outDir = fs.mkdtempSync(path.join(cacheDir, 'prelim-bench-'));
const outfile = path.join(outDir, 'bench.mjs');

process.setSourceMapsEnabled(true);
let exitCode = 0;
try {
  await build({
    absWorkingDir: root,
    entryPoints: ['scripts/bench/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['better-sqlite3', 'playwright-core'],
    // better-sqlite3 is CommonJS and stays external: give the ESM bundle a require().
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const { main } = await import(pathToFileURL(outfile).href);
  await main(process.argv.slice(2));
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  exitCode = 1;
} finally {
  fs.rmSync(outDir, { recursive: true, force: true });
}
process.exitCode = exitCode;
