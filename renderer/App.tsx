import { useEffect } from 'react';
import { Sidebar } from './components/Sidebar';
import { ComingSoon } from './screens/ComingSoon';
import { ProfileScreen } from './screens/profile/ProfileScreen';
import { ProgramsScreen } from './screens/programs/ProgramsScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { SoapScreen } from './screens/soap/SoapScreen';
import { LettersScreen } from './screens/letters/LettersScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { ReadinessScreen } from './screens/readiness/ReadinessScreen';
import { DeadlinesScreen } from './screens/deadlines/DeadlinesScreen';
import { ReminderPoller } from './reminders/ReminderPoller';
import { ApplicationsScreen } from './screens/applications/ApplicationsScreen';
import { TransferScreen } from './screens/transfer/TransferScreen';
import { SECTIONS } from './sections';
import { useRoute } from './stores/route-store';

export function App() {
  const section = useRoute((s) => s.section);
  const current = SECTIONS.find((s) => s.id === section)!;
  useEffect(() => {
    document.title = `${current.label} · Prelim Tracker`;
  }, [current.label]);
  return (
    <div className="app">
      <Sidebar />
      <ReminderPoller />
      <main className="main" aria-labelledby="screen-title">
        {section === 'profile' ? (
          <ProfileScreen />
        ) : section === 'programs' ? (
          <ProgramsScreen />
        ) : section === 'settings' ? (
          <SettingsScreen />
        ) : section === 'soap' ? (
          <SoapScreen />
        ) : section === 'letters' ? (
          <LettersScreen />
        ) : section === 'dashboard' ? (
          <DashboardScreen />
        ) : section === 'readiness' ? (
          <ReadinessScreen />
        ) : section === 'deadlines' ? (
          <DeadlinesScreen />
        ) : section === 'applications' ? (
          <ApplicationsScreen />
        ) : section === 'data' ? (
          <TransferScreen />
        ) : (
          <ComingSoon section={current} />
        )}
      </main>
    </div>
  );
}
