import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadinessScreen } from '../../renderer/screens/readiness/ReadinessScreen';
import { DeadlinesScreen } from '../../renderer/screens/deadlines/DeadlinesScreen';
import { DashboardScreen } from '../../renderer/screens/dashboard/DashboardScreen';
import { showDueReminders } from '../../renderer/reminders/ReminderPoller';
import { formatDate, formatTimeInZone } from '../../renderer/components/format';
import { useReadinessStore } from '../../renderer/stores/readiness-store';
import { useCalendarStore } from '../../renderer/stores/calendar-store';
import { useDashboardStore } from '../../renderer/stores/dashboard-store';
import { useProgramsStore } from '../../renderer/stores/programs-store';
import { readinessChecklist, readinessProgress } from '../../shared/engine/readiness';
import { buildAgenda, seasonItems } from '../../shared/engine/agenda';
import { resolveSeasonEvents } from '../../shared/domain/season-calendar';
import { EMPTY_PROFILE } from '../../shared/domain/profile';
import { dashboardSummary } from '../../shared/engine/dashboard';
import { installFakeTransport } from './fake-transport';

const season = resolveSeasonEvents([]);

function checklist(ticks: Record<string, boolean> = {}) {
  const items = readinessChecklist({ profile: EMPTY_PROFILE, profileSaved: false, programs: [], applications: [], letters: [], documents: [], ticks, calendar: season, today: '2026-08-01' });
  return { today: '2026-08-01', timeZone: 'America/New_York', items, progress: readinessProgress(items), soapProgress: null, programNames: {} };
}

beforeEach(() => {
  useReadinessStore.setState({ checklist: null, loadError: null });
  useCalendarStore.setState({ agenda: null, season: [], deadlines: [], settings: null, loadError: null });
  useDashboardStore.setState({ summary: null, loadError: null });
  useProgramsStore.setState({ programs: [], loaded: true, loadError: null });
});

describe('Readiness screen', () => {
  it('shows each item with its state, why and next step; ticks a manual item; hides done items on request', async () => {
    let ticks: Record<string, boolean> = {};
    const fake = installFakeTransport({
      'readiness.checklist': () => checklist(ticks),
      'readiness.tick': (input) => {
        const { itemId, done } = input as { itemId: string; done: boolean };
        ticks = { ...ticks, [itemId]: done };
        return { ok: true };
      },
    });
    render(<ReadinessScreen />);
    const step1 = await screen.findByText('Step 1 passed');
    const row = step1.closest('li')!;
    expect(row.getAttribute('data-state')).toBe('blocking');
    expect(within(row).getByText('Blocking')).toBeTruthy();
    expect(within(row).getByText(/ECFMG certification needs it/)).toBeTruthy();
    expect(within(row).getByText(/Due Wed, Sep 2, 2026 \(in 32 days\)/)).toBeTruthy();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Registered for the NRMP Match: done' }));
    await waitFor(() => expect(document.querySelector('[data-item="eras.nrmp-registered"]')!.getAttribute('data-state')).toBe('done'));
    expect(fake.calls.find((c) => c.method === 'readiness.tick')!.input).toEqual({ itemId: 'eras.nrmp-registered', done: true });

    await userEvent.click(screen.getByRole('checkbox', { name: 'Only what needs doing' }));
    expect(document.querySelector('[data-item="eras.nrmp-registered"]')).toBeNull();
    expect(document.querySelector('[data-item="eras.step1"]')).not.toBeNull();
  });
});

describe('Readiness: the programs an item affects', () => {
  it('"Affects N programs" opens the Programs screen on exactly those programs', async () => {
    const list = checklist();
    const item = list.items.find((i) => i.id === 'eras.step1')!;
    const items = list.items.map((i) => (i === item ? { ...i, affectedProgramIds: [3, 8] } : i));
    installFakeTransport({ 'readiness.checklist': () => ({ ...list, items, programNames: { 3: 'Alpha (Preliminary)', 8: 'Beta (Preliminary)' } }) });
    render(<ReadinessScreen />);
    const row = (await screen.findByText('Step 1 passed')).closest('li')!;
    expect(row.textContent).toContain('Alpha (Preliminary), Beta (Preliminary)');
    await userEvent.click(within(row).getByRole('button', { name: 'Affects 2 programs' }));
    const q = new URLSearchParams(location.hash.slice(location.hash.indexOf('?') + 1));
    expect(location.hash.startsWith('#/programs?')).toBe(true);
    expect([q.get('ids'), q.get('why')]).toEqual(['3,8', 'Step 1 passed']);
  });
});

