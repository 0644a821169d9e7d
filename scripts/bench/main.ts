// `npm run bench` (bundled and run by scripts/bench.mjs): how long the engine takes to tier
// 5,000 programs, and how long the API handlers take to list 5,000 programs with their
// tiers from a real SQLite file. Prints a table, then one line `BENCH_JSON {...}`.
//
// Options (after `npm run bench --`): --programs N (5000), --runs N (15), --warmups N (3).
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
import { runImportBench, type ImportBench } from './import';

const ENGINE_TARGET_MS = 50;
const SEED = 20260915;
/** A fixed date (in the ERAS season, after the 2026 Match) so every run tiers the same way. */
const TODAY = '2026-09-15';
const NOW = new Date(`${TODAY}T12:00:00`);

interface Config extends TimingOptions {
  programs: number;
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
}

function parseArgs(argv: readonly string[]): Config {
  const config: Config = { programs: 5000, runs: 15, warmups: 3 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(programs|runs|warmups)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown option ${arg}. Use --programs N, --runs N or --warmups N.`);
    const key = match[1] as keyof Config;
    const raw = match[2] ?? argv[++i];
    const value = Number(raw);
    const min = key === 'warmups' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) throw new Error(`--${key} needs an integer >= ${min} (got ${String(raw)}).`);
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
    [`import   parse + check + write (${int(imp.rows)} rows)`, imp.parseCheckWrite, `< ${imp.targetMs} ms and <= 2x raw: ${imp.targetMet ? 'MET' : 'NOT MET'} (${ratio(imp.parseCheckWrite)})`],
    ['import   import.run (dispatcher, backup)', imp.importRun, ratio(imp.importRun)],
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
    `Import target (parse + check + write of ${int(imp.rows)} rows < ${imp.targetMs} ms and within 2x of the raw insert): ${imp.targetMet ? 'met' : 'NOT met'} (${ms(imp.parseCheckWrite.medianMs)}, ${imp.ratioToRaw}x of ${ms(imp.rawInsert.medianMs)}).`,
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<void> {
  const report = await runBench(argv);
  console.log(formatTable(report));
  console.log(`BENCH_JSON ${JSON.stringify(report)}`);
}
