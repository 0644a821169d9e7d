import { create } from 'zustand';
import type { AppInfo } from '../../shared/api/app-api';
import type { BackupInfo, BackupList } from '../../shared/api/backup-api';
import { api } from '../api/client';
import { liveLoader } from './live';

interface BackupsState {
  info: AppInfo | null;
  list: BackupList | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Backs up now; throws ApiCallError when it fails. */
  create(): Promise<BackupInfo>;
  /**
   * Replaces the data with a backup (the current data is backed up first). The main process
   * announces that everything changed, so every store shown reloads: no page reload.
   */
  restore(file: string): Promise<void>;
}

export const useBackupsStore = create<BackupsState>((set) => {
  const live = liveLoader(
    ['backups'],
    () => Promise.all([api('app.info'), api('backups.list')]),
    ([info, list]) => set({ info, list, loadError: null }),
    (loadError) => set({ loadError }),
  );
  return {
    info: null,
    list: null,
    loadError: null,
    load: live.load,
    watch: live.watch,
    create: () => api('backups.create'),
    async restore(file) {
      try {
        await api('backups.restore', { file });
      } catch (err) {
        await live.load();
        throw err;
      }
    },
  };
});
