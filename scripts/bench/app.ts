// The benchmark's browser part: the built app in browser mode (its own host process, as
// `npm run web` runs it) on a seeded database, driven by real Chromium (playwright-core),
// each figure next to a baseline measured in the same run, in turns with it:
// - Programs first rows painted vs a static HTML table of the same rows;
// - Dashboard painted vs a static snapshot of the same dashboard;
// - filter keystroke -> repaint (p50/p95);
// - the host's memory (RSS) after every screen;
// - first-load JS (what index.html loads before any screen);
// - bytes the Programs screen downloads for its list vs the raw rows' JSON;
// - the Programs screen's list + tiers calls over HTTP vs a raw SELECT of the same tables over
//   HTTP, after a write to a program and with nothing changed.
// It works with any build of the app (`--app DIR`): it records which calls the Programs
// screen makes and replays those, so a before/after comparison runs the same bench.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { quantile, summarize, type Timing } from './stats';

export interface PageTiming {
  app: Timing;
  baseline: Timing;
  /** Median of the per-pair ratios app/baseline (pairs run in turns). */
  ratio: number;
}

export interface AppBenchResult {
  programs: number;
  applications: number;
  /** Methods the Programs screen called for its list (recorded in the browser). */
  listCalls: string[];
  /** allApiOnProgramsLoad: as the browser saw them (0 when it could not keep a body). */
  bytes: { listCalls: number; allApiOnProgramsLoad: number; rawRowsJson: number; ratio: number };
  api: { afterWrite: PageTiming; unchanged: PageTiming };
  firstRows: PageTiming;
  dashboard: PageTiming;
  keystroke: KeystrokeTiming;
  /** The same keystrokes on a plain page filtering the same rows' text (staticFilterPage). */
  keystrokeBaseline: KeystrokeTiming;
  rssMb: { afterScreen: Record<string, number>; max: number; peak: number };
  /** The baseline server's memory after serving every raw SELECT (the same database, better-sqlite3, no app). */
  rawServerRssMb: number;
}

