// `npm run bench` (bundled and run by scripts/bench.mjs): how long the engine takes to tier
// 5,000 programs, how long the API handlers take to list 5,000 programs with their tiers from
// a real SQLite file (in process), the import next to a raw insert; then the app itself in
// browser mode with real Chromium at several sizes (scripts/bench/app.ts), each figure next to
// its baseline from the same run. Prints tables, then one line `BENCH_JSON {...}`.
//
// Options (after `npm run bench --`): --programs N (5000, the in-process part), --runs N (15),
// --warmups N (3), --sizes 500,5000,50000 (the browser part; --sizes 0 skips it),
// --app DIR (the built app to measure, default this project's dist/), --api-runs N (15),
// --page-runs N (5; 3 at 50,000 and more), --cache-sizes A,B (the in-process programs cache
// after a write, scripts/bench/cache.ts; default: the --sizes; 0 skips it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, Method, OutputOf } from '../../shared/api/contract';
import type { Profile } from '../../shared/domain/profile';
import type { Program } from '../../shared/domain/program';
import { tierPrograms } from '../../shared/engine/tier-program';
import { TIER_OUTCOMES, type TierOutcome } from '../../shared/engine/types';
import { createProgramsRepo } from '../../electron/db/repos/programs-repo';
import { openServices, type AppServices } from '../../electron/services';
import { sampleInstitutionsWithPrograms, seedExampleProfile } from './fixtures';
import { time, type Timing, type TimingOptions } from './stats';
import { exportProgramsCsv, runImportBench, type ImportBench } from './import';
import { runCacheBench, type CacheBench } from './cache';
import { firstLoadJsBytes, runAppBench, runImportLatencyBench, type AppBenchResult } from './app';


const ENGINE_TARGET_MS = 50;
const SEED = 20260915;
/** A fixed date (in the ERAS season, after the 2026 Match) so every run tiers the same way. */
const TODAY = '2026-09-15';
const NOW = new Date(`${TODAY}T12:00:00`);

interface Config extends TimingOptions {
  programs: number;
  sizes: number[];
  /** Sizes for the programs cache part (runCacheBench); defaults to sizes. */
  cacheSizes: number[] | null;
  app: string;
  apiRuns: number;
  pageRuns: number;
}

interface EngineResult extends Timing {
  programs: number;
  targetMs: number;
  targetMet: boolean;
}

interface Machine {
  node: string;
  platform: string;
  arch: string;
  cpuModel: string;
  cores: number;
  totalMemoryMb: number;
}

export interface BenchReport {
  version: 1;
  date: string;
  machine: Machine;
  config: Config & { seed: number; today: string; institutions: number };
  setup: { seedDatabaseMs: number; databaseBytes: number };
  engine: EngineResult;
  /** Cold: after a write (what the screen sees after an edit); warm: nothing changed since the last read (the program list is kept per connection). */
  handlers: Record<'programs.list (after a change)' | 'tiers.list (after a change)' | 'programs.list+tiers.list (after a change)' | 'programs.list (unchanged)' | 'tiers.list (unchanged)', Timing>;
  tierCounts: Record<TierOutcome, number>;
  import: ImportBench;
  /** programs.list after a write next to a raw SELECT of the same tables, in process, at each cache size. */
  cache: CacheBench[];
  app: AppBenchResult[];
  importLatency: Awaited<ReturnType<typeof runImportLatencyBench>> | null;
  firstLoadJs: { bytes: number; files: string[] } | null;
}

