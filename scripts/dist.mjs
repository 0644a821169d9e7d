// `npm run dist`: installers with electron-builder (build/electron-builder.yml).
//
// electron-builder rebuilds better-sqlite3 for Electron *in place* in node_modules (npmRebuild),
// which would leave tests and browser mode with a module Node cannot load. So the Node build
// is copied aside first and put back afterwards, whatever happens (also on Ctrl+C).
// Packaging downloads Electron (and a prebuilt better-sqlite3 or Electron's headers); offline,
// that fails with a long stack trace, so its output goes to a log file and one sentence explains.
// Extra arguments go to electron-builder: `npm run dist -- --linux AppImage`, `-- --dir`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONFIG_FILE = path.join('build', 'electron-builder.yml');
export const LOG_FILE = path.join('release', 'electron-builder.log');

const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|fetch failed|socket hang up|network connectivity|unable to get local issuer|self[- ]signed certificate/i;

/** True when electron-builder's output shows that a download failed. */
export function isNetworkFailure(output) {
  return NETWORK_ERROR.test(output);
}

export function offlineSentence(logFile = LOG_FILE) {
  return `Packaging needs an internet connection to download Electron and the Electron build of better-sqlite3, and those downloads failed here; connect to the internet and run "npm run dist" again (details in ${logFile}).`;
}

/** The first line of the error electron-builder reported, for a one-line summary. */
export function firstErrorLine(output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const marked = lines.find((line) => line.startsWith('⨯') || /^Error:/.test(line));
  return (marked ?? lines.find((line) => !line.startsWith('at ')) ?? 'unknown error').replace(/^⨯\s*/, '').slice(0, 300);
}

export function electronBuilderCli(root = PROJECT_ROOT) {
  return createRequire(path.join(root, 'package.json')).resolve('electron-builder/cli.js');
}

export function betterSqliteBuildDir(root = PROJECT_ROOT) {
  const require = createRequire(path.join(root, 'package.json'));
  return path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build');
}

/** Copies the Node build of better-sqlite3 aside; returns a function that puts it back (idempotent). */
export function protectNodeBuild(buildDir) {
  if (!fs.existsSync(buildDir)) return () => {};
  const backup = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-node-build-'));
  fs.cpSync(buildDir, path.join(backup, 'build'), { recursive: true });
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    fs.rmSync(buildDir, { recursive: true, force: true });
    fs.cpSync(path.join(backup, 'build'), buildDir, { recursive: true });
    fs.rmSync(backup, { recursive: true, force: true });
  };
}

/**
 * Passes electron-builder's progress lines ("• packaging ...") through, but stops at its first
 * error mark (⨯): what follows is a stack trace, which goes to the log file only.
 */
export function progressEcho(write) {
  let pending = '';
  let failed = false;
  const emit = (line) => {
    if (failed) return;
    if (line.trimStart().startsWith('⨯')) {
      failed = true;
      return;
    }
    if (/^\s+at /.test(line)) return;
    write(line);
  };
  return {
    push(text) {
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      lines.forEach(emit);
    },
    flush() {
      if (pending) emit(pending);
      pending = '';
    },
  };
}

/** Runs electron-builder, showing its progress and keeping all of its output in a log. */
function runElectronBuilder(root, args) {
  return new Promise((resolve) => {
    const cli = electronBuilderCli(root);
    const child = spawn(process.execPath, [cli, '--config', CONFIG_FILE, '--publish', 'never', ...args], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    const echo = progressEcho((line) => process.stdout.write(`${line}\n`));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      echo.push(String(chunk));
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      errors += chunk;
    });
    const forward = (signal) => {
      if (!child.killed) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      output += `\n${err.message}`;
    });
    child.on('close', (code, signal) => {
      echo.flush();
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 1 : 0), output, errors });
    });
  });
}

export async function main(argv = process.argv.slice(2), root = PROJECT_ROOT) {
  if (!fs.existsSync(path.join(root, 'dist', 'electron', 'main.cjs'))) {
    console.error('Prelim Tracker: the app is not built yet; run "npm run dist" (which builds first) or "npm run build".');
    return 1;
  }
  const restore = protectNodeBuild(betterSqliteBuildDir(root));
  const restoreOnSignal = () => {
    restore();
  };
  process.once('exit', restoreOnSignal);
  let result;
  try {
    result = await runElectronBuilder(root, argv);
  } finally {
    restore();
    process.off('exit', restoreOnSignal);
  }
  const logFile = path.join(root, LOG_FILE);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, result.output);
  if (result.code === 0) {
    if (result.errors.trim()) process.stderr.write(result.errors);
    console.log('Installers are in release/.');
    return 0;
  }
  if (isNetworkFailure(result.output)) console.error(offlineSentence(LOG_FILE));
  else console.error(`Packaging failed: ${firstErrorLine(result.errors || result.output)} (details in ${LOG_FILE}).`);
  return result.code || 1;
}

const isMainModule = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMainModule) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`Packaging failed: ${err && err.message ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
