// `npm start` (scripts/start.mjs) and `npm run dist` (scripts/dist.mjs): the helpers on their own,
// the desktop path against a fake Electron binary, and the real browser-mode fallback on this
// machine (where, as on CI, the Electron binary cannot be downloaded).
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const START = path.join(ROOT, 'scripts', 'start.mjs');
const HOST = path.join(ROOT, 'dist', 'web', 'host.mjs');
const posixOnly = process.platform === 'win32' ? it.skip : it;

interface ElectronRun { spawned: boolean; code: number | null; signal: NodeJS.Signals | null; interrupted: boolean; elapsedMs: number }
type FindResult = { ok: true; path: string } | { ok: false; reason: string; path?: string };
interface StartModule {
  parseStartArgs(argv: string[]): { forceBrowser: boolean; passThrough: string[] };
  isTruthyEnv(value: string | undefined): boolean;
  isExecutableFile(file: string): boolean;
  installedElectronBinary(packageDir: string, env?: NodeJS.ProcessEnv): string | undefined;
  findElectronBinary(options: { root?: string; timeoutMs?: number; skipDownload?: boolean; env?: NodeJS.ProcessEnv }): Promise<FindResult>;
  hasGraphicalDisplay(platform?: string, env?: NodeJS.ProcessEnv): boolean;
  fallbackSentence(reason: string, detail?: Record<string, unknown>): string;
  crashedAtLaunch(run: ElectronRun, windowMs?: number): boolean;
  exitCodeOf(run: ElectronRun): number;
  chooseMode(options: { argv: string[]; env?: NodeJS.ProcessEnv; root?: string; platform?: string; log?: (line: string) => void }): Promise<{ mode: 'electron'; electronPath: string } | { mode: 'browser'; sentence: string }>;
}
interface NativeModule {
  nativeBindingPath(version: string, root: string): string;
  buildToolEnv(env: NodeJS.ProcessEnv): Record<string, string>;
  findNodeGyp(root: string, env?: NodeJS.ProcessEnv): string | undefined;
  copyPackageForBuild(packageDir: string, destination: string): void;
}
interface DistModule {
  isNetworkFailure(output: string): boolean;
  offlineSentence(logFile?: string): string;
  firstErrorLine(output: string): string;
  progressEcho(write: (line: string) => void): { push(text: string): void; flush(): void };
  protectNodeBuild(buildDir: string): () => void;
}

// Imported by URL: the scripts are plain .mjs (not type-checked), typed by the interfaces above.
const start = (await import(pathToFileURL(START).href)) as StartModule;
const native = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'electron-native.mjs')).href)) as NativeModule;
const dist = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'dist.mjs')).href)) as DistModule;

const scratch: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-start-test-'));
  scratch.push(dir);
  return dir;
}
// Browser mode serves the built app; build only if nobody has yet.
beforeAll(() => {
  if (!fs.existsSync(HOST)) execSync('npm run build', { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
}, 320_000);
afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project folder whose node_modules/electron is a stand-in with the given index.js. */
function fakeProject(electronIndex: string): string {
  const root = tempDir();
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'fake', private: true }));
  const electronDir = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(electronDir, { recursive: true });
  fs.writeFileSync(path.join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1', main: 'index.js' }));
  fs.writeFileSync(path.join(electronDir, 'index.js'), electronIndex);
  return root;
}

/**
 * A stand-in Electron binary: with ELECTRON_RUN_AS_NODE it is Node pretending to be Electron
 * `version` (enough for the probe and the native-module check); otherwise it prints its
 * arguments and exits 3, or with --wait, waits for SIGTERM and exits 7.
 */
function fakeElectronDist(version: string): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'shim.cjs'), `Object.defineProperty(process.versions, 'electron', { value: ${JSON.stringify(version)}, enumerable: true });\n`);
  const script = `#!/bin/sh
if [ "$ELECTRON_RUN_AS_NODE" = "1" ]; then exec ${JSON.stringify(process.execPath)} --require ${JSON.stringify(path.join(dir, 'shim.cjs'))} "$@"; fi
case " $* " in *" --wait "*) trap 'echo "fake electron got TERM"; exit 7' TERM;; esac
echo "fake electron started with: $*"
case " $* " in *" --wait "*) while true; do sleep 0.1; done;; esac
exit 3
`;
  fs.writeFileSync(path.join(dir, 'electron'), script, { mode: 0o755 });
  return dir;
}

