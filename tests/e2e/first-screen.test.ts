// Browser mode sends the Dashboard drawn into the page (electron/web/first-screen.ts); the app
// takes that drawing over (hydration) instead of drawing it again. Real Chromium, real host,
// real SQLite file. The harness fails a test on any console error: a hydration that does not
// match the drawing, or a style or script the page's policy refuses, logs one.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppServices } from '../../electron/services';
import { seedExampleProfile } from '../fixtures';
import { call, useApp } from './harness';

const app = useApp();

async function seed(services: AppServices): Promise<void> {
  await call(services, 'profile.save', seedExampleProfile());
  await call(services, 'sample.load', { institutions: 12 });
  const programs = await call(services, 'programs.list');
  await call(services, 'applications.create', { programIds: programs.slice(0, 4).map((p) => p.id), status: 'submitted', date: '2026-09-24' });
}

/**
 * Records, from the first moment the page has a Dashboard grid, that element and whether it
 * was laid out (shown) then, before any of the app's scripts ran.
 */
const WATCH_FIRST_GRID = `(() => {
  const seen = { grid: null, shown: null, scriptsRan: null, readinessWidth: null };
  Object.defineProperty(window, '__firstGrid', { value: seen });
  const check = () => {
    const grid = document.querySelector('.dash-grid');
    if (!grid || seen.grid) return;
    seen.grid = grid;
    seen.shown = grid.getClientRects().length > 0;
    seen.scriptsRan = document.getElementById('prelim-first-screen') === null;
    const bar = document.querySelector('.progress-fill');
    seen.readinessWidth = bar ? bar.getBoundingClientRect().width : null;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

interface FirstGrid {
  sameNow: boolean;
  shown: boolean | null;
  scriptsRan: boolean | null;
  readinessWidth: number | null;
}

async function firstGrid(page: Page): Promise<FirstGrid> {
  return page.evaluate(() => {
    const seen = (window as unknown as { __firstGrid: { grid: Element | null; shown: boolean | null; scriptsRan: boolean | null; readinessWidth: number | null } }).__firstGrid;
    return { sameNow: seen.grid !== null && seen.grid === document.querySelector('.dash-grid'), shown: seen.shown, scriptsRan: seen.scriptsRan, readinessWidth: seen.readinessWidth };
  });
}

/** The app has taken the page over: the host's mark is gone and the charts (drawn only by the browser) are there. */
async function takenOver(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-first-screen') && document.querySelectorAll('.recharts-wrapper').length === 2);
}

describe('the Dashboard drawn by the host', () => {
  it('is shown before the app runs, then taken over as it is: the same elements, working links, the readiness bar drawn', async () => {
    const { page, services, url } = app();
    await seed(services);
    await page.addInitScript(WATCH_FIRST_GRID);
    const summary = await call(services, 'dashboard.summary');
    await page.goto(`${url}#/dashboard`);
    await takenOver(page);
    const first = await firstGrid(page);
    // Drawn by the host: there, and shown, while the app's scripts had not yet read the page.
    expect(first.shown).toBe(true);
    expect(first.scriptsRan).toBe(false);
    // The readiness bar's width is a style attribute the page's policy allows by its hash.
    expect(first.readinessWidth).toBeGreaterThan(0);
    // Taken over, not drawn again: the grid is the element the page came with.
    expect(first.sameNow).toBe(true);
    await expect.poll(() => page.locator('.progress-fill').evaluate((el) => (el as HTMLElement).style.width)).toBe(`${summary.readiness.percent}%`);
    // The app answers: a number opens its list, and Back shows the Dashboard again.
    await page.getByRole('button', { name: `${summary.programCount} programs · ${summary.onListCount} on your list` }).click();
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // By keyboard too (the drawing's buttons are the app's once taken over).
    await page.getByRole('button', { name: `${summary.applicationCount} in all` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
  });

  it('is never shown when the address is another screen: that screen is drawn instead', async () => {
    const { page, services, url } = app();
    await seed(services);
    await page.addInitScript(WATCH_FIRST_GRID);
    await page.goto(`${url}#/programs`);
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    await page.locator('[data-program-id]').first().waitFor();
    const first = await firstGrid(page);
    // The page came with the drawing, but it was hidden from the start and is gone now.
    expect(first.shown).toBe(false);
    expect(await page.locator('.dash-grid').count()).toBe(0);
    // Going to the Dashboard from there draws it in the app, with the same numbers.
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const summary = await call(services, 'dashboard.summary');
    await page.getByRole('button', { name: `${summary.applicationCount} in all` }).waitFor();
  });

  it("is drawn in the browser's language and taken over without a difference (German dates)", async () => {
    const { page, services, url } = app();
    await seed(services);
    const summary = await call(services, 'dashboard.summary');
    const entry = [...summary.overdue, ...summary.nextDeadlines][0];
    expect(entry, 'the seeded season has something due').toBeDefined();
    const browser = page.context().browser() as Browser;
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'de-DE' });
    const errors: string[] = [];
    try {
      const german = await context.newPage();
      german.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      german.on('pageerror', (e) => void errors.push(e.message));
      const response = await german.goto(`${url}#/dashboard`);
      const [y, m, d] = entry!.userDate.split('-').map(Number);
      const expected = new Intl.DateTimeFormat('de-DE', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y!, m! - 1, d!, 12));
      expect(await response!.text()).toContain(expected); // in the page as sent
      await takenOver(german);
      expect(await german.locator('.agenda-day').first().textContent()).toBe(expected);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
