// The start's first steps, before React: main.tsx imports this module first, so it runs
// before react-dom (the largest part of the first load) is evaluated. The first screen's code
// and its main store's data are asked for here, and arrive while React gets ready.
import { preloadScreen, SCREENS } from './screen-registry';
import { useClockStore } from './stores/clock-store';
import { useRoute } from './stores/route-store';

const first = useRoute.getState().section;
/** The first screen's data: watched from now until the screen watches it itself (call once it did). */
export const releaseFirstScreenData = SCREENS[first].prefetchData();
/** Resolves once the first screen's code is here (it then renders at once, see lazy-screen.tsx). */
export const firstScreenReady = preloadScreen(first);
// The user's zone for today's date, kept while the app runs.
useClockStore.getState().watch();
