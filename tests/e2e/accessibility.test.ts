// Keyboard and screen-reader use in real Chromium, on a season with data in it:
// - axe-core finds no serious or critical violation on any screen of the sidebar (each of its
//   tabs) nor in any dialog a screen opens, in the light and the dark theme;
// - dialogs keep focus inside while open and give it back to what opened them; Escape closes
//   at once without edits and asks first with them; the program detail opens by keyboard;
// - leaving a screen with unsaved changes asks first (sidebar, a link, the address bar);
// - loading a JSON export and restoring a backup each end with a message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openServices, type AppServices } from '../../electron/services';
import { SECTIONS } from '../../renderer/sections';
import { seedExampleProfile } from '../fixtures';
import { seriousViolations } from './axe';
import { field, useApp } from './harness';

const app = useApp();

async function call(services: AppServices, method: string, input?: unknown): Promise<unknown> {
  const r = await services.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/** Sample programs, applications at several statuses with an interview, letters (one declined), a document, a deadline, a backup. */
async function seed(services: AppServices): Promise<void> {
  await call(services, 'profile.save', seedExampleProfile());
  await call(services, 'sample.load', { institutions: 10 });
  const programs = (await call(services, 'programs.list')) as { id: number }[];
  const ids = programs.slice(0, 5).map((p) => p.id);
  await call(services, 'programs.setOnList', { ids: programs.slice(0, 8).map((p) => p.id), onList: true });
  const { created } = (await call(services, 'applications.create', { programIds: ids, date: '2026-09-01' })) as { created: { id: number }[] };
  const [a, b, c] = created.map((x) => x.id) as [number, number, number];
  await call(services, 'applications.setStatus', { ids: [a, b, c], status: 'submitted', date: '2026-09-24' });
  await call(services, 'applications.setStatus', { ids: [b], status: 'interview_invited', date: '2026-10-10' });
  await call(services, 'interviews.save', { applicationId: b, invitedOn: '2026-10-10', respondBy: '2026-10-12', localStart: '2026-12-03T09:00', timeZone: 'America/Chicago', durationMinutes: 240, date: '2026-10-10' });
  for (const [name, stage] of [['Dr. Ada Asked', 'asked'], ['Dr. Una Uploaded', 'uploaded'], ['Dr. Dee Declined', 'declined']] as const) {
    const w = (await call(services, 'writers.save', { name, location: 'us', isSurgeon: true })) as { id: number };
    const l = (await call(services, 'letters.save', { writerId: w.id })) as { id: number };
    await call(services, 'letters.setStage', { id: l.id, stage, date: '2026-08-01' });
  }
  await call(services, 'documents.save', { kind: 'personal_statement_surgery', title: 'Statement, general surgery', date: '2026-08-15', body: 'Why surgery.' });
  await call(services, 'deadlines.save', { programId: ids[0]!, title: 'Supplemental form', dueDate: '2026-01-05' });
  // An invitation in the inbox (2027 season): received with a reply-by under 48 hours, two dates offered.
  await call(services, 'invitations.save', { applicationId: c, receivedAt: '2026-10-21T10:00', replyBy: '2026-10-22T09:00', timeZone: 'America/New_York', offered: [{ start: '2026-11-20T09:00', slots: 2 }, { start: '2026-11-27T09:00', slots: null }], date: '2026-10-21' });
  await call(services, 'backups.create');
}

/** Waits until the screen has its title and nothing on it still says it is loading. */
async function ready(page: Page): Promise<void> {
  await page.locator('#screen-title').waitFor();
  await page.waitForFunction(() => !/Loading/.test(document.querySelector('main')?.textContent ?? 'Loading'));
}

async function show(page: Page, url: string, section: string): Promise<void> {
  await page.goto(`${url}#/${section}`);
  await ready(page);
}

/**
 * Text on screen (the screen and any open dialog, not the inputs' values) that users should not
 * see: a date as stored (2026-11-29) or written the US way only (11/29/2026) instead of the one
 * format of renderer/components/format.ts, and words from our internal documents.
 */
async function strayText(page: Page, where: 'screen' | 'dialog'): Promise<string[]> {
  const text = await page.evaluate((selector) => [...document.querySelectorAll<HTMLElement>(selector)].map((e) => e.innerText).join('\n'), where === 'screen' ? 'main' : 'dialog[open]');
  const found: string[] = [];
  for (const re of [/\b\d{4}-\d{2}-\d{2}\b/g, /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g, /\bseed\b/gi, /DOMAIN\.md/g, /§/g]) {
    for (const m of text.matchAll(re)) {
      const i = m.index;
      found.push(`“${m[0]}” in “${text.slice(Math.max(0, i - 60), i + 40).replace(/\s+/g, ' ')}”`);
    }
  }
  return found;
}

/** The tabs of the screen shown (none: one view). */
async function tabNames(page: Page): Promise<string[]> {
  return page.locator('main [role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.textContent ?? ''));
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.locator('main [role="tab"]', { hasText: name }).first().click();
  await ready(page);
}

interface DialogCase {
  section: string;
  tab?: string;
  /** The dialog's accessible name. */
  name: string | RegExp;
  open: (page: Page) => Promise<void>;
}

const button = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).first().click();
};

