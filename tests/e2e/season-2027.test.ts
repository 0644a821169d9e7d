// The 2027 season in the real UI (docs/DOMAIN.md §6–§9): a geographic preference, 15
// signals (the 16th refused with a message), a burst of 6 invitations on one day (one reply-by
// under 48 hours flagged), 3 accepted, 1 waitlisted, 2 declined, travel for 2 interviews, and
// Deadlines, Dashboard and Costs agreeing.
import { describe, expect, it } from 'vitest';
import { institution, seedExampleProfile, track } from '../fixtures';
import { call, field, useApp } from './harness';

const app = useApp();

/** A UTC calendar day n days from now (the browser and the host run on this machine's clock). */
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const name = (i: number) => `Hospital ${1001 + i}`;

describe('the 2027 season', () => {
  it('geography, 15 signals, a burst of invitations, travel: Deadlines, Dashboard and Costs agree', async () => {
    const { page, open, services } = app();
    await call(services, 'profile.save', seedExampleProfile());
    await call(services, 'calendar.saveSettings', { timeZone: 'UTC', remindersEnabled: false, reminderDays: 3 });
    const programIds: number[] = [];
    for (let i = 0; i < 16; i++) {
      const saved = await call(services, 'institutions.save', { institution: institution({ name: name(i), state: 'OH', acceptsSignals: 'yes' }), tracks: [track('preliminary', { nrmpCode: `${1001 + i}440P0` })] });
      programIds.push(saved.programs[0]!.id);
    }
    await call(services, 'programs.setOnList', { ids: programIds, onList: true });
    const { created } = await call(services, 'applications.create', { programIds: programIds.slice(0, 6), date: day(-40) });
    await call(services, 'applications.setStatus', { ids: created.map((a) => a.id), status: 'submitted', date: day(-30) });

    // Geographic preference: East North Central (Ohio): a small plus in the tier reasons.
    await open('signals', 'Signals & geography');
    await page.getByRole('checkbox', { name: /^East North Central/ }).check();
    await page.getByRole('button', { name: 'Save geographic preference' }).click();
    await page.getByRole('status').getByText('Saved: East North Central.').waitFor();
    const tiers = await call(services, 'tiers.list');
    expect(tiers.tiers.every((t) => t.computed.reasons.some((r) => r.rule === 'geo_preference'))).toBe(true);

    // 15 signals, one per institution; the 16th is refused with a message.
    for (let i = 0; i < 15; i++) {
      // Controlled by the saved state: the box changes once the main process accepted it.
      await page.getByRole('checkbox', { name: `Signal for ${name(i)}` }).click();
      await page.getByTestId('signals-used').getByText(String(i + 1), { exact: true }).waitFor();
    }
    await page.getByTestId('signals-left').getByText('0', { exact: true }).waitFor();
    app().allowConsoleErrors(/409|conflict/i);
    await page.getByRole('checkbox', { name: `Signal for ${name(15)}` }).click();
    await page.getByRole('alert').getByText(/All 15 signals are spent: Hospital 1016 cannot get one/).waitFor();
    expect(await page.getByRole('checkbox', { name: `Signal for ${name(15)}` }).isChecked()).toBe(false);
    expect(await page.getByTestId('signals-used').textContent()).toBe('15');

    // A burst of 6 invitations on one day; one reply-by under 48 hours.
    await open('invitations', 'Invitations');
    for (let i = 0; i < 6; i++) {
      await page.getByRole('button', { name: 'Record invitation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Record an invitation' });
      await field(dialog, 'applicationId').selectOption({ label: `${name(i)} (Preliminary)` });
      await field(dialog, 'receivedAt').fill(`${day(-1)}T10:0${i}`);
      await field(dialog, 'replyBy').fill(i === 0 ? `${day(0)}T09:00` : `${day(1)}T12:00`);
      await field(dialog, 'timeZone').selectOption('America/New_York');
      await field(dialog, 'offered.0.start').fill(`${day(3 + i)}T09:00`);
      await field(dialog, 'offered.0.slots').fill('2');
      await dialog.getByRole('button', { name: 'Save invitation' }).click();
      await page.getByRole('status').getByText(`Saved the invitation from ${name(i)} (Preliminary); the application moved to Interview invited.`).waitFor();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByTestId('inbox-summary').getByText('6 invitations · 6 awaiting your reply · 1 with under 48 h to reply').waitFor();
    await page.locator(`[data-invitation="${name(0)} (Preliminary)"]`).getByText('Under 48 h').waitFor();

    // Accept 3, waitlist 1, decline 2.
    const reply = async (i: number, status: 'accepted' | 'waitlisted' | 'declined', moved: string) => {
      await page.getByRole('button', { name: `Edit invitation from ${name(i)} (Preliminary)` }).click();
      const dialog = page.getByRole('dialog', { name: `Invitation: ${name(i)} (Preliminary)` });
      await field(dialog, 'status').selectOption(status);
      if (status === 'accepted') await field(dialog, 'chosenStart').selectOption(`${day(3 + i)}T09:00`);
      if (status === 'waitlisted') await field(dialog, 'waitlistPosition').fill('4');
      await dialog.getByRole('button', { name: 'Save invitation' }).click();
      await page.getByRole('status').getByText(moved === '' ? `Saved the invitation from ${name(i)} (Preliminary).` : `Saved the invitation from ${name(i)} (Preliminary); the application moved to ${moved}.`).waitFor();
      await dialog.waitFor({ state: 'detached' });
    };
    for (const i of [0, 1, 2]) await reply(i, 'accepted', 'Interview scheduled');
    await reply(3, 'waitlisted', '');
    for (const i of [4, 5]) await reply(i, 'declined', 'Withdrawn');
    await page.getByTestId('inbox-summary').getByText('6 invitations · 0 awaiting your reply · 1 with under 48 h to reply').waitFor();
    await page.locator(`[data-invitation="${name(3)} (Preliminary)"]`).getByText('Waitlisted #4').waitFor();
    // The season day by day: the 3 interviews and the date still offered while waitlisted.
    expect(await page.locator('.season-day').count()).toBe(4);

    // Travel for 2 interviews.
    await open('costs', 'Costs');
    await page.getByRole('textbox', { name: `Transport for ${name(0)} (Preliminary)` }).fill('300');
    await page.getByRole('textbox', { name: `Lodging for ${name(0)} (Preliminary)` }).fill('150');
    await page.getByRole('button', { name: `Save travel for ${name(0)} (Preliminary)` }).click();
    await page.getByRole('status').getByText(`Travel for ${name(0)} (Preliminary): $450.`).waitFor();
    await page.getByRole('textbox', { name: `Transport for ${name(1)} (Preliminary)` }).fill('200');
    await page.getByRole('button', { name: `Save travel for ${name(1)} (Preliminary)` }).click();
    await page.getByRole('status').getByText(`Travel for ${name(1)} (Preliminary): $200.`).waitFor();
    const travel = page.locator('[data-line="travel"]');
    await travel.getByText('$650').waitFor();
    const costsTotal = (await page.getByTestId('costs-total').textContent())!;
    // ERAS: 6 submitted institutions spent ($66), 10 more on the list planned ($110); transcript + token spent with the first submission.
    await page.locator('[data-line="eras"]').getByText('$66').waitFor();
    expect(await page.getByTestId('costs-spent').textContent()).toBe('$311');
    expect(costsTotal).toBe(`$${(66 + 110 + 80 + 165 + 70 + 650).toLocaleString('en-US')}`);

    // Deadlines: the 3 accepted interviews; the replies are done.
    await open('deadlines', 'Deadlines');
    for (const i of [0, 1, 2]) await page.getByText(`Interview: ${name(i)} (Preliminary)`).first().waitFor();
    expect(await page.getByText(`Interview: ${name(4)} (Preliminary)`).count()).toBe(0);
    const agenda = await call(services, 'calendar.agenda', { windowDays: 30 });
    expect(agenda.all.filter((e) => e.kind === 'interview').length).toBe(3);
    expect(agenda.all.filter((e) => e.key.startsWith('invitation:')).every((e) => e.done)).toBe(true);

    // Dashboard: 6 reached "invited", 3 "scheduled"; now 3 scheduled, 1 still invited (waitlisted),
    // 2 withdrawn (declined); and the same season budget as Costs.
    await open('dashboard', 'Dashboard');
    const interviews = page.getByRole('region', { name: 'Interviews' });
    await interviews.getByRole('button', { name: '6 Invited', exact: true }).waitFor();
    await interviews.getByRole('button', { name: '3 Scheduled', exact: true }).waitFor();
    const now = page.getByRole('region', { name: 'Applications funnel' }).getByRole('list', { name: 'Open a list' });
    await now.getByRole('button', { name: 'Interview scheduled: 3', exact: true }).waitFor();
    await now.getByRole('button', { name: 'Interview invited: 1', exact: true }).waitFor();
    await now.getByRole('button', { name: 'Withdrawn: 2', exact: true }).waitFor();
    await page.getByTestId('dash-budget-total').getByText(costsTotal, { exact: true }).waitFor();
  });
});
