// Every number on the Dashboard opens the list behind it: each link lands on a screen that
// applies its filter, and that screen shows as many items as the Dashboard counted.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppServices } from '../../electron/services';
import type { DashboardSummary } from '../../shared/engine/dashboard';
import { seedExampleProfile } from '../fixtures';
import { seriousViolations } from './axe';
import { call, useApp } from './harness';

const app = useApp();

/** Sample programs, applications at several statuses (one rejected after submitting), letters at three stages, an overdue deadline. */
async function seed(services: AppServices): Promise<DashboardSummary> {
  await call(services, 'profile.save', seedExampleProfile());
  await call(services, 'sample.load', { institutions: 10 });
  const programs = await call(services, 'programs.list');
  const ids = programs.slice(0, 5).map((p) => p.id);
  const { created } = await call(services, 'applications.create', { programIds: ids, date: '2026-09-01' });
  const [a, b, c, d] = created.map((x) => x.id) as [number, number, number, number];
  await call(services, 'applications.setStatus', { ids: [a, b, c], status: 'submitted', date: '2026-09-24' });
  await call(services, 'applications.setStatus', { ids: [b], status: 'interview_invited', date: '2026-10-10' });
  await call(services, 'applications.setStatus', { ids: [c], status: 'rejected', date: '2026-10-12' });
  await call(services, 'applications.setStatus', { ids: [d], status: 'materials_ready', date: '2026-09-10' });
  await call(services, 'programs.setOnList', { ids: programs.slice(5, 7).map((p) => p.id), onList: true });
  // A tier override: the Dashboard and the Programs filter both count the program in the tier the user chose.
  const tiers = await call(services, 'tiers.list');
  const excluded = tiers.tiers.find((t) => t.computed.outcome === 'excluded')!;
  await call(services, 'tiers.override', { programId: excluded.programId, outcome: 'tier3', note: 'PD confirmed they sponsor J-1 now' });
  const stages = { 'Dr. Up Loaded': 'uploaded', 'Dr. Was Asked': 'asked', 'Dr. Also Asked': 'asked', 'Dr. Not Yet': null } as const;
  for (const [name, stage] of Object.entries(stages)) {
    const w = await call(services, 'writers.save', { name, location: 'us', isSurgeon: true });
    const l = await call(services, 'letters.save', { writerId: w.id });
    if (stage) await call(services, 'letters.setStage', { id: l.id, stage, date: '2026-08-01' });
  }
  await call(services, 'deadlines.save', { programId: ids[0]!, title: 'Supplemental form', dueDate: '2026-01-05' });
  return call(services, 'dashboard.summary');
}

const hash = (page: Page) => page.evaluate(() => location.hash);

/** Programs shown by the table (its header row not counted). */
async function programRows(page: Page): Promise<number> {
  const table = page.getByRole('table', { name: 'Programs' });
  await table.waitFor();
  return Number(await table.getAttribute('aria-rowcount')) - 1;
}

