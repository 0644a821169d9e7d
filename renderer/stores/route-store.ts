// Which screen is shown, kept in the URL hash so a reload stays on the same screen.
import { create } from 'zustand';

export const SECTION_IDS = ['dashboard', 'profile', 'programs', 'applications', 'letters', 'readiness', 'deadlines', 'soap', 'settings', 'data', 'prelim', 'seasons', 'report'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

function fromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (SECTION_IDS as readonly string[]).includes(id) ? (id as SectionId) : 'dashboard';
}

interface RouteState {
  section: SectionId;
  go(section: SectionId): void;
}

export const useRoute = create<RouteState>((set) => ({
  section: typeof location === 'undefined' ? 'dashboard' : fromHash(location.hash),
  go(section) {
    if (typeof location !== 'undefined' && fromHash(location.hash) !== section) location.hash = `#/${section}`;
    set({ section });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRoute.setState({ section: fromHash(location.hash) }));
}
