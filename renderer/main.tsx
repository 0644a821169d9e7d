import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useClockStore } from './stores/clock-store';
import './styles/app.css';

// The user's zone for today's date, kept while the app runs.
useClockStore.getState().watch();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