export interface KeystrokeTiming {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface AppBenchOptions {
  /** Folder holding the built app (dist/web/host.mjs, dist/renderer). */
  appRoot: string;
  databasePath: string;
  /** A folder for the baseline pages. */
  workDir: string;
  programs: number;
  applications: number;
  chromiumPath: string;
  apiRuns: number;
  pageRuns: number;
  log: (line: string) => void;
}

export const SCREENS = ['dashboard', 'profile', 'programs', 'applications', 'letters', 'readiness', 'deadlines', 'soap', 'data', 'settings'] as const;

interface Host {
  url: string;
  pid: number;
  child: ChildProcess;
}

/** Starts a process and waits for a stdout line matching `ready`. */
async function startProcess(command: string, args: string[], cwd: string, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${path.basename(args[0] ?? command)} exited (${String(code)}) before it was ready: ${stderr.trim()}`));
    child.once('exit', onExit);
    lines.on('line', (line) => {
      const match = ready.exec(line);
      if (match) {
        child.off('exit', onExit);
        resolve({ child, match });
      }
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  await exited;
}

export async function startAppHost(appRoot: string, databasePath: string): Promise<Host> {
  const { child, match } = await startProcess(process.execPath, [path.join(appRoot, 'dist/web/host.mjs'), '--db', databasePath, '--port', '0'], appRoot, /running at (http:\/\/\S+)/);
  return { url: match[1]!, pid: child.pid!, child };
}

async function startRawServer(databasePath: string, folder: string): Promise<{ url: string; child: ChildProcess }> {
  const script = path.join(import.meta.dirname ?? '', 'raw-server.mjs');
  const { child, match } = await startProcess(process.execPath, [fs.existsSync(script) ? script : path.resolve('scripts/bench/raw-server.mjs'), databasePath, folder], process.cwd(), /listening (\d+)/);
  return { url: `http://127.0.0.1:${match[1]!}/`, child };
}

/** Resident memory of a process in MB (VmRSS) and its peak so far (VmHWM), from /proc. */
export function processMemoryMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

export async function tokenOf(url: string): Promise<string> {
  const html = await (await fetch(url)).text();
  const token = /name="prelim-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('The app page carries no token.');
  return token;
}

export interface RecordedCall {
  method: string;
  input: unknown;
}

/** One API call over HTTP as the renderer makes it (JSON parsed); a refused call stops the bench. */
export async function invoke(url: string, token: string, call: RecordedCall): Promise<{ value: unknown; bytes: number }> {
  const res = await fetch(`${url}api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Prelim-Token': token },
    body: JSON.stringify({ method: call.method, input: call.input }),
  });
  const text = await res.text();
  const result = JSON.parse(text) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${call.method} failed: ${result.error?.message ?? res.status}`);
  return { value: result.value, bytes: Buffer.byteLength(text) };
}

/** Marks set by the page itself: when the first program rows / the dashboard were painted. */
const PAGE_MARKS = `(() => {
  const marks = { rows: null, dashboard: null };
  Object.defineProperty(window, '__benchMarks', { value: marks });
  const painted = (key) => {
    if (marks[key] !== null) return;
    marks[key] = -1;
    // The frame that shows them: the next animation frame, then after its paint.
    requestAnimationFrame(() => setTimeout(() => { marks[key] = performance.now(); }, 0));
  };
  const check = () => {
    if (marks.rows === null && document.querySelector('[data-program-id]')) painted('rows');
    if (marks.dashboard === null && document.querySelector('.dash-grid')) painted('dashboard');
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  // Keystroke -> repaint: from the keydown to the frame after the table shows that filter
  // (a table that filters later says which filter it shows in data-filter).
  const keys = [];
  Object.defineProperty(window, '__benchKeys', { value: keys });
  document.addEventListener('keydown', (e) => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'search') return;
    const t0 = performance.now();
    const wait = () => {
      const table = document.querySelector('[role="table"][aria-label="Programs"]');
      const shown = table ? table.getAttribute('data-filter') : null;
      if (shown === null || shown === input.value) requestAnimationFrame(() => setTimeout(() => keys.push(performance.now() - t0), 0));
      else requestAnimationFrame(wait);
    };
    requestAnimationFrame(wait);
  }, true);
})();`;

async function markOf(page: Page, key: 'rows' | 'dashboard', timeoutMs: number): Promise<number> {
  await page.waitForFunction((k) => ((window as unknown as { __benchMarks: Record<string, number | null> }).__benchMarks[k] ?? -1) > 0, key, { timeout: timeoutMs });
  return page.evaluate((k) => (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks[k]!, key);
}

/** Loads `a` and `b` in turns (a b, b a, ...) in fresh pages and returns each mark. */
async function pagePairs(browser: Browser, a: string, b: string, key: 'rows' | 'dashboard', runs: number, timeoutMs: number): Promise<PageTiming> {
  const as: number[] = [];
  const bs: number[] = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(PAGE_MARKS);
  const load = async (url: string) => {
    const page = await context.newPage();
    // Each load runs to its end before the next starts: a page closed while the host still
    // works on its calls (a large list) would make the next load wait for them.
    let inflight = 0;
    page.on('request', (req) => void (req.url().includes('api/invoke') && inflight++));
    const done = (u: string) => void (u.includes('api/invoke') && inflight--);
    page.on('requestfinished', (req) => done(req.url()));
    page.on('requestfailed', (req) => done(req.url()));
    try {
      await page.goto(url, { waitUntil: 'commit' });
      const mark = await markOf(page, key, timeoutMs);
      await apiQuiet(page, () => inflight);
      return mark;
    } finally {
      await page.close();
    }
  };
  // One warm-up each (the browser's cache then holds the app's scripts, as a second start would).
  await load(a);
  await load(b);
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      as.push(await load(a));
      bs.push(await load(b));
    } else {
      bs.push(await load(b));
      as.push(await load(a));
    }
  }
  await context.close();
  return pairTiming(as, bs);
}