describe('dashboard links', () => {
  it('opens each list behind a number, filtered, with as many items as the number says', async () => {
    const { page, open, services } = app();
    const summary = await seed(services);
    expect(summary.submittedCount).toBe(3);
    expect(summary.overdueCount).toBeGreaterThan(0);
    const dashboard = async () => {
      await open('dashboard', 'Dashboard');
      await page.locator('.dash-grid').waitFor();
    };
    /** Activates a Dashboard link by keyboard (the chart keys are for keyboard and screen-reader users) and waits for the screen. */
    const follow = async (name: string | RegExp, title: string, scope = page.locator('.dash-grid')) => {
      await dashboard();
      const link = scope.getByRole('button', { name, exact: typeof name === 'string' });
      await link.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    };

    // Applications by status: every status, through its chart key.
    const funnel = page.locator('section[aria-labelledby="dash-funnel"]');
    for (const s of summary.applicationsByStatus.filter((x) => x.count > 0 || ['considering', 'submitted'].includes(x.key))) {
      await follow(`${s.label}: ${s.count}`, 'Applications', funnel);
      expect(await hash(page)).toBe(`#/applications?status=${s.key}`);
      expect(await page.getByRole('combobox', { name: 'Filter by status' }).inputValue()).toBe(s.key);
      await expect.poll(() => page.locator('tr[data-application-id]').count()).toBe(s.count);
    }
    // Interviews.
    const interviews = page.locator('section[aria-labelledby="dash-interviews"]');
    for (const [label, key, count] of [
      ['Invited', 'interview_invited', summary.interviews.invited],
      ['Scheduled', 'interview_scheduled', summary.interviews.scheduled],
      ['Interviewed', 'interviewed', summary.interviews.interviewed],
    ] as const) {
      // Issue 13: the count is of applications that reached the step, and opens exactly those.
      await follow(`${count} ${label}`, 'Applications', interviews);
      expect(await hash(page)).toBe(`#/applications?tab=table&reached=${key}`);
      expect(await page.getByRole('combobox', { name: 'Filter by status' }).inputValue()).toBe(`reached:${key}`);
      await expect.poll(() => page.locator('tr[data-application-id]').count()).toBe(count);
    }
    // The interview dates line opens Deadlines with the interview dates only: as many as it says.
    await follow(/interview dates? in the next 30 days/, 'Deadlines', interviews);
    expect(await hash(page)).toBe('#/deadlines?kind=interview');
    await expect.poll(() => page.locator('section[aria-labelledby="next-title"] .agenda-entry').count()).toBe(summary.interviews.upcoming);
    // The funnel: each stage reached (the rejected application counts as submitted), so "Submitted"
    // agrees with the cost card and its bar opens every submitted application.
    expect(summary.applicationsReached.find((s) => s.key === 'submitted')!.count).toBe(summary.submittedCount);
    expect(summary.applicationsReached.find((s) => s.key === 'interview_invited')!.count).toBe(1);
    await dashboard();
    await expect.poll(() => funnel.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    // ERAS cost so far: every application ERAS charged for, including the one rejected since.
    await follow(/^ERAS fees so far/, 'Applications');
    expect(await hash(page)).toBe('#/applications?status=sent');
    expect(await page.getByRole('combobox', { name: 'Filter by status' }).inputValue()).toBe('sent');
    await expect.poll(() => page.locator('tr[data-application-id]').count()).toBe(summary.submittedCount);
    await follow(`${summary.applicationCount} in all`, 'Applications');
    expect(await hash(page)).toBe('#/applications');
    await page.locator('.board-card').first().waitFor();
    expect(await page.locator('.board-card').count()).toBe(summary.applicationCount);

    // Programs by tier, through the chart keys; the whole list's cost opens the list.
    const tiers = page.locator('section[aria-labelledby="dash-tiers"]');
    for (const t of summary.programsByTier) {
      await follow(`${t.label}: ${t.count}`, 'Programs', tiers);
      expect(await hash(page)).toBe(`#/programs?tier=${t.key}`);
      expect(await page.getByRole('combobox', { name: 'Tier filter' }).inputValue()).toBe(t.key);
      expect(await programRows(page)).toBe(t.count);
    }
    // The sidebar entry of the screen shown with a filter shows it without one.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Programs' }).click();
    await expect.poll(() => hash(page)).toBe('#/programs');
    expect(await page.getByRole('combobox', { name: 'Tier filter' }).inputValue()).toBe('all');
    await expect.poll(() => programRows(page)).toBe(summary.programCount);
    await dashboard();
    await follow(`${summary.programCount} programs · ${summary.onListCount} on your list`, 'Programs');
    expect(await programRows(page)).toBe(summary.programCount);
    await follow(`$${summary.erasCostOfList.total.toLocaleString('en-US')}`, 'Programs');
    expect(await hash(page)).toBe('#/programs?onList=yes');
    expect(await page.getByRole('combobox', { name: 'List filter' }).inputValue()).toBe('yes');
    expect(await programRows(page)).toBe(summary.onListCount);

    // Letters by stage: only the letters at that stage stay on the screen.
    const letters = page.locator('section[aria-labelledby="dash-letters"]');
    for (const s of summary.lettersByStage) {
      await follow(`${s.count} ${s.label}`, 'Letters & documents', letters);
      expect(await hash(page)).toBe(`#/letters?stage=${s.key}`);
      expect(await page.getByRole('combobox', { name: 'Show letters at the stage' }).inputValue()).toBe(s.key);
      await page.locator('.letter-row').first().waitFor({ state: 'attached' });
      await expect.poll(() => page.locator('.letter-row:visible').count()).toBe(s.count);
      expect(await page.locator(`.letter-row.stage-${s.key}:visible`).count()).toBe(s.count);
      expect(await page.locator('.writer:visible').count()).toBe(s.count);
    }
    // The filter can be changed and cleared there, and a reload keeps it.
    await page.getByRole('combobox', { name: 'Show letters at the stage' }).selectOption('asked');
    expect(await hash(page)).toBe('#/letters?stage=asked');
    await expect.poll(() => page.locator('.letter-row:visible').count()).toBe(2);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Letters & documents' }).waitFor();
    await expect.poll(() => page.locator('.letter-row:visible').count()).toBe(2);
    await page.getByRole('button', { name: 'Show all letters' }).click();
    expect(await hash(page)).toBe('#/letters');
    await expect.poll(() => page.locator('.letter-row:visible').count()).toBe(summary.letterCount);
    await follow(`${summary.letterCount} in all`, 'Letters & documents');
    expect(await page.locator('.letter-row:visible').count()).toBe(summary.letterCount);

    // Readiness and deadlines.
    await follow(`Readiness ${summary.readiness.percent}%: open the checklist`, 'Readiness');
    expect(await hash(page)).toBe('#/readiness');
    expect(await page.getByRole('checkbox', { name: 'Only what needs doing' }).isChecked()).toBe(false);
    expect(summary.readiness.blocking).toBeGreaterThan(0);
    await follow(`${summary.readiness.blocking} blocking`, 'Readiness');
    expect(await hash(page)).toBe('#/readiness?show=blocking&scope=eras');
    expect(await page.locator('.readiness-item[data-item^="soap."]').count()).toBe(0);
    await expect.poll(() => page.locator('.readiness-item').count()).toBe(summary.readiness.blocking);
    expect(await page.locator('.readiness-item[data-state="blocking"]').count()).toBe(summary.readiness.blocking);
    await page.getByRole('button', { name: 'Show all that needs doing' }).click();
    await expect.poll(() => page.locator('.readiness-item').count()).toBe(summary.readiness.blocking + summary.readiness.needsAction);
    await follow(`${summary.readiness.needsAction} need action`, 'Readiness');
    expect(await hash(page)).toBe('#/readiness?show=open&scope=eras');
    expect(await page.getByRole('checkbox', { name: 'Only what needs doing' }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('.readiness-item').count()).toBe(summary.readiness.blocking + summary.readiness.needsAction);
    // The card lists what it counts as overdue (issue 13: "2 overdue" with no overdue item listed).
    await dashboard();
    expect(await page.locator('section[aria-labelledby="dash-deadlines"] .agenda-entry.state-overdue').count()).toBe(summary.overdueCount);
    await follow(`${summary.overdueCount} overdue`, 'Deadlines');
    expect(await hash(page)).toBe('#/deadlines');
    await page.getByText('Supplemental form').first().waitFor();
    await expect.poll(() => page.locator('section[aria-labelledby="overdue-title"] .agenda-entry').count()).toBe(summary.overdueCount);
  });

  it('a tall deadlines card leaves no gap beside it: each column stacks its cards, read (and tabbed) in the order they are seen; one column when narrow', async () => {
    const { page, open, services } = app();
    await seed(services);
    // Many overdue deadlines: the card grows far taller than its neighbours.
    const programs = await call(services, 'programs.list');
    for (let i = 0; i < 10; i++) await call(services, 'deadlines.save', { programId: programs[i]!.id, title: `Overdue form ${i + 1}`, dueDate: `2026-02-${String(10 + i).padStart(2, '0')}` });
    const summary = await call(services, 'dashboard.summary');
    expect(summary.overdueCount).toBeGreaterThanOrEqual(11);

    /** Each card's box, in the order the page holds them (its reading and tab order). */
    const cards = () =>
      page.$$eval('.dash-grid section.card', (els) => els.map((e) => { const r = e.getBoundingClientRect(); return { id: e.getAttribute('aria-labelledby')!, x: Math.round(r.x), top: Math.round(r.top), bottom: Math.round(r.bottom) }; }));
    const check = async (columns: number) => {
      await open('dashboard', 'Dashboard');
      await page.locator('section[aria-labelledby="dash-budget"]').waitFor();
      await expect.poll(async () => (await cards()).length).toBe(8);
      // Every overdue entry is listed on the card (it grows rather than hiding any).
      expect(await page.locator('section[aria-labelledby="dash-deadlines"] .agenda-entry.state-overdue').count()).toBe(summary.overdueCount);
      const boxes = await cards();
      const xs = [...new Set(boxes.map((b) => b.x))].sort((a, b) => a - b);
      expect(xs).toHaveLength(columns);
      // Seen order: column by column, top to bottom. It is the page's order.
      const seen = [...boxes].sort((a, b) => a.x - b.x || a.top - b.top).map((b) => b.id);
      expect(boxes.map((b) => b.id)).toEqual(seen);
      expect(seen.slice(0, 2)).toEqual(['dash-readiness', 'dash-deadlines']);
      // In each column a card follows the one above it after the grid's gap (16 px), never after an empty band.
      for (const x of xs) {
        const column = boxes.filter((b) => b.x === x).sort((a, b) => a.top - b.top);
        for (let i = 1; i < column.length; i++) expect(column[i]!.top - column[i - 1]!.bottom, `${column[i - 1]!.id} -> ${column[i]!.id}`).toBeLessThanOrEqual(18);
      }
      expect(await seriousViolations(page)).toEqual([]);
    };
    await check(2);
    await page.setViewportSize({ width: 900, height: 860 });
    await check(1);
  });
});
