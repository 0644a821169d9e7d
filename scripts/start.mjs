// `npm start`: the desktop app when Electron can run here, browser mode otherwise.
//
//   1. find the Electron binary; the electron package downloads it lazily, so the download
//      runs in a child process with a time limit (none at all with ELECTRON_SKIP_BINARY_DOWNLOAD);
//   2. make sure better-sqlite3 exists for Electron's ABI in .native/ (see electron-native.mjs),
//      leaving the Node build in node_modules alone for tests and browser mode;
//   3. run Electron on the project, forwarding its exit code and Ctrl+C (if it fails within
//      seconds of launch, e.g. a sandbox or GPU problem, browser mode starts after all).
// When any of that is impossible (no network for the download, no display, no compiler...),
// one sentence says why and browser mode starts in this process with the same arguments,
// so `npm start -- --port 5000 --db my.db` works either way. `--browser` skips straight there.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildElectronNative, nativeBindingPath, runCaptured, verifyElectronNative, writeBuildLog } from './electron-native.mjs';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 90_000;
const PATH_MARKER = '@@PRELIM_ELECTRON_PATH@@';

/** Splits our own flag (--browser) from the arguments passed through to the app. */
export function parseStartArgs(argv) {
  const passThrough = [];
  let forceBrowser = false;
  for (const arg of argv) {
    if (arg === '--browser') forceBrowser = true;
    else passThrough.push(arg);
  }
  return { forceBrowser, passThrough };
}

