// `npm run bench` is not part of the test run (it takes minutes); this only proves the script
// still builds and runs end to end at a tiny size (in-process part, no browser) and prints its
// table and a BENCH_JSON line that parses. It checks no timing.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

describe('npm run bench (smoke)', () => {
  it('runs at 12 programs (the cache part too) without the browser part and prints its report', async () => {
    const { stdout } = await run(process.execPath, ['scripts/bench.mjs', '--programs', '12', '--runs', '1', '--warmups', '0', '--sizes', '0', '--cache-sizes', '12'], { cwd: root, maxBuffer: 32 * 1024 * 1024 });
    expect(stdout).toContain('Prelim Tracker benchmark: 12 programs');
    const line = stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
    const report = JSON.parse(line!.slice('BENCH_JSON '.length)) as { engine: { programs: number }; import: { rows: number }; cache: { programs: number }[]; app: unknown[] };
    expect(report.engine.programs).toBe(12);
    expect(report.import.rows).toBe(12);
    expect(report.cache.map((c) => c.programs)).toEqual([12]);
    expect(stdout).toContain('programs.list / raw SELECT, after one program written');
    expect(report.app).toEqual([]);
  }, 180_000);

  it('refuses an unknown option with a message', async () => {
    await expect(run(process.execPath, ['scripts/bench.mjs', '--bogus'], { cwd: root })).rejects.toMatchObject({ stderr: expect.stringContaining('Unknown option --bogus') });
  }, 180_000);
});
