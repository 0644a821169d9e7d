// Bundles a TypeScript entry into a runnable .mjs for tests that need a real child process.
// Under node_modules/.cache so the external packages (better-sqlite3, exceljs) resolve from the project.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Returns the folder holding the bundle (remove it when done) and the bundle's path (dir/sub/name.mjs). */
export async function bundleEntry(entry: string, name: string, sub = ''): Promise<{ dir: string; file: string }> {
  const cache = path.join(ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, `prelim-${name}-`));
  const file = path.join(dir, sub, `${name}.mjs`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['better-sqlite3', 'exceljs'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return { dir, file };
}
