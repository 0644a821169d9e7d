import { useEffect } from 'react';
import { Sidebar } from './components/Sidebar';
import { ComingSoon } from './screens/ComingSoon';
import { ProfileScreen } from './screens/profile/ProfileScreen';
import { ProgramsScreen } from './screens/programs/ProgramsScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
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
      <main className="main" aria-labelledby="screen-title">
        {section === 'profile' ? (
          <ProfileScreen />
        ) : section === 'programs' ? (
          <ProgramsScreen />
        ) : section === 'settings' ? (
          <SettingsScreen />
        ) : section === 'data' ? (
          <TransferScreen />
        ) : (
          <ComingSoon section={current} />
        )}
      </main>
    </div>
  );
}
