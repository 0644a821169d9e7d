import { describe, expect, it } from 'vitest';
import { institution, seedExampleProfile, track } from '../fixtures';
import { field, useApp } from './harness';
import { addApplicationFromAllPrograms } from './steps';

const app = useApp();

describe('one application from considering to ranked', () => {
  it('moves on the board by keyboard and by mouse, records an interview with its time zone, ranks it, and keeps it all after a reload', async () => {
    const { page, open, services } = app();
    expect((await services.dispatch('profile.save', seedExampleProfile())).ok).toBe(true);
    for (const [name, code] of [['Heartland Medical Center', '1004440P0'], ['Riverbend Community Hospital', '1003440P0']] as const) {
      const r = await services.dispatch('institutions.save', { institution: institution({ name, state: 'OH', visaSponsorship: 'j1' }), tracks: [track('preliminary', { nrmpCode: code })] });
      expect(r.ok).toBe(true);
    }
    await open('applications', 'Applications');
    await page.getByRole('heading', { name: 'No applications yet' }).waitFor();

    // Add one application from all programs.
    await addApplicationFromAllPrograms(page, /Heartland Medical Center/, '2026-09-01');
    const column = (status: string) => page.locator(`[data-status="${status}"]`);
    const card = page.locator('.board-card', { hasText: 'Heartland Medical Center' });
    await column('considering').locator('.board-card', { hasText: 'Heartland' }).waitFor();
    expect(await column('considering').locator('.count').textContent()).toBe('1');

    // Keyboard: Space lifts, Right twice moves two columns, Space drops; then the date is asked.
    await card.focus();
    await page.keyboard.press('Space');
    // Lifted and measured: the card's own column is the one under it.
    await page.locator('[data-status="considering"].over').waitFor();
    // Right arrow until the card is over "Submitted", one column per press. Each press waits
    // for the column under the card to change; under heavy load a press can land before
    // dnd-kit has measured and is lost (a person would press again), so the loop allows that,
    // but never a jump past the target.
    const overColumn = () => page.evaluate(() => document.querySelector('.board-column.over')?.getAttribute('data-status') ?? null);
    for (let presses = 0; (await overColumn()) !== 'submitted'; presses++) {
      expect(presses).toBeLessThan(6);
      const before = await overColumn();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((b) => (document.querySelector('.board-column.over')?.getAttribute('data-status') ?? null) !== b, before, { timeout: 2000 }).catch(() => undefined);
      expect(['considering', 'materials_ready', 'submitted']).toContain(await overColumn());
    }
    await page.keyboard.press('Space');
    const move = page.getByRole('dialog', { name: 'Move to Submitted' });
    await move.locator('input[name="date"]').fill('2026-09-24');
    await move.locator('input[name="note"]').fill('Submitted on ERAS day one');
    await move.getByRole('button', { name: 'Move to Submitted' }).click();
    await column('submitted').locator('.board-card', { hasText: 'Heartland' }).waitFor();
    expect(await column('considering').locator('.count').textContent()).toBe('0');

    // Mouse: drag the card to "Under review" and confirm on a date.
    const from = await card.boundingBox();
    const to = await column('under_review').boundingBox();
    await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(from!.x + from!.width / 2 + 30, from!.y + 20, { steps: 4 });
    await page.mouse.move(to!.x + to!.width / 2, to!.y + 80, { steps: 8 });
    await page.mouse.up();
    const review = page.getByRole('dialog', { name: 'Move to Under review' });
    await review.locator('input[name="date"]').fill('2026-10-05');
    await review.getByRole('button', { name: 'Move to Under review' }).click();
    await column('under_review').locator('.board-card', { hasText: 'Heartland' }).waitFor();

    // The detail: record an invitation with a time in Chicago; the application follows.
    await card.click();
    const detail = page.getByRole('dialog', { name: 'Heartland Medical Center (Preliminary)' });
    await detail.getByRole('button', { name: 'Record interview' }).click();
    const editor = page.getByRole('dialog', { name: /Record an interview/ });
    await field(page, 'invitedOn').fill('2026-10-14');
    await field(page, 'respondBy').fill('2026-10-16');
    await field(page, 'localStart').fill('2026-11-03T09:00');
    await field(page, 'timeZone').selectOption('America/Chicago');
    await field(page, 'platform').selectOption('thalamus');
    await editor.locator('.tz-preview').getByText(/Tue, Nov 3, 2026, 9:00 AM CST/).waitFor();
    await editor.getByRole('button', { name: 'Save interview' }).click();
    await detail.getByText(/moved to Interview invited, then Interview scheduled/).waitFor();
    await detail.locator('.interview-mini').getByText('Tue, Nov 3, 2026, 9:00 AM CST').waitFor();

    // After the interview: done, with a score.
    await detail.getByRole('button', { name: 'Edit interview' }).click();
    await page.getByRole('checkbox', { name: 'Interview done' }).check();
    await field(page, 'score').selectOption('8');
    await field(page, 'impressions').fill('Friendly residents, strong operative volume.');
    await page.getByRole('button', { name: 'Save interview' }).click();
    await detail.getByText(/moved to Interviewed/).waitFor();
    const timeline = detail.getByRole('list', { name: 'Status history' });
    await timeline.getByText('Interviewed', { exact: true }).waitFor();
    expect((await timeline.locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'Sep 1, 2026Considering (added)',
      'Sep 24, 2026Submitted from ConsideringSubmitted on ERAS day one',
      'Oct 5, 2026Under review from Submitted',
      'Oct 14, 2026Interview invited from Under reviewInvitation received; reply by Oct 16, 2026',
      // Scheduled today (this run's date), or on the interview day when today is later.
      expect.stringMatching(/^\w+ \d+, 2026Interview scheduled from Interview invitedInterview set for Nov 3, 2026 09:00 \(America\/Chicago\)$/),
      'Nov 3, 2026Interviewed from Interview scheduledInterview done',
    ]);
    await detail.getByRole('button', { name: 'Close' }).click();

    // Rank it.
    await page.getByRole('tab', { name: 'Rank list' }).click();
    await page.getByRole('button', { name: 'Add Heartland Medical Center (Preliminary) to the rank list' }).click();
    await page.getByRole('button', { name: 'Save order' }).click();
    await page.getByText(/Rank order saved \(1 program\)\. 1 application changed status\./).waitFor();

    // Reload: everything is still there.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
    await column('ranked').locator('.board-card', { hasText: 'Heartland' }).locator('.badge.rank', { hasText: '#1' }).waitFor();
    await page.getByRole('tab', { name: /Interviews/ }).click();
    const row = page.locator('tr[data-interview-id]', { hasText: 'Heartland' });
    await row.getByText('Tue, Nov 3, 9:00 AM CST').waitFor();
    expect(await row.textContent()).toContain('Done · 8/10');
    expect(await row.textContent()).toContain('Thalamus');
    await page.getByRole('tab', { name: 'Rank list' }).click();
    await page.locator('.rank-row').first().waitFor();
    expect(await page.locator('.rank-row .rank-name').allTextContents()).toEqual(['Heartland Medical Center (Preliminary)']);
    await page.getByRole('tab', { name: 'Board' }).click();
    await page.locator('.board-card', { hasText: 'Heartland' }).click();
    const history = page.getByRole('dialog').getByRole('list', { name: 'Status history' });
    await history.getByText('Ranked', { exact: true }).waitFor();
    expect(await history.locator('li').count()).toBe(7);
  });
});