interface RunningScript {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): RunningScript {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    // 'close', not 'exit': 'exit' can come before the last output is read from the pipes
    // (seen under load: Electron's last line arrived after 'exit').
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`Timed out waiting for ${pattern} in:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      void exited.then(() => {
        if (listeners.has(check)) {
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`Exited before ${pattern} appeared:\n${output}`));
        }
      });
      check();
    });
  return { child, output: () => output, waitFor, exited };
}

/** This process's environment minus anything that would point start.mjs at a real Electron. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.PRELIM_WEB_INTRO;
  return env;
}

describe('start.mjs helpers', () => {
  it('puts the Electron build of better-sqlite3 where the desktop shell looks for it', () => {
    expect(native.nativeBindingPath('45.4.1', '/project')).toBe(path.join('/project', '.native', 'electron-45.4.1', 'better_sqlite3.node'));
    // electron/shell/main.ts builds the same path from app.getAppPath() and process.versions.electron.
    const shell = fs.readFileSync(path.join(ROOT, 'electron', 'shell', 'main.ts'), 'utf8');
    expect(shell).toContain("'.native', `electron-${process.versions.electron}`, 'better_sqlite3.node'");
  });

  it('takes --browser for itself and passes everything else through', () => {
    expect(start.parseStartArgs(['--port', '5000', '--browser', '--db', 'x.db'])).toEqual({ forceBrowser: true, passThrough: ['--port', '5000', '--db', 'x.db'] });
    expect(start.parseStartArgs([])).toEqual({ forceBrowser: false, passThrough: [] });
  });

  it('reads ELECTRON_SKIP_BINARY_DOWNLOAD the way npm users write it', () => {
    for (const on of ['1', 'true', 'yes', 'TRUE']) expect(start.isTruthyEnv(on)).toBe(true);
    for (const off of [undefined, '', '0', 'false', 'no', 'off']) expect(start.isTruthyEnv(off)).toBe(false);
  });

  posixOnly('recognises a missing, a non-executable and an executable binary', () => {
    const dir = tempDir();
    const file = path.join(dir, 'electron');
    expect(start.isExecutableFile(file)).toBe(false);
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o644 });
    expect(start.isExecutableFile(file)).toBe(false);
    fs.chmodSync(file, 0o755);
    expect(start.isExecutableFile(file)).toBe(true);
    expect(start.isExecutableFile(dir)).toBe(false);
  });

  it('locates an installed binary the way the electron package does, without downloading', () => {
    const root = fakeProject('throw new Error("must not be loaded")');
    const packageDir = path.join(root, 'node_modules', 'electron');
    expect(start.installedElectronBinary(packageDir, {})).toBeUndefined();
    fs.writeFileSync(path.join(packageDir, 'path.txt'), 'electron');
    expect(start.installedElectronBinary(packageDir, {})).toBe(path.join(packageDir, 'dist', 'electron'));
    expect(start.installedElectronBinary(packageDir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe(path.join('/opt/electron', 'electron'));
  });

  it('reports a missing electron package', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    await expect(start.findElectronBinary({ root, env: {} })).resolves.toMatchObject({ ok: false, reason: 'not-installed' });
  });

  it('does not try to download with ELECTRON_SKIP_BINARY_DOWNLOAD', async () => {
    const root = fakeProject('require("fs").writeFileSync(require("path").join(__dirname, "loaded"), "yes"); module.exports = "/nope";');
    await expect(start.findElectronBinary({ root, skipDownload: true, env: {} })).resolves.toMatchObject({ ok: false, reason: 'skipped' });
    expect(fs.existsSync(path.join(root, 'node_modules', 'electron', 'loaded'))).toBe(false);
  });

  it('reports a failed download without letting its stack trace through', async () => {
    const root = fakeProject('console.error(new Error("getaddrinfo ENOTFOUND github.com").stack); process.exit(1);');
    await expect(start.findElectronBinary({ root, timeoutMs: 20_000, env: process.env })).resolves.toMatchObject({ ok: false, reason: 'download-failed' });
  });

  it('gives up on a download that hangs', async () => {
    const root = fakeProject('setInterval(() => {}, 1000); require("child_process").execSync("sleep 30");');
    const began = Date.now();
    await expect(start.findElectronBinary({ root, timeoutMs: 1_000, env: process.env })).resolves.toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - began).toBeLessThan(10_000);
  });

  posixOnly('accepts a freshly downloaded binary only if it can be executed', async () => {
    const binary = path.join(fakeElectronDist('45.4.1'), 'electron');
    const good = fakeProject(`module.exports = ${JSON.stringify(binary)};`);
    await expect(start.findElectronBinary({ root: good, timeoutMs: 20_000, env: process.env })).resolves.toEqual({ ok: true, path: binary });
    const notExecutable = path.join(tempDir(), 'electron');
    fs.writeFileSync(notExecutable, 'not a program', { mode: 0o644 });
    const bad = fakeProject(`module.exports = ${JSON.stringify(notExecutable)};`);
    await expect(start.findElectronBinary({ root: bad, timeoutMs: 20_000, env: process.env })).resolves.toMatchObject({ ok: false, reason: 'not-executable' });
  });

  it('needs a display on Linux only', () => {
    expect(start.hasGraphicalDisplay('linux', {})).toBe(false);
    expect(start.hasGraphicalDisplay('linux', { DISPLAY: ':0' })).toBe(true);
    expect(start.hasGraphicalDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(start.hasGraphicalDisplay('darwin', {})).toBe(true);
    expect(start.hasGraphicalDisplay('win32', {})).toBe(true);
  });

  it('explains every fallback in one sentence', () => {
    for (const reason of ['not-installed', 'skipped', 'timeout', 'download-failed', 'not-executable', 'cannot-run', 'no-display', 'native-failed', 'crashed', 'launch-failed', 'something-new']) {
      const sentence = start.fallbackSentence(reason, { version: '45.4.1', timeoutMs: 90_000 });
      expect(sentence).toMatch(/^[A-Z].*browser mode instead\.$/);
      expect(sentence).not.toContain('\n');
    }
    expect(start.fallbackSentence('download-failed')).toBe('The Electron desktop shell is not available on this machine (its binary could not be downloaded), so Prelim Tracker is opening in browser mode instead.');
  });

  it('falls back only when Electron fails on its own right after starting', () => {
    const run: ElectronRun = { spawned: true, code: 1, signal: null, interrupted: false, elapsedMs: 800 };
    expect(start.crashedAtLaunch(run)).toBe(true);
    expect(start.crashedAtLaunch({ ...run, code: 0 })).toBe(false);
    expect(start.crashedAtLaunch({ ...run, elapsedMs: 60_000 })).toBe(false);
    expect(start.crashedAtLaunch({ ...run, interrupted: true })).toBe(false);
    expect(start.crashedAtLaunch({ ...run, spawned: false })).toBe(false);
    expect(start.exitCodeOf({ ...run, code: 7 })).toBe(7);
    expect(start.exitCodeOf({ ...run, code: null, signal: 'SIGTERM' })).toBe(128 + os.constants.signals.SIGTERM);
  });

  it('keeps npm settings that would build for Node away from the Electron build tools', () => {
    const env = native.buildToolEnv({ PATH: '/bin', npm_config_nodedir: '/usr', npm_config_runtime: 'node', npm_config_target: '20.0.0', npm_package_name: 'prelim-tracker', ELECTRON_RUN_AS_NODE: '1', https_proxy: 'http://proxy:3128' });
    expect(env).toEqual({ PATH: '/bin', https_proxy: 'http://proxy:3128' });
  });

  it('finds a node-gyp to compile with', () => {
    const nodeGyp = native.findNodeGyp(ROOT, {});
    expect(nodeGyp).toBeDefined();
    expect(fs.existsSync(nodeGyp!)).toBe(true);
  });

  it('builds from a copy of better-sqlite3 that leaves out its Node build', () => {
    const packageDir = tempDir();
    fs.mkdirSync(path.join(packageDir, 'build', 'Release'), { recursive: true });
    fs.writeFileSync(path.join(packageDir, 'build', 'Release', 'better_sqlite3.node'), 'node build');
    fs.mkdirSync(path.join(packageDir, 'src'));
    fs.writeFileSync(path.join(packageDir, 'src', 'x.cpp'), '');
    fs.writeFileSync(path.join(packageDir, 'package.json'), '{}');
    const copy = path.join(tempDir(), 'copy');
    native.copyPackageForBuild(packageDir, copy);
    expect(fs.existsSync(path.join(copy, 'src', 'x.cpp'))).toBe(true);
    expect(fs.existsSync(path.join(copy, 'build'))).toBe(false);
    expect(fs.readFileSync(path.join(packageDir, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node build');
  });
});

describe('start.mjs with a stand-in Electron (the desktop path)', () => {
  const version = '0.0.0-test';
  let project: string;
  let electronDist: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    if (process.platform === 'win32') return;
    // A copy of the scripts, so PROJECT_ROOT (and .native/) is a temp folder, with the real
    // better-sqlite3 linked in and the Node build standing in for the Electron one (the stand-in
    // Electron is Node, so it loads).
    project = fakeProject('throw new Error("the binary must come from ELECTRON_OVERRIDE_DIST_PATH")');
    fs.mkdirSync(path.join(project, 'scripts'));
    for (const file of ['start.mjs', 'electron-native.mjs']) fs.copyFileSync(path.join(ROOT, 'scripts', file), path.join(project, 'scripts', file));
    fs.symlinkSync(path.join(ROOT, 'dist'), path.join(project, 'dist'), 'dir');
    const betterSqlite = path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('better-sqlite3/package.json'));
    fs.symlinkSync(betterSqlite, path.join(project, 'node_modules', 'better-sqlite3'), 'dir');
    const binding = native.nativeBindingPath(version, project);
    fs.mkdirSync(path.dirname(binding), { recursive: true });
    fs.copyFileSync(path.join(betterSqlite, 'build', 'Release', 'better_sqlite3.node'), binding);
    electronDist = fakeElectronDist(version);
    env = { ...baseEnv(), ELECTRON_OVERRIDE_DIST_PATH: electronDist, DISPLAY: ':99' };
  });

  posixOnly('chooses the desktop app when the binary runs and the module loads in it', async () => {
    const choice = await start.chooseMode({ argv: [], env, root: project, platform: 'linux', log: () => {} });
    expect(choice).toEqual({ mode: 'electron', electronPath: path.join(electronDist, 'electron') });
  });

  posixOnly('chooses browser mode without a display, and with --browser', async () => {
    const noDisplay = { ...env };
    delete noDisplay.DISPLAY;
    delete noDisplay.WAYLAND_DISPLAY;
    await expect(start.chooseMode({ argv: [], env: noDisplay, root: project, platform: 'linux', log: () => {} })).resolves.toEqual({ mode: 'browser', sentence: start.fallbackSentence('no-display') });
    await expect(start.chooseMode({ argv: ['--browser'], env, root: project, platform: 'linux', log: () => {} })).resolves.toEqual({ mode: 'browser', sentence: start.fallbackSentence('forced') });
  });

  posixOnly('runs Electron on the project, and opens browser mode if it fails right after starting', async () => {
    const database = path.join(tempDir(), 'after-crash.db');
    const run = runScript(path.join(project, 'scripts', 'start.mjs'), ['--port', '0', '--db', database], env);
    const [, url] = await run.waitFor(/is running at (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(run.output()).toContain(`fake electron started with: ${project} --port 0 --db ${database}`);
    expect(run.output()).toContain(start.fallbackSentence('crashed', { code: 3 }));
    expect((await fetch(url!)).status).toBe(200);
    run.child.kill('SIGTERM');
    await run.exited;
    expect(run.output()).not.toContain('    at ');
  });

  posixOnly('forwards SIGTERM to Electron and exits with its exit code', async () => {
    const run = runScript(path.join(project, 'scripts', 'start.mjs'), ['--wait'], env);
    await run.waitFor(/fake electron started with/);
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(run.output()).toContain('fake electron got TERM');
    expect(code).toBe(7);
  });
});

describe('npm start on this machine (no Electron binary): browser mode', () => {
  let running: RunningScript | undefined;

  afterEach(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGTERM');
      await running.exited;
    }
    running = undefined;
  });

  it('says why in one sentence, then serves the app at the printed address', async () => {
    const dataDir = tempDir();
    const database = path.join(dataDir, 'fallback.db');
    // The empty override makes "no binary" certain even on a machine that has Electron installed.
    const env = { ...baseEnv(), ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: tempDir() };
    running = runScript(START, ['--port', '0', '--db', database], env);
    const [, url] = await running.waitFor(/is running at (http:\/\/127\.0\.0\.1:\d+\/)/);

    const lines = running.output().split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toBe('The Electron desktop shell is not available on this machine (its binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set), so Prelim Tracker is opening in browser mode instead.');
    expect(lines[1]).toBe(`Prelim Tracker (browser mode) is running at ${url}`);

    const response = await fetch(url!);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<title>Prelim Tracker</title>');
    expect(page).toContain('<div id="root">');
    expect(fs.existsSync(database)).toBe(true);

    running.child.kill('SIGTERM');
    await running.exited;
    expect(running.output()).not.toContain('    at ');
  });

  it('opens browser mode on request with --browser, passing --port through', async () => {
    const database = path.join(tempDir(), 'forced.db');
    const probe = await import('node:net').then(
      (net) =>
        new Promise<number>((resolve) => {
          const server = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            server.close(() => resolve(port));
          });
        }),
    );
    running = runScript(START, ['--browser', '--port', String(probe), '--db', database], baseEnv());
    await running.waitFor(new RegExp(`is running at http://127\\.0\\.0\\.1:${probe}/`));
    expect(running.output().split(/\r?\n/)[0]).toBe('Opening Prelim Tracker in browser mode (--browser).');
    expect((await fetch(`http://127.0.0.1:${probe}/`)).status).toBe(200);
  });
});

