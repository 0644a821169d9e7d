import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/services';
import { institution, seedExampleProfile, track } from '../fixtures';
import { useApp } from './harness';

const app = useApp();

/** A handful of programs of each kind (docs/DOMAIN.md §4), against the seed's worked example. */
async function seedWorkedExample(services: AppServices) {
  const save = async (input: unknown) => {
    const r = await services.dispatch('institutions.save', input);
    if (!r.ok) throw new Error(r.error.message);
  };
  expect((await services.dispatch('profile.save', seedExampleProfile())).ok).toBe(true);
  await save({ institution: institution({ name: 'Northgate No-Visa Hospital', state: 'NJ', visaSponsorship: 'none' }), tracks: [track('preliminary', { nrmpCode: '1001440P0' })] });
  await save({
    institution: institution({ name: 'Ivory Tower University Hospital', state: 'MA', setting: 'top_academic', researchHeavy: true, visaSponsorship: 'both', imgSharePct: 4, nonUsImgResidents: 'no' }),
    tracks: [track('preliminary', { nrmpCode: '1002440P0', minStep2ck: 225 })],
  });
  await save({
    institution: institution({ name: 'Riverbend Community Hospital', state: 'MS', visaSponsorship: 'j1', imgSharePct: 40, nonUsImgResidents: 'yes' }),
    tracks: [track('preliminary', { nrmpCode: '1003440P0', minStep2ck: null, positionsOffered: 8, unfilledHistory: [2023, 2024, 2025, 2026].map((year) => ({ year, unfilled: 3 })) })],
  });
  await save({
    institution: institution({ name: 'Heartland Medical Center', state: 'OH', visaSponsorship: 'j1', imgSharePct: 35, nonUsImgResidents: 'yes' }),
    tracks: [track('preliminary', { nrmpCode: '1004440P0', minStep2ck: 215 })],
  });
}

const rowFor = (name: string) => `[role="row"][data-program-id]:has-text("${name}")`;

describe('tiers for the seed’s worked example (Step 1 213, Step 2 CK 230, first attempts, needs J-1)', () => {
  it('shows each kind of program in its tier with reasons, and what-if "H-1B required" excludes the J-1-only ones', async () => {
    const { page, open, services } = app();
    await seedWorkedExample(services);
    await open('programs', 'Programs');
    await page.getByText('4 programs at 4 institutions').waitFor();

    const tierOf = async (name: string) => (await page.locator(rowFor(name)).locator('.badge.tier').textContent())?.trim();
    expect(await tierOf('Northgate No-Visa Hospital')).toBe('Excluded');
    expect(await tierOf('Ivory Tower University Hospital')).toBe('Long shot');
    expect(await tierOf('Riverbend Community Hospital')).toBe('Tier 3');
    expect(await tierOf('Heartland Medical Center')).toBe('Tier 2');

    // The reasons name the rule and the data.
    await page.locator(rowFor('Northgate No-Visa Hospital')).locator('.col-institution').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.reason.effect-exclude').first().waitFor();
    expect(await dialog.locator('.reasons').textContent()).toMatch(/visa/i);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.locator(rowFor('Heartland Medical Center')).locator('.col-institution').click();
    // The reasons load when the program opens ("Loading the reasons…" until then).
    await page.getByRole('dialog').locator('.reasons', { hasText: '230' }).waitFor();
    expect(await page.getByRole('dialog').locator('.reasons').textContent()).toContain('230');
    expect(await page.getByRole('dialog').locator('.reasons').textContent()).toContain('215');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    await page.locator(rowFor('Riverbend Community Hospital')).locator('.col-institution').click();
    await page.getByRole('dialog').locator('.reasons', { hasText: /[Uu]nfilled/ }).waitFor();
    expect(await page.getByRole('dialog').locator('.reasons').textContent()).toMatch(/[Uu]nfilled/);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

    // What-if: H-1B required. J-1-only programs become ineligible; nothing is saved.
    await page.getByRole('tab', { name: 'What if…' }).click();
    expect(await page.getByTestId('eligible-before').textContent()).toBe('3');
    await page.getByLabel('What-if visa').selectOption('h1b_required');
    await expect.poll(() => page.getByTestId('eligible-after').textContent()).toBe('1');
    const changes = page.getByRole('list', { name: 'Programs that change' });
    for (const name of ['Riverbend Community Hospital', 'Heartland Medical Center']) {
      expect(await changes.locator('li', { hasText: name }).textContent()).toMatch(/becomes ineligible/);
    }
    // H-1B without Step 3 flags the program that sponsors H-1B; passing Step 3 clears the flag.
    const flagLine = changes.locator('li', { hasText: 'Ivory Tower University Hospital' });
    expect(await flagLine.textContent()).toMatch(/gets the flag: H-1B needs Step 3 passed/);
    await page.getByLabel('What-if Step 3 passed').check();
    await expect.poll(() => flagLine.count()).toBe(0);
    expect(await page.getByTestId('eligible-after').textContent()).toBe('1');
    const profile = await services.dispatch('profile.get', undefined);
    expect(profile.ok && (profile.value as { profile: { visaNeed: string } }).profile.visaNeed).toBe('j1');
  });

  it('keeps a tier override with its note and shows the computed tier too', async () => {
    const { page, open, services } = app();
    await seedWorkedExample(services);
    await open('programs', 'Programs');
    await page.locator(rowFor('Ivory Tower University Hospital')).locator('.col-institution').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Override tier').selectOption('tier1');
    await dialog.getByRole('button', { name: 'Save tier' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Say in a few words why' }).waitFor();
    await dialog.getByLabel('Override note').fill('My mentor is the program director');
    await dialog.getByRole('button', { name: 'Save tier' }).click();
    await dialog.getByText(/You overrode this tier: Tier 1 – reach but realistic \(computed: Long shot\)/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await page.locator(rowFor('Ivory Tower University Hospital')).locator('.badge.tier.overridden').waitFor();
    expect(await page.locator(rowFor('Ivory Tower University Hospital')).locator('.badge.tier').textContent()).toContain('Tier 1');
  });

  it('explores with sample data and removes it in one step', async () => {
    const { page, open } = app();
    await open('programs', 'Programs');
    await page.getByRole('button', { name: 'Explore with sample data' }).click();
    await page.getByRole('status').filter({ hasText: 'fictional sample programs' }).waitFor();
    // The notice can come before the table's reload (the store reloads on the change announcement).
    await page.locator('.badge.sample').first().waitFor();
    await page.getByRole('button', { name: 'Remove sample data' }).click();
    await page.getByRole('heading', { name: 'No programs yet' }).waitFor();
  });
});