function pairTiming(as: number[], bs: number[]): PageTiming {
  const ratios = as.map((x, i) => x / bs[i]!).sort((x, y) => x - y);
  return { app: summarize(as, 1), baseline: summarize(bs, 1), ratio: Math.round(quantile(ratios, 0.5) * 100) / 100 };
}

const escapeHtml = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

interface RawRows {
  institutions: Record<string, unknown>[];
  programs: Record<string, unknown>[];
}

/** The static baseline for the Programs screen: one HTML table of every program (the same columns). */
function staticTable(raw: RawRows): string {
  const inst = new Map(raw.institutions.map((i) => [i.id, i]));
  const rows = raw.programs.map((p) => {
    const i = inst.get(p.institution_id)!;
    return `<tr data-program-id="${String(p.id)}"><td><strong>${escapeHtml(i.name)}</strong><br><small>${escapeHtml(i.city)}, ${escapeHtml(i.state)}</small></td><td>${escapeHtml(p.track)}</td><td>${escapeHtml(p.nrmp_code)}</td><td>${escapeHtml(i.setting)}</td><td>${escapeHtml(i.visa_sponsorship)}</td><td>${escapeHtml(p.min_step2ck)}</td><td>${escapeHtml(i.img_share_pct)}</td></tr>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Programs (static)</title><style>body{font:14px system-ui;margin:0}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px;text-align:left;height:46px}</style></head><body><h1>Programs</h1><table><thead><tr><th>Institution</th><th>Track</th><th>NRMP</th><th>Setting</th><th>Visa</th><th>CK min</th><th>IMG %</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}

/**
 * The baseline for a filter keystroke: a plain page holding the same rows' search text that, on
 * each input, keeps the rows holding every word (one pass, no library) and shows the first 30
 * of them, saying which filter it shows in data-filter as the app's table does.
 */
function staticFilterPage(raw: RawRows): string {
  const inst = new Map(raw.institutions.map((i) => [i.id, i]));
  const rows = raw.programs.map((p) => {
    const i = inst.get(p.institution_id)!;
    return [i.name, i.city, i.state, p.nrmp_code, p.track].map((v) => String(v ?? '')).join(' ');
  });
  const script = `const rows=${JSON.stringify(rows).replace(/</g, '\\u003c')};const texts=rows.map((r)=>r.toLowerCase());
const input=document.querySelector('input');const table=document.querySelector('[role="table"]');const body=table.querySelector('tbody');
const esc=(s)=>s.replace(/[&<>"]/g,(c)=>'&#'+c.charCodeAt(0)+';');
function show(){const words=input.value.toLowerCase().split(/\\s+/).filter(Boolean);const out=[];let n=0;
for(let i=0;i<texts.length;i++){if(words.every((w)=>texts[i].includes(w))){n++;if(out.length<30)out.push('<tr data-program-id="'+i+'"><td>'+esc(rows[i])+'</td></tr>');}}
body.innerHTML=out.join('');table.setAttribute('data-filter',input.value);document.querySelector('p').textContent=n+' rows';}
input.addEventListener('input',show);show();`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Filter (static)</title><style>body{font:14px system-ui;margin:0}td{border-bottom:1px solid #ddd;padding:6px;height:46px}</style></head><body><input type="search" aria-label="Filter"><p></p><table role="table" aria-label="Programs" data-filter=""><tbody></tbody></table><script>${script}</script></body></html>`;
}

/** First-load JS: the scripts index.html loads (entry and module preloads) before any screen. */
export function firstLoadJsBytes(appRoot: string): { bytes: number; files: string[] } {
  const dir = path.join(appRoot, 'dist/renderer');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const page = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  // The app itself (renderer/start.tsx), which main.tsx imports at every start, with its static imports.
  const start = fs.readdirSync(path.join(dir, 'assets')).find((f) => /^start-[\w-]{8}\.js$/.test(f));
  const app: string[] = [];
  const visit = (file: string) => {
    if (app.includes(file)) return;
    app.push(file);
    for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(`./assets/${m[1]!}`);
  };
  if (start) visit(`./assets/${start}`);
  const files = [...new Set([...page, ...app])];
  return { files, bytes: files.reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0) };
}

/** Waits until no API call has been in flight for `quietMs`. */
async function apiQuiet(page: Page, inflight: () => number, quietMs = 250, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  let quietSince = Date.now();
  for (;;) {
    if (inflight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() - start > timeoutMs) throw new Error('The app kept calling its API for 2 minutes.');
    await page.waitForTimeout(25);
  }
}

/**
 * The baseline server's own copy of the database: the app's host holds SQLite's exclusive lock
 * on its file for as long as it runs (one writer per file), so the raw SELECTs read a copy made
 * before the host starts (the seeding connection is closed by then: no WAL left to carry).
 */
function baselineCopy(databasePath: string, workDir: string): string {
  const copy = path.join(workDir, 'baseline.db');
  fs.copyFileSync(databasePath, copy);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(databasePath + suffix)) fs.copyFileSync(databasePath + suffix, copy + suffix);
  return copy;
}

export async function runAppBench(o: AppBenchOptions): Promise<AppBenchResult> {
  const raw = await startRawServer(baselineCopy(o.databasePath, o.workDir), o.workDir);
  const host = await startAppHost(o.appRoot, o.databasePath).catch(async (err: unknown) => {
    await stopProcess(raw.child);
    throw err;
  });
  let browser: Browser | undefined;
  try {
    const token = await tokenOf(host.url);
    const rawText = await (await fetch(`${raw.url}raw`)).text();
    const rawRows = JSON.parse(rawText) as RawRows;
    if (rawRows.programs.length !== o.programs) throw new Error(`The database holds ${rawRows.programs.length} programs, expected ${o.programs}.`);
    fs.writeFileSync(path.join(o.workDir, 'static-table.html'), staticTable(rawRows));
    fs.writeFileSync(path.join(o.workDir, 'static-filter.html'), staticFilterPage(rawRows));
    const timeoutMs = 120_000;

    browser = await chromium.launch({ executablePath: o.chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });

    // (1) Every screen once, in order: the host's memory after each; the Programs screen's
    // calls and bytes recorded on the way; the rendered dashboard kept as its static baseline.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(PAGE_MARKS);
    const page = await context.newPage();
    let inflight = 0;
    let recording: { calls: RecordedCall[]; bytes: Map<string, number> } | null = null;
    page.on('request', (req) => {
      if (!req.url().includes('api/invoke')) return;
      inflight++;
      if (recording) {
        const body = JSON.parse(req.postData() ?? '{}') as RecordedCall;
        recording.calls.push({ method: body.method, input: body.input });
      }
    });
    const done = () => inflight--;
    page.on('requestfailed', (req) => req.url().includes('api/invoke') && done());
    page.on('response', (res) => {
      if (!res.url().includes('api/invoke')) return;
      const rec = recording;
      const method = (JSON.parse(res.request().postData() ?? '{}') as RecordedCall).method;
      void res
        .body()
        .then((b) => rec?.bytes.set(method, (rec.bytes.get(method) ?? 0) + b.length))
        .catch(() => undefined)
        .finally(done);
    });
    const afterScreen: Record<string, number> = {};
    let programsRecord: { calls: RecordedCall[]; bytes: Map<string, number> } | null = null;
    await page.goto(`${host.url}#/dashboard`);
    for (const screen of SCREENS) {
      if (screen === 'programs') recording = { calls: [], bytes: new Map() };
      await page.evaluate((s) => (location.hash = `#/${s}`), screen);
      await page.waitForFunction(() => document.querySelector('#screen-title') !== null, undefined, { timeout: timeoutMs });
      if (screen === 'programs') await page.waitForSelector('[data-program-id]', { timeout: timeoutMs });
      await apiQuiet(page, () => inflight);
      if (screen === 'programs') {
        programsRecord = recording;
        recording = null;
      }
      if (screen === 'dashboard') {
        await page.waitForSelector('.dash-grid', { timeout: timeoutMs });
        const snapshot = await page.evaluate(() => {
          const css = [...document.styleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n');
          const body = document.body.cloneNode(true) as HTMLElement;
          body.querySelectorAll('script').forEach((s) => s.remove());
          return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dashboard (static)</title><style>${css}</style></head>${body.outerHTML}</html>`;
        });
        fs.writeFileSync(path.join(o.workDir, 'static-dashboard.html'), snapshot);
      }
      afterScreen[screen] = processMemoryMb(host.pid).rss;
      o.log(`  ${screen}: host RSS ${afterScreen[screen]} MB`);
    }
    if (!programsRecord) throw new Error('The Programs screen was not recorded.');
    const listCalls = programsRecord.calls.filter((c) => /^(programs|tiers|institutions)\./.test(c.method));
    if (listCalls.length === 0) throw new Error('The Programs screen made no programs/tiers call.');
    // The bytes of each answer as sent (replayed from here: the browser may not keep a very large body).
    let listBytes = 0;
    for (const c of listCalls) listBytes += (await invoke(host.url, token, c)).bytes;
    const allBytes = [...programsRecord.bytes.values()].reduce((a, b) => a + b, 0);

    await context.close();

    // (2) Filter keystrokes, one at a time, on the Programs screen and on the plain filter page.
    o.log('  filter keystrokes…');
    const keyApp = await keystrokes(browser, `${host.url}#/programs`, timeoutMs);
    const keyBaseline = await keystrokes(browser, `${raw.url}file/static-filter.html`, timeoutMs);

    // (3) Page loads in turns with their static baselines.
    o.log('  first rows / dashboard painted…');
    const firstRows = await pagePairs(browser, `${host.url}#/programs`, `${raw.url}file/static-table.html`, 'rows', o.pageRuns, timeoutMs);
    const dashboard = await pagePairs(browser, `${host.url}#/dashboard`, `${raw.url}file/static-dashboard.html`, 'dashboard', o.pageRuns, timeoutMs);
    const peak = processMemoryMb(host.pid).peak;

    // (4) The list calls over HTTP vs the raw SELECT over HTTP: after a write to one program
    // (its on-list flag, as the Programs screen's checkbox does) and with nothing changed.
    o.log('  list + tiers via the API vs raw SELECT…');
    const firstId = rawRows.programs[0]!.id as number;
    let onList = Boolean(rawRows.programs[0]!.on_list);
    const write = async () => {
      onList = !onList;
      await invoke(host.url, token, { method: 'programs.setOnList', input: { ids: [firstId], onList } });
    };
    const apiSeq = async () => {
      const t0 = performance.now();
      for (const c of listCalls) await invoke(host.url, token, c);
      return performance.now() - t0;
    };
    const rawSeq = async () => {
      const t0 = performance.now();
      JSON.parse(await (await fetch(`${raw.url}raw`)).text());
      return performance.now() - t0;
    };
    const pairs = async (withWrite: boolean): Promise<PageTiming> => {
      const as: number[] = [];
      const bs: number[] = [];
      for (let i = -1; i < o.apiRuns; i++) {
        const order = i % 2 === 0 ? [apiSeq, rawSeq] : [rawSeq, apiSeq];
        const got: number[] = [];
        for (const fn of order) {
          if (withWrite) await write();
          got.push(await fn());
        }
        if (i < 0) continue; // warm-up
        as.push(order[0] === apiSeq ? got[0]! : got[1]!);
        bs.push(order[0] === apiSeq ? got[1]! : got[0]!);
      }
      return pairTiming(as, bs);
    };
    const afterWrite = await pairs(true);
    const unchanged = await pairs(false);

    return {
      programs: o.programs,
      applications: o.applications,
      listCalls: listCalls.map((c) => c.method),
      bytes: { listCalls: listBytes, allApiOnProgramsLoad: allBytes, rawRowsJson: Buffer.byteLength(rawText), ratio: Math.round((listBytes / Buffer.byteLength(rawText)) * 100) / 100 },
      api: { afterWrite, unchanged },
      firstRows,
      dashboard,
      keystroke: keyApp,
      keystrokeBaseline: keyBaseline,
      rssMb: { afterScreen, max: Math.max(...Object.values(afterScreen)), peak: Math.max(peak, processMemoryMb(host.pid).peak) },
      rawServerRssMb: processMemoryMb(raw.child.pid!).rss,
    };
  } finally {
    await browser?.close();
    await stopProcess(raw.child);
    await stopProcess(host.child);
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Types "cedar", deletes it, types "ridge", deletes it (twice), one key at a time, in the page's search box. */
async function keystrokes(browser: Browser, url: string, timeoutMs: number): Promise<KeystrokeTiming> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    await context.addInitScript(PAGE_MARKS);
    const page = await context.newPage();
    let inflight = 0;
    page.on('request', (req) => void (req.url().includes('api/invoke') && inflight++));
    const done = (url: string) => void (url.includes('api/invoke') && inflight--);
    page.on('requestfinished', (req) => done(req.url()));
    page.on('requestfailed', (req) => done(req.url()));
    await page.goto(url);
    await page.waitForSelector('[data-program-id]', { timeout: timeoutMs });
    await apiQuiet(page, () => inflight);
    const search = page.locator('input[type="search"]').first();
    await search.waitFor({ timeout: timeoutMs });
    await search.click();
    const keys = [...'cedar'].concat(Array<string>(5).fill('Backspace'), [...'ridge'], Array<string>(5).fill('Backspace'));
    for (let round = 0; round < 2; round++) {
      for (const key of keys) {
        const before = await page.evaluate(() => (window as unknown as { __benchKeys: number[] }).__benchKeys.length);
        await page.keyboard.press(key);
        await page.waitForFunction((n) => (window as unknown as { __benchKeys: number[] }).__benchKeys.length > n, before, { timeout: timeoutMs });
      }
    }
    const ms = (await page.evaluate(() => (window as unknown as { __benchKeys: number[] }).__benchKeys.slice())).sort((a, b) => a - b);
    return { samples: ms.length, p50Ms: round1(quantile(ms, 0.5)), p95Ms: round1(quantile(ms, 0.95)), maxMs: round1(ms[ms.length - 1]!) };
  } finally {
    await context.close();
  }
}

/**
 * profile.get answered while an import of a CSV runs on the same host (fresh database), one
 * call after the other; the baseline: the same calls on the same host with nothing running,
 * for as long as the import took (so its max shows what the machine's own load adds).
 */
export async function runImportLatencyBench(appRoot: string, databasePath: string, csv: { name: string; base64: string }, rows: number): Promise<{ idle: Timing & { calls: number }; duringImport: Timing & { calls: number }; importMs: number }> {
  const host = await startAppHost(appRoot, databasePath);
  try {
    const token = await tokenOf(host.url);
    const profileGet = async () => {
      const t0 = performance.now();
      await invoke(host.url, token, { method: 'profile.get', input: undefined });
      return performance.now() - t0;
    };
    for (let i = 0; i < 5; i++) await profileGet();
    const during: number[] = [];
    const mapping = (await invoke(host.url, token, { method: 'import.preview', input: { kind: 'programs', file: csv } })).value as { mapping: unknown };
    const t0 = performance.now();
    let finished = false;
    const run = invoke(host.url, token, { method: 'import.run', input: { kind: 'programs', file: csv, mapping: mapping.mapping } }).finally(() => (finished = true));
    // Give the import's request a head start so the calls below arrive while it runs.
    await new Promise((r) => setTimeout(r, 20));
    while (!finished) during.push(await profileGet());
    const result = (await run).value as { add: number };
    const importMs = performance.now() - t0;
    if (result.add !== rows) throw new Error(`The import added ${result.add} programs, expected ${rows}.`);
    if (during.length === 0) during.push(NaN);
    const idle: number[] = [];
    const i0 = performance.now();
    while (performance.now() - i0 < importMs) idle.push(await profileGet());
    return { idle: { ...summarize(idle, 0), calls: idle.length }, duringImport: { ...summarize(during, 0), calls: during.length }, importMs: Math.round(importMs) };
  } finally {
    await stopProcess(host.child);
  }
}