describe('dist.mjs and build/electron-builder.yml', () => {
  it('has a configuration electron-builder accepts, with the native module unpacked and rebuilt', async () => {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration(config: unknown, logger: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = yaml.load(fs.readFileSync(path.join(ROOT, 'build', 'electron-builder.yml'), 'utf8'));
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'org.prelimtracker.app', productName: 'Prelim Tracker', npmRebuild: true, publish: null });
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringContaining('better-sqlite3')]));
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    // Fuses flipped at packaging (issue 11).
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(fs.existsSync(path.join(ROOT, 'build', 'icon.png'))).toBe(true);
  });

  it('recognises offline failures and says so in one sentence', () => {
    expect(dist.isNetworkFailure('gyp ERR! stack Error: This is most likely ... related to network connectivity.')).toBe(true);
    expect(dist.isNetworkFailure('RequestError: getaddrinfo ENOTFOUND github.com')).toBe(true);
    expect(dist.isNetworkFailure('⨯ Cannot find module "foo"')).toBe(false);
    expect(dist.offlineSentence()).toMatch(/^Packaging needs an internet connection.*\.$/);
    expect(dist.firstErrorLine('  • packaging\n  ⨯ cannot find icon  \n    at foo (x.js:1:1)')).toBe('cannot find icon');
  });

  it("shows electron-builder's progress but not its stack traces", () => {
    const shown: string[] = [];
    const echo = dist.progressEcho((line) => shown.push(line));
    echo.push('  • loaded configuration\n  • preparing moduleName=better');
    echo.push('-sqlite3\n  ⨯ \nError: network\n    at go (install.js:1:1)\n');
    echo.flush();
    expect(shown).toEqual(['  • loaded configuration', '  • preparing moduleName=better-sqlite3']);
  });

  it("puts the Node build of better-sqlite3 back after electron-builder's in-place rebuild", () => {
    const buildDir = path.join(tempDir(), 'build');
    fs.mkdirSync(path.join(buildDir, 'Release'), { recursive: true });
    fs.writeFileSync(path.join(buildDir, 'Release', 'better_sqlite3.node'), 'node abi');
    const restore = dist.protectNodeBuild(buildDir);
    fs.rmSync(buildDir, { recursive: true });
    fs.mkdirSync(path.join(buildDir, 'Release'), { recursive: true });
    fs.writeFileSync(path.join(buildDir, 'Release', 'better_sqlite3.node'), 'electron abi');
    fs.writeFileSync(path.join(buildDir, 'Release', '.forge-meta'), 'x64--150');
    restore();
    restore();
    expect(fs.readFileSync(path.join(buildDir, 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node abi');
    expect(fs.existsSync(path.join(buildDir, 'Release', '.forge-meta'))).toBe(false);
  });
});