/** True when the variable is set to anything but an explicit "off" (npm-style booleans). */
export function isTruthyEnv(value) {
  return value !== undefined && value !== '' && !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

export function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The electron npm package folder, or undefined when it is not installed. */
export function electronPackageDir(root = PROJECT_ROOT) {
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

export function electronPackageVersion(root = PROJECT_ROOT) {
  const dir = electronPackageDir(root);
  if (!dir) return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Where the electron package says its binary is, without downloading anything (the same
 * rules as node_modules/electron/index.js: path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH).
 */
export function installedElectronBinary(packageDir, env = process.env) {
  let relative;
  try {
    relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8');
  } catch {
    relative = undefined;
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  return relative ? path.join(packageDir, 'dist', relative) : undefined;
}

/**
 * Finds a runnable Electron binary. Returns { ok: true, path } or { ok: false, reason } where
 * reason is 'not-installed' | 'skipped' | 'timeout' | 'download-failed' | 'not-executable'.
 * The download (if any) runs in a child process killed after timeoutMs, so this never hangs.
 */
export async function findElectronBinary({ root = PROJECT_ROOT, timeoutMs = DEFAULT_DOWNLOAD_TIMEOUT_MS, skipDownload = false, env = process.env, onProgress = () => {} } = {}) {
  const packageDir = electronPackageDir(root);
  if (!packageDir) return { ok: false, reason: 'not-installed' };
  const present = installedElectronBinary(packageDir, env);
  if (present && isExecutableFile(present)) return { ok: true, path: present };
  if (present && fs.existsSync(present)) return { ok: false, reason: 'not-executable', path: present };
  if (skipDownload) return { ok: false, reason: 'skipped' };

  onProgress(`Downloading the Electron desktop shell (first run only; giving up after ${Math.round(timeoutMs / 1000)} s)...`);
  // require('electron') downloads the binary if it is missing and returns its path.
  const script = `process.stdout.write(${JSON.stringify(PATH_MARKER)} + require(${JSON.stringify(packageDir)}))`;
  const result = await runCaptured(process.execPath, ['-e', script], { cwd: root, env, timeoutMs });
  if (result.timedOut) return { ok: false, reason: 'timeout' };
  const marker = result.output.lastIndexOf(PATH_MARKER);
  if (!result.ok || marker === -1) return { ok: false, reason: 'download-failed', log: result.output };
  const downloaded = result.output.slice(marker + PATH_MARKER.length).split(/\r?\n/)[0].trim();
  if (!isExecutableFile(downloaded)) return { ok: false, reason: fs.existsSync(downloaded) ? 'not-executable' : 'download-failed', path: downloaded };
  return { ok: true, path: downloaded };
}

/**
 * Runs the binary as plain Node to learn its real version and architecture (which name the
 * .native folder) and to prove it can start at all (missing system libraries show up here).
 */
export async function probeElectron(electronPath, { env = process.env, timeoutMs = 30_000 } = {}) {
  const script = "process.stdout.write(JSON.stringify({ version: process.versions.electron, arch: process.arch }))";
  const probeEnv = { ...env, ELECTRON_RUN_AS_NODE: '1' };
  const result = await runCaptured(electronPath, ['-e', script], { cwd: PROJECT_ROOT, env: probeEnv, timeoutMs });
  if (!result.ok) return { ok: false, output: result.output };
  try {
    const info = JSON.parse(result.output.trim().split(/\r?\n/).pop());
    return typeof info.version === 'string' ? { ok: true, version: info.version, arch: info.arch } : { ok: false, output: result.output };
  } catch {
    return { ok: false, output: result.output };
  }
}

/** Linux without X11 or Wayland (SSH, containers, CI) cannot show a window. */
export function hasGraphicalDisplay(platform = process.platform, env = process.env) {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

const BROWSER_INSTEAD = 'so Prelim Tracker is opening in browser mode instead.';

/** The one sentence shown before browser mode starts, by reason. */
export function fallbackSentence(reason, detail = {}) {
  switch (reason) {
    case 'forced':
      return 'Opening Prelim Tracker in browser mode (--browser).';
    case 'not-installed':
      return `The electron package is not installed (run npm install), ${BROWSER_INSTEAD}`;
    case 'skipped':
      return `The Electron desktop shell is not available on this machine (its binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set), ${BROWSER_INSTEAD}`;
    case 'timeout':
      return `The Electron desktop shell is not available on this machine (downloading its binary took longer than ${Math.round((detail.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS) / 1000)} seconds), ${BROWSER_INSTEAD}`;
    case 'download-failed':
      return `The Electron desktop shell is not available on this machine (its binary could not be downloaded), ${BROWSER_INSTEAD}`;
    case 'not-executable':
      return `The Electron desktop shell is not available on this machine (${detail.path ?? 'its binary'} cannot be run), ${BROWSER_INSTEAD}`;
    case 'cannot-run':
      return `The Electron desktop shell could not start on this machine (a system library may be missing), ${BROWSER_INSTEAD}`;
    case 'no-display':
      return `There is no graphical display here for the Electron desktop shell (DISPLAY and WAYLAND_DISPLAY are not set), ${BROWSER_INSTEAD}`;
    case 'native-failed':
      return `The database module could not be built for Electron ${detail.version ?? ''}`.trimEnd() + ` (that needs a prebuilt download from GitHub, or Electron's headers from electronjs.org and a C++ compiler${detail.logFile ? `; details in ${detail.logFile}` : ''}), ${BROWSER_INSTEAD}`;
    case 'crashed':
      return `The Electron desktop shell stopped right after starting (exit code ${detail.code ?? 'unknown'}; its messages are above), ${BROWSER_INSTEAD}`;
    case 'launch-failed':
      return `The Electron desktop shell could not be launched, ${BROWSER_INSTEAD}`;
    default:
      return `The Electron desktop shell is not available on this machine, ${BROWSER_INSTEAD}`;
  }
}

/**
 * Makes sure .native/electron-<version>/better_sqlite3.node exists and loads in this Electron.
 * A file that fails to load (stale or corrupt) is rebuilt once.
 */
export async function ensureElectronNative({ electronPath, version, arch, root = PROJECT_ROOT, env = process.env, onProgress = () => {} }) {
  const target = nativeBindingPath(version, root);
  if (fs.existsSync(target)) {
    const check = await verifyElectronNative({ electronPath, bindingPath: target, root, env });
    if (check.ok) return { ok: true, path: target };
    fs.rmSync(target, { force: true });
  }
  const built = await buildElectronNative({ root, version, arch, env, onProgress });
  if (!built.ok) return { ok: false, logFile: writeBuildLog(root, version, built.log) };
  const check = await verifyElectronNative({ electronPath, bindingPath: target, root, env });
  if (check.ok) return { ok: true, path: target };
  fs.rmSync(target, { force: true });
  return { ok: false, logFile: writeBuildLog(root, version, `${built.log}\n\nThe built module did not load in Electron:\n${check.output}`) };
}

/** Decides how to run: { mode: 'electron', electronPath } or { mode: 'browser', sentence }. */
export async function chooseMode({ argv, env = process.env, root = PROJECT_ROOT, platform = process.platform, log = console.log }) {
  const { forceBrowser } = parseStartArgs(argv);
  if (forceBrowser) return { mode: 'browser', sentence: fallbackSentence('forced') };
  const timeoutMs = Number(env.PRELIM_ELECTRON_DOWNLOAD_TIMEOUT_MS) > 0 ? Number(env.PRELIM_ELECTRON_DOWNLOAD_TIMEOUT_MS) : DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const found = await findElectronBinary({ root, timeoutMs, skipDownload: isTruthyEnv(env.ELECTRON_SKIP_BINARY_DOWNLOAD), env, onProgress: log });
  if (!found.ok) return { mode: 'browser', sentence: fallbackSentence(found.reason, { timeoutMs, path: found.path }) };
  if (!hasGraphicalDisplay(platform, env)) return { mode: 'browser', sentence: fallbackSentence('no-display') };
  const probe = await probeElectron(found.path, { env });
  if (!probe.ok) return { mode: 'browser', sentence: fallbackSentence('cannot-run') };
  const native = await ensureElectronNative({ electronPath: found.path, version: probe.version, arch: probe.arch, root, env, onProgress: log });
  if (!native.ok) {
    const logFile = native.logFile ? path.relative(root, native.logFile) || native.logFile : undefined;
    return { mode: 'browser', sentence: fallbackSentence('native-failed', { version: probe.version, logFile }) };
  }
  return { mode: 'electron', electronPath: found.path };
}

/**
 * Browser mode in this process (so Ctrl+C reaches the host's own clean shutdown directly).
 * The sentence comes first, so it explains the mode even if the host then fails (port in use).
 */
export async function runBrowserMode(args, sentence, root = PROJECT_ROOT) {
  console.log(sentence);
  const host = path.join(root, 'dist', 'web', 'host.mjs');
  if (!fs.existsSync(host)) {
    console.error('Prelim Tracker: browser mode is not built yet; run "npm run build" first.');
    process.exitCode = 1;
    return;
  }
  const { runWebHost } = await import(pathToFileURL(host).href);
  await runWebHost(args);
}

export const LAUNCH_CRASH_WINDOW_MS = 10_000;

/**
 * Runs the desktop app, forwarding Ctrl+C/SIGTERM. Resolves { spawned, code, signal, interrupted,
 * elapsedMs }; spawned is false when the binary could not be started at all.
 */
export function runElectron(electronPath, args, root = PROJECT_ROOT) {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE; // set by some terminals (VS Code); it would turn the app into plain Node
    const began = Date.now();
    const child = spawn(electronPath, [root, ...args], { stdio: 'inherit', env, cwd: root });
    let spawned = false;
    let interrupted = false;
    const forward = (signal) => {
      interrupted = true;
      if (!child.killed) child.kill(signal);
    };
    // Forward from the moment of spawn(), not from its 'spawn' event: a signal in between would
    // otherwise end this script and leave Electron running.
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('spawn', () => {
      spawned = true;
    });
    child.on('error', () => {
      if (spawned) return;
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ spawned: false, code: null, signal: null, interrupted, elapsedMs: Date.now() - began });
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ spawned: true, code, signal, interrupted, elapsedMs: Date.now() - began });
    });
  });
}

