import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApplicationsScreen } from '../../renderer/screens/applications/ApplicationsScreen';
import { usePipelineStore } from '../../renderer/stores/pipeline-store';
import { useProgramsStore } from '../../renderer/stores/programs-store';
import type { ApplicationOverview } from '../../shared/api/pipeline-api';
import { APPLICATION_STATUSES, type ApplicationEvent, type ApplicationStatus } from '../../shared/domain/application';
import type { TiersList } from '../../shared/api/tiers-api';
import type { Program } from '../../shared/domain/program';
import { tierProgram } from '../../shared/engine/tier-program';
import { makeProgram, seedApplicant, TODAY } from '../shared/engine/fixtures';
import { installFakeTransport } from './fake-transport';

function overview(id: number, name: string, status: ApplicationStatus, extra: Partial<ApplicationOverview> = {}): ApplicationOverview {
  return {
    id,
    programId: 100 + id,
    status,
    reached: status === 'not_matched' ? 'ranked' : status === 'rejected' || status === 'withdrawn' ? 'considering' : status,
    statusDate: '2026-10-01',
    submittedOn: null,
    notes: '',
    createdAt: '',
    updatedAt: '',
    program: { institutionName: name, track: 'preliminary', city: 'Dayton', state: 'OH', nrmpCode: '', isSample: false },
    interviewCount: 0,
    rank: null,
    ...extra,
  };
}

let apps: ApplicationOverview[];
let fake: ReturnType<typeof installFakeTransport>;
let rankIds: number[];
let programsList: Program[];
let tiersList: TiersList;

beforeEach(() => {
  usePipelineStore.setState({ applications: [], interviews: [], loaded: false, loadError: null });
  useProgramsStore.setState({ programs: [], loaded: false, loadError: null });
  apps = [overview(1, 'Alpha Hospital', 'considering'), overview(2, 'Beta Medical Center', 'submitted'), overview(3, 'Gamma Regional', 'submitted'), overview(4, 'Delta Memorial', 'interviewed')];
  rankIds = [];
  programsList = [];
  tiersList = { today: '2026-11-25', profileSaved: true, tiers: [] };
  fake = installFakeTransport({
    'applications.overview': () => apps,
    'interviews.list': () => [],
    'programs.list': () => programsList,
    'tiers.list': () => tiersList,
    'applications.setStatus': (input) => {
      const { ids, status, date } = input as { ids: number[]; status: ApplicationStatus; date: string };
      apps = apps.map((a) => (ids.includes(a.id) ? { ...a, status, statusDate: date } : a));
      return apps.filter((a) => ids.includes(a.id));
    },
    'applications.history': (input) => {
      const id = (input as { id: number }).id;
      const events: ApplicationEvent[] = [
        { id: 1, applicationId: id, fromStatus: null, status: 'considering', date: '2026-09-01', note: '', recordedAt: '' },
        { id: 2, applicationId: id, fromStatus: 'considering', status: 'submitted', date: '2026-09-24', note: 'ERAS day one, reply by 2026-10-24', recordedAt: '' },
      ];
      return events;
    },
    'rankList.get': () => ({ applicationIds: rankIds, extraRankFee: null, savedAt: null }),
  });
});

describe('Applications board', () => {
  it('has a column for every status with its count, and search narrows the cards', async () => {
    const user = userEvent.setup();
    render(<ApplicationsScreen />);
    await waitFor(() => expect(document.querySelectorAll('.board-card')).toHaveLength(4));
    const counts = Object.fromEntries([...document.querySelectorAll('[data-status]')].map((c) => [c.getAttribute('data-status'), c.querySelector('.count')!.textContent]));
    expect(Object.keys(counts)).toEqual([...APPLICATION_STATUSES]);
    expect(counts).toMatchObject({ considering: '1', submitted: '2', interviewed: '1', ranked: '0' });
    await user.type(screen.getByRole('searchbox', { name: 'Search applications' }), 'gamma');
    expect([...document.querySelectorAll('.board-card')].map((c) => c.querySelector('.card-name')!.textContent)).toEqual(['Gamma Regional']);
    expect(document.querySelector('[data-status="submitted"] .count')!.textContent).toBe('1');
  });

  it('opens a card with Enter and shows its timeline; the status control moves it with a date and note', async () => {
    const user = userEvent.setup();
    render(<ApplicationsScreen />);
    await waitFor(() => expect(document.querySelectorAll('.board-card')).toHaveLength(4));
    const card = document.querySelector<HTMLElement>('[data-application-id="2"]')!;
    card.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Beta Medical Center (Preliminary)' });
    const timeline = await within(dialog).findByRole('list', { name: 'Status history' });
    expect(within(timeline).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Sep 1, 2026Considering (added)', 'Sep 24, 2026Submitted from ConsideringERAS day one, reply by Oct 24, 2026']);
    // The control starts at the next status.
    expect((within(dialog).getByRole('combobox', { name: 'New status' }) as HTMLSelectElement).value).toBe('under_review');
    const date = dialog.querySelector<HTMLInputElement>('input[name="date"]')!;
    await user.clear(date);
    await user.type(date, '2026-10-07');
    await user.type(dialog.querySelector<HTMLInputElement>('input[name="note"]')!, 'Portal says reviewed');
    await user.click(within(dialog).getByRole('button', { name: 'Save status' }));
    await waitFor(() => expect(fake.calls.find((c) => c.method === 'applications.setStatus')?.input).toEqual({ ids: [2], status: 'under_review', date: '2026-10-07', note: 'Portal says reviewed' }));
    await waitFor(() => expect(document.querySelector('[data-status="under_review"] .count')!.textContent).toBe('1'));
  });

  it('moves focus between cards with the arrow keys, skipping empty columns', async () => {
    const user = userEvent.setup();
    render(<ApplicationsScreen />);
    await waitFor(() => expect(document.querySelectorAll('.board-card')).toHaveLength(4));
    document.querySelector<HTMLElement>('[data-application-id="1"]')!.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('data-application-id')).toBe('2');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('data-application-id')).toBe('3');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('data-application-id')).toBe('4');
    await user.keyboard('{ArrowLeft}{ArrowUp}');
    expect(document.activeElement?.getAttribute('data-application-id')).toBe('2');
  });
});

