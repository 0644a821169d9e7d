import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProgramsScreen } from '../../renderer/screens/programs/ProgramsScreen';
import { groupByInstitution } from '../../renderer/screens/programs/ProgramsTable';
import { useProgramsStore } from '../../renderer/stores/programs-store';
import type { Program } from '../../shared/domain/program';
import { EMPTY_PROFILE } from '../../shared/domain/profile';
import { institution, track } from '../fixtures';
import { installFakeTransport } from './fake-transport';
import { tierProgram } from '../../shared/engine/tier-program';
import { makeProgram, seedApplicant, TODAY } from '../shared/engine/fixtures';

function program(id: number, institutionId: number, name: string, kind: 'preliminary' | 'categorical', code: string, extra: Partial<Program> = {}): Program {
  return {
    ...track(kind, { nrmpCode: code }),
    id,
    institutionId,
    createdAt: '',
    updatedAt: '',
    onList: false,
    override: null,
    institution: { ...institution({ name }), id: institutionId, isSample: false, createdAt: '', updatedAt: '' },
    ...extra,
  };
}

// jsdom lays nothing out; give elements a size so the virtualised table renders its rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 700 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});
afterAll(() => {
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientHeight;
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientWidth;
});

let programs: Program[];
let fake: ReturnType<typeof installFakeTransport>;

beforeEach(() => {
  useProgramsStore.setState({ programs: [], partial: false, loaded: false, loadError: null });
  programs = [
    program(1, 10, 'Alpha Community Hospital', 'preliminary', '1111440P0', { minStep2ck: 225 }),
    program(2, 10, 'Alpha Community Hospital', 'categorical', '1111440C0', { minStep2ck: 240 }),
    program(3, 20, 'Beta Medical Center', 'preliminary', '2222440P0', { minStep2ck: 230 }),
  ];
  fake = installFakeTransport({
    'programs.list': () => programs,
    'tiers.list': () => ({ today: '2026-11-25', profileSaved: true, tiers: [] }),
    'profile.get': () => ({ profile: EMPTY_PROFILE, updatedAt: null }),
    'settings.get': () => ({ feesCombineTracks: false }),
    'programs.delete': (input) => {
      programs = programs.filter((p) => p.id !== (input as { id: number }).id);
      return { deletedInstitution: false };
    },
    'institutions.save': () => ({ ok: false, error: { code: 'conflict', message: 'NRMP code 1111440P0 is already used by Alpha Community Hospital (Preliminary).' } }),
  });
});

const rows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-program-id'));

