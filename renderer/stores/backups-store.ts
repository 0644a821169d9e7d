import { create } from 'zustand';
import type { AppInfo } from '../../shared/api/app-api';
import type { BackupList } from '../../shared/api/backup-api';
import { api } from '../api/client';
import { liveLoader } from './live';

interface BackupsState {
  info: AppInfo | null;
  list: BackupList | null;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
}

export const useBackupsStore = create<BackupsState>((set) => {
  const live = liveLoader(
    ['backups'],
    () => Promise.all([api('app.info'), api('backups.list')]),
    ([info, list]) => set({ info, list, loadError: null }),
    (loadError) => set({ loadError }),
  );
  return { info: null, list: null, loadError: null, load: live.load, watch: live.watch };
});
