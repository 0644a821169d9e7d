import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../renderer/screens/settings/SettingsScreen';
import { useBackupsStore } from '../../renderer/stores/backups-store';
import type { BackupInfo } from '../../shared/api/backup-api';
import { installFakeTransport } from './fake-transport';

let backups: BackupInfo[];
let fake: ReturnType<typeof installFakeTransport>;
let restoreAnswer: unknown;

beforeEach(() => {
  useBackupsStore.setState({ info: null, list: null, loadError: null });
  backups = [{ file: 'prelim-tracker-2026-11-24T08-00-00-000Z-startup.db', reason: 'startup', createdAt: '2026-11-24T08:00:00.000Z', size: 2048 }];
  restoreAnswer = { restored: backups[0]!.file, safetyBackup: backups[0], schemaVersion: 2 };
  fake = installFakeTransport({
    'app.info': () => ({ version: '0.1.0', schemaVersion: 2, databasePath: '/home/amina/.config/Prelim Tracker/prelim-tracker.db', mode: 'browser' }),
    'backups.list': () => ({ dir: '/home/amina/.config/Prelim Tracker/backups', backups }),
    'backups.create': () => {
      const made: BackupInfo = { file: 'prelim-tracker-2026-11-25T10-00-00-000Z-manual.db', reason: 'manual', createdAt: '2026-11-25T10:00:00.000Z', size: 4096 };
      backups = [made, ...backups];
      return made;
    },
    'backups.restore': () => restoreAnswer,
  });
});

describe('Settings: backups', () => {
  it('shows where the data lives and the backups, and backs up now', async () => {
    render(<SettingsScreen />);
    await screen.findByText('/home/amina/.config/Prelim Tracker/prelim-tracker.db');
    expect(screen.getByText('At start-up')).toBeTruthy();
    expect(screen.getByText('2.0 KB')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await screen.findByText('Backed up by you');
    expect(fake.methods()).toContain('backups.create');
    expect(document.querySelectorAll('table.backup-list tbody tr')).toHaveLength(2);
  });

  it('asks before restoring, says the current data is backed up first, then the screen reloads its data without reloading the page', async () => {
    render(<SettingsScreen />);
    await userEvent.click(await screen.findByRole('button', { name: /^Restore the backup of/ }));
    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog.textContent).toContain('Your current data is backed up first');
    expect(fake.methods()).not.toContain('backups.restore');
    const listsBefore = fake.methods().filter((m) => m === 'backups.list').length;
    backups = [{ file: 'prelim-tracker-2026-11-25T11-00-00-000Z-before-restore.db', reason: 'before-restore', createdAt: '2026-11-25T11:00:00.000Z', size: 4096 }, ...backups];
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    // The restore announces that everything changed: the backups list reloads once and shows the safety backup.
    await screen.findByText('Before a restore');
    expect((await screen.findByRole('status')).textContent).toMatch(/^Restored the backup of .*every screen now shows its data\.$/);
    expect(fake.calls.find((c) => c.method === 'backups.restore')?.input).toEqual({ file: backups[1]!.file });
    await waitFor(() => expect(fake.methods().filter((m) => m === 'backups.list').length).toBe(listsBefore + 1));
  });

  it('shows a refused restore and keeps the data as it was', async () => {
    restoreAnswer = { ok: false, error: { code: 'invalid_input', message: 'Nothing was restored: x.db is damaged.' } };
    render(<SettingsScreen />);
    await userEvent.click(await screen.findByRole('button', { name: /^Restore the backup of/ }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was restored: x.db is damaged.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
