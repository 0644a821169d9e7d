// The interview invitation inbox (docs/DOMAIN.md §8).
import { create } from 'zustand';
import type { InvitationsView } from '../../shared/api/invitations-api';
import type { StatusMove } from '../../shared/api/pipeline-api';
import type { Invitation, InvitationSaveInput } from '../../shared/domain/invitation';
import { api } from '../api/client';
import { liveLoader } from './live';

interface InvitationsState {
  view: InvitationsView | null;
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Throws ApiCallError when refused (nothing is written then). */
  save(input: InvitationSaveInput): Promise<{ invitation: Invitation; moves: StatusMove[] }>;
  remove(id: number): Promise<void>;
}

export const useInvitationsStore = create<InvitationsState>((set, get) => {
  const live = liveLoader(
    ['interviews', 'applications', 'programs', 'settings'],
    () => api('invitations.list'),
    (view) => set({ view, loaded: true, loadError: null }),
    (loadError) => set({ loadError, loaded: true }),
  );
  return {
    view: null,
    loaded: false,
    loadError: null,
    load: live.load,
    watch: live.watch,
    async save(input) {
      const saved = await api('invitations.save', input);
      await get().load();
      return saved;
    },
    async remove(id) {
      await api('invitations.delete', { id });
      await get().load();
    },
  };
});