describe('Programs screen', () => {
  it('lists programs with an institution’s tracks together and filters by text', async () => {
    const user = userEvent.setup();
    render(<ProgramsScreen />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByText('3 programs at 2 institutions · 0 on your list')).toBeTruthy();
    expect(rows()[1]!.textContent).toContain('same institution');
    await user.type(screen.getByRole('searchbox', { name: 'Filter programs' }), 'beta');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.textContent).toContain('Beta Medical Center');
  });

  it('draws the first rows from programs.tableStart while the whole list is on its way, then the whole list', async () => {
    let finish!: () => void;
    const whole = new Promise<void>((resolve) => (finish = resolve));
    const list = programs;
    fake = installFakeTransport({
      'programs.list': async () => {
        await whole;
        return list;
      },
      'programs.tableStart': () => ({
        today: '2026-11-25',
        profileSaved: true,
        institutions: [list[0]!.institution],
        programs: [list[0]!].map(({ institution: _i, ...row }) => row),
        tiers: [],
        total: 3,
      }),
      'profile.get': () => ({ profile: EMPTY_PROFILE, updatedAt: null }),
      'settings.get': () => ({ feesCombineTracks: false }),
    });
    render(<ProgramsScreen />);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(useProgramsStore.getState().partial).toBe(true);
    expect(screen.getByText('Loading…')).toBeTruthy();
    finish();
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(useProgramsStore.getState().partial).toBe(false);
    expect(screen.getByText('3 programs at 2 institutions · 0 on your list')).toBeTruthy();
    // Asked for once, ahead of the whole list.
    expect(fake.methods().filter((m) => m.startsWith('programs.table'))).toEqual(['programs.tableStart', 'programs.table']);
  });

  it('sorts by a column while keeping tracks of one institution adjacent', async () => {
    const user = userEvent.setup();
    render(<ProgramsScreen />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: /CK min/ }));
    // ascending: Alpha prelim 225 first, so Alpha's categorical (240) follows it before Beta (230)
    expect(rows().map((r) => r.getAttribute('data-program-id'))).toEqual(['1', '2', '3']);
    await user.click(screen.getByRole('button', { name: /CK min/ }));
    // descending: Alpha categorical 240 first, then its sibling, then Beta
    expect(rows().map((r) => r.getAttribute('data-program-id'))).toEqual(['2', '1', '3']);
  });

  it('asks before deleting, and deletes only after confirmation', async () => {
    const user = userEvent.setup();
    render(<ProgramsScreen />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Delete Beta Medical Center Preliminary' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete program?' });
    expect(dialog.textContent).toMatch(/only track, so the institution goes too/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.methods()).not.toContain('programs.delete');
    await user.click(screen.getByRole('button', { name: 'Delete Beta Medical Center Preliminary' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(fake.calls.find((c) => c.method === 'programs.delete')?.input).toEqual({ id: 3 });
  });

  it('shows a bad NRMP code next to the field without calling the API, and a conflict from the API', async () => {
    const user = userEvent.setup();
    render(<ProgramsScreen />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Add program' }));
    // The editor's code loads after the first rows (it is usually here before it is opened).
    const dialog = await screen.findByRole('dialog', { name: 'Add program' });
    const nameInput = dialog.querySelector<HTMLInputElement>('[data-field="institution.name"] input')!;
    await user.type(nameInput, 'Gamma Hospital');
    const code = dialog.querySelector<HTMLInputElement>('[data-field="tracks.preliminary.nrmpCode"] input')!;
    await user.type(code, '12AB');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(dialog.querySelector('[data-field="tracks.preliminary.nrmpCode"] .error')?.textContent).toMatch(/not an NRMP program code/);
    expect(fake.methods()).not.toContain('institutions.save');

    await user.clear(code);
    await user.type(code, '1111440P0');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(dialog).getByText(/Nothing was saved\. NRMP code 1111440P0 is already used/)).toBeTruthy());
    expect(screen.getByRole('dialog', { name: 'Add program' })).toBeTruthy();
  });
});

describe('groupByInstitution', () => {
  it('places each group where its first row sorted', () => {
    const r = (id: number, inst: number) => ({ id, original: { institutionId: inst } });
    expect(groupByInstitution([r(1, 1), r(2, 2), r(3, 1), r(4, 3), r(5, 2)]).map((x) => x.id)).toEqual([1, 3, 2, 5, 4]);
  });
});

