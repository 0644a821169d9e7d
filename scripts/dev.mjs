// `npm run dev`: the renderer with Vite's hot reload against a browser-mode host.
//
//   1. bundles the main-process code (esbuild, a second or two) and starts the browser-mode
//      host on a free port with a token made here (the host serves a placeholder page: Vite
//      serves the real one);
//   2. starts Vite's dev server, which proxies /api (calls and the change-event stream) to
//      the host and puts the token in the page.
// Open the address Vite prints. Edits to renderer/ reload at once; edits to electron/ or
// shared/ code the host runs need a restart of `npm run dev`.
//
//   npm run dev                       # a scratch database in .dev/prelim-tracker.db
//   npm run dev -- --db path/to.db    # another database (never your real one by accident)
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dbAt = args.indexOf('--db');
const db = dbAt >= 0 && args[dbAt + 1] ? path.resolve(args[dbAt + 1]) : path.join(ROOT, '.dev', 'prelim-tracker.db');
fs.mkdirSync(path.dirname(db), { recursive: true });

const staticDir = path.join(ROOT, '.dev', 'static');
fs.mkdirSync(staticDir, { recursive: true });
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>Prelim Tracker dev host</title></head><body>The app is served by Vite: open the address npm run dev printed.</body></html>');

const token = crypto.randomBytes(32).toString('base64url');
const children = [];
const stop = (code) => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exit(code);
};
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

function run(cmd, argv, env = {}) {
  const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      console.error(`Prelim Tracker dev: ${path.basename(argv[0] ?? cmd)} stopped (exit ${code}).`);
      stop(code);
    }
  });
  return child;
}

const build = spawn(process.execPath, ['scripts/build-main.mjs'], { cwd: ROOT, stdio: 'inherit' });
build.on('exit', (code) => {
  if (code !== 0) {
    console.error('Prelim Tracker dev: bundling the main-process code failed (see above).');
    process.exit(code ?? 1);
  }
  const host = run(process.execPath, ['dist/web/host.mjs', '--db', db], { PRELIM_DEV_TOKEN: token, PRELIM_DEV_STATIC: staticDir });
  let started = false;
  host.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(text);
    if (!m || started) return;
    started = true;
    console.log(`Prelim Tracker dev: API host at ${m[1]} on ${db}`);
    const vite = run(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), '--config', 'renderer/vite.config.ts'], { PRELIM_DEV_API: m[1], PRELIM_DEV_TOKEN: token });
    vite.stdout.pipe(process.stdout);
  });
});
