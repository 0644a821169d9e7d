// Unsaved edits anywhere in the window (a screen's draft, a dialog's form): while there are
// any, closing or reloading the window asks first. The browser shows its own "Leave site?"
// question for a beforeunload that is cancelled; the desktop shell turns it into a native
// question (electron/shell/main.ts, 'will-prevent-unload').
import { useEffect } from 'react';

const holders = new Set<symbol>();

/** True while some screen or dialog holds unsaved edits. */
export function hasUnsavedEdits(): boolean {
  return holders.size > 0;
}

/** While `unsaved` is true, closing or reloading the window asks first. */
export function useUnsavedEdits(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const key = Symbol('unsaved');
    holders.add(key);
    return () => {
      holders.delete(key);
    };
  }, [unsaved]);
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (e) => {
    if (!hasUnsavedEdits()) return;
    // Both the standard call and the legacy returnValue, which some browsers still need.
    e.preventDefault();
    e.returnValue = '';
  });
}
