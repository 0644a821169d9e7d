// A process killed (SIGKILL) in the middle of importing 5,000 programs leaves the database
// sound (PRAGMA integrity_check = ok) with all of those programs or none of them. The child
// says when its write transaction starts; the kills land at varied moments after that.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROWS = 5000;
let bundleDir = '';
let child = '';

beforeAll(async () => {
  // Under node_modules/.cache so that the external packages resolve from the project.
  const cache = path.join(ROOT, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  bundleDir = fs.mkdtempSync(path.join(cache, 'prelim-kill-'));
  child = path.join(bundleDir, 'import-child.mjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['tests/electron/children/import-child.ts'],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['better-sqlite3', 'exceljs'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}, 60_000);

afterAll(() => {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
});

function csvFor(run: number): string {
  const lines = ['Institution,NRMP Code,City,State,Min Step 2,Visa,IMG %,Notes'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`Run ${run} Hospital ${i},${String(i).padStart(4, '0')}440P${run},Springfield,${['OH', 'NY', 'TX', 'PA'][i % 4]},${200 + (i % 60)},J-1,${i % 100},"row ${i}, run ${run}"`);
  }
  return lines.join('\n');
}

/** Starts the child; kills it killAfterMs after it printed "writing" (or lets it finish). */
function runChild(db: string, csv: string, killAfterMs: number | null): Promise<{ killed: boolean; writeMs: number | null }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, db, csv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && timer === undefined && out.includes('writing\n')) timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ killed: true, writeMs: null });
      const done = /done (\d+) (\d+)/.exec(out);
      if (code !== 0 || !done) return reject(new Error(`child failed (${code}): ${out} ${err}`));
      resolve({ killed: false, writeMs: Number(done[1]) });
    });
  });
}

function inspect(file: string, run: number): { integrity: string; total: number; ofRun: number } {
  const db = new Database(file);
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      total: db.prepare('SELECT COUNT(*) FROM program').pluck().get() as number,
      ofRun: db.prepare(`SELECT COUNT(*) FROM program p JOIN institution i ON i.id = p.institution_id WHERE i.name LIKE ?`).pluck().get(`Run ${run} Hospital %`) as number,
    };
  } finally {
    db.close();
  }
}

describe('killing the process during an import', () => {
  it('leaves a sound database with all or none of the 5,000 rows, at varied moments, several times', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'kill.db');
    // Run 0 completes: it measures how long the write transaction takes here; the later runs import on top of it.
    const csv0 = path.join(dir, 'run0.csv');
    fs.writeFileSync(csv0, csvFor(0));
    const first = await runChild(db, csv0, null);
    expect(inspect(db, 0)).toEqual({ integrity: 'ok', total: ROWS, ofRun: ROWS });
    const span = Math.max(first.writeMs ?? 0, 50);

    let expected = ROWS;
    const outcomes: string[] = [];
    // Kill moments spread over the write transaction and a little after it; the last run is not killed.
    const delays = [0, 0.1, 0.25, 0.5, 0.75, 1, 2].map((f) => Math.round(span * f)).concat([Number.NaN]);
    for (const [k, delay] of delays.entries()) {
      const run = k + 1;
      const csv = path.join(dir, `run${run}.csv`);
      fs.writeFileSync(csv, csvFor(run));
      const r = await runChild(db, csv, Number.isNaN(delay) ? null : delay);
      const state = inspect(db, run);
      expect(state.integrity).toBe('ok');
      expect([0, ROWS]).toContain(state.ofRun);
      if (state.ofRun === ROWS) expected += ROWS;
      expect(state.total).toBe(expected);
      outcomes.push(`${Number.isNaN(delay) ? 'no kill' : `${delay}ms`}: ${r.killed ? 'killed' : 'finished'}, ${state.ofRun === ROWS ? 'all' : 'none'}`);
    }
    // Kills inside the transaction left nothing; after them all, an import still commits in full.
    expect(outcomes.some((o) => o.includes('killed, none'))).toBe(true);
    expect(outcomes.at(-1)).toBe('no kill: finished, all');
    console.log(`the write transaction of ${ROWS} rows took ${first.writeMs} ms; kills after it started: ${outcomes.join('; ')}`);
  }, 120_000);
});
