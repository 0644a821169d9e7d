import { Suspense, lazy, useEffect } from 'react';
import { LeaveGuard } from './components/LeaveGuard';
import { Sidebar } from './components/Sidebar';
import { SECTIONS } from './sections';
import { SCREENS } from './screen-registry';
import { useRoute } from './stores/route-store';

// Browser mode's reminder notifications: loaded after the first screen, not before it.
const ReminderPoller = lazy(() => import('./reminders/ReminderPoller').then((m) => ({ default: m.ReminderPoller })));

export function App() {
  const section = useRoute((s) => s.section);
  const current = SECTIONS.find((s) => s.id === section)!;
  const Screen = SCREENS[section];
  useEffect(() => {
    document.title = `${current.label} · Prelim Tracker`;
  }, [current.label]);
  return (
    <div className="app">
      <Sidebar />
      <Suspense fallback={null}>
        <ReminderPoller />
      </Suspense>
      <LeaveGuard />
      <main className="main" aria-labelledby="screen-title">
        <Screen />
      </main>
    </div>
  );
}
