// The app itself: React and its shell, started by main.tsx once the first screen's code is here.
// A page the browser-mode host drew the first screen into is taken over as it is (hydration:
// the drawing stays, React attaches to it); any other page is drawn here (renderer/first-screen.ts).
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App';
import { firstScreenReady, releaseFirstScreenData } from './boot';
import { endFirstScreen, pageHoldsFirstScreen } from './first-screen';
import { useRoute } from './stores/route-store';

// The first screen renders directly once its code is here (see lazy-screen.tsx); the early
// watch of its data ends once the screen watches its store itself (App's first effect runs
// after the screen's).
export function start(): Promise<void> {
  return firstScreenReady.then(() => {
    const root = document.getElementById('root')!;
    const app = (
      <StrictMode>
        <App onFirstScreen={releaseFirstScreenData} />
      </StrictMode>
    );
    if (pageHoldsFirstScreen(root, useRoute.getState().section)) hydrateRoot(root, app);
    else {
      root.replaceChildren();
      createRoot(root).render(app);
    }
    endFirstScreen();
  });
}
