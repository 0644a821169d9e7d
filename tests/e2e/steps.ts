// Steps several end-to-end tests take through the real UI.
import type { Page } from 'playwright-core';
import { field } from './harness';

/** Applications › Add applications › All programs: one program, on a date. */
export async function addApplicationFromAllPrograms(page: Page, program: RegExp, date: string): Promise<void> {
  await page.getByRole('button', { name: 'Add applications' }).first().click();
  const add = page.getByRole('dialog', { name: 'Add applications' });
  await add.getByRole('tab', { name: 'All programs' }).click();
  await add.getByRole('checkbox', { name: program }).check();
  await add.locator('input[type="date"]').fill(date);
  await add.getByRole('button', { name: 'Add 1 application' }).click();
}

/** Letters: adds US surgeons as writers, each with a letter to ask for. */
export async function addUsWriters(page: Page, writers: readonly (readonly [name: string, institution: string])[]): Promise<void> {
  for (const [name, inst] of writers) {
    await page.getByRole('button', { name: 'Add letter writer' }).first().click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'name').fill(name);
    await field(dialog, 'title').fill('Attending Surgeon');
    await field(dialog, 'institution').fill(inst);
    await field(dialog, 'location').selectOption('us');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText(`Added ${name} with a letter to ask for.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
  }
}

/** Letters: moves each writer's letter asked -> agreed -> strong letter -> uploaded. */
export async function uploadLetters(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const stage = page.getByRole('combobox', { name: `Stage of ${name}`, exact: true });
    await stage.selectOption('asked');
    await page.locator(`[data-letter="${name}"].stage-asked`).waitFor();
    await stage.selectOption('agreed');
    await page.locator(`[data-letter="${name}"]`).getByRole('button', { name: 'Yes, a strong letter' }).click();
    await page.locator(`[data-letter="${name}"].stage-strong_confirmed`).waitFor();
    await stage.selectOption('uploaded');
    await page.locator(`[data-letter="${name}"].stage-uploaded`).waitFor();
  }
}
