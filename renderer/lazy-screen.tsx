// A screen loaded only when it is first opened (its code is a separate chunk).
//
// A screen whose code is already here renders directly, without a Suspense boundary: React
// holds back content that resolves after a fallback was shown (up to 300 ms, so a page does
// not "pop in" piece by piece), which made the first screen of a fresh load wait for nothing.
// So main.tsx loads the first screen's code before the first render, and the sidebar loads a
// screen's code when a link is pointed at or focused; only a screen opened before its code is
// here shows "Loading…".
import { Suspense, lazy, useState, type ComponentType, type ReactElement } from 'react';

export type LazyScreen = (() => ReactElement) & {
  /** Loads the screen's code (once); resolves when it can render directly. */
  preload(): Promise<void>;
  /**
   * Starts watching the screen's main store (its data starts loading while the code does);
   * returns the release, to call once the screen watches it itself (the store stays watched
   * in between, so no change is missed and the screen's own watch adds no second load).
   */
  prefetchData(): () => void;
};

/** A store that loads while watched (renderer/stores/live.ts). */
interface Watchable {
  getState(): { watch(): () => void };
}

/**
 * `store`: the screen's main store, for the screens that may be the first one shown: it is
 * here with the first load (a store is small), so its data is asked for at once, before
 * React itself is ready (renderer/boot.ts).
 */
export function lazyScreen(load: () => Promise<{ default: ComponentType }>, store?: Watchable): LazyScreen {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const fetchScreen = () => {
    pending ??= load().then(
      (m) => (loaded = m.default),
      (err: unknown) => {
        pending = null; // a failed chunk load may be retried (e.g. after the host restarted)
        throw err;
      },
    );
    return pending;
  };
  const Lazy = lazy(() => fetchScreen().then((Screen) => ({ default: Screen })));
  function Screen(): ReactElement {
    // Decided once per mount, so a screen never switches between the two trees (which would remount it).
    const [direct] = useState(() => loaded);
    if (direct) {
      const Direct = direct;
      return <Direct />;
    }
    return (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <Lazy />
      </Suspense>
    );
  }
  const prefetchData = () => {
    const unwatch = store?.getState().watch();
    return () => unwatch?.();
  };
  return Object.assign(Screen, { preload: () => fetchScreen().then(() => undefined), prefetchData });
}
