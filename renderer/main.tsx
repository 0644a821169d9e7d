// First: the first screen's code and data are asked for before React is evaluated (boot.ts).
import { firstScreenReady, releaseFirstScreenData } from './boot';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/app.css';

// The first screen renders directly once its code is here (see lazy-screen.tsx); the early
// watch of its data ends once the screen watches its store itself (App's first effect runs
// after the screen's).
void firstScreenReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App onFirstScreen={releaseFirstScreenData} />
    </StrictMode>,
  ),
);