describe('Start application from a program', () => {
  it('asks the status and the day (today preset) and opens the application on that day: a September submission back-filled', async () => {
    const user = userEvent.setup();
    const calls: unknown[] = [];
    installFakeTransport({
      'programs.list': () => programs,
      'tiers.list': () => ({ today: '2026-11-25', profileSaved: true, tiers: [] }),
      'profile.get': () => ({ profile: EMPTY_PROFILE, updatedAt: null }),
      'settings.get': () => ({ feesCombineTracks: false }),
      'applications.create': (input) => {
        calls.push(input);
        return { created: [{ id: 1 }], alreadyApplied: [] };
      },
    });
    render(<ProgramsScreen />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    await user.click(rows()[2]!.querySelector<HTMLButtonElement>('button.inst-open')!);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Start application' }));
    const form = within(dialog).getByRole('form', { name: 'Start application' });
    const date = form.querySelector<HTMLInputElement>('input[type="date"]')!;
    expect(date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Start as' }), 'submitted');
    await user.clear(date);
    await user.type(date, '2026-09-15');
    await user.click(within(form).getByRole('button', { name: 'Open the application' }));
    await waitFor(() => expect(calls).toEqual([{ programIds: [3], status: 'submitted', date: '2026-09-15' }]));
    await within(dialog).findByText(/Application opened as “Submitted” on Sep 15, 2026/);
  });
});

describe('Programs named by another screen', () => {
  afterEach(() => {
    history.replaceState(null, '', '#/');
  });

  it('opens on exactly the programs in the link (a readiness item\'s), says why, and "Show all programs" clears it', async () => {
    const user = userEvent.setup();
    history.replaceState(null, '', '#/programs?ids=1%2C3&why=Step+3+passed');
    render(<ProgramsScreen />);
    await waitFor(() => expect(rows().map((r) => r.getAttribute('data-program-id'))).toEqual(['1', '3']));
    expect(screen.getByText(/Showing the 2 programs named by “Step 3 passed”/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show all programs' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('a list-health warning opens the programs it names, with the same count; a tier count opens that tier on the list', async () => {
    const user = userEvent.setup();
    const profile = seedApplicant();
    const listed = [
      makeProgram({ institution: { name: 'Omega No-Visa Hospital', visaSponsorship: 'none' } }),
      makeProgram({ institution: { name: 'Psi No-Visa Center', visaSponsorship: 'none' } }),
      makeProgram({ institution: { name: 'Sigma Community Hospital', visaSponsorship: 'j1' } }),
    ].map((p) => ({ ...p, onList: true }));
    programs = [...listed, { ...makeProgram({ institution: { name: 'Tau Not Listed', visaSponsorship: 'none' } }), onList: false }];
    const tiers = programs.map((p) => ({ programId: p.id, computed: tierProgram(p, profile, TODAY) }));
    installFakeTransport({
      'programs.list': () => programs,
      'tiers.list': () => ({ today: TODAY, profileSaved: true, tiers }),
      'profile.get': () => ({ profile, updatedAt: null }),
      'settings.get': () => ({ feesCombineTracks: false }),
    });
    render(<ProgramsScreen />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    await user.click(screen.getByRole('tab', { name: /List health/ }));
    const finding = (await screen.findByText(/2 programs fail a hard screen/)).closest('li')!;
    await user.click(within(finding).getByRole('button', { name: 'Show these 2 programs' }));
    await waitFor(() => expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('Omega No-Visa Hospital'), expect.stringContaining('Psi No-Visa Center')]));
    expect(screen.getByText(/Showing the 2 programs named by “2 programs fail a hard screen/)).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: /List health/ }));
    await user.click(screen.getByRole('button', { name: 'Excluded: 2 on your list' }));
    // The Excluded filter on the list: the same two, not the excluded program off the list.
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().map((r) => r.textContent).join(' ')).not.toContain('Tau Not Listed');
  });
});


describe('Programs table after a reload', () => {
  it('keeps the focused row control (the same element) when a new answer brings new tiers', async () => {
    render(<ProgramsScreen />);
    await waitFor(() => expect(rows()).toHaveLength(3));
    const box = screen.getByRole('checkbox', { name: 'On my list: Beta Medical Center Preliminary' });
    box.focus();
    const opener = rows()[0]!.querySelector<HTMLButtonElement>('.inst-open')!;
    // Another answer of the list (as after any write): new tier summaries, so new tier columns.
    const before = useProgramsStore.getState().tiers;
    await act(() => useProgramsStore.getState().load());
    expect(useProgramsStore.getState().tiers).not.toBe(before);
    // Neither cell was mounted again: the keyboard user keeps their place.
    expect(box.isConnected).toBe(true);
    expect(document.activeElement).toBe(box);
    expect(opener.isConnected).toBe(true);
  });
});
