// What only the browser draws. The browser-mode host draws the first screen into the page
// (renderer/first-screen-server.tsx) and the browser's first pass over that page (hydration)
// must draw the same; a part whose code loads on demand (a chart, the reminder poller) is left
// out of both and comes in right after. Without a page drawn by the host it is there at once.
// (React's documented way: useSyncExternalStore's server snapshot is used only then.)
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

export function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
