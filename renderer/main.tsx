import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { preloadScreen } from './screen-registry';
import { useClockStore } from './stores/clock-store';
import { useRoute } from './stores/route-store';
import './styles/app.css';

// The user's zone for today's date, kept while the app runs.
useClockStore.getState().watch();

// The first screen's code is loaded before the first render, so it renders at once (see lazy-screen.tsx).
void preloadScreen(useRoute.getState().section).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
