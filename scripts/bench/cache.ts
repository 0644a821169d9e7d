// The programs cache after a write (issue 14), in process: programs.list through the real
// dispatcher right after a write that changes one program's on-list flag (the cache reads
// again only the rows the database's change log names), and after a write elsewhere (a
// setting: no program row changed), each next to its baseline in the same run: a raw
// better-sqlite3 SELECT of every row of the same four tables (institution, program,
// program_unfilled, tier_override) on the same connection, timed in pairs (the order
// alternating) after the same write.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServices } from '../../electron/services';
import { quantile, summarize, type Timing } from './stats';

export interface CachePair {
  app: Timing;
  baseline: Timing;
  /** The median of app/baseline over the pairs. */
  ratio: number;
}

export interface CacheBench {
  programs: number;
  /** programs.list after programs.setOnList of one program. */
  afterProgramWrite: CachePair;
  /** programs.list after settings.save (no program row changed). */
  afterOtherWrite: CachePair;
}

export async function runCacheBench(programs: number, runs: number, seed: (file: string, programs: number) => Promise<number>, now: Date): Promise<CacheBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-cache-bench-'));
  const s = await openServicesAfterSeed(dir, programs, seed, now);
  try {
    const call = async (method: string, input?: unknown) => {
      const r = await s.dispatch(method as never, input as never);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
      return r.value as unknown;
    };
    const firstId = s.db.prepare('SELECT id FROM program ORDER BY id LIMIT 1').pluck().get() as number;
    const raws = ['institution', 'program', 'program_unfilled', 'tier_override'].map((t) => s.db.prepare(`SELECT * FROM ${t}`).raw());
    let flag = false;
    const writeProgram = async () => {
      flag = !flag;
      await call('programs.setOnList', { ids: [firstId], onList: flag });
    };
    const writeOther = async () => {
      flag = !flag;
      await call('settings.save', { feesCombineTracks: flag });
    };
    const app = async () => {
      const t0 = performance.now();
      const list = (await call('programs.list')) as unknown[];
      const ms = performance.now() - t0;
      if (list.length !== programs) throw new Error(`programs.list returned ${list.length} programs, expected ${programs}.`);
      return ms;
    };
    const raw = () => {
      const t0 = performance.now();
      let n = 0;
      for (const stmt of raws) n += stmt.all().length;
      const ms = performance.now() - t0;
      if (n < programs) throw new Error('The raw SELECT read fewer rows than there are programs.');
      return ms;
    };
    const pairs = async (write: () => Promise<void>): Promise<CachePair> => {
      const as: number[] = [];
      const bs: number[] = [];
      for (let i = -2; i < runs; i++) {
        let a: number;
        let b: number;
        if (i % 2 === 0) {
          await write();
          a = await app();
          await write();
          b = raw();
        } else {
          await write();
          b = raw();
          await write();
          a = await app();
        }
        if (i < 0) continue; // warm-ups
        as.push(a);
        bs.push(b);
      }
      const ratios = as.map((x, i) => x / bs[i]!).sort((x, y) => x - y);
      return { app: summarize(as, 2), baseline: summarize(bs, 2), ratio: Math.round(quantile(ratios, 0.5) * 100) / 100 };
    };
    return { programs, afterProgramWrite: await pairs(writeProgram), afterOtherWrite: await pairs(writeOther) };
  } finally {
    s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function openServicesAfterSeed(dir: string, programs: number, seed: (file: string, programs: number) => Promise<number>, now: Date) {
  const file = path.join(dir, 'cache.db');
  await seed(file, programs);
  return openServices({ databasePath: file, mode: 'browser', now: () => now });
}
