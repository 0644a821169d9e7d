import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProfileScreen } from '../../renderer/screens/profile/ProfileScreen';
import { useProfileStore } from '../../renderer/stores/profile-store';
import { EMPTY_PROFILE, type Profile } from '../../shared/domain/profile';
import { seedExampleProfile } from '../fixtures';
import { installFakeTransport } from './fake-transport';

let stored: Profile;
let fake: ReturnType<typeof installFakeTransport>;

beforeEach(() => {
  useProfileStore.setState({ saved: null, loadError: null });
  stored = seedExampleProfile();
  fake = installFakeTransport({
    'profile.get': () => ({ profile: stored, updatedAt: '2026-11-01T10:00:00Z' }),
    'profile.save': (input) => {
      stored = input as Profile;
      return { profile: stored, updatedAt: '2026-11-25T10:00:00Z' };
    },
  });
});

const field = (name: string) => document.querySelector<HTMLElement>(`[data-field="${name}"]`)!;
const input = (name: string) => field(name).querySelector('input, select') as HTMLInputElement;

describe('Profile screen', () => {
  it('shows the saved profile', async () => {
    render(<ProfileScreen />);
    await waitFor(() => expect(input('fullName').value).toBe('Amina Rahman'));
    expect(input('step2ckScore').value).toBe('230');
    expect((input('visaNeed') as unknown as HTMLSelectElement).value).toBe('j1');
  });

  it('refuses a Step 2 CK of 400 with a message next to the field and does not call save', async () => {
    const user = userEvent.setup();
    render(<ProfileScreen />);
    await waitFor(() => expect(input('step2ckScore').value).toBe('230'));
    await user.clear(input('step2ckScore'));
    await user.type(input('step2ckScore'), '400');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(within(field('step2ckScore')).getByRole('alert').textContent).toMatch(/between 1 and 300/);
    expect(screen.getByText(/Nothing was saved: fix the 1 highlighted field\./)).toBeTruthy();
    expect(fake.methods()).not.toContain('profile.save');
  });

  it('refuses a graduation year in the future', async () => {
    const user = userEvent.setup();
    render(<ProfileScreen />);
    await waitFor(() => expect(input('graduationYear').value).toBe('2022'));
    await user.clear(input('graduationYear'));
    await user.type(input('graduationYear'), String(new Date().getFullYear() + 2));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(within(field('graduationYear')).getByRole('alert').textContent).toMatch(/cannot be in the future/);
    expect(fake.methods()).not.toContain('profile.save');
  });

  it('saves valid changes, including a new USCE entry, and says when', async () => {
    stored = EMPTY_PROFILE;
    const user = userEvent.setup();
    render(<ProfileScreen />);
    await waitFor(() => expect(input('fullName').value).toBe(''));
    await user.type(input('fullName'), 'Dr Test');
    await user.click(screen.getByRole('button', { name: /Add experience/ }));
    await user.type(input('usce.0.hospital'), 'County General');
    await user.type(input('usce.0.state'), 'MI');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Saved at/));
    expect(stored.fullName).toBe('Dr Test');
    expect(stored.usce).toEqual([expect.objectContaining({ hospital: 'County General', state: 'MI', weeks: 4, type: 'elective' })]);
  });

  it('shows the field errors the main process returns', async () => {
    fake = installFakeTransport({
      'profile.get': () => ({ profile: stored, updatedAt: null }),
      'profile.save': () => ({ ok: false, error: { code: 'invalid_input', message: 'Please fix: email', issues: [{ path: 'email', message: 'Server says no.' }] } }),
    });
    const user = userEvent.setup();
    render(<ProfileScreen />);
    await waitFor(() => expect(input('fullName').value).toBe('Amina Rahman'));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(within(field('email')).getByRole('alert').textContent).toBe('Server says no.'));
  });
});
