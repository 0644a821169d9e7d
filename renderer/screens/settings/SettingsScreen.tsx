import { useState } from 'react';
import { DatabaseBackup, RotateCcw } from 'lucide-react';
import type { BackupInfo, BackupReason } from '../../../shared/api/backup-api';
import { errorMessage } from '../../api/client';
import { ConfirmDialog } from '../../components/Modal';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useBackupsStore } from '../../stores/backups-store';
import { useWatch } from '../../stores/live';
import { DataCard } from '../transfer/DataCard';
import { LoadErrorBanner } from '../../components/Notice';
import { formatDateTime } from '../../components/format';

const REASON_LABELS: Record<BackupReason, string> = {
  startup: 'At start-up',
  manual: 'Backed up by you',
  'before-restore': 'Before a restore',
  'before-migration': 'Before an update',
  'before-import': 'Before an import',
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** When a backup was taken, to the second (two backups can be a minute apart). */
function formatWhen(iso: string): string {
  return formatDateTime(iso, { seconds: true });
}

export function SettingsScreen() {
  return (
    <div className="screen">
      <ScreenHeader title="Settings" subtitle="Backups and where your data lives." />
      <BackupsCard />
      <DataCard />
    </div>
  );
}

type Status = { kind: 'idle' | 'working' | 'ok' | 'error'; message?: string };

function BackupsCard() {
  // The desktop menu's "Back Up Now" goes through the same method, so its backup shows here too.
  const { info, list, loadError, load, create, restore: restoreBackup } = useBackupsStore();
  useWatch(useBackupsStore);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);

  const backUpNow = async () => {
    setStatus({ kind: 'working', message: 'Backing up…' });
    try {
      const made = await create();
      setStatus({ kind: 'ok', message: `Backed up at ${formatWhen(made.createdAt)}.` });
    } catch (err) {
      setStatus({ kind: 'error', message: errorMessage(err) });
    }
  };

  const restore = async (backup: BackupInfo) => {
    setStatus({ kind: 'working', message: 'Restoring…' });
    try {
      await restoreBackup(backup.file);
      setConfirm(null);
      setStatus({ kind: 'ok', message: `Restored the backup of ${formatWhen(backup.createdAt)}; every screen now shows its data.` });
    } catch (err) {
      setConfirm(null);
      setStatus({ kind: 'error', message: errorMessage(err) });
    }
  };

  const working = status.kind === 'working';
  return (
    <section className="card backups" aria-labelledby="backups-title">
      <div className="card-title-row">
        <h2 id="backups-title">Backups</h2>
        <button type="button" className="primary" onClick={() => void backUpNow()} disabled={working}>
          <DatabaseBackup size={16} aria-hidden /> Back up now
        </button>
      </div>
      <p className="hint">
        Prelim Tracker backs up your data each time it starts and before it updates the database. It keeps the last 10 backups and one a day for the
        last week.
      </p>
      {info ? (
        <dl className="data-location">
          <dt>Your data</dt>
          <dd>
            <code>{info.databasePath}</code>
          </dd>
          {list ? (
            <>
              <dt>Backups</dt>
              <dd>
                <code>{list.dir}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {status.message ? (
        <p className={`save-status${status.kind === 'ok' ? ' ok' : status.kind === 'error' ? ' error' : ''}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.message}
        </p>
      ) : null}
      {loadError ? (
        <LoadErrorBanner message={loadError} onRetry={() => void load()} />
      ) : !list ? (
        <p className="muted">Loading…</p>
      ) : list.backups.length === 0 ? (
        <p className="muted empty-line">No backups yet. “Back up now” makes one.</p>
      ) : (
        <table className="backup-list">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.file} data-backup={b.file}>
                <td>
                  <time dateTime={b.createdAt} title={b.file}>
                    {formatWhen(b.createdAt)}
                  </time>
                </td>
                <td>{REASON_LABELS[b.reason]}</td>
                <td className="num">{formatBytes(b.size)}</td>
                <td className="actions">
                  <button type="button" className="ghost" onClick={() => setConfirm(b)} disabled={working} aria-label={`Restore the backup of ${formatWhen(b.createdAt)}`}>
                    <RotateCcw size={15} aria-hidden /> Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm ? (
        <ConfirmDialog
          title="Restore this backup?"
          message={
            <>
              Your data will be replaced by the backup of <strong>{formatWhen(confirm.createdAt)}</strong>. Your current data is backed up first, so you
              can go back to it from this list.
            </>
          }
          confirmLabel="Restore"
          busy={working}
          onConfirm={() => void restore(confirm)}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </section>
  );
}
