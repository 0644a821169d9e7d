// The first screen drawn by the browser-mode host (built by `npm run build` into
// dist/first-screen/, loaded by electron/web/first-screen.ts; docs/ARCHITECTURE.md "The first
// screen"). The host passes the answers to the Dashboard's first calls, as the page's stores
// would have got them, and the locale the browser asked for; this draws the app as the browser
// draws it first with those answers (renderer/first-screen.ts), so the browser then takes the
// drawing over (hydration) instead of drawing it again.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './App';
import { inLocale } from './components/format';
import type { FirstScreenAnswers } from '../shared/api/first-screen';
import { setFirstScreenAnswers } from './first-screen';
import { preloadScreen } from './screen-registry';

/** Resolves once the Dashboard's code is loaded (it is then drawn directly, as main.tsx does in the browser). */
export const ready: Promise<void> = preloadScreen('dashboard');

/** The app's markup with the Dashboard drawn from `answers`, in `locale` (a BCP 47 tag; the runtime's when undefined). */
export function drawFirstScreen(answers: FirstScreenAnswers, locale: string | undefined): string {
  setFirstScreenAnswers(answers);
  try {
    return inLocale(locale, () =>
      renderToString(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
  } finally {
    setFirstScreenAnswers(null);
  }
}
