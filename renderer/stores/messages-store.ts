// Message templates and the communication log (all programs; screens filter by program).
import { create } from 'zustand';
import type { Communication, MessageTemplate } from '../../shared/domain/communications';
import { api, errorMessage } from '../api/client';

interface MessagesState {
  templates: MessageTemplate[];
  log: Communication[];
  loadError: string | null;
  load(): Promise<void>;
}

export const useMessagesStore = create<MessagesState>((set) => ({
  templates: [],
  log: [],
  loadError: null,
  async load() {
    try {
      const [templates, log] = await Promise.all([api('templates.list'), api('communications.list')]);
      set({ templates, log, loadError: null });
    } catch (err) {
      set({ loadError: errorMessage(err) });
    }
  },
}));
