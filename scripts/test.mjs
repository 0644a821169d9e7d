// `npm test`: every test suite in one vitest run, then one summary line "N passed, N failed".
// The browser (e2e) tests need Chromium: found via CHROMIUM_PATH, /usr/bin/chromium or an
// installed Chrome. Without one they are skipped with a one-line note, except with CI=true,
// where a missing browser is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findChromium } from './find-chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const chromium = findChromium();
const extraArgs = process.argv.slice(2);
const projects = chromium ? [] : ['--project', 'shared', '--project', 'electron', '--project', 'renderer'];

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });

if (chromium) {
  // The e2e tests drive the built renderer served by the browser-mode host.
  const build = run('npm', ['run', 'build', '--silent']);
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const report = path.join(root, 'test-results', 'vitest.json');
fs.rmSync(report, { force: true });
const vitest = run(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs], chromium ? { CHROMIUM_PATH: chromium } : {});

let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + filesFailedOutsideTests(r);
} catch {
  failed = 1; // vitest did not produce a report: count the run itself as a failure
}

let missingBrowserFailure = false;
if (!chromium) {
  if (ci) {
    console.error('Browser tests could not run: no Chromium found (CI=true needs one; install chromium or set CHROMIUM_PATH).');
    missingBrowserFailure = true;
    failed += 1;
  } else {
    console.log('Browser tests skipped: no Chromium found. Install chromium (e.g. apt-get install chromium) or set CHROMIUM_PATH to enable them.');
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status !== 0 || failed > 0 || missingBrowserFailure ? 1 : 0);

/** Test files that failed without a failing test (an import error, a crashing hook) count as one failure each. */
function filesFailedOutsideTests(r) {
  return (r.testResults ?? []).filter((s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed')).length;
}
