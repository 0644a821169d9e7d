// Message templates and the communication log (all programs; screens filter by program).
import { create } from 'zustand';
import type { Communication, MessageTemplate } from '../../shared/domain/communications';
import { api } from '../api/client';
import { liveLoader } from './live';

interface MessagesState {
  templates: MessageTemplate[];
  log: Communication[];
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
}

export const useMessagesStore = create<MessagesState>((set) => {
  const live = liveLoader(
    ['communications'],
    () => Promise.all([api('templates.list'), api('communications.list')]),
    ([templates, log]) => set({ templates, log, loadError: null }),
    (loadError) => set({ loadError }),
  );
  return { templates: [], log: [], loadError: null, load: live.load, watch: live.watch };
});
