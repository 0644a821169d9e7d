// Backups of the database and restoring one.
import { z } from 'zod';
import { method, noInput } from './define';
import { ALL_DOMAINS } from './domains';
import { trimText } from '../domain/bounds';

export const BACKUP_REASONS = ['startup', 'manual', 'before-restore', 'before-migration', 'before-import'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** prelim-tracker-<UTC timestamp with ':' and '.' as '-'>-<reason>.db */
export const BACKUP_FILE_PATTERN = `^prelim-tracker-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)-(${BACKUP_REASONS.join('|')})\\.db$`;

export interface BackupInfo {
  /** The file name inside the backups folder. */
  file: string;
  reason: BackupReason;
  /** ISO time (UTC) the backup was taken. */
  createdAt: string;
  /** Bytes. */
  size: number;
}

export interface BackupList {
  /** The folder backups are kept in. */
  dir: string;
  backups: BackupInfo[];
}

const isAbsolutePath = (v: string) => v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\\\');

export const backupApi = {
  /** Every backup in the backups folder, newest first. */
  'backups.list': method<BackupList>()(noInput),
  /** Backs up the database now. */
  'backups.create': method<BackupInfo>()(noInput, { writes: ['backups'] }),
  /** Replaces the data with a backup; the current data is backed up first. */
  'backups.restore': method<{ restored: string; safetyBackup: BackupInfo; schemaVersion: number }>()(
    z
      .object({
        file: z
          .string()
          .overwrite(trimText)
          .min(1, 'Choose a backup to restore.')
          .max(4096)
          .refine((v) => new RegExp(BACKUP_FILE_PATTERN).test(v) || (isAbsolutePath(v) && v.toLowerCase().endsWith('.db')), {
            message: 'Choose one of the listed backups, or give the full path of a .db file.',
          }),
      })
      .strict(),
    { writes: ALL_DOMAINS },
  ),
};