describe('Excluded programs on the board and in the table', () => {
  it('shows "Excluded: <first reason>" for a computed exclusion and for an override to Excluded (its note), and nothing otherwise', async () => {
    const user = userEvent.setup();
    const profile = seedApplicant();
    const noVisa = makeProgram({ institution: { name: 'Alpha Hospital', visaSponsorship: 'none' } });
    const fine = makeProgram({ institution: { name: 'Beta Medical Center', visaSponsorship: 'j1' } });
    const overridden: Program = { ...makeProgram({ institution: { name: 'Gamma Regional', visaSponsorship: 'j1' } }), override: { outcome: 'excluded', note: 'Too far from family', updatedAt: '' } };
    const unexcluded: Program = { ...makeProgram({ institution: { name: 'Delta Memorial', visaSponsorship: 'none' } }), override: { outcome: 'tier3', note: 'They confirmed J-1 by email', updatedAt: '' } };
    const programs = [noVisa, fine, overridden, unexcluded];
    apps = apps.map((a, i) => ({ ...a, programId: programs[i]!.id }));
    programsList = programs;
    tiersList = { today: TODAY, profileSaved: true, tiers: programs.map((p) => ({ programId: p.id, computed: tierProgram(p, profile, TODAY) })) };
    render(<ApplicationsScreen />);
    const note = (id: number) => document.querySelector(`[data-application-id="${id}"] .excluded-note`)?.textContent ?? null;
    await waitFor(() => expect(note(1)).toBe('Excluded: Sponsors no visa; you need one'));
    expect(note(2)).toBeNull();
    expect(note(3)).toBe('Excluded: Too far from family');
    expect(note(4)).toBeNull(); // the user overrode the exclusion: no warning
    expect(screen.getByRole('button', { name: /^Alpha Hospital.*Excluded: Sponsors no visa; you need one\. / })).toBe(document.querySelector('[data-application-id="1"]'));

    await user.click(screen.getByRole('tab', { name: 'Table' }));
    const row = (name: string) => screen.getByText(name, { exact: false, selector: 'strong' }).closest('tr')!;
    await waitFor(() => expect(row('Alpha Hospital').querySelector('.excluded-note')?.textContent).toBe('Excluded: Sponsors no visa; you need one'));
    expect(row('Gamma Regional').querySelector('.excluded-note')?.textContent).toBe('Excluded: Too far from family');
    expect(row('Beta Medical Center').querySelector('.excluded-note')).toBeNull();
  });
});

