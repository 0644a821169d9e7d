// Runs the real app for browser tests: the browser-mode host on a fresh SQLite file in a
// temp folder, serving the built renderer (dist/renderer), driven by real Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, type TestContext } from 'vitest';
import { openServices, type AppServices } from '../../electron/services';
import type { InputOf, Method, OutputOf } from '../../shared/api/contract';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { firstScreenDrawer } from '../../electron/web/first-screen';

const root = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = path.join(root, 'dist', 'renderer');
/**
 * The host's drawing of the first screen (electron/web/first-screen.ts), as `npm run web` uses it
 * (with a longer wait for its answers: a loaded machine must not change what a test sees).
 */
export const FIRST_SCREEN_MODULE = path.join(root, 'dist', 'first-screen', 'first-screen-server.js');
const FAILURE_DIR = path.join(root, 'test-results', 'e2e');

export interface AppUnderTest {
  page: Page;
  url: string;
  server: WebServer;
  services: AppServices;
  dbFile: string;
  /** Console errors matching this are expected by the test (e.g. a refused request). */
  allowConsoleErrors(pattern: RegExp): void;
  /** Loads a screen by its hash and waits for its title. */
  open(section: string, title: string): Promise<void>;
}

/**
 * One browser per test file, one fresh database and page per test; a failing test leaves a screenshot.
 * `now`: the main process's clock (a test that plays a season moves it; the page's clock is the
 * test's to set with page.clock).
 */
export function useApp(options: { now?: () => Date } = {}): () => AppUnderTest {
  let browser: Browser;
  let current: AppUnderTest | null = null;
  let dir = '';

  beforeAll(async () => {
    const executablePath = process.env.CHROMIUM_PATH;
    if (!executablePath) throw new Error('CHROMIUM_PATH is not set: run the browser tests through "npm test".');
    if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run "npm run build" (npm test does it).');
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-e2e-'));
    const dbFile = path.join(dir, 'e2e.db');
    const services = openServices({ databasePath: dbFile, mode: 'browser', ...(options.now ? { now: options.now } : {}) });
    const server = await startWebServer({ dispatch: services.dispatch, onChange: services.onChange, staticDir: RENDERER_DIR, drawFirstScreen: firstScreenDrawer(services.dispatch, FIRST_SCREEN_MODULE, { budgetMs: 10_000 }) });
    // One locale for every test (dates are shown in the user's locale).
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
    const errors: string[] = [];
    const allowed: RegExp[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !allowed.some((a) => a.test(m.text()))) errors.push(m.text());
    });
    current = {
      page,
      url: server.url,
      server,
      services,
      dbFile,
      allowConsoleErrors: (pattern) => allowed.push(pattern),
      async open(section, title) {
        await page.goto(`${server.url}#/${section}`);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
      },
    };
    (current as AppUnderTest & { errors: string[] }).errors = errors;
  });

  afterEach(async (ctx: TestContext) => {
    if (!current) return;
    if (ctx.task.result?.state === 'fail') {
      fs.mkdirSync(FAILURE_DIR, { recursive: true });
      const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await current.page.screenshot({ path: path.join(FAILURE_DIR, `${name}.png`), fullPage: true }).catch(() => undefined);
    }
    const errors = (current as AppUnderTest & { errors: string[] }).errors;
    await current.page.close();
    await current.server.close();
    current.services.close();
    fs.rmSync(dir, { recursive: true, force: true });
    current = null;
    // A page error or a console error (e.g. a CSP violation) fails the test that caused it.
    if (errors.length > 0 && ctx.task.result?.state !== 'fail') throw new Error(`The page logged errors:\n${errors.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  return () => {
    if (!current) throw new Error('useApp(): no app running (call inside a test)');
    return current;
  };
}

/** The input or select inside the field with this data-field path. */
export function field(scope: Page | Locator, name: string) {
  return scope.locator(`[data-field="${name}"]`).locator('input, select, textarea').first();
}

/** One API call straight through the app's dispatcher (seeding a test's data); a refusal fails the test. */
export async function call<M extends Method>(services: AppServices, method: M, input?: InputOf<M>): Promise<OutputOf<M>> {
  const r = await services.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as OutputOf<M>;
}
