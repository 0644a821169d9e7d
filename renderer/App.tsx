import { Suspense, lazy, useEffect, useState } from 'react';
import { LeaveGuard } from './components/LeaveGuard';
import { useInBrowser } from './components/in-browser';
import { Sidebar } from './components/Sidebar';
import { SECTIONS } from './sections';
import { SCREENS } from './screen-registry';
import { useRoute } from './stores/route-store';

// Browser mode's reminder notifications: loaded after the first screen, not before it.
const ReminderPoller = lazy(() => import('./reminders/ReminderPoller').then((m) => ({ default: m.ReminderPoller })));

/** onFirstScreen: called once, after the first screen was mounted (its effects ran). */
export function App({ onFirstScreen }: { onFirstScreen?: () => void } = {}) {
  const section = useRoute((s) => s.section);
  // A new visit (another address) draws the screen afresh, so it reads the address's filter.
  const visit = useRoute((s) => s.visit);
  const [firstScreenShown] = useState(() => onFirstScreen);
  const inBrowser = useInBrowser();
  useEffect(() => firstScreenShown?.(), [firstScreenShown]);
  const current = SECTIONS.find((s) => s.id === section)!;
  const Screen = SCREENS[section];
  useEffect(() => {
    document.title = `${current.label} · Prelim Tracker`;
  }, [current.label]);
  return (
    <div className="app">
      <Sidebar />
      {inBrowser ? (
        <Suspense fallback={null}>
          <ReminderPoller />
        </Suspense>
      ) : null}
      <LeaveGuard />
      <main className="main" aria-labelledby="screen-title">
        <Screen key={visit} />
      </main>
    </div>
  );
}
