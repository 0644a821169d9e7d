import { useEffect } from 'react';
import { LeaveGuard } from './components/LeaveGuard';
import { Sidebar } from './components/Sidebar';
import { ReminderPoller } from './reminders/ReminderPoller';
import { SECTIONS } from './sections';
import { SCREENS } from './screen-registry';
import { useRoute } from './stores/route-store';

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
      <ReminderPoller />
      <LeaveGuard />
      <main className="main" aria-labelledby="screen-title">
        <Screen />
      </main>
    </div>
  );
}
