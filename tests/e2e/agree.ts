// Every screen agrees: the Dashboard's numbers, the Applications board and the lists those
// numbers open, Readiness and Deadlines, checked through the real UI (used by the tests that
// play a season: season-in-a-day.test.ts, applications-log.test.ts).
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

export interface Expected {
  applications: number;
  /** Applications ERAS charged for (submitted at some point). */
  submitted: number;
  /** Board columns that must hold cards (every other column holds none). */
  board: Partial<Record<string, number>>;
  /** Applications that reached each interview step. */
  reached: { interview_invited: number; interview_scheduled: number; interviewed: number };
  /** Interview dates in the next 30 days. */
  upcomingInterviews: number;
  /** Reply-by dates still open (Deadlines, overdue or upcoming); undefined: not checked. */
  replyBy?: number;
  onList: number;
}

/** Dashboard, Applications and Deadlines say the same, and each Dashboard number opens a list of that many. */
export async function agree(page: Page, open: (section: string, title: string) => Promise<void>, want: Expected) {
  // Dashboard.
  await open('dashboard', 'Dashboard');
  const grid = page.locator('.dash-grid');
  await grid.waitFor();
  const funnel = page.locator('section[aria-labelledby="dash-funnel"]');
  await funnel.getByRole('button', { name: `${want.applications} in all`, exact: true }).waitFor();
  expect(squash(await page.locator('section[aria-labelledby="dash-cost"] .big-stat small').textContent())).toBe(`${want.submitted} submitted`);
  const interviews = page.locator('section[aria-labelledby="dash-interviews"]');
  for (const [label, key] of [['Invited', 'interview_invited'], ['Scheduled', 'interview_scheduled'], ['Interviewed', 'interviewed']] as const) {
    await interviews.getByRole('button', { name: `${want.reached[key]} ${label}`, exact: true }).waitFor();
  }
  const upcoming = want.upcomingInterviews === 0 ? 'No interview dates in the next 30 days' : `${want.upcomingInterviews} interview date${want.upcomingInterviews === 1 ? '' : 's'} in the next 30 days`;
  await interviews.getByRole('button', { name: upcoming }).waitFor();
  await page.locator('section[aria-labelledby="dash-tiers"]').getByRole('button', { name: new RegExp(`· ${want.onList} on your list$`) }).waitFor();
  const overdueButton = page.locator('section[aria-labelledby="dash-deadlines"]').getByRole('button', { name: /overdue$/ });
  const dashOverdue = (await overdueButton.count()) === 0 ? 0 : Number((await overdueButton.textContent())!.split(' ')[0]);
  // The Dashboard lists each overdue item it counts.
  expect(await page.locator('section[aria-labelledby="dash-deadlines"] .agenda-entry.state-overdue').count()).toBe(dashOverdue);
  // The status keys: "Now at each status" agrees with the board.
  const keys = Object.fromEntries(
    (await funnel.getByRole('list', { name: 'Open a list' }).getByRole('button').allTextContents()).map((t) => {
      const [label, n] = t.split(': ');
      return [label!, Number(n)];
    }),
  );

  // Applications: the board's columns, and the lists the Dashboard numbers open.
  await open('applications', 'Applications');
  await page.locator('.board-card').first().waitFor();
  // The board shows what it had, then reloads (another screen wrote meanwhile): wait for it to settle on the expected counts.
  const readColumns = async () => Object.fromEntries(await page.locator('[data-status]').evaluateAll((els) => els.map((c) => [c.getAttribute('data-status')!, Number(c.querySelector('.count')!.textContent)]))) as Record<string, number>;
  const wantColumns = Object.fromEntries(Object.keys(await readColumns()).map((k) => [k, want.board[k] ?? 0]));
  await expect.poll(readColumns).toEqual(wantColumns);
  const columns = await readColumns();
  expect(await page.locator('.board-card').count()).toBe(want.applications);
  const labels = await page.locator('[data-status]').evaluateAll((els) => els.map((c) => [c.getAttribute('data-status')!, c.querySelector('h2, h3')?.textContent?.replace(/\d+$/, '').trim() ?? '']));
  for (const [key, label] of labels) if (keys[label!] !== undefined) expect([label, keys[label!]]).toEqual([label, columns[key!]]);
  // Each Dashboard number opens a list of exactly that many (followed from the Dashboard).
  const follow = async (scope: string, name: string | RegExp, title: string) => {
    await open('dashboard', 'Dashboard');
    await page.locator(scope).getByRole('button', { name, exact: typeof name === 'string' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  };
  for (const [label, key] of [['Invited', 'interview_invited'], ['Scheduled', 'interview_scheduled'], ['Interviewed', 'interviewed']] as const) {
    await follow('section[aria-labelledby="dash-interviews"]', `${want.reached[key]} ${label}`, 'Applications');
    expect(await page.getByRole('combobox', { name: 'Filter by status' }).inputValue()).toBe(`reached:${key}`);
    await expect.poll(() => page.locator('tr[data-application-id]').count()).toBe(want.reached[key]);
  }
  await follow('section[aria-labelledby="dash-cost"]', /^ERAS fees so far/, 'Applications');
  expect(await page.getByRole('combobox', { name: 'Filter by status' }).inputValue()).toBe('sent');
  await expect.poll(() => page.locator('tr[data-application-id]').count()).toBe(want.submitted);
  // Readiness: the Dashboard's counts are the checklist's items in those states.
  await open('dashboard', 'Dashboard');
  const readinessCard = page.locator('section[aria-labelledby="dash-readiness"]');
  const counts = squash(await readinessCard.locator('.counts').textContent()).match(/^(\d+) of (\d+) done · (\d+) blocking · (\d+) need action$/);
  expect(counts).not.toBeNull();
  const [, done, applicable, blocking, needsAction] = counts!.map(Number);
  await follow('section[aria-labelledby="dash-readiness"]', `${needsAction} need action`, 'Readiness');
  await expect.poll(() => page.locator('.readiness-item').count()).toBe(blocking! + needsAction!);
  await open('dashboard', 'Dashboard');
  await open('readiness?scope=eras', 'Readiness');
  await page.locator('.readiness-item').first().waitFor();
  await expect.poll(() => page.locator('.readiness-item[data-state="done"]').count()).toBe(done);
  await expect.poll(() => page.locator('.readiness-item:not([data-state="not_applicable"])').count()).toBe(applicable);
  const soapLink = readinessCard.getByRole('button', { name: /^\d+ of \d+ done$/ });
  await open('dashboard', 'Dashboard');
  if ((await soapLink.count()) > 0) {
    const [soapDone, soapApplicable] = (await soapLink.textContent())!.match(/\d+/g)!.map(Number);
    await soapLink.click();
    await page.getByRole('heading', { level: 1, name: 'Readiness' }).waitFor();
    await page.locator('.readiness-item').first().waitFor();
    expect(await page.locator('.readiness-item:not([data-item^="soap."])').count()).toBe(0);
    await expect.poll(() => page.locator('.readiness-item[data-state="done"]').count()).toBe(soapDone);
    await expect.poll(() => page.locator('.readiness-item:not([data-state="not_applicable"])').count()).toBe(soapApplicable);
  }
  await follow('section[aria-labelledby="dash-interviews"]', upcoming, 'Deadlines');
  await expect.poll(() => page.locator('section[aria-labelledby="next-title"] .agenda-entry').count()).toBe(want.upcomingInterviews);

  // Deadlines: as many interview dates as the Dashboard counts, the same overdue items, the reply-bys.
  await open('dashboard', 'Dashboard');
  await open('deadlines', 'Deadlines');
  await page.locator('section[aria-labelledby="next-title"]').waitFor();
  await expect.poll(() => page.locator('section[aria-labelledby="overdue-title"] .agenda-entry').count()).toBe(dashOverdue);
  if (want.replyBy !== undefined) {
    await open('dashboard', 'Dashboard');
    await open('deadlines?kind=reply_by', 'Deadlines');
    await page.getByText('Showing invitation reply dates only.').waitFor();
    await expect.poll(() => page.locator('.two-cols .agenda-entry').count()).toBe(want.replyBy);
  }
}
