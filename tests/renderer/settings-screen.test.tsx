import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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
    render(<SettingsScreen onRestored={() => undefined} />);
    await screen.findByText('/home/amina/.config/Prelim Tracker/prelim-tracker.db');
    expect(screen.getByText('At start-up')).toBeTruthy();
    expect(screen.getByText('2.0 KB')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await screen.findByText('Backed up by you');
    expect(fake.methods()).toContain('backups.create');
    expect(document.querySelectorAll('table.backup-list tbody tr')).toHaveLength(2);
  });

  it('asks before restoring, says the current data is backed up first, then reloads', async () => {
    const onRestored = vi.fn();
    render(<SettingsScreen onRestored={onRestored} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Restore the backup of/ }));
    const dialog = screen.getByRole('dialog', { name: 'Restore this backup?' });
    expect(dialog.textContent).toContain('Your current data is backed up first');
    expect(fake.methods()).not.toContain('backups.restore');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledOnce());
    expect(fake.calls.find((c) => c.method === 'backups.restore')?.input).toEqual({ file: backups[0]!.file });
  });

  it('shows a refused restore and does not reload', async () => {
    restoreAnswer = { ok: false, error: { code: 'invalid_input', message: 'Nothing was restored: x.db is damaged.' } };
    const onRestored = vi.fn();
    render(<SettingsScreen onRestored={onRestored} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Restore the backup of/ }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Restore' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was restored: x.db is damaged.');
    expect(onRestored).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