/** Every dialog the screens open, opened the way a user would. */
const DIALOGS: DialogCase[] = [
  {
    section: 'programs',
    name: /·/,
    // The program detail (tier, reasons, override) opens by keyboard from the institution's name.
    open: async (page) => {
      await page.locator('.programs-table .inst-open').first().focus();
      await page.keyboard.press('Enter');
    },
  },
  { section: 'programs', name: 'Add program', open: button('Add program') },
  { section: 'programs', name: /^Edit /, open: button(/^Edit /) },
  { section: 'programs', name: 'Delete program?', open: button(/^Delete /) },
  {
    section: 'applications',
    tab: 'Board',
    name: /\(/,
    open: async (page) => {
      await page.locator('.board-card').first().focus();
      await page.keyboard.press('Enter');
    },
  },
  { section: 'applications', tab: 'Board', name: 'Add applications', open: button('Add applications') },
  { section: 'applications', tab: 'Interviews', name: /^Record an interview/, open: button('Record an invitation') },
  { section: 'applications', tab: 'Interviews', name: /^Edit interview/, open: button(/^Edit interview/) },
  { section: 'applications', tab: 'Interviews', name: 'Delete interview?', open: button(/^Delete interview/) },
  { section: 'letters', tab: 'Letters', name: 'Add letter writer', open: button('Add letter writer') },
  { section: 'letters', tab: 'Letters', name: 'Edit Dr. Ada Asked', open: button('Edit Dr. Ada Asked') },
  { section: 'letters', tab: 'Letters', name: /^Edit .*Dr\. Ada Asked/, open: button('Edit the letter: Dr. Ada Asked') },
  { section: 'letters', tab: 'Letters', name: /^Delete/, open: button('Delete Dr. Ada Asked') },
  { section: 'letters', tab: 'Documents', name: /^Add a version/, open: button('Add version') },
  { section: 'letters', tab: 'Documents', name: /^Edit “Statement/, open: button('Edit Statement, general surgery') },
  { section: 'letters', tab: 'Messages', name: 'New template', open: button('New template') },
  { section: 'deadlines', name: /^Correct: /, open: button(/^Correct the date of /) },
  { section: 'deadlines', name: 'Add a program deadline', open: button('Add deadline') },
  { section: 'deadlines', name: 'Delete this deadline?', open: button('Delete Supplemental form') },
  { section: 'settings', name: 'Restore this backup?', open: button(/^Restore the backup of /) },
  { section: 'invitations', name: 'Record an invitation', open: button('Record invitation') },
  { section: 'invitations', name: /^Invitation: /, open: button(/^Edit invitation from /) },
];

describe('accessibility', () => {
  it('has no serious or critical axe violation on any screen or tab, in the light and the dark theme', async () => {
    const { page, services, url } = app();
    await seed(services);
    const found: string[] = [];
    const stray: string[] = [];
    let checked = 0;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const s of SECTIONS) {
        await show(page, url, s.id);
        const tabs = await tabNames(page);
        for (const tab of tabs.length > 0 ? tabs : [null]) {
          if (tab !== null) await openTab(page, tab);
          for (const v of await seriousViolations(page)) found.push(`${scheme} · ${s.label}${tab ? ` › ${tab}` : ''}: ${v}`);
          if (scheme === 'light') for (const t of await strayText(page, 'screen')) stray.push(`${s.label}${tab ? ` › ${tab}` : ''}: ${t}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2 * SECTIONS.length);
    expect(found).toEqual([]);
    expect(stray).toEqual([]);
  }, 300_000);

  it('has no serious or critical axe violation in any dialog, in the light and the dark theme; Escape closes each one and focus returns', async () => {
    const { page, services, url } = app();
    await seed(services);
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const d of DIALOGS) {
        await show(page, url, d.section);
        if (d.tab) await openTab(page, d.tab);
        await d.open(page);
        const dialog = page.getByRole('dialog', { name: d.name });
        await dialog.waitFor();
        await page.waitForFunction(() => !/Loading/.test(document.querySelector('dialog[open]')?.textContent ?? ''));
        for (const v of await seriousViolations(page)) found.push(`${scheme} · ${d.section}${d.tab ? ` › ${d.tab}` : ''} · dialog ${String(d.name)}: ${v}`);
        if (scheme === 'light') for (const t of await strayText(page, 'dialog')) found.push(`${d.section} · dialog ${String(d.name)}: ${t}`);
        // Nothing typed: Escape closes at once, and focus is back on the page, not lost.
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        expect({ dialog: String(d.name), focus: await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null) }).toEqual({ dialog: String(d.name), focus: true });
      }
    }
    expect(found).toEqual([]);
  }, 300_000);

  it('opens the program detail by keyboard, keeps focus inside the dialog, asks before Escape discards an edit, and gives focus back to the row', async () => {
    const { page, services, url } = app();
    await seed(services);
    await show(page, url, 'programs');
    const opener = page.locator('.programs-table .inst-open').first();
    const name = (await opener.locator('strong').textContent())!;
    await opener.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('dialog', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `) });
    await detail.getByRole('heading', { name: 'Why' }).waitFor();

    // Tab and Shift+Tab go round inside the dialog: the page behind is inert. (Past the last
    // control the browser may give focus to its own toolbar, where the page sees no element
    // focused; the next Tab comes back into the dialog.)
    const where = () => page.evaluate(() => (document.activeElement?.closest('dialog[open]') ? 'dialog' : document.activeElement === document.body || document.activeElement === null ? 'browser' : 'page'));
    const seen: string[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      seen.push(await where());
    }
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Shift+Tab');
      seen.push(await where());
    }
    expect(seen).not.toContain('page');
    expect(seen.filter((w) => w === 'dialog').length).toBeGreaterThan(40);

    // An override note typed but not saved: Escape asks; "Keep editing" keeps it.
    await detail.getByRole('combobox', { name: 'Override tier' }).selectOption('tier3');
    await detail.getByRole('textbox', { name: 'Override note' }).fill('My mentor trained here');
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: 'Discard your changes?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await detail.getByRole('textbox', { name: 'Override note' }).inputValue()).toBe('My mentor trained here');
    // Escape again, "Discard changes": the detail closes, nothing saved, focus back on the row's button.
    await detail.getByRole('textbox', { name: 'Override note' }).focus();
    await page.keyboard.press('Escape');
    await ask.getByRole('button', { name: 'Discard changes' }).click();
    await detail.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('inst-open'))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.querySelector('strong')?.textContent)).toBe(name);
    const tiers = (await call(services, 'tiers.list')) as { tiers: { programId: number }[] };
    const programs = (await call(services, 'programs.list')) as { override: unknown }[];
    expect(tiers.tiers.length).toBeGreaterThan(0);
    expect(programs.every((p) => p.override === null)).toBe(true);

    // Space opens it too.
    await page.keyboard.press('Space');
    await detail.waitFor();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it('asks before an editor with typed text is closed by Escape or the close button; Cancel and an untouched editor close at once', async () => {
    const { page, services, url } = app();
    await seed(services);
    await show(page, url, 'letters');
    const add = page.getByRole('button', { name: 'Add letter writer' }).first();
    await add.click();
    const editor = page.getByRole('dialog', { name: 'Add letter writer' });
    await field(editor, 'name').fill('Dr. Half Typed');
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: 'Discard your changes?' });
    await ask.waitFor();
    // Escape in the question answers "keep editing" (it closes only the question).
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await field(editor, 'name').inputValue()).toBe('Dr. Half Typed');
    await editor.getByRole('button', { name: 'Close' }).click();
    await ask.getByRole('button', { name: 'Discard changes' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Add letter writer');
    expect(await page.getByText('Dr. Half Typed').count()).toBe(0);
    // Cancel is an answer in itself.
    await add.click();
    await field(editor, 'name').fill('Dr. Cancelled');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(await ask.count()).toBe(0);
  });

  it('asks before leaving the Profile with unsaved changes (sidebar, a dashboard link, the address bar); Stay keeps them', async () => {
    const { page, services, url } = app();
    await seed(services);
    await show(page, url, 'profile');
    const name = field(page, 'fullName');
    await name.fill('Changed Name');
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Programs' }).click();
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Stay on this screen' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => location.hash)).toBe('#/profile');
    expect(await name.inputValue()).toBe('Changed Name');

    // The address bar (or Back): the address goes back to the Profile while it asks.
    await page.evaluate(() => {
      location.hash = '#/deadlines';
    });
    await ask.waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/profile');
    await ask.getByRole('button', { name: 'Stay on this screen' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Profile');

    // Leave without saving: the other screen shows, the profile is as it was saved.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Programs' }).click();
    await ask.getByRole('button', { name: 'Leave without saving' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/programs');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Profile' }).click();
    await ready(page);
    expect(await field(page, 'fullName').inputValue()).toBe(seedExampleProfile().fullName);
    // Saved changes: leaving does not ask.
    await field(page, 'fullName').fill('Saved Name');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await ask.count()).toBe(0);
  });

  it('asks before the window closes or reloads while a screen or a dialog holds unsaved edits, and not otherwise', async () => {
    const { page, services, url } = app();
    await seed(services);
    await show(page, url, 'profile');
    // What the browser asks on close or reload: the page cancels beforeunload (the browser
    // then shows its own "Leave site?"; the desktop shell its own question).
    const wouldAsk = () =>
      page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
    expect(await wouldAsk()).toBe(false);
    await field(page, 'fullName').fill('Changed Name');
    expect(await wouldAsk()).toBe(true);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
    expect(await wouldAsk()).toBe(false);
    // A dialog with edits asks too; closed without them, nothing does.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Letters' }).click();
    await ready(page);
    await page.getByRole('button', { name: 'Add letter writer' }).first().click();
    const editor = page.getByRole('dialog', { name: 'Add letter writer' });
    expect(await wouldAsk()).toBe(false);
    await field(editor, 'name').fill('Dr. Half Typed');
    expect(await wouldAsk()).toBe(true);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(await wouldAsk()).toBe(false);
  });

  it('says what happened after loading a full JSON export into an empty database', async () => {
    const { page, url } = app();
    // The export comes from another database with data in it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-json-'));
    try {
      const other = openServices({ databasePath: path.join(dir, 'other.db'), mode: 'browser' });
      let file: string;
      try {
        await seed(other);
        const exported = (await call(other, 'export.all')) as { fileName: string; base64: string };
        file = path.join(dir, exported.fileName);
        fs.writeFileSync(file, Buffer.from(exported.base64, 'base64'));
      } finally {
        other.close();
      }
      await show(page, url, 'data');
      await page.getByLabel('Choose a JSON export').setInputFiles(file);
      await page.getByRole('button', { name: 'Load it' }).click();
      await page.getByRole('status').filter({ hasText: /^Loaded [\d,]+ rows?: every screen now shows the loaded data\.$/ }).waitFor();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what happened after restoring a backup', async () => {
    const { page, services, url } = app();
    await seed(services);
    await show(page, url, 'settings');
    await page.getByRole('button', { name: /^Restore the backup of / }).first().click();
    await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('status').filter({ hasText: /^Restored the backup of .*every screen now shows its data\.$/ }).waitFor();
    // The message stays after the screens reload their data.
    await page.locator('table.backup-list').waitFor();
    expect(await page.getByRole('status').filter({ hasText: /^Restored the backup of / }).count()).toBe(1);
  });
});
