// First: the first screen's code and data are asked for before React is evaluated (boot.ts).
import { firstScreenReady, releaseFirstScreenData } from './boot';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App';
import { endFirstScreen, pageHoldsFirstScreen } from './first-screen';
import { useRoute } from './stores/route-store';
import './styles/app.css';

// The first screen renders directly once its code is here (see lazy-screen.tsx); the early
// watch of its data ends once the screen watches its store itself (App's first effect runs
// after the screen's). A page the browser-mode host drew the first screen into is taken over
// as it is (hydration: the drawing stays, React attaches to it); any other page is drawn here
// (renderer/first-screen.ts).
void firstScreenReady.then(() => {
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
