// better-sqlite3 for Electron's ABI, kept apart from the Node build in node_modules.
//
// Tests and browser mode load node_modules/better-sqlite3/build/Release/better_sqlite3.node
// (compiled for Node by `npm install`); that file is never touched here. The desktop shell
// (electron/shell/main.ts) looks for <project>/.native/electron-<version>/better_sqlite3.node
// and passes it to better-sqlite3 as `nativeBinding`. This module produces that file by
// working on a temporary copy of the package: first a prebuilt binary from better-sqlite3's
// GitHub release (prebuild-install), else a compile against Electron's headers (node-gyp).
// Both need the internet beyond the npm registry, so callers must treat failure as normal.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const NATIVE_DIR = '.native';
export const BINDING_FILE = 'better_sqlite3.node';
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** Where the desktop shell looks for the Electron build (must match electron/shell/main.ts). */
export function nativeBindingPath(version, root) {
  return path.join(root, NATIVE_DIR, `electron-${version}`, BINDING_FILE);
}

/** The installed better-sqlite3 package folder (the Node build lives in its build/Release). */
export function betterSqlitePackageDir(root) {
  const require = createRequire(path.join(root, 'package.json'));
  return path.dirname(require.resolve('better-sqlite3/package.json'));
}

/**
 * Environment for the build tools: npm passes its config as npm_config_* variables, and some of
 * them (nodedir, target, runtime, disturl...) would silently make node-gyp or prebuild-install
 * build for Node instead of Electron. npm_package_* would make prebuild-install think it runs
 * inside a git install and skip the download.
 */
export function buildToolEnv(env = process.env) {
  const dropped = new Set([
    'npm_config_nodedir', 'npm_config_target', 'npm_config_runtime', 'npm_config_disturl', 'npm_config_dist_url',
    'npm_config_arch', 'npm_config_target_arch', 'npm_config_platform', 'npm_config_build_from_source',
    'npm_config_devdir', 'npm_config_force_process_config', 'npm_config_download', 'npm_config_abi',
  ]);
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (dropped.has(key.toLowerCase()) || key.startsWith('npm_package_')) continue;
    clean[key] = value;
  }
  delete clean.ELECTRON_RUN_AS_NODE;
  return clean;
}

/** node-gyp's CLI: npm's own (npm sets npm_config_node_gyp for scripts), the project's, or the one bundled with npm. */
export function findNodeGyp(root, env = process.env, execPath = process.execPath) {
  const candidates = [];
  if (env.npm_config_node_gyp) candidates.push(env.npm_config_node_gyp);
  try {
    candidates.push(createRequire(path.join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed in the project; try npm's copy below
  }
  const nodeDir = path.dirname(execPath);
  candidates.push(path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(path.join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((file) => fs.existsSync(file));
}

/** prebuild-install as better-sqlite3 itself resolves it (it is one of its dependencies). */
export function findPrebuildInstall(packageDir) {
  try {
    return createRequire(path.join(packageDir, 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    return undefined;
  }
}

/** Runs a command, capturing its output, killed (with its children) after timeoutMs. Never rejects. */
export function runCaptured(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32', windowsHide: true });
    } catch (err) {
      resolve({ ok: false, code: null, timedOut: false, output: String(err && err.message) });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, timeoutMs);
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, code: null, timedOut, output: `${output}\n${err.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0 && !timedOut, code, timedOut, output });
    });
  });
}

/** Kills a child and whatever it started (the electron package runs its installer as a grandchild). */
export function killTree(child) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    } else {
      process.kill(-child.pid, 'SIGKILL');
    }
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Copies better-sqlite3's sources (not its Node build, not nested node_modules) to a scratch folder. */
export function copyPackageForBuild(packageDir, destination) {
  fs.cpSync(packageDir, destination, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(packageDir, source);
      const top = relative.split(path.sep)[0];
      return top !== 'build' && top !== 'node_modules';
    },
  });
}

/**
 * Builds better-sqlite3 for Electron `version` on `arch` into .native/, never touching
 * node_modules. Returns { ok: true, path } or { ok: false, log } with the tools' output.
 */
export async function buildElectronNative({ root, version, arch = process.arch, env = process.env, onProgress = () => {}, downloadTimeoutMs = 120_000, compileTimeoutMs = 900_000 }) {
  const target = nativeBindingPath(version, root);
  const log = [];
  let scratch;
  try {
    const packageDir = betterSqlitePackageDir(root);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-better-sqlite3-'));
    const work = path.join(scratch, 'better-sqlite3');
    copyPackageForBuild(packageDir, work);
    const built = path.join(work, 'build', 'Release', BINDING_FILE);
    const toolEnv = buildToolEnv(env);

    const prebuildInstall = findPrebuildInstall(packageDir);
    if (prebuildInstall) {
      onProgress(`Downloading the database module built for Electron ${version}...`);
      const result = await runCaptured(process.execPath, [prebuildInstall, '--runtime', 'electron', '--target', version, '--arch', arch, '--platform', process.platform, '--verbose'], { cwd: work, env: toolEnv, timeoutMs: downloadTimeoutMs });
      log.push(`$ prebuild-install --runtime electron --target ${version} --arch ${arch}${result.timedOut ? ' (timed out)' : ''}\n${result.output}`);
    } else {
      log.push('prebuild-install was not found next to better-sqlite3.');
    }

    if (!fs.existsSync(built)) {
      const nodeGyp = findNodeGyp(root, env);
      if (nodeGyp) {
        onProgress(`Compiling the database module for Electron ${version} (this can take a few minutes)...`);
        const devdir = path.join(os.homedir(), '.electron-gyp');
        const result = await runCaptured(process.execPath, [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`, `--devdir=${devdir}`], { cwd: work, env: toolEnv, timeoutMs: compileTimeoutMs });
        log.push(`$ node-gyp rebuild --runtime=electron --target=${version} --arch=${arch}${result.timedOut ? ' (timed out)' : ''}\n${result.output}`);
      } else {
        log.push('node-gyp was not found (neither npm_config_node_gyp, the project, nor npm ships one).');
      }
    }

    if (!fs.existsSync(built)) return { ok: false, log: log.join('\n\n') };
    installBinding(built, target);
    return { ok: true, path: target, log: log.join('\n\n') };
  } catch (err) {
    log.push(String((err && err.message) || err));
    return { ok: false, log: log.join('\n\n') };
  } finally {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Copies a built binding into place atomically, so a second `npm start` never sees half a file. */
export function installBinding(source, target) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  fs.copyFileSync(source, partial);
  fs.renameSync(partial, target);
}

/** Writes the build tools' output where a curious user (or a bug report) can find it. */
export function writeBuildLog(root, version, text) {
  try {
    const file = path.join(root, NATIVE_DIR, `electron-${version}-build.log`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  } catch {
    return undefined;
  }
}

/**
 * Loads the binding inside Electron (run as plain Node) and runs one query, so an incompatible
 * or corrupt file is caught here rather than as a crash dialog in the desktop app.
 */
export async function verifyElectronNative({ electronPath, bindingPath, root, env = process.env, timeoutMs = 30_000 }) {
  const packageDir = betterSqlitePackageDir(root);
  const script = `const Database = require(${JSON.stringify(packageDir)});
const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(bindingPath)} });
if (db.prepare('select 1 as one').get().one !== 1) process.exit(2);
db.close();`;
  const result = await runCaptured(electronPath, ['-e', script], { cwd: root, env: { ...buildToolEnv(env), ELECTRON_RUN_AS_NODE: '1' }, timeoutMs });
  return { ok: result.ok, output: result.output };
}