function parseArgs(argv: readonly string[]): Config {
  const config: Config = { programs: 5000, runs: 15, warmups: 3, sizes: [500, 5000, 50000], cacheSizes: null, app: process.cwd(), apiRuns: 15, pageRuns: 5 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(programs|runs|warmups|sizes|cache-sizes|app|api-runs|page-runs)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown option ${arg}. Use --programs N, --runs N, --warmups N, --sizes A,B,C, --cache-sizes A,B, --app DIR, --api-runs N or --page-runs N.`);
    const raw = match[2] ?? argv[++i];
    if (raw === undefined) throw new Error(`--${match[1]} needs a value.`);
    if (match[1] === 'app') {
      config.app = path.resolve(raw);
      continue;
    }
    if (match[1] === 'sizes' || match[1] === 'cache-sizes') {
      const sizes = raw.split(',').map(Number);
      if (!sizes.every((n) => Number.isInteger(n) && n >= 0)) throw new Error(`--${match[1]} needs whole numbers separated by commas (got ${raw}).`);
      if (match[1] === 'sizes') config.sizes = sizes.filter((n) => n > 0);
      else config.cacheSizes = sizes.filter((n) => n > 0);
      continue;
    }
    const keys = { programs: 'programs', runs: 'runs', warmups: 'warmups', 'api-runs': 'apiRuns', 'page-runs': 'pageRuns' } as const;
    const key = keys[match[1] as keyof typeof keys];
    const value = Number(raw);
    const min = key === 'warmups' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) throw new Error(`--${match[1]} needs an integer >= ${min} (got ${String(raw)}).`);
    config[key] = value;
  }
  return config;
}

function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
  };
}

/** Calls one API method through the real dispatcher; a failed call stops the benchmark. */
async function call<M extends Method>(services: AppServices, method: M, input?: InputOf<M>): Promise<OutputOf<M>> {
  const result = await services.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as OutputOf<M>;
}

function expectLength(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what} returned ${actual} items, expected ${expected}.`);
}

const log = (line: string) => console.error(line);

