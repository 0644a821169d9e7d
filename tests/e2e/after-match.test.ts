// After the Match in real Chromium: a SOAP acceptance of a preliminary position brings up
// the prelim-year plan with dated steps; starting the 2028 season keeps letters, writers,
// programs and notes and leaves the applications in the 2027 season, which stays readable.
// The advisor report prints to a PDF whose text holds the list and its tiers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/services';
import type { SoapOverview } from '../../shared/api/soap-api';
import { institution, seedExampleProfile, track } from '../fixtures';
import { useApp } from './harness';
import { axeViolations } from './axe';

const app = useApp();

async function call(services: AppServices, method: string, input?: unknown): Promise<unknown> {
  const r = await services.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/** A 2027 season: a profile, two programs with notes, an uploaded letter, an application, and a SOAP offer from a prelim program. */
async function seed(services: AppServices) {
  await call(services, 'profile.save', seedExampleProfile());
  const unfilled = [2024, 2025, 2026].map((year) => ({ year, unfilled: 2 }));
  const river = (await call(services, 'institutions.save', {
    institution: institution({ name: 'Riverbend Community Hospital', state: 'MS', notes: 'Coordinator answers within a day' }),
    tracks: [track('preliminary', { nrmpCode: '1003440P0', minStep2ck: null, unfilledHistory: unfilled })],
  })) as { programs: { id: number }[] };
  const heart = (await call(services, 'institutions.save', {
    institution: institution({ name: 'Heartland Medical Center', state: 'OH' }),
    tracks: [track('categorical', { nrmpCode: '1004440C0', notes: 'Categorical: IMG-friendly PD' })],
  })) as { programs: { id: number }[] };
  const riverId = river.programs[0]!.id;
  const heartId = heart.programs[0]!.id;
  await call(services, 'programs.setOnList', { ids: [riverId, heartId], onList: true });
  await call(services, 'applications.create', { programIds: [heartId], date: '2026-09-02' });
  const writer = (await call(services, 'writers.save', { name: 'Dr. Jane Smith', title: 'Attending Surgeon', location: 'us', isSurgeon: true })) as { id: number };
  const letter = (await call(services, 'letters.save', { writerId: writer.id })) as { id: number };
  for (const stage of ['asked', 'agreed', 'strong_confirmed', 'uploaded']) await call(services, 'letters.setStage', { id: letter.id, stage, date: '2026-08-01' });
  await call(services, 'soap.setMatchStatus', { matchStatus: 'unmatched' });
  await call(services, 'soap.importUnfilled', { text: 'Program Code,Program Name,City,State,Unfilled Positions\n1003440P0,Riverbend Community Hospital,Jackson,MS,2' });
  await call(services, 'soap.apply', { programIds: [riverId] });
  const soap = (await call(services, 'soap.overview')) as SoapOverview;
  await call(services, 'soap.offer', { applicationId: soap.applications[0]!.id, round: 1 });
}

describe('after the Match', () => {
  it('SOAP accept of a prelim position -> the prelim-year plan -> start the 2028 season; 2027 stays readable', async () => {
    const { page, open, services } = app();
    await seed(services);

    // Accept the SOAP offer in the UI (binding).
    await open('soap', 'SOAP');
    await page.getByRole('tab', { name: /Match Week/ }).click();
    await page.getByRole('button', { name: 'Accept…' }).click();
    await page.getByRole('dialog', { name: 'Accept this offer?' }).getByRole('button', { name: 'Accept (binding)' }).click();
    await page.getByText(/You accepted Riverbend Community Hospital \(Preliminary\) in round 1/).waitFor();

    // The prelim-year plan appears, with dated steps through PGY-1.
    await page.getByRole('link', { name: 'Prelim year' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prelim-year plan' }).waitFor();
    await page.getByText(/You accepted a preliminary position in SOAP: Riverbend Community Hospital \(Preliminary\)/).waitFor();
    const steps = page.getByRole('list', { name: 'Plan steps' });
    await steps.getByText('Request your mid-year letter').waitFor();
    expect(await steps.locator('li').filter({ hasText: 'Request your mid-year letter' }).textContent()).toMatch(/due Wed, Dec 15, 2027/);
    expect(await steps.locator('li').filter({ hasText: 'Request your end-of-year letter' }).textContent()).toMatch(/due Mon, May 1, 2028/);
    // The engine's note names the next ERAS opening: written the user's way, not as stored.
    const next = await steps.locator('li').filter({ hasText: 'Start the 2028 Match season' }).textContent();
    expect(next).toMatch(/ERAS for the 2028 Match opens Jun 2, 2027 \(est\.\)/);
    expect(next).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Tick a step with the keyboard: the plan is saved by its first change.
    const feedback = steps.getByRole('checkbox', { name: /Ask a senior resident and an attending/ });
    await feedback.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => ((await call(services, 'prelim.overview')) as { plan: { stored: boolean } }).plan.stored).toBe(true);
    // Deadlines and reminders include the plan (its steps are months ahead: the whole agenda).
    const agenda = (await call(services, 'calendar.agenda', { windowDays: 365 })) as { all: { kind: string; title: string; date: string }[] };
    expect(agenda.all.filter((e) => e.kind === 'prelim').map((e) => [e.date, e.title])).toContainEqual(['2027-12-15', 'Request your mid-year letter']);

    // It leads into starting the next season.
    await open('prelim', 'Prelim-year plan');
    await page.getByRole('button', { name: 'Start the next season…' }).click();
    await page.getByRole('heading', { level: 1, name: 'Seasons' }).waitFor();
    await page.getByRole('button', { name: 'Preview what carries over' }).click();
    const preview = page.getByRole('region', { name: 'What carries over' });
    await preview.getByText('Matched through SOAP to Riverbend Community Hospital (Preliminary).').waitFor();
    expect(await preview.textContent()).toMatch(/Letters \(1\): 1 uploaded, to import in MyERAS/);
    // The Heartland application and the SOAP acceptance, recorded on its own application (Matched via SOAP).
    expect(await preview.textContent()).toMatch(/Applications \(2\)/);
    await preview.getByRole('button', { name: 'Start the 2028 Match season' }).click();
    await page.getByRole('status').getByText(/The 2028 Match season has started/).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByText('2028 Match').waitFor();

    // Letters, writers, programs and notes are there; applications are not.
    await open('letters', 'Letters & documents');
    await page.getByText('Dr. Jane Smith').first().waitFor();
    await page.getByText(/Uploaded for the 2027 Match: import it in MyERAS/).first().waitFor();
    await open('programs', 'Programs');
    await page.getByText('Riverbend Community Hospital').first().waitFor();
    const programs = (await call(services, 'programs.list')) as { institution: { notes: string }; notes: string }[];
    expect(programs.map((p) => p.institution.notes).filter(Boolean)).toEqual(['Coordinator answers within a day']);
    expect(programs.map((p) => p.notes).filter(Boolean)).toEqual(['Categorical: IMG-friendly PD']);
    expect(await call(services, 'applications.list')).toEqual([]);
    await open('applications', 'Applications');
    expect(await page.getByText('Heartland Medical Center').count()).toBe(0);

    // The 2027 season is still readable, read-only.
    await open('seasons', 'Seasons');
    await page.getByRole('button', { name: 'View the 2027 Match' }).click();
    const view = page.getByRole('region', { name: '2027 Match (read-only)' });
    await view.getByText('Matched through SOAP to Riverbend Community Hospital (Preliminary).').waitFor();
    await view.getByRole('cell', { name: 'Heartland Medical Center (Categorical)' }).waitFor();
    expect(await view.textContent()).toMatch(/Riverbend Community Hospital \(Preliminary\): Accepted/);
    const refused = await services.dispatch('calendar.correct', { eventId: 'match-day', matchYear: 2027, date: '2027-03-20', time: '12:00' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('prints the advisor report to a PDF whose text holds the list and its tiers', async () => {
    const { page, open, services } = app();
    await seed(services);
    await open('report', 'Advisor report');
    const report = page.getByRole('article', { name: 'Residency application report' });
    await report.getByRole('cell', { name: 'Riverbend Community Hospital (Preliminary)' }).waitFor();
    // Private details stay out until chosen.
    expect(await report.textContent()).not.toContain('Coordinator answers within a day');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-report-'));
    try {
      const pdf = path.join(dir, 'report.pdf');
      await page.pdf({ path: pdf, format: 'Letter', printBackground: true });
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      if (process.env.REPORT_TEXT) fs.writeFileSync(process.env.REPORT_TEXT, text);
      expect(text).toContain('Residency application report');
      // Each program's row carries its tier (the table's columns stay side by side in the layout text).
      const row = (start: string) => text.split('\n').find((l) => l.includes(start)) ?? '';
      expect(row('Heartland Medical Center')).toMatch(/Tier 1 – reach/);
      expect(row('Riverbend Community')).toMatch(/Tier 3 – safety/);
      expect(text).toMatch(/\(Categorical\)[\s\S]*\(Preliminary\)/);
      expect(text).toMatch(/Tier [123]|Long shot/);
      expect(text).toMatch(/list health/i);
      // The print stylesheet leaves the app's chrome out.
      expect(text).not.toContain('Your data stays on this computer');
      expect(text).not.toContain('Include private details');
      execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(dir, 'page')]);
      const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png'));
      expect(pngs.length).toBeGreaterThan(0);
      if (process.env.REPORT_SCREENSHOT) fs.copyFileSync(path.join(dir, pngs.sort()[0]!), process.env.REPORT_SCREENSHOT);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the new screens are accessible', () => {
  it('Prelim year, Seasons (preview and a past season) and the report: no axe violations in light and dark themes', async () => {
    const { page, open, services } = app();
    await seed(services);
    await call(services, 'prelim.open', { matchYear: 2027, programLabel: 'Riverbend Community Hospital (Preliminary)' });
    await call(services, 'seasons.startNext', { from: 2027 });
    // The check can fail: a button without a name is reported.
    await open('report', 'Advisor report');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<button id="axe-probe"></button>'));
    expect((await axeViolations(page)).map((v) => v.id)).toContain('button-name');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('about:blank'); // a fresh page for each theme (the screens keep their state within one page)
      await open('prelim', 'Prelim-year plan');
      await page.getByRole('list', { name: 'Plan steps' }).waitFor();
      expect({ scheme, screen: 'prelim', violations: await axeViolations(page) }).toEqual({ scheme, screen: 'prelim', violations: [] });

      await open('seasons', 'Seasons');
      await page.getByRole('button', { name: 'Preview what carries over' }).click();
      await page.getByRole('region', { name: 'What carries over' }).waitFor();
      await page.getByRole('button', { name: 'View the 2027 Match' }).click();
      await page.getByRole('region', { name: '2027 Match (read-only)' }).waitFor();
      expect({ scheme, screen: 'seasons', violations: await axeViolations(page) }).toEqual({ scheme, screen: 'seasons', violations: [] });

      await open('report', 'Advisor report');
      await page.getByRole('article', { name: 'Residency application report' }).waitFor();
      expect({ scheme, screen: 'report', violations: await axeViolations(page) }).toEqual({ scheme, screen: 'report', violations: [] });
    }
  });
});
