import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LettersScreen } from '../../renderer/screens/letters/LettersScreen';
import { useLettersStore } from '../../renderer/stores/letters-store';
import { useMessagesStore } from '../../renderer/stores/messages-store';
import { useProgramsStore } from '../../renderer/stores/programs-store';
import { useProfileStore } from '../../renderer/stores/profile-store';
import type { Application } from '../../shared/domain/application';
import type { Letter, LetterAssignment, LetterWriter } from '../../shared/domain/letters';
import type { Communication, MessageTemplate } from '../../shared/domain/communications';
import type { Program } from '../../shared/domain/program';
import { BUILT_IN_TEMPLATES } from '../../shared/engine/message-templates';
import { institution, seedExampleProfile, track } from '../fixtures';
import { installFakeTransport } from './fake-transport';
import { localToday } from '../../renderer/components/format';

const stamp = '2026-07-01T00:00:00.000Z';
const program = (id: number, name: string): Program =>
  ({
    ...track('preliminary', { nrmpCode: `${1000 + id}440P0` }),
    id,
    institutionId: id,
    onList: true,
    override: null,
    createdAt: stamp,
    updatedAt: stamp,
    institution: { ...institution({ name, pdName: 'Dr. Maria Lopez' }), id, isSample: false, createdAt: stamp, updatedAt: stamp },
  }) as Program;
const application = (id: number, programId: number, status: Application['status']): Application => ({ id, programId, status, statusDate: '2026-09-02', submittedOn: null, notes: '', createdAt: stamp, updatedAt: stamp });
const writer = (id: number, name: string, location: 'us' | 'home', isSurgeon = true): LetterWriter => ({
  id,
  name,
  title: '',
  specialty: '',
  institution: '',
  location,
  isSurgeon,
  relationship: '',
  email: '',
  notes: '',
  createdAt: stamp,
  updatedAt: stamp,
});
const letter = (id: number, writerId: number, stage: Letter['stage'], askedOn: string | null = '2026-06-01'): Letter => ({
  id,
  writerId,
  label: '',
  stage,
  askedOn,
  agreedOn: null,
  strongConfirmedOn: stage === 'uploaded' || stage === 'strong_confirmed' ? '2026-06-20' : null,
  uploadedOn: stage === 'uploaded' ? '2026-07-01' : null,
  declinedOn: null,
  portalLetterId: '',
  requestedFor: 'general',
  notes: '',
  carriedFrom: null,
  createdAt: stamp,
  updatedAt: stamp,
});

let assignments: LetterAssignment[];
let log: Communication[];
let fake: ReturnType<typeof installFakeTransport>;
const templates: MessageTemplate[] = BUILT_IN_TEMPLATES.map((t, i) => ({ id: i + 1, builtInKey: t.key, name: t.name, purpose: t.purpose, subject: t.subject, body: t.body, createdAt: stamp, updatedAt: stamp }));

beforeEach(() => {
  useLettersStore.setState({ loaded: false, loadError: null });
  useMessagesStore.setState({ templates: [], log: [] });
  useProgramsStore.setState({ programs: [], loaded: false });
  useProfileStore.setState({ saved: null });
  assignments = [{ applicationId: 1, letterId: 1, assignedOn: '2026-08-01' }];
  log = [];
  fake = installFakeTransport({
    'writers.list': () => [writer(1, 'Dr. Jane Smith', 'us'), writer(2, 'Prof. Kamal Ahmed', 'home')],
    // Dr. Ahmed's letter was asked long ago and is still not uploaded: a reminder.
    'letters.list': () => [letter(1, 1, 'uploaded'), letter(2, 2, 'asked', '2020-01-01')],
    'letters.assignments': () => assignments,
    'letters.settings': () => ({ reminderDays: 14 }),
    'documents.list': () => [],
    'documents.assignments': () => [],
    'applications.list': () => [application(1, 10, 'submitted'), application(2, 11, 'considering')],
    'programs.list': () => [program(10, 'Riverbend Community Hospital'), program(11, 'Heartland Medical Center')],
    'profile.get': () => ({ profile: seedExampleProfile(), updatedAt: stamp }),
    'templates.list': () => templates,
    'communications.list': () => log,
    'letters.assign': (input) => {
      const i = input as { applicationId: number; letterId: number; assigned: boolean };
      assignments = i.assigned ? [...assignments, { applicationId: i.applicationId, letterId: i.letterId, assignedOn: '2026-09-03' }] : assignments.filter((a) => !(a.applicationId === i.applicationId && a.letterId === i.letterId));
      return assignments;
    },
  });
});

