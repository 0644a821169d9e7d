// The page's one script. First: the first screen's code and data are asked for before React is
// evaluated (boot.ts). Then React and the app (start.tsx, a chunk of its own). A page the
// browser-mode host drew the first screen into is shown first: evaluating React takes tens of
// milliseconds, which the browser would otherwise spend before its first paint.
import './boot';
import './styles/app.css';
import { FIRST_SCREEN_ATTRIBUTE } from '../shared/api/first-screen';

function startApp(): void {
  import('./start')
    .then((app) => app.start())
    .catch((err: unknown) => {
      console.error('Prelim Tracker could not start:', err);
      const root = document.getElementById('root');
      if (root) root.textContent = 'Prelim Tracker could not start. Reload the page; if it happens again, start the app again.';
      document.documentElement.removeAttribute(FIRST_SCREEN_ATTRIBUTE);
    });
}

if (document.documentElement.getAttribute(FIRST_SCREEN_ATTRIBUTE) === 'drawn') requestAnimationFrame(() => setTimeout(startApp, 0));
else startApp();