describe('Deadlines screen', () => {
  beforeEach(() => {
    const now = new Date('2026-09-01T12:00:00Z');
    installFakeTransport({
      'calendar.agenda': () => buildAgenda(seasonItems(season), now, 'Europe/London'),
      'calendar.season': () => season,
      'deadlines.list': () => [],
      'calendar.settings': () => ({ timeZone: '', remindersEnabled: true, reminderDays: 3, effectiveTimeZone: 'Europe/London' }),
      'calendar.correct': () => {
        throw new Error('must not be called with a bad time');
      },
      'programs.list': () => [],
    });
  });

  it('marks estimated dates, shows NRMP times in ET and in the user\'s zone, and refuses a bad corrected time next to the field', async () => {
    render(<DeadlinesScreen />);
    const rol = await waitFor(() => {
      const r = document.querySelector('[data-event="rol-deadline"]');
      if (!r) throw new Error('not yet');
      return r as HTMLElement;
    });
    expect(within(rol).getByText('est.')).toBeTruthy();
    expect(rol.textContent).toContain('9:00 PM EST');
    expect(rol.textContent).toContain('Thu, Mar 4, 2027, 2:00 AM GMT');
    await userEvent.click(within(rol).getByRole('button', { name: /Correct the date/ }));
    const dialog = screen.getByRole('dialog');
    const time = within(dialog).getByLabelText('Time, Eastern (24 h)');
    await userEvent.clear(time);
    await userEvent.type(time, '9pm');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save date' }));
    expect(await within(dialog).findByText(/24-hour time like 21:00/)).toBeTruthy();
    expect(screen.getByText(/Days are counted in your time zone \(Europe\/London\)/)).toBeTruthy();
  });
});

describe('Dashboard', () => {
  it('an empty database shows the first-run choices, not empty charts', async () => {
    const empty = dashboardSummary({ profileSaved: false, programs: [], tiers: [], applications: [], letters: [], readiness: [], agenda: buildAgenda([], new Date(), 'UTC'), feesCombineTracks: false });
    const fake = installFakeTransport({ 'dashboard.summary': () => empty, 'sample.load': () => ({ institutions: 60, programs: 90 }) });
    render(<DashboardScreen />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Welcome to Prelim Tracker' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Start with your profile/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Add or import programs/ })).toBeTruthy();
    expect(document.querySelector('.recharts-wrapper')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Explore with sample data/ }));
    await waitFor(() => expect(fake.methods()).toContain('sample.load'));
    expect(location.hash).toBe('#/programs');
  });
});

describe('browser reminders', () => {
  const shown: { title: string; body: string | undefined }[] = [];
  class FakeNotification {
    static permission: NotificationPermission = 'granted';
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body });
    }
  }
  beforeEach(() => {
    shown.length = 0;
    vi.stubGlobal('Notification', FakeNotification);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the reminders due and records them as shown, their days and times written as the screens write them', async () => {
    const fake = installFakeTransport({
      'reminders.due': () => [
        { key: 'deadline:1', title: 'Video: Mercy', when: { state: 'tomorrow', days: 1, date: '2026-09-22', instant: null, estimated: false }, section: 'deadlines' },
        { key: 'readiness:2026-09-01', title: 'Step 3', when: { state: 'overdue', days: -20, date: '2026-09-01', instant: null, estimated: false }, section: 'readiness' },
        { key: 'season:rol-deadline', title: 'Rank order list certification deadline', when: { state: 'soon', days: 5, date: '2027-03-03', instant: '2027-03-04T02:00:00.000Z', estimated: true }, section: 'deadlines' },
      ],
      'reminders.markShown': () => ({ recorded: 3 }),
    });
    expect(await showDueReminders()).toBe(3);
    expect(shown).toEqual([
      { title: 'Video: Mercy', body: 'Due tomorrow' },
      { title: 'Step 3', body: `Overdue since ${formatDate('2026-09-01')}` },
      { title: 'Rank order list certification deadline', body: `Due in 5 days (${formatDate('2027-03-03')}), ${formatTimeInZone(new Date('2027-03-04T02:00:00.000Z'), 'America/New_York')} (estimated date)` },
    ]);
    // No stored (ISO) date reaches the user.
    expect(shown.map((n) => n.body).join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(fake.calls.find((c) => c.method === 'reminders.markShown')!.input).toEqual({ keys: ['deadline:1', 'readiness:2026-09-01', 'season:rol-deadline'] });
  });

  it('without permission asks nothing and records nothing', async () => {
    FakeNotification.permission = 'default';
    const fake = installFakeTransport({});
    expect(await showDueReminders()).toBe(0);
    expect(fake.calls).toEqual([]);
    FakeNotification.permission = 'granted';
  });
});