/**
 * A failed exit within seconds of launch, not asked for by us, means the shell could not come up
 * (a sandbox helper not set up, a GPU or display problem...): browser mode still works then.
 */
export function crashedAtLaunch(run, windowMs = LAUNCH_CRASH_WINDOW_MS) {
  return run.spawned && !run.interrupted && run.signal === null && run.code !== 0 && run.elapsedMs < windowMs;
}

export function exitCodeOf(run) {
  if (run.code !== null) return run.code;
  return run.signal ? 128 + (os.constants.signals[run.signal] ?? 0) : 1;
}

export async function main(argv = process.argv.slice(2)) {
  const { passThrough } = parseStartArgs(argv);
  const choice = await chooseMode({ argv });
  if (choice.mode === 'browser') {
    await runBrowserMode(passThrough, choice.sentence);
    return;
  }
  if (passThrough.some((arg) => arg === '--port' || arg === '--db' || arg.startsWith('--port=') || arg.startsWith('--db='))) {
    console.log('Note: --port and --db apply to browser mode only (npm start -- --browser ...); the desktop app uses its own data folder.');
  }
  const run = await runElectron(choice.electronPath, passThrough);
  if (!run.spawned) await runBrowserMode(passThrough, fallbackSentence('launch-failed'));
  else if (crashedAtLaunch(run)) await runBrowserMode(passThrough, fallbackSentence('crashed', { code: run.code }));
  else process.exitCode = exitCodeOf(run);
}

function reportAndExit(err) {
  const message = err && typeof err === 'object' && 'message' in err ? err.message : String(err);
  console.error(`Prelim Tracker stopped because of an unexpected error: ${message}`);
  process.exit(1);
}

const invokedPath = process.argv[1] ? path.resolve(process.argv[1]) : '';
const isMainModule = invokedPath !== '' && (invokedPath === fileURLToPath(import.meta.url) || safeRealpath(invokedPath) === safeRealpath(fileURLToPath(import.meta.url)));

function safeRealpath(file) {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

if (isMainModule) {
  process.on('uncaughtException', reportAndExit);
  process.on('unhandledRejection', reportAndExit);
  main().catch(reportAndExit);
}