/** Chromium for the browser part: CHROMIUM_PATH, else Debian's. */
function findChromium(): string | null {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/**
 * A database for the app: the example profile, `programs` sample programs, and applications
 * to a fifth of them (at most 1,000; half submitted), on the list.
 */
export async function seedAppDatabase(file: string, programs: number): Promise<number> {
  const services = openServices({ databasePath: file, mode: 'browser', now: () => NOW });
  try {
    const repo = createProgramsRepo(services.db);
    const items = sampleInstitutionsWithPrograms(programs, SEED);
    services.db.transaction(() => {
      for (const item of items) repo.saveInstitution(item.institution, item.tracks, NOW);
    })();
    await call(services, 'profile.save', seedExampleProfile());
    const ids = (services.db.prepare('SELECT id FROM program ORDER BY id').pluck().all() as number[]).slice(0, Math.min(1000, Math.floor(programs / 5)));
    const half = Math.floor(ids.length / 2);
    if (ids.length > 0) {
      await call(services, 'programs.setOnList', { ids, onList: true });
      await call(services, 'applications.create', { programIds: ids.slice(0, half || ids.length), status: 'submitted', date: TODAY });
      if (half > 0) await call(services, 'applications.create', { programIds: ids.slice(half), status: 'considering', date: TODAY });
    }
    return ids.length;
  } finally {
    services.close();
  }
}

export async function runBench(argv: readonly string[]): Promise<BenchReport> {
  const config = parseArgs(argv);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-bench-'));
  const databasePath = path.join(dir, 'bench.db');
  let services: AppServices | undefined;
  try {
    services = openServices({ databasePath, mode: 'browser', now: () => NOW });
    const items = sampleInstitutionsWithPrograms(config.programs, SEED);

    // Seed through the repo in one transaction: one institutions.save per institution is
    // ~100× slower and not what is measured here.
    const repo = createProgramsRepo(services.db);
    const seedStart = performance.now();
    services.db.transaction(() => {
      for (const item of items) repo.saveInstitution(item.institution, item.tracks, NOW);
    })();
    const seedDatabaseMs = performance.now() - seedStart;

    const saved = await call(services, 'profile.save', seedExampleProfile());
    const profile: Profile = saved.profile;
    const programs: Program[] = await call(services, 'programs.list');
    expectLength('programs.list', programs.length, config.programs);

    // (1) The pure engine on the programs as the handlers read them.
    const engineTiming = await time(() => tierPrograms(programs, profile, TODAY), config, (r) => expectLength('tierPrograms', r.length, config.programs));
    const tierCounts = Object.fromEntries(TIER_OUTCOMES.map((o) => [o, 0])) as Record<TierOutcome, number>;
    for (const r of tierPrograms(programs, profile, TODAY)) tierCounts[r.outcome]++;

    // (2) The handlers through the dispatcher (input parsing included), as the UI calls them.
    const s = services;
    // A real write before each timed call empties the per-connection program list cache, as
    // an edit in the app does; the write itself is one tiny settings row (~0.1 ms).
    let flip = false;
    const change = async () => {
      flip = !flip;
      await call(s, 'settings.save', { feesCombineTracks: flip });
    };
    const listTiming = await time(async () => (await change(), call(s, 'programs.list')), config, (r) => expectLength('programs.list', r.length, config.programs));
    const tiersTiming = await time(async () => (await change(), call(s, 'tiers.list')), config, (r) => expectLength('tiers.list', r.tiers.length, config.programs));
    const bothTiming = await time(
      async () => {
        await change();
        const list = await call(s, 'programs.list');
        const tiers = await call(s, 'tiers.list');
        return list.length + tiers.tiers.length;
      },
      config,
      (n) => expectLength('programs.list + tiers.list', n, 2 * config.programs),
    );
    const listWarm = await time(() => call(s, 'programs.list'), config, (r) => expectLength('programs.list', r.length, config.programs));
    const tiersWarm = await time(() => call(s, 'tiers.list'), config, (r) => expectLength('tiers.list', r.tiers.length, config.programs));

    // (3) Importing the same number of programs from a CSV, next to a raw insert.
    const importBench = await runImportBench(items, config.programs, config);

    const databaseBytes = fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    services.close();
    services = undefined;

    // (3b) The programs cache after a write, in process, at each size.
    const cache: CacheBench[] = [];
    for (const size of config.cacheSizes ?? config.sizes) {
      log(`${int(size)} programs: programs.list after a write, in process…`);
      cache.push(await runCacheBench(size, size >= 50000 ? Math.min(config.runs, 8) : config.runs, seedAppDatabase, NOW));
    }

    // (4) The app in browser mode with Chromium, at each size.
    const app: AppBenchResult[] = [];
    let importLatency: BenchReport['importLatency'] = null;
    let firstLoadJs: BenchReport['firstLoadJs'] = null;
    if (config.sizes.length > 0) {
      const chromiumPath = findChromium();
      if (!chromiumPath) throw new Error('The browser part needs Chromium (CHROMIUM_PATH, or on Debian: apt-get install chromium); --sizes 0 skips it.');
      if (!fs.existsSync(path.join(config.app, 'dist/web/host.mjs'))) throw new Error(`${config.app} has no built app (dist/web/host.mjs): run "npm run build" there first.`);
      firstLoadJs = firstLoadJsBytes(config.app);
      for (const size of config.sizes) {
        const sizeDir = fs.mkdtempSync(path.join(dir, `app-${size}-`));
        const file = path.join(sizeDir, 'app.db');
        const applications = await seedAppDatabase(file, size);
        log(`${int(size)} programs, ${int(applications)} applications: browser part…`);
        app.push(
          await runAppBench({
            appRoot: config.app,
            databasePath: file,
            workDir: sizeDir,
            programs: size,
            applications,
            chromiumPath,
            apiRuns: size >= 50000 ? Math.min(config.apiRuns, 5) : config.apiRuns,
            pageRuns: size >= 50000 ? Math.min(config.pageRuns, 3) : config.pageRuns,
            log,
          }),
        );
        fs.rmSync(sizeDir, { recursive: true, force: true });
      }
      log('profile.get while an import of 5,000 rows runs…');
      const importDir = fs.mkdtempSync(path.join(dir, 'import-'));
      const csv = await exportProgramsCsv(sampleInstitutionsWithPrograms(5000, SEED + 7), importDir);
      importLatency = await runImportLatencyBench(config.app, path.join(importDir, 'import.db'), csv, 5000);
    }
    return {
      version: 1,
      date: new Date().toISOString(),
      machine: machineInfo(),
      config: { ...config, seed: SEED, today: TODAY, institutions: items.length },
      setup: { seedDatabaseMs: Math.round(seedDatabaseMs * 10) / 10, databaseBytes },
      engine: { ...engineTiming, programs: config.programs, targetMs: ENGINE_TARGET_MS, targetMet: engineTiming.medianMs < ENGINE_TARGET_MS },
      handlers: {
        'programs.list (after a change)': listTiming,
        'tiers.list (after a change)': tiersTiming,
        'programs.list+tiers.list (after a change)': bothTiming,
        'programs.list (unchanged)': listWarm,
        'tiers.list (unchanged)': tiersWarm,
      },
      tierCounts,
      import: importBench,
      cache,
      app,
      importLatency,
      firstLoadJs,
    };
  } finally {
    services?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (x: number) => `${x.toFixed(2)} ms`;
const int = (x: number) => x.toLocaleString('en-US');

export function formatTable(report: BenchReport): string {
  const { config, machine, engine, handlers } = report;
  const rows: string[][] = [
    ['Measurement', 'median', 'min', 'p90', 'max', 'target'],
    [`engine   tierPrograms (${int(engine.programs)} programs)`, ms(engine.medianMs), ms(engine.minMs), ms(engine.p90Ms), ms(engine.maxMs), `< ${engine.targetMs} ms: ${engine.targetMet ? 'MET' : 'NOT MET'}`],
  ];
  for (const [name, t] of Object.entries(handlers)) rows.push([`handler  ${name}`, ms(t.medianMs), ms(t.minMs), ms(t.p90Ms), ms(t.maxMs), '-']);
  const imp = report.import;
  const ratio = (t: Timing) => `${(t.medianMs / imp.rawInsert.medianMs).toFixed(2)}x raw`;
  const importRows: [string, Timing, string][] = [
    [`import   read + parse CSV (${(imp.csvBytes / 2 ** 20).toFixed(1)} MiB)`, imp.parse, '-'],
    ['import   check (plan, zod rules)', imp.check, '-'],
    ['import   write (one transaction)', imp.write, ratio(imp.write)],
    ['import   import.check (dispatcher: the preview)', imp.importCheck, '-'],
    [`import   import.run after import.check (${int(imp.rows)} rows)`, imp.importRun, `<= ${imp.targetRatio}x raw: ${imp.targetMet ? 'MET' : 'NOT MET'} (${ratio(imp.importRun)})`],
    ['import   import.run cold (no check before)', imp.importRunCold, ratio(imp.importRunCold)],
    ['raw      better-sqlite3 insert, same rows', imp.rawInsert, '1x'],
  ];
  for (const [name, t, target] of importRows) rows.push([name, ms(t.medianMs), ms(t.minMs), ms(t.p90Ms), ms(t.maxMs), target]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const counts = Object.entries(report.tierCounts).map(([o, n]) => `${o} ${int(n)}`).join(', ');
  return [
    `Prelim Tracker benchmark: ${int(config.programs)} programs (${int(config.institutions)} sample institutions, seed ${config.seed}), today ${config.today}`,
    `${config.runs} timed runs after ${config.warmups} warm-ups each; Node ${machine.node} ${machine.platform}/${machine.arch}, ${machine.cpuModel}, ${machine.cores} cores`,
    `Database seeded in ${ms(report.setup.seedDatabaseMs)} (${(report.setup.databaseBytes / 2 ** 20).toFixed(1)} MiB, temp folder removed). Tiers: ${counts}`,
    '',
    line(rows[0]!),
    rule,
    ...rows.slice(1).map(line),
    '',
    `Engine target (median < ${engine.targetMs} ms): ${engine.targetMet ? 'met' : 'NOT met'} (${ms(engine.medianMs)}).`,
    `Import target (import.run of ${int(imp.rows)} rows as the user meets it, after import.check of the same inputs, within ${imp.targetRatio}x of the raw insert): ${imp.targetMet ? 'met' : 'NOT met'} (${ms(imp.importRun.medianMs)}, ${imp.ratioToRaw}x of ${ms(imp.rawInsert.medianMs)}); cold import.run ${ms(imp.importRunCold.medianMs)}, ${imp.coldRatioToRaw}x.`,
  ].join('\n');
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
const msShort = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? ' MET' : ' NOT MET');

/** The browser part: one row per figure, one column per size, the target (checked at the size it names). */
export function formatAppTable(report: BenchReport): string {
  const sizes = report.app;
  if (sizes.length === 0) return '';
  const at = (n: number) => sizes.find((s) => s.programs === n) ?? null;
  const pair = (t: { app: { medianMs: number }; baseline: { medianMs: number }; ratio: number }) => `${msShort(t.app.medianMs)}/${msShort(t.baseline.medianMs)} ms ${t.ratio.toFixed(2)}x`;
  const check = (n: number, ok: (r: AppBenchResult) => boolean) => {
    const r = at(n);
    return r ? verdict(ok(r)) : ' (size not run)';
  };
  const rows: string[][] = [['Figure (app / baseline, medians; ratio = median of pairs)', ...sizes.map((r) => `${int(r.programs)} programs`), 'target']];
  const add = (name: string, cell: (r: AppBenchResult) => string, target: string) => rows.push([name, ...sizes.map(cell), target]);
  add('list+tiers via API / raw SELECT, after a write', (r) => pair(r.api.afterWrite), `<= 2x at 5,000:${check(5000, (r) => r.api.afterWrite.ratio <= 2)}`);
  add('list+tiers via API / raw SELECT, unchanged', (r) => pair(r.api.unchanged), `<= 1.2x at 5,000:${check(5000, (r) => r.api.unchanged.ratio <= 1.2)}`);
  add('bytes for the list / raw rows JSON', (r) => `${mb(r.bytes.listCalls)}/${mb(r.bytes.rawRowsJson)} ${r.bytes.ratio.toFixed(2)}x`, `<= 1.5x:${verdict(sizes.every((r) => r.bytes.ratio <= 1.5))}`);
  add('  (every API byte on Programs load)', (r) => mb(r.bytes.allApiOnProgramsLoad), '');
  add('Programs first rows / static table', (r) => pair(r.firstRows), `<= 1.5x at 5,000:${check(5000, (r) => r.firstRows.ratio <= 1.5)}`);
  add('Dashboard painted / static snapshot', (r) => pair(r.dashboard), `<= 1.5x at 5,000:${check(5000, (r) => r.dashboard.ratio <= 1.5)}`);
  add('filter keystroke -> repaint p50/p95', (r) => `${msShort(r.keystroke.p50Ms)}/${msShort(r.keystroke.p95Ms)} ms`, `p95 < 50 ms at 5,000:${check(5000, (r) => r.keystroke.p95Ms < 50)}; < 100 at 50,000:${check(50000, (r) => r.keystroke.p95Ms < 100)}`);
  add('  plain filter page, same keys p50/p95', (r) => `${msShort(r.keystrokeBaseline.p50Ms)}/${msShort(r.keystrokeBaseline.p95Ms)} ms`, '');
  add('host RSS after every screen, max (peak)', (r) => `${r.rssMb.max} (${r.rssMb.peak}) MB`, `< 200 MB at 5,000:${check(5000, (r) => r.rssMb.max < 200)}; < 600 at 50,000:${check(50000, (r) => r.rssMb.max < 600)}`);
  add('  baseline server RSS (raw SELECTs)', (r) => `${r.rawServerRssMb} MB`, '');
  add('  calls the Programs screen made', (r) => r.listCalls.join(' + '), '');
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const out = ['', 'Browser mode (the built app, its own host process, Chromium), each figure next to its baseline in the same run:', line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  if (report.firstLoadJs) out.push('', `First-load JS (index.html's scripts before any screen): ${(report.firstLoadJs.bytes / 1024).toFixed(0)} KB raw in ${report.firstLoadJs.files.length} files; target <= 450 KB:${verdict(report.firstLoadJs.bytes <= 450 * 1024)}`);
  const il = report.importLatency;
  if (il) out.push(`profile.get while an import of 5,000 rows runs (${int(il.importMs)} ms): median ${msShort(il.duringImport.medianMs)} ms, max ${msShort(il.duringImport.maxMs)} ms over ${il.duringImport.calls} calls (idle, as long, same host: median ${msShort(il.idle.medianMs)} ms, max ${msShort(il.idle.maxMs)} ms over ${il.idle.calls} calls); target max < 50 ms:${verdict(il.duringImport.maxMs < 50)}`);
  if (sizes.length >= 2) {
    const a = sizes[0]!;
    const b = sizes[sizes.length - 1]!;
    const growth = b.programs / a.programs;
    const f = (x: number, y: number) => `${(y / x).toFixed(1)}x`;
    out.push(
      `Growth from ${int(a.programs)} to ${int(b.programs)} programs (${growth}x the rows; linear or better when each factor <= ${growth}x): ` +
        [
          `API after a write ${f(a.api.afterWrite.app.medianMs, b.api.afterWrite.app.medianMs)} (raw ${f(a.api.afterWrite.baseline.medianMs, b.api.afterWrite.baseline.medianMs)})`,
          `first rows ${f(a.firstRows.app.medianMs, b.firstRows.app.medianMs)} (static ${f(a.firstRows.baseline.medianMs, b.firstRows.baseline.medianMs)})`,
          `Dashboard ${f(a.dashboard.app.medianMs, b.dashboard.app.medianMs)} (static ${f(a.dashboard.baseline.medianMs, b.dashboard.baseline.medianMs)})`,
          `keystroke p95 ${f(a.keystroke.p95Ms, b.keystroke.p95Ms)} (plain page ${f(a.keystrokeBaseline.p95Ms, b.keystrokeBaseline.p95Ms)})`,
          `bytes ${f(a.bytes.listCalls, b.bytes.listCalls)}`,
          `host RSS ${f(a.rssMb.max, b.rssMb.max)}`,
        ].join(', '),
    );
  }
  return out.join('\n');
}

/** The programs cache part: one row per figure, one column per size. */
export function formatCacheTable(report: BenchReport): string {
  const sizes = report.cache;
  if (sizes.length === 0) return '';
  const pair = (t: CacheBench['afterProgramWrite']) => `${msShort(t.app.medianMs)}/${msShort(t.baseline.medianMs)} ms ${t.ratio.toFixed(2)}x`;
  const rows: string[][] = [
    ['Figure (app / baseline, medians; ratio = median of pairs)', ...sizes.map((r) => `${int(r.programs)} programs`)],
    ['programs.list / raw SELECT, after one program written', ...sizes.map((r) => pair(r.afterProgramWrite))],
    ['programs.list / raw SELECT, after a setting written', ...sizes.map((r) => pair(r.afterOtherWrite))],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return ['', 'Programs cache (in process: the dispatcher, a real SQLite file; baseline: a raw SELECT of every row of institution, program, program_unfilled, tier_override):', line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export async function main(argv: readonly string[]): Promise<void> {
  const report = await runBench(argv);
  console.log(formatTable(report));
  console.log(formatCacheTable(report));
  console.log(formatAppTable(report));
  console.log(`BENCH_JSON ${JSON.stringify(report)}`);
}
