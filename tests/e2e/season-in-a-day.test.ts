// "A season in a day" (issue 13): a new user in late November with a season under way.
// They import a stranger's programs file, back-fill applications submitted in September,
// invitations received in October with reply-by dates, interviews done, letters with their
// writers (two from one writer, one moved straight to "Uploaded", one declined), then the
// rank list, an unmatched Match Week, SOAP and a binding acceptance. At each step the
// Dashboard, Applications, Deadlines, Readiness, Letters and SOAP screens must agree: the
// same counts and states, each number opening a list of that many items.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedExampleProfile } from '../fixtures';
import { call, field, useApp } from './harness';
import { agree, squash } from './agree';

/** The main process's clock: the test moves it through the season (and the page's with it). */
let now = new Date('2026-11-27T15:00:00Z');
const app = useApp({ now: () => now });

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/corpus');

/**
 * Moves the main process's clock (what "today" is for every check, the agenda and the SOAP
 * rounds). The page keeps the real clock: Playwright's fake Date breaks @date-fns/tz's
 * TZDate (a real 09:00 in Chicago reads as a skipped hour), and every date the test enters
 * is typed in full.
 */
async function setClock(_page: Page, at: string) {
  now = new Date(at);
}


describe('a season in a day', () => {
  it('back-fills a season under way and keeps every screen in agreement through SOAP', async () => {
    const { page, open, services } = app();
    await setClock(page, '2026-11-27T15:00:00Z');
    await call(services, 'profile.save', seedExampleProfile());
    const programId = async (code: string) => (await call(services, 'programs.list')).find((p) => p.nrmpCode === code)!.id;

    // ---- Import a stranger's file: semicolons, Windows-1252, a title line, German remarks.
    await open('data', 'Import & export');
    await page.getByLabel('Choose a CSV or Excel file of programs').setInputFiles(path.join(CORPUS, 'excel-europe.csv'));
    await page.getByRole('button', { name: 'Import 18 programs' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 18 programs added' }).waitFor();
    await open('programs', 'Programs');
    await page.getByText('18 programs at 14 institutions · 7 on your list').waitFor();

    // ---- Back-fill: the 7 programs the file marks as applied were submitted on 2 September.
    await open('applications', 'Applications');
    await page.getByRole('button', { name: 'Add applications' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add applications' });
    await add.getByRole('checkbox', { name: 'Select all 7 programs shown' }).check();
    await add.getByRole('combobox', { name: 'Start as' }).selectOption('submitted');
    await add.locator('input[type="date"]').fill('2026-09-02');
    await add.getByRole('button', { name: 'Add 7 applications' }).click();
    // Severn Quay is Excluded for this applicant: named with its reason before anything is added.
    await add.getByRole('alert').getByText(/Severn Quay Medical Center \(Preliminary\): /).waitFor();
    expect(await call(services, 'applications.list')).toEqual([]);
    await add.getByRole('button', { name: 'Add anyway (7 applications)' }).click();
    await add.waitFor({ state: 'detached' });
    // One more, started from the program itself: submitted on 15 September.
    await open('programs', 'Programs');
    const cecile = await programId('2677440P1');
    await page.locator(`[role="row"][data-program-id="${cecile}"] .col-institution`).click();
    const detail = page.getByRole('dialog', { name: 'Saint Cécile Medical Center · Preliminary' });
    await detail.getByRole('button', { name: 'Start application' }).click();
    const start = detail.getByRole('form', { name: 'Start application' });
    await start.getByRole('combobox', { name: 'Start as' }).selectOption('submitted');
    await start.locator('input[type="date"]').fill('2026-09-15');
    await start.getByRole('button', { name: 'Open the application' }).click();
    await detail.getByRole('status').getByText(/Application opened as “Submitted” on Sep 15, 2026/).waitFor();
    await detail.getByRole('button', { name: 'Close' }).click();
    const apps = await call(services, 'applications.list');
    expect(apps.map((a) => [a.status, a.submittedOn]).sort()).toEqual([...Array(7).fill(['submitted', '2026-09-02']), ['submitted', '2026-09-15']].sort());

    await agree(page, open, {
      applications: 8,
      submitted: 8,
      board: { submitted: 8 },
      reached: { interview_invited: 0, interview_scheduled: 0, interviewed: 0 },
      upcomingInterviews: 0,
      onList: 8,
    });
    // Readiness: "Applications submitted" is done; every program on the list has its application.
    await open('readiness', 'Readiness');
    await expect.poll(() => page.locator('.readiness-item[data-item="eras.submitted"]').getAttribute('data-state')).toBe('done');

    // ---- Invitations received in October and November, with reply-by dates; interviews done.
    const code = { prairie: '2041440P0', maumee: '2101440P0', severn: '3402440P0', remy: '2218440P01', magnolia: '2891440C0' };
    const appIdOf = async (c: string) => {
      const pid = await programId(c);
      return (await call(services, 'applications.list')).find((a) => a.programId === pid)!.id;
    };
    // In the UI: Prairie Lantern invited 30 Oct (reply by 2 Nov), interviewed 18 Nov.
    await open('applications', 'Applications');
    await page.locator('.board-card', { hasText: 'Prairie Lantern Medical Center' }).click();
    const card = page.getByRole('dialog', { name: 'Prairie Lantern Medical Center (Preliminary)' });
    await card.getByRole('button', { name: 'Record interview' }).click();
    const editor = page.getByRole('dialog', { name: /Record an interview/ });
    await field(editor, 'invitedOn').fill('2026-10-30');
    await field(editor, 'respondBy').fill('2026-11-02');
    await field(editor, 'localStart').fill('2026-11-18T09:00');
    await field(editor, 'timeZone').selectOption('America/Chicago');
    await editor.getByRole('checkbox', { name: 'Interview done' }).check();
    await editor.getByRole('button', { name: 'Save interview' }).click();
    await card.getByText(/moved to Interview invited/).waitFor();
    const timeline = card.getByRole('list', { name: 'Status history' });
    await timeline.getByText('Interviewed', { exact: true }).waitFor();
    const events = (await timeline.locator('li').allTextContents()).map(squash);
    // The invitation shows the day it arrived (30 Oct), not today.
    expect(events[0]).toMatch(/^Sep 2, 2026Submitted/);
    expect(events[1]).toMatch(/^Oct 30, 2026Interview invited from Submitted/);
    expect(events.at(-1)).toMatch(/^Nov 18, 2026Interviewed/);
    await card.getByRole('button', { name: 'Close' }).click();
    // The others, as a quick typist would (the same API the screens use).
    await call(services, 'interviews.save', { applicationId: await appIdOf(code.remy), date: '2026-11-27', invitedOn: '2026-10-05', respondBy: '2026-10-07', localStart: '2026-11-19T09:00', timeZone: 'America/Chicago', completed: true });
    await call(services, 'interviews.save', { applicationId: await appIdOf(code.maumee), date: '2026-11-27', invitedOn: '2026-10-20', respondBy: '2026-12-01' });
    await call(services, 'interviews.save', { applicationId: await appIdOf(code.severn), date: '2026-11-21', invitedOn: '2026-11-20', respondBy: '2026-11-23', localStart: '2026-12-10T08:00', timeZone: 'America/New_York' });
    await call(services, 'interviews.save', { applicationId: await appIdOf(code.magnolia), date: '2026-11-27', invitedOn: '2026-11-25', respondBy: '2026-11-30' });
    // A reply-by in the future is refused for nothing; an invitation dated tomorrow is.
    const tomorrow = await services.dispatch('interviews.save', { applicationId: await appIdOf(code.magnolia), date: '2026-11-27', invitedOn: '2026-11-28' });
    expect(tomorrow).toMatchObject({ ok: false, error: { message: 'The invitation is dated 2026-11-28, after today (2026-11-27); give the day it arrived.' } });

    await agree(page, open, {
      applications: 8,
      submitted: 8,
      board: { submitted: 3, interview_invited: 2, interview_scheduled: 1, interviewed: 2 },
      reached: { interview_invited: 5, interview_scheduled: 3, interviewed: 2 },
      upcomingInterviews: 1,
      replyBy: 2,
      onList: 8,
    });

    // ---- Letters: Dr. Whitfield wrote two (strong, uploaded), Dr. Nair's went straight to
    // "Uploaded" (never confirmed strong), Prof. Osei hesitated (declined).
    const whitfield = await call(services, 'writers.save', { name: 'Dr. Whitfield', location: 'us', isSurgeon: true });
    const nair = await call(services, 'writers.save', { name: 'Dr. Nair', location: 'us', isSurgeon: true });
    const osei = await call(services, 'writers.save', { name: 'Prof. Osei', location: 'home', isSurgeon: true });
    for (const label of ['Prelim', 'Categorical']) {
      const l = await call(services, 'letters.save', { writerId: whitfield.id, label });
      for (const [stage, date] of [['asked', '2026-08-01'], ['agreed', '2026-08-03'], ['strong_confirmed', '2026-08-03'], ['uploaded', '2026-08-25']] as const) await call(services, 'letters.setStage', { id: l.id, stage, date });
    }
    const nairLetter = await call(services, 'letters.save', { writerId: nair.id });
    const oseiLetter = await call(services, 'letters.save', { writerId: osei.id });
    for (const [stage, date] of [['asked', '2026-08-05'], ['declined', '2026-08-20']] as const) await call(services, 'letters.setStage', { id: oseiLetter.id, stage, date });
    // In the UI: Nair's letter to "Uploaded" (today), then back-dated to 28 August.
    await open('letters', 'Letters & documents');
    await page.getByRole('combobox', { name: 'Stage of Dr. Nair', exact: true }).selectOption('uploaded');
    await page.locator('[data-letter="Dr. Nair"].stage-uploaded').waitFor();
    await page.getByLabel('Date of Uploaded to the Letter Writer Portal for Dr. Nair').fill('2026-08-28');
    await expect.poll(async () => (await call(services, 'letters.list')).find((l) => l.id === nairLetter.id)!.uploadedOn).toBe('2026-08-28');
    expect((await call(services, 'letters.list')).find((l) => l.id === nairLetter.id)).toMatchObject({ askedOn: '2026-08-28', strongConfirmedOn: null });

    await agreeOnLetters(page, open, { letters: 4, declined: 1, uploaded: 3, strong: 2, usSurgeons: 1, strongWriters: 1 });

    // Readiness: "Affects N programs" opens exactly those programs (no letter assigned yet: all 8 on the list).
    await open('readiness', 'Readiness');
    const assigned = page.locator('.readiness-item[data-item="eras.letters-assigned"]');
    await assigned.getByRole('button', { name: 'Affects 8 programs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    await page.getByText(/Showing the 8 programs named by “/).waitFor();
    const table = page.getByRole('table', { name: 'Programs' });
    await expect.poll(async () => Number(await table.getAttribute('aria-rowcount')) - 1).toBe(8);
    // A list-health warning opens the programs it names, as many as it says.
    await page.getByRole('button', { name: 'Show all programs' }).click();
    await page.getByRole('tab', { name: /List health/ }).click();
    const excludedWarning = page.locator('.finding').filter({ hasText: /fails? a hard screen/ });
    const named = Number((await excludedWarning.locator('strong').textContent())!.match(/^(\d+) program/)![1]);
    await excludedWarning.getByRole('button', { name: named === 1 ? 'Show this program' : `Show these ${named} programs` }).click();
    await expect.poll(async () => Number(await table.getAttribute('aria-rowcount')) - 1).toBe(named);

    // ---- The rank list (February), then Match Week: unmatched on Monday.
    await setClock(page, '2027-02-20T15:00:00Z');
    await call(services, 'rankList.save', { applicationIds: [await appIdOf(code.prairie), await appIdOf(code.remy)], date: '2027-02-20' });
    await setClock(page, '2027-03-15T16:00:00Z');
    await open('soap', 'SOAP');
    await field(page, 'matchStatus').selectOption('unmatched');
    await expect.poll(async () => (await call(services, 'soap.overview')).state.matchStatus).toBe('unmatched');
    // The Main Match result is the applications' result too: the ranked programs did not match.
    await agree(page, open, {
      applications: 8,
      submitted: 8,
      board: { submitted: 3, interview_invited: 2, interview_scheduled: 1, not_matched: 2 },
      reached: { interview_invited: 5, interview_scheduled: 3, interviewed: 2 },
      upcomingInterviews: 0,
      onList: 8,
    });

    // Monday: the List of Unfilled Programs; the plan; one SOAP application.
    await open('soap', 'SOAP');
    await page.getByRole('tab', { name: /Monday: unfilled list/ }).click();
    await page.locator('#soap-unfilled-text').fill('Program Code,Program Name,City,State,Unfilled Positions\n4176440P0,Nuestra Señora del Valle Medical Center,McAllen,TX,2');
    await page.getByRole('button', { name: 'Match against my plan' }).click();
    await page.getByRole('button', { name: 'Add Nuestra Señora del Valle Medical Center to the plan' }).click();
    await page.getByRole('tab', { name: /Match Week/ }).click();
    await page.getByRole('checkbox', { name: /Nuestra Señora del Valle Medical Center/ }).check();
    await page.getByRole('button', { name: 'Record 1 application as sent' }).click();
    await page.locator('.soap-apps').getByRole('cell', { name: 'Nuestra Señora del Valle Medical Center (Preliminary)', exact: true }).waitFor();

    // Thursday, round 1: an offer, accepted (binding).
    await setClock(page, '2027-03-18T14:30:00Z');
    await open('soap', 'SOAP');
    await page.getByRole('tab', { name: /Match Week/ }).click();
    await page.getByRole('button', { name: 'Record offer' }).click();
    await page.getByRole('button', { name: 'Accept…' }).click();
    await page.getByRole('dialog', { name: 'Accept this offer?' }).getByRole('button', { name: 'Accept (binding)' }).click();
    await page.getByText(/You accepted Nuestra Señora del Valle Medical Center \(Preliminary\) in round 1/).waitFor();

    // Every screen shows the season as closed: one Matched (via SOAP), the ranked ones not
    // matched, the rest withdrawn; no reply-by left open; the plan refuses more.
    await agree(page, open, {
      applications: 9,
      submitted: 9,
      board: { matched: 1, not_matched: 2, withdrawn: 6 },
      // A matched application counts for every stage before it (engine/dashboard reachedStages),
      // the SOAP one too: SOAP programs interview before their offers.
      reached: { interview_invited: 6, interview_scheduled: 4, interviewed: 3 },
      upcomingInterviews: 0,
      replyBy: 0,
      onList: 9,
    });
    const matched = (await call(services, 'applications.list')).find((a) => a.status === 'matched')!;
    expect(matched.statusDate).toBe('2027-03-18');
    expect((await call(services, 'applications.history', { id: matched.id })).at(-1)!.note).toMatch(/Matched via SOAP/);
    const refused = await services.dispatch('soap.planAdd', { programIds: [await programId('2677440C1')] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // SOAP is over: no SOAP to-dos anywhere, one calm "does not apply" with the prelim year next.
    await open('soap', 'SOAP');
    const closed = page.getByRole('region', { name: 'SOAP does not apply' });
    await closed.getByText(/You accepted Nuestra Señora del Valle Medical Center \(Preliminary\) in SOAP/).waitFor();
    await closed.getByRole('button', { name: 'Open the prelim-year plan' }).waitFor();
    await open('dashboard', 'Dashboard');
    await page.locator('section[aria-labelledby="dash-readiness"] [data-soap="not-applicable"]').waitFor();
    await open('readiness', 'Readiness');
    await page.locator('[data-item="soap.not-applicable"]').waitFor();
    expect(await page.locator('[data-item^="soap."]').count()).toBe(1);
  });
});

/** Letters, Dashboard and Readiness count the same letters and writers. */
async function agreeOnLetters(page: Page, open: (section: string, title: string) => Promise<void>, want: { letters: number; declined: number; uploaded: number; strong: number; usSurgeons: number; strongWriters: number }) {
  await open('letters', 'Letters & documents');
  await expect.poll(async () => squash(await page.getByTestId('letters-summary').textContent())).toBe(
    `${want.letters} letters (${want.declined} declined) · ${want.uploaded} uploaded · ${want.strong} confirmed strong · ${want.usSurgeons} US surgeon${want.usSurgeons === 1 ? '' : 's'} confirmed strong (a writer counts once)`,
  );
  await open('dashboard', 'Dashboard');
  const card = page.locator('section[aria-labelledby="dash-letters"]');
  await card.getByRole('button', { name: `${want.letters} in all`, exact: true }).waitFor();
  await card.getByRole('button', { name: `${want.uploaded} Uploaded to the Letter Writer Portal`, exact: true }).waitFor();
  await card.getByRole('button', { name: `${want.declined} Declined / hesitated`, exact: true }).waitFor();
  await open('readiness', 'Readiness');
  const us = page.locator('.readiness-item[data-item="eras.letters-us-surgeons"]');
  await expect.poll(async () => squash(await us.locator('.why').textContent())).toContain(`Confirmed-strong letters from ${want.usSurgeons} US surgeon${want.usSurgeons === 1 ? '' : 's'}`);
  const total = page.locator('.readiness-item[data-item="eras.letters-total"]');
  await expect.poll(async () => squash(await total.locator('.why').textContent())).toContain(`Confirmed-strong letters from ${want.strongWriters} writer${want.strongWriters === 1 ? '' : 's'}`);
}
