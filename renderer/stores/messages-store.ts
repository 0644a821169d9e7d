// Message templates and the communication log (all programs; screens filter by program).
// Writes do not reload here: the main process announces the change and this store reloads.
import { create } from 'zustand';
import type { InputOf } from '../../shared/api/contract';
import type { Communication, MessageTemplate } from '../../shared/domain/communications';
import { api } from '../api/client';
import { liveLoader } from './live';

interface MessagesState {
  templates: MessageTemplate[];
  log: Communication[];
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** The mutations throw ApiCallError when refused (nothing is written then). */
  logMessage(input: InputOf<'communications.log'>): Promise<void>;
  deleteMessage(id: number): Promise<void>;
  saveTemplate(input: InputOf<'templates.save'>): Promise<MessageTemplate>;
  deleteTemplate(id: number): Promise<void>;
  resetTemplate(id: number): Promise<void>;
}

export const useMessagesStore = create<MessagesState>((set) => {
  const live = liveLoader(
    ['communications'],
    () => Promise.all([api('templates.list'), api('communications.list')]),
    ([templates, log]) => set({ templates, log, loadError: null }),
    (loadError) => set({ loadError }),
  );
  return {
    templates: [],
    log: [],
    loadError: null,
    load: live.load,
    watch: live.watch,
    async logMessage(input) {
      await api('communications.log', input);
    },
    async deleteMessage(id) {
      await api('communications.delete', { id });
    },
    saveTemplate: (input) => api('templates.save', input),
    async deleteTemplate(id) {
      await api('templates.delete', { id });
    },
    async resetTemplate(id) {
      await api('templates.reset', { id });
    },
  };
});
