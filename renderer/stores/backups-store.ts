import { create } from 'zustand';
import type { AppInfo } from '../../shared/api/app-api';
import type { BackupList } from '../../shared/api/backup-api';
import { api, errorMessage } from '../api/client';

interface BackupsState {
  info: AppInfo | null;
  list: BackupList | null;
  loadError: string | null;
  load(): Promise<void>;
}

export const useBackupsStore = create<BackupsState>((set) => ({
  info: null,
  list: null,
  loadError: null,
  async load() {
    try {
      const [info, list] = await Promise.all([api('app.info'), api('backups.list')]);
      set({ info, list, loadError: null });
    } catch (err) {
      set({ loadError: errorMessage(err) });
    }
  },
}));