describe('Letters screen', () => {
  it('shows the reminder for a letter asked long ago, with the setting it uses', async () => {
    render(<LettersScreen />);
    const reminders = await screen.findByRole('region', { name: 'Reminders' });
    await within(reminders).findByText(/Prof\. Kamal Ahmed's letter was asked for \d+ days ago and is not uploaded yet \(Asked\): send a polite reminder\./);
    expect((within(reminders).getByRole('textbox', { name: /Remind me/ }) as HTMLInputElement).value).toBe('14');
  });

  it('counts as Readiness does: confirmed strong only through the strong step, US surgeons once per writer (two letters from one writer)', async () => {
    installFakeTransport({
      'writers.list': () => [writer(1, 'Dr. Whitfield', 'us'), writer(2, 'Dr. Nair', 'us'), writer(3, 'Prof. Kamal Ahmed', 'home')],
      // Whitfield: two strong uploaded letters; Nair: moved from "To ask" straight to "Uploaded" (never confirmed strong).
      'letters.list': () => [letter(1, 1, 'uploaded'), letter(2, 1, 'uploaded'), { ...letter(3, 2, 'uploaded'), strongConfirmedOn: null }, letter(4, 3, 'strong_confirmed')],
      'letters.assignments': () => [],
      'letters.settings': () => ({ reminderDays: 14 }),
      'documents.list': () => [],
      'documents.assignments': () => [],
      'applications.list': () => [],
      'programs.list': () => [],
      'profile.get': () => ({ profile: seedExampleProfile(), updatedAt: stamp }),
      'templates.list': () => templates,
      'communications.list': () => [],
    });
    render(<LettersScreen />);
    await waitFor(() => expect(screen.getByTestId('letters-summary').textContent).toBe('4 letters · 3 uploaded · 3 confirmed strong · 1 US surgeon confirmed strong (a writer counts once)'));
  });

  it('checks a new writer with the API schema before sending: no name, nothing sent', async () => {
    render(<LettersScreen />);
    await userEvent.click((await screen.findAllByRole('button', { name: 'Add letter writer' }))[0]!);
    const dialog = screen.getByRole('dialog', { name: 'Add letter writer' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'not-an-email');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Enter the writer’s name (e.g. Dr. Jane Smith).')).toBeTruthy();
    expect(within(dialog).getByText('Enter a valid email address, e.g. jsmith@hospital.org.')).toBeTruthy();
    expect(within(dialog).getByText('Nothing was saved: fix the highlighted fields.')).toBeTruthy();
    expect(fake.methods()).not.toContain('writers.save');
  });

  it('a submitted application: letters can be added, an assigned one cannot be removed, the matrix says why; "Correct the record" unlocks removal', async () => {
    render(<LettersScreen />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Assignments' }));
    const submitted = (await screen.findByText('Riverbend Community Hospital (Preliminary)')).closest('tr')!;
    const assigned = within(submitted).getByRole('checkbox', { name: 'Assign Dr. Jane Smith to Riverbend Community Hospital (Preliminary)' }) as HTMLInputElement;
    const box = within(submitted).getByRole('checkbox', { name: 'Assign Prof. Kamal Ahmed to Riverbend Community Hospital (Preliminary)' }) as HTMLInputElement;
    expect(assigned.disabled).toBe(true);
    expect(box.disabled).toBe(false);
    expect(submitted.textContent).toContain('you can still add letters (up to 4), but an assigned letter cannot be removed');
    expect(submitted.textContent).toContain('Submitted with 1 letter: aim for at least 3.');
    expect(submitted.textContent).toContain('Letters from 1 US surgeon only: aim for at least 2.');
    // The statement can be swapped; the CV is the record of what was sent.
    expect((within(submitted).getByRole('combobox', { name: /Personal statement for/ }) as HTMLSelectElement).disabled).toBe(false);
    expect((within(submitted).getByRole('combobox', { name: /CV for/ }) as HTMLSelectElement).disabled).toBe(true);
    // The warnings sit in the sticky program cell (seen however far the matrix scrolls), text on demand.
    const mark = submitted.querySelector('th details.row-warnings')!;
    expect(mark.querySelector('summary')!.textContent).toMatch(/^\d+ warnings?$/);
    expect(mark.textContent).toContain('Submitted with 1 letter: aim for at least 3.');

    await userEvent.click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    expect(fake.calls.find((c) => c.method === 'letters.assign')?.input).toMatchObject({ applicationId: 1, letterId: 2, assigned: true, unlockSubmitted: false });
    await userEvent.click(within(submitted).getByRole('button', { name: 'Correct the record of Riverbend Community Hospital (Preliminary)' }));
    expect(assigned.disabled).toBe(false);
    await userEvent.click(assigned);
    await waitFor(() => expect(assigned.checked).toBe(false));
    expect(fake.calls.filter((c) => c.method === 'letters.assign')[1]?.input).toMatchObject({ applicationId: 1, letterId: 1, assigned: false, unlockSubmitted: true });

    // The application not yet submitted is not locked and sends no unlock.
    const open = screen.getByText('Heartland Medical Center (Preliminary)').closest('tr')!;
    await userEvent.click(within(open).getByRole('checkbox', { name: 'Assign Dr. Jane Smith to Heartland Medical Center (Preliminary)' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.method === 'letters.assign')).toHaveLength(3));
    expect(fake.calls.filter((c) => c.method === 'letters.assign')[2]!.input).toMatchObject({ applicationId: 2, unlockSubmitted: false });
  });

  it('back-fills: the matrix records letter and document assignments on the day chosen (today preset), refuses a day after today on the screen, and shows the main process\'s refusal of a day before the season', async () => {
    const cv = { id: 7, kind: 'cv' as const, title: 'CV', versionLabel: 'v1', date: '2026-07-01', notes: '', body: '', createdAt: stamp, updatedAt: stamp };
    const before = 'the 2027 Match season, which begins on 2026-03-20 (the 2026 Match Day); give that day or a later one.';
    fake = installFakeTransport({
      ...Object.fromEntries(['writers.list', 'letters.list', 'letters.settings', 'documents.assignments', 'applications.list', 'programs.list', 'profile.get', 'templates.list', 'communications.list'].map((m) => [m, handlerOf(m)])),
      'writers.list': () => [writer(1, 'Dr. Jane Smith', 'us')],
      'letters.list': () => [letter(1, 1, 'uploaded')],
      'letters.assignments': () => assignments,
      'documents.list': () => [cv],
      'documents.assign': (input) => {
        const i = input as { date: string };
        return i.date < '2026-03-20' ? { ok: false, error: { code: 'invalid_input', message: `${i.date} is before ${before}` } } : [{ applicationId: 2, slot: 'cv', documentId: 7, assignedOn: i.date }];
      },
      'letters.assign': (input) => {
        const i = input as { applicationId: number; letterId: number; date: string };
        assignments = [...assignments, { applicationId: i.applicationId, letterId: i.letterId, assignedOn: i.date }];
        return assignments;
      },
    });
    render(<LettersScreen />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Assignments' }));
    const day = (await screen.findByLabelText('Assigned on')) as HTMLInputElement;
    expect(day.value).toBe(localToday());
    expect(day.max).toBe(localToday());
    const row = screen.getByText('Heartland Medical Center (Preliminary)').closest('tr')!;

    // A day after today: refused here, nothing sent.
    await userEvent.clear(day);
    await userEvent.type(day, '2099-01-05');
    await userEvent.click(within(row).getByRole('checkbox', { name: 'Assign Dr. Jane Smith to Heartland Medical Center (Preliminary)' }));
    expect((await screen.findByRole('alert')).textContent).toContain('is after today');
    expect(fake.methods()).not.toContain('letters.assign');

    // A September day of this season: the letter and the CV are recorded on it.
    await userEvent.clear(day);
    await userEvent.type(day, '2026-09-14');
    await userEvent.click(within(row).getByRole('checkbox', { name: 'Assign Dr. Jane Smith to Heartland Medical Center (Preliminary)' }));
    await waitFor(() => expect(fake.calls.find((c) => c.method === 'letters.assign')?.input).toMatchObject({ applicationId: 2, letterId: 1, assigned: true, date: '2026-09-14' }));
    await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'CV for Heartland Medical Center (Preliminary)' }), '7');
    await waitFor(() => expect(fake.calls.find((c) => c.method === 'documents.assign')?.input).toEqual({ applicationIds: [2], documentId: 7, date: '2026-09-14' }));

    // Before the season began: the main process says so, in words.
    await userEvent.clear(day);
    await userEvent.type(day, '2025-12-01');
    await userEvent.selectOptions(within(row).getByRole('combobox', { name: 'CV for Heartland Medical Center (Preliminary)' }), '7');
    expect((await screen.findByRole('alert')).textContent).toContain(`2025-12-01 is before ${before}`);
  });

  it('no applications yet: "Open applications" opens them on the day chosen (today preset), and refuses a day after today without sending', async () => {
    fake = installFakeTransport({
      ...Object.fromEntries(['writers.list', 'letters.settings', 'documents.list', 'documents.assignments', 'programs.list', 'profile.get', 'templates.list', 'communications.list'].map((m) => [m, handlerOf(m)])),
      'letters.list': () => [],
      'letters.assignments': () => [],
      'applications.list': () => [],
      'programs.list': () => [program(10, 'Riverbend Community Hospital'), program(11, 'Heartland Medical Center')],
      'applications.create': () => ({ created: [], alreadyApplied: [] }),
    });
    render(<LettersScreen />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Assignments' }));
    const open = await screen.findByRole('button', { name: 'Open applications for the 2 programs on your list' });
    const day = screen.getByLabelText('Opened on') as HTMLInputElement;
    expect(day.value).toBe(localToday());
    await userEvent.clear(day);
    await userEvent.type(day, '2099-01-05');
    await userEvent.click(open);
    expect((await screen.findByRole('alert')).textContent).toMatch(/is after today .*give today or an earlier day/);
    expect(fake.methods()).not.toContain('applications.create');
    await userEvent.clear(day);
    await userEvent.type(day, '2026-09-02');
    await userEvent.click(open);
    await waitFor(() => expect(fake.calls.find((c) => c.method === 'applications.create')?.input).toEqual({ programIds: [10, 11], date: '2026-09-02' }));
  });

  it('refuses a fifth letter on the screen without calling the main process', async () => {
    assignments = [1, 2, 3, 4].map((letterId) => ({ applicationId: 2, letterId, assignedOn: '2026-08-01' }));
    fake = installFakeTransport({
      ...Object.fromEntries(['writers.list', 'letters.settings', 'documents.list', 'documents.assignments', 'applications.list', 'programs.list', 'profile.get', 'templates.list', 'communications.list'].map((m) => [m, handlerOf(m)])),
      'writers.list': () => [1, 2, 3, 4, 5].map((id) => writer(id, `Dr. W${id}`, 'us')),
      'letters.list': () => [1, 2, 3, 4, 5].map((id) => letter(id, id, 'uploaded')),
      'letters.assignments': () => assignments,
    });
    render(<LettersScreen />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Assignments' }));
    const row = (await screen.findByText('Heartland Medical Center (Preliminary)')).closest('tr')!;
    await userEvent.click(within(row).getByRole('checkbox', { name: 'Assign Dr. W5 to Heartland Medical Center (Preliminary)' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Heartland Medical Center (Preliminary) already has 4 letters: ERAS allows at most 4 per program. Unassign one first.');
    expect(fake.methods()).not.toContain('letters.assign');
  });

  it('warns before the same template goes to more programs today than the seed would call targeted', async () => {
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    log = [20, 21, 22, 23, 24].map((programId, i) => ({ id: i + 1, programId, channel: 'email', direction: 'sent', date: iso, contact: '', subject: 'x', body: '', notes: '', templateId: 1, createdAt: stamp }));
    render(<LettersScreen />);
    await userEvent.click(await screen.findByRole('tab', { name: 'Messages' }));
    expect((await screen.findByText(/This template already went to 5 programs today/)).textContent).toMatch(/do not spam/);
    const composer = screen.getByRole('region', { name: /^Write to/ });
    expect((within(composer).getByRole('textbox', { name: 'Subject' }) as HTMLInputElement).value).toBe('Interest in your preliminary surgery position – Amina Rahman');
  });
});

/** The handler installed in beforeEach for a method (to reuse it in a test with other data). */
function handlerOf(method: string) {
  const defaults: Record<string, () => unknown> = {
    'writers.list': () => [],
    'letters.settings': () => ({ reminderDays: 14 }),
    'documents.list': () => [],
    'documents.assignments': () => [],
    'applications.list': () => [application(1, 10, 'submitted'), application(2, 11, 'considering')],
    'programs.list': () => [program(10, 'Riverbend Community Hospital'), program(11, 'Heartland Medical Center')],
    'profile.get': () => ({ profile: seedExampleProfile(), updatedAt: stamp }),
    'templates.list': () => templates,
    'communications.list': () => log,
  };
  return defaults[method]!;
}
