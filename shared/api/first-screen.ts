// The page the browser-mode host sends with the first screen drawn in it (docs/ARCHITECTURE.md,
// "The first screen"): what the host (electron/web/first-screen.ts) and the page
// (renderer/first-screen.ts) agree on.
import type { Method, OutputOf } from './contract';

/** The calls the Dashboard makes when it is shown (each without input): its own, the season budget card's, the sidebar's season. */
export const FIRST_SCREEN_CALLS = ['dashboard.summary', 'costs.summary', 'seasons.overview'] as const satisfies readonly Method[];
export type FirstScreenCall = (typeof FIRST_SCREEN_CALLS)[number];
export type FirstScreenAnswers = { [M in FirstScreenCall]: OutputOf<M> };

/** The id of the page's <script type="application/json"> element holding the answers the drawing was made from. */
export const FIRST_SCREEN_DATA_ID = 'prelim-first-screen';

/**
 * The attribute of <html> that the page's head script sets before anything is drawn:
 * "drawn" when the address shows the Dashboard, "elsewhere" when it shows another screen
 * (app.css then hides the host's drawing, and main.tsx draws that screen instead).
 */
export const FIRST_SCREEN_ATTRIBUTE = 'data-first-screen';