describe('Add applications', () => {
  it('shows each program\'s tier and warns before adding an Excluded program, naming the reason; "Add anyway" adds it', async () => {
    const user = userEvent.setup();
    const profile = seedApplicant();
    const noVisa = makeProgram({ institution: { name: 'Omega No-Visa Hospital', visaSponsorship: 'none' } });
    const fine = makeProgram({ institution: { name: 'Sigma Community Hospital', visaSponsorship: 'j1' } });
    programsList = [noVisa, fine];
    tiersList = { today: TODAY, profileSaved: true, tiers: programsList.map((p) => ({ programId: p.id, computed: tierProgram(p, profile, TODAY) })) };
    const fineTier = tierProgram(fine, profile, TODAY).outcome;
    const createdWith = () => fake.calls.find((c) => c.method === 'applications.create')?.input ?? null;
    render(<ApplicationsScreen />);
    await waitFor(() => expect(document.querySelectorAll('.board-card')).toHaveLength(4));
    await user.click(screen.getAllByRole('button', { name: 'Add applications' })[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Add applications' });
    await user.click(within(dialog).getByRole('tab', { name: 'All programs' }));
    const item = (name: string) => within(dialog).getByText(name, { exact: false }).closest('li')!;
    expect(item('Omega No-Visa Hospital').querySelector('.badge.tier')!.textContent).toBe('Excluded');
    expect(item('Omega No-Visa Hospital').querySelector('.excluded-note')!.textContent).toBe('Excluded: Sponsors no visa; you need one');
    expect(item('Sigma Community Hospital').querySelector('.badge.tier')!.className).toContain(`tier-${fineTier}`);
    await user.click(within(item('Omega No-Visa Hospital')).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Add 1 application' }));
    // Nothing is added yet: the warning names the program and its reason.
    expect(createdWith()).toBeNull();
    expect(within(dialog).getByRole('alert').textContent).toContain('Omega No-Visa Hospital (Preliminary): Sponsors no visa; you need one');
    await user.click(within(dialog).getByRole('button', { name: 'Add anyway (1 application)' }));
    await waitFor(() => expect(createdWith()).toMatchObject({ programIds: [noVisa.id], status: 'considering' }));
  });
});

describe('Applications table', () => {
  it('sorts, filters by status, and changes the status of the selected rows together', async () => {
    const user = userEvent.setup();
    render(<ApplicationsScreen />);
    await waitFor(() => expect(document.querySelectorAll('.board-card')).toHaveLength(4));
    await user.click(screen.getByRole('tab', { name: 'Table' }));
    const names = () => [...document.querySelectorAll('tbody tr')].map((r) => r.querySelector('.col-program strong')!.firstChild!.textContent!.trim());
    await user.click(screen.getByRole('button', { name: 'Program' }));
    expect(names()).toEqual(['Alpha Hospital', 'Beta Medical Center', 'Delta Memorial', 'Gamma Regional']);
    await user.click(screen.getByRole('button', { name: 'Program' }));
    expect(names()).toEqual(['Gamma Regional', 'Delta Memorial', 'Beta Medical Center', 'Alpha Hospital']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by status' }), 'submitted');
    expect(names()).toEqual(['Gamma Regional', 'Beta Medical Center']);

    await user.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    const bar = screen.getByRole('region', { name: 'Change the selected applications' });
    expect(bar.textContent).toContain('2 applications selected');
    await user.selectOptions(within(bar).getByRole('combobox', { name: 'New status' }), 'rejected');
    await user.click(within(bar).getByRole('button', { name: 'Change status' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Moved 2 applications to Rejected.'));
    const call = fake.calls.find((c) => c.method === 'applications.setStatus')!.input as { ids: number[]; status: string };
    expect([...call.ids].sort()).toEqual([2, 3]);
    expect(call.status).toBe('rejected');
  });

  it('opens filtered by the status named in the link (as the dashboard links)', async () => {
    location.hash = '#/applications?status=submitted';
    try {
      render(<ApplicationsScreen />);
      await waitFor(() => expect(document.querySelectorAll('tbody tr')).toHaveLength(2));
      expect((screen.getByRole('combobox', { name: 'Filter by status' }) as HTMLSelectElement).value).toBe('submitted');
      expect(screen.getByRole('tab', { name: 'Table' }).getAttribute('aria-selected')).toBe('true');
    } finally {
      location.hash = '';
    }
  });

  it('moves between rows with the arrow keys and selects with Space', async () => {
    const user = userEvent.setup();
    render(<ApplicationsScreen />);
    await waitFor(() => expect(document.querySelectorAll('.board-card')).toHaveLength(4));
    await user.click(screen.getByRole('tab', { name: 'Table' }));
    const rows = () => [...document.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    rows()[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(rows()[2]);
    await user.keyboard(' ');
    expect(rows()[2]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('region', { name: 'Change the selected applications' }).textContent).toContain('1 application selected');
  });
});

describe('Rank list', () => {
  it('marks where the 20 included ranks end and refuses a 301st program with a clear message', async () => {
    const user = userEvent.setup();
    apps = Array.from({ length: 301 }, (_, i) => overview(i + 1, `Hospital ${String(i + 1).padStart(3, '0')}`, i < 300 ? 'ranked' : 'interviewed', { rank: i < 300 ? i + 1 : null }));
    rankIds = apps.slice(0, 300).map((a) => a.id);
    render(<ApplicationsScreen />);
    await user.click(screen.getByRole('tab', { name: 'Rank list' }));
    await screen.findByRole('list', { name: 'Rank order list' });
    expect(screen.getByRole('heading', { name: /Rank order list/ }).textContent).toContain('300 of 300');
    const marker = screen.getByRole('separator');
    expect(marker.getAttribute('aria-label')).toMatch(/20 ranks included in registration end here/);
    expect(marker.previousElementSibling!.textContent).toContain('Hospital 020');
    expect(marker.nextElementSibling!.textContent).toContain('Hospital 021');
    expect(screen.getByText(/You have 280 extra ranks\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add Hospital 301 (Preliminary) to the rank list' }));
    expect(screen.getByRole('alert').textContent).toBe('The NRMP accepts at most 300 programs on a rank order list. Remove one before adding another.');
    expect(screen.getByRole('button', { name: 'Save order' }).hasAttribute('disabled')).toBe(true);
  }, 30_000); // 300 sortable rows in jsdom: slow on a loaded machine, not a timing check
});
