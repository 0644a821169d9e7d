import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadScreen, SCREENS } from './screen-registry';
import { useClockStore } from './stores/clock-store';
import { useRoute } from './stores/route-store';
import './styles/app.css';

// The user's zone for today's date, kept while the app runs.
useClockStore.getState().watch();

// The first screen's code is loaded before the first render, so it renders at once (see
// lazy-screen.tsx), and its data is asked for at the same time; the early watch ends once the
// screen watches its store itself (App's first effect runs after the screen's).
const first = useRoute.getState().section;
const releaseData = SCREENS[first].prefetchData();
void preloadScreen(first).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App onFirstScreen={releaseData} />
    </StrictMode>,
  ),
);
