// Which screen is shown, kept in the URL hash so a reload stays on the same screen. A screen
// with unsaved changes sets a leave question: going elsewhere (sidebar, a link, the address
// or Back) then waits for the user's answer (renderer/components/LeaveGuard.tsx).
import { useEffect } from 'react';
import { create } from 'zustand';
import { useUnsavedEdits } from './unsaved';

export const SECTION_IDS = ['dashboard', 'profile', 'programs', 'signals', 'applications', 'invitations', 'letters', 'readiness', 'deadlines', 'costs', 'soap', 'settings', 'data', 'prelim', 'seasons', 'report'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export function sectionOfHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (SECTION_IDS as readonly string[]).includes(id) ? (id as SectionId) : 'dashboard';
}

interface RouteState {
  section: SectionId;
  /**
   * Counts the visits: each time the user goes to an address (another screen, or the same
   * screen with another filter, or its sidebar entry to see it without one). The screen is
   * drawn afresh for each visit, so it reads the filter in the address again.
   */
  visit: number;
  /** Set while the shown screen holds unsaved changes: what leaving it would lose. */
  leaveQuestion: string | null;
  /** Where the user asked to go while leaving asks (the question is on screen). */
  pending: string | null;
  go(section: SectionId): void;
  /** Shows the screen of `hash` ("#/programs?tier=tier2"), asking first if this one has unsaved changes. */
  navigate(hash: string): void;
  setLeaveQuestion(question: string | null): void;
  /** The answer "leave without saving": goes where the user asked. */
  leave(): void;
  /** The answer "stay": nothing changes. */
  stay(): void;
}

const hasLocation = typeof location !== 'undefined';
/** The hash of what is shown (to put back when leaving is asked about). */
let shownHash = hasLocation ? location.hash : '';

export const useRoute = create<RouteState>((set, get) => {
  const show = (hash: string) => {
    const again = hash !== shownHash;
    shownHash = hash;
    if (hasLocation && location.hash !== hash) location.hash = hash;
    set((s) => ({ section: sectionOfHash(hash), pending: null, visit: again ? s.visit + 1 : s.visit }));
  };
  return {
    section: hasLocation ? sectionOfHash(location.hash) : 'dashboard',
    visit: 0,
    leaveQuestion: null,
    pending: null,
    go(section) {
      // The sidebar entry of the screen shown with a filter shows it without one.
      get().navigate(`#/${section}`);
    },
    navigate(hash) {
      if (get().leaveQuestion !== null && hash !== shownHash) set({ pending: hash });
      else show(hash);
    },
    setLeaveQuestion(question) {
      set({ leaveQuestion: question });
    },
    leave() {
      const { pending } = get();
      set({ leaveQuestion: null, pending: null });
      if (pending !== null) show(pending);
    },
    stay() {
      set({ pending: null });
    },
  };
});

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    const hash = location.hash;
    if (hash === shownHash) return;
    const { section, leaveQuestion } = useRoute.getState();
    if (leaveQuestion !== null) {
      // Typed in the address bar or Back: put the shown screen's address back and ask.
      history.replaceState(history.state, '', shownHash || `#/${section}`);
      useRoute.setState({ pending: hash });
      return;
    }
    shownHash = hash;
    useRoute.setState((s) => ({ section: sectionOfHash(hash), visit: s.visit + 1 }));
  });
}

/** While `unsaved` is true, leaving the screen (or closing the window) asks `question` first. */
export function useLeaveGuard(unsaved: boolean, question: string): void {
  const setLeaveQuestion = useRoute((s) => s.setLeaveQuestion);
  useUnsavedEdits(unsaved);
  useEffect(() => {
    if (!unsaved) return;
    setLeaveQuestion(question);
    return () => setLeaveQuestion(null);
  }, [unsaved, question, setLeaveQuestion]);
}
