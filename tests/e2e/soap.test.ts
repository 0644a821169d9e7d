// SOAP in real Chromium: build a fallback plan (add, reorder by keyboard, copy a blurb),
// paste Monday's List of Unfilled Programs, send applications and accept an offer.
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/services';
import type { SoapOverview } from '../../shared/api/soap-api';
import { institution, seedExampleProfile, track } from '../fixtures';
import { useApp } from './harness';

const app = useApp();
const unfilled = [2023, 2024, 2025, 2026].map((year) => ({ year, unfilled: 2 }));

async function seed(services: AppServices) {
  const save = async (input: unknown) => {
    const r = await services.dispatch('institutions.save', input);
    if (!r.ok) throw new Error(r.error.message);
  };
  expect((await services.dispatch('profile.save', seedExampleProfile())).ok).toBe(true);
  await save({ institution: institution({ name: 'Riverbend Community Hospital', state: 'MS' }), tracks: [track('preliminary', { nrmpCode: '1003440P0', minStep2ck: null, unfilledHistory: unfilled })] });
  await save({ institution: institution({ name: 'Heartland Medical Center', state: 'OH' }), tracks: [track('preliminary', { nrmpCode: '1004440P0', minStep2ck: null, unfilledHistory: unfilled })] });
  await save({ institution: institution({ name: 'Northgate No-Visa Hospital', state: 'NJ', visaSponsorship: 'none' }), tracks: [track('preliminary', { nrmpCode: '1001440P0', unfilledHistory: unfilled })] });
}

async function overview(services: AppServices): Promise<SoapOverview> {
  const r = await services.dispatch('soap.overview', undefined);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as SoapOverview;
}

describe('SOAP screen', () => {
  it('builds a plan, pastes the unfilled list and accepts an offer (binding)', async () => {
    const { page, open, services } = app();
    await seed(services);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await open('soap', 'SOAP');

    // Suggestions: the visa-sponsoring, unfilled prelim programs (not the no-visa one).
    const suggestions = page.getByRole('region', { name: 'Suggestions' });
    await suggestions.getByText('Riverbend Community Hospital').waitFor();
    expect(await suggestions.getByText('Northgate No-Visa Hospital').count()).toBe(0);
    await page.getByRole('button', { name: 'Add to plan: Riverbend Community Hospital' }).click();
    await page.getByRole('button', { name: 'Add to plan: Heartland Medical Center' }).click();
    const plan = page.getByRole('list', { name: 'Fallback plan' });
    await expect.poll(() => plan.locator('strong').allTextContents()).toEqual(['Riverbend Community Hospital', 'Heartland Medical Center']);
    await page.getByText('2 of 45').waitFor();

    // Reorder with the keyboard: pick up Heartland's handle, move it up, drop.
    await page.getByRole('button', { name: /Move Heartland Medical Center/ }).focus();
    // dnd-kit announces each step in its live region: wait for it rather than sleeping.
    const announced = (text: RegExp) => page.locator('[role="status"][aria-live="assertive"]').filter({ hasText: text }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await announced(/Heartland Medical Center.*position 2 of 2/);
    // A press that lands before dnd-kit has attached its key listener is lost (a person
    // would press again): press until the item is over position 1, and never more than needed.
    const overFirst = page.locator('[role="status"][aria-live="assertive"]').filter({ hasText: /Heartland Medical Center is over position 1 of 2/ });
    for (let presses = 0; (await overFirst.count()) === 0; presses++) {
      expect(presses).toBeLessThan(4);
      await page.keyboard.press('ArrowUp');
      await overFirst.waitFor({ state: 'attached', timeout: 1500 }).catch(() => undefined);
    }
    await page.keyboard.press('Space');
    await announced(/Heartland Medical Center dropped at position 1 of 2/);
    await expect.poll(() => plan.locator('strong').allTextContents()).toEqual(['Heartland Medical Center', 'Riverbend Community Hospital']);
    await expect.poll(async () => (await overview(services)).plan.map((p) => p.program.institution.name)).toEqual(['Heartland Medical Center', 'Riverbend Community Hospital']);

    // A blurb ready to paste.
    await page.getByRole('button', { name: /Copy blurb: Heartland Medical Center/ }).click();
    await page.getByRole('button', { name: /Copied: Heartland Medical Center/ }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/I am Amina Rahman.*Heartland Medical Center/s);

    // Monday: unmatched; paste a messy list holding Riverbend and a program not in the database.
    await page.getByLabel('Result on Monday').selectOption('unmatched');
    await page.getByRole('tab', { name: /Monday/ }).click();
    await page.getByLabel('Paste the list').fill('List of Unfilled Programs\n 1003440p0   Riverbend Community Hospital   Jackson, MS   2\n7777440P0 - Zulu Valley Hospital - AL\n');
    await page.getByRole('button', { name: 'Match against my plan' }).click();
    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/2 general-surgery programs on the list\..*1 in your plan and open: Riverbend Community Hospital.*1 in your plan but not on the list.*1 new programs added/s);
    await page.getByRole('region', { name: 'Open programs' }).getByText('Zulu Valley Hospital').waitFor();

    // The plan is re-ranked to what is open.
    await page.getByRole('tab', { name: /Fallback plan/ }).click();
    await expect.poll(() => plan.locator('strong').allTextContents()).toEqual(['Riverbend Community Hospital', 'Heartland Medical Center']);

    // Match Week: send the application, record an offer in round 1, accept it.
    await page.getByRole('tab', { name: /Match Week/ }).click();
    await page.getByLabel('Riverbend Community Hospital (Preliminary)').check();
    await page.getByRole('button', { name: 'Record 1 application as sent' }).click();
    await page.getByText('1 of 45 sent').waitFor();
    await page.getByRole('button', { name: 'Record offer' }).click();
    await page.getByRole('button', { name: 'Accept…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept this offer?' });
    expect(await dialog.textContent()).toMatch(/binding/);
    await dialog.getByRole('button', { name: 'Accept (binding)' }).click();
    await page.getByText(/You accepted Riverbend Community Hospital \(Preliminary\) in round 1\. The acceptance is binding/).waitFor();

    // Enforced at the API, not only hidden in the UI.
    const zuluId = (await overview(services)).unfilled.find((u) => u.nrmpCode === '7777440P0')!.programId!;
    const refused = await services.dispatch('soap.apply', { programIds: [zuluId] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/binding/);
  });
});
