import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApplicationsScreen } from '../../renderer/screens/applications/ApplicationsScreen';
import { usePipelineStore } from '../../renderer/stores/pipeline-store';
import { userTimeZone } from '../../renderer/screens/applications/pipeline-format';
import type { ApplicationOverview } from '../../shared/api/pipeline-api';
import type { Interview } from '../../shared/domain/interview';
import { installFakeTransport } from './fake-transport';

const app = (id: number, name: string): ApplicationOverview => ({
  id, programId: 100 + id, status: 'interview_scheduled', statusDate: '2026-10-01', submittedOn: '2026-09-24', notes: '', createdAt: '', updatedAt: '',
  program: { institutionName: name, track: 'preliminary', city: '', state: 'OH', nrmpCode: '', isSample: false }, interviewCount: 1, rank: null, reached: 'interview_scheduled',
});
const interview = (id: number, applicationId: number, localStart: string | null, timeZone: string | null, extra: Partial<Interview> = {}): Interview => ({
  id, applicationId, invitedOn: '2026-10-01', respondBy: null, localStart, timeZone, durationMinutes: 240, platform: 'zoom', location: '', completed: false, impressions: '', score: null, createdAt: '', updatedAt: '', ...extra,
});

let fake: ReturnType<typeof installFakeTransport>;
let interviews: Interview[];
let prep = { ownership: '', reflection: '', evidence: '', reassurance: '', updatedAt: null as string | null };

beforeEach(() => {
  usePipelineStore.setState({ applications: [], interviews: [], loaded: false, loadError: null });
  // 10:00 in New York and 09:30 in Chicago, four hours each: they overlap by 3 h 30 min.
  interviews = [interview(1, 1, '2026-11-10T10:00', 'America/New_York'), interview(2, 2, '2026-11-10T09:30', 'America/Chicago'), interview(3, 3, null, null, { respondBy: '2026-10-03' })];
  fake = installFakeTransport({
    'applications.overview': () => [app(1, 'Alpha Hospital'), app(2, 'Beta Medical Center'), { ...app(3, 'Gamma Regional'), status: 'interview_invited' }],
    'interviews.list': () => interviews,
    'programs.list': () => [],
    'tiers.list': () => ({ today: '2026-11-25', profileSaved: true, tiers: [] }),
    'interviews.save': (input) => ({ interview: { ...interview(9, 3, null, null), ...(input as object) }, moves: [{ applicationId: 3, from: 'interview_invited', to: 'interview_scheduled', date: '2026-11-25' }] }),
    'prepCard.get': () => prep,
    'prepCard.save': (input) => (prep = { ...(input as typeof prep), updatedAt: '2026-11-25T12:00:00Z' }),
  });
});

async function openInterviews() {
  const user = userEvent.setup();
  render(<ApplicationsScreen />);
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Interviews (3)' })).toBeTruthy());
  await user.click(screen.getByRole('tab', { name: 'Interviews (3)' }));
  return user;
}

describe('Interviews', () => {
  it('shows the conflict between interviews given in two zones, and each time in its own zone', async () => {
    await openInterviews();
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('One conflict between interviews');
    expect(banner.textContent).toContain('Alpha Hospital (Preliminary) and Beta Medical Center (Preliminary) overlap by 3 h 30 min.');
    const rows = document.querySelectorAll('tr[data-interview-id]');
    // In time order: 10:00 EST is 15:00 UTC, 09:30 CST is 15:30 UTC; the unscheduled one last.
    expect([...rows].map((r) => r.getAttribute('data-interview-id'))).toEqual(['1', '2', '3']);
    expect(rows[0]!.textContent).toContain('Tue, Nov 10, 10:00 AM EST');
    expect(rows[1]!.textContent).toContain('Tue, Nov 10, 9:30 AM CST');
    expect(rows[0]!.className).toBe('has-conflict');
    // Issue 13: each row names the other program of the conflict.
    expect(rows[0]!.textContent).toContain('Overlaps Beta Medical Center (Preliminary)');
    expect(rows[1]!.textContent).toContain('Overlaps Alpha Hospital (Preliminary)');
    expect(rows[2]!.textContent).toContain('Not scheduled');
    expect(rows[2]!.textContent).toMatch(/Reply by Oct 3, 2026 \(past\)/);
  });

  it('previews the time in both zones, checks the form before sending, and says how the status moved', async () => {
    const user = await openInterviews();
    await user.click(screen.getByRole('button', { name: 'Record an invitation' }));
    const dialog = screen.getByRole('dialog');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Application' }), '3');
    const start = dialog.querySelector<HTMLInputElement>('input[name="localStart"]')!;
    fireEvent.change(start, { target: { value: '2026-11-03T09:00' } });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Time zone of that time' }), 'America/Chicago');
    const preview = dialog.querySelector('.tz-preview')!.textContent!;
    expect(preview).toContain('Tue, Nov 3, 2026, 9:00 AM CST');
    if (userTimeZone() !== 'America/Chicago') expect(preview).toMatch(/there = Tue, Nov 3, 2026, \d{1,2}:\d\d (AM|PM) .* for you/);

    // A reply date before the invitation is refused next to the field; nothing is sent.
    fireEvent.change(dialog.querySelector<HTMLInputElement>('input[name="invitedOn"]')!, { target: { value: '2026-10-10' } });
    fireEvent.change(dialog.querySelector<HTMLInputElement>('input[name="respondBy"]')!, { target: { value: '2026-10-01' } });
    await user.click(within(dialog).getByRole('button', { name: 'Save interview' }));
    expect(dialog.querySelector('[data-field="respondBy"] .error')!.textContent).toBe('The reply date cannot be before the invitation arrived.');
    expect(fake.methods()).not.toContain('interviews.save');

    fireEvent.change(dialog.querySelector<HTMLInputElement>('input[name="respondBy"]')!, { target: { value: '2026-10-12' } });
    await user.click(within(dialog).getByRole('button', { name: 'Save interview' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved; the application moved to Interview scheduled.'));
    expect(fake.calls.find((c) => c.method === 'interviews.save')!.input).toMatchObject({ applicationId: 3, invitedOn: '2026-10-10', respondBy: '2026-10-12', localStart: '2026-11-03T09:00', timeZone: 'America/Chicago', completed: false, score: null });
  });
});

describe('Interview prep card', () => {
  it('shows the four parts with their guidance and saves them', async () => {
    const user = userEvent.setup();
    render(<ApplicationsScreen />);
    await user.click(screen.getByRole('tab', { name: 'Interview prep' }));
    const ownership = await screen.findByRole('textbox', { name: /Ownership — No blaming, no excuses/ });
    expect(screen.getByRole('textbox', { name: /Evidence of improvement/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Reassurance/ })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Reflection — What you learned/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save card' }).hasAttribute('disabled')).toBe(true);
    await user.type(ownership, 'My Step 1 preparation was poorly structured.');
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    await waitFor(() => expect(screen.getByText('Prep card saved.')).toBeTruthy());
    expect(fake.calls.find((c) => c.method === 'prepCard.save')!.input).toEqual({ ownership: 'My Step 1 preparation was poorly structured.', reflection: '', evidence: '', reassurance: '' });
  });
});
