import { useEffect, type ComponentType } from 'react';
import { Sidebar } from './components/Sidebar';
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
import { lazyScreen } from './lazy-screen';
import type { SectionId } from './stores/route-store';
import { useRoute } from './stores/route-store';

const SeasonsScreen = lazyScreen(() => import('./screens/seasons/SeasonsScreen').then((m) => ({ default: m.SeasonsScreen })));
const PrelimPlanScreen = lazyScreen(() => import('./screens/prelim/PrelimPlanScreen').then((m) => ({ default: m.PrelimPlanScreen })));
const ReportScreen = lazyScreen(() => import('./screens/report/ReportScreen').then((m) => ({ default: m.ReportScreen })));

/** One screen per section: the compiler checks that every section has one. */
const SCREENS: Record<SectionId, ComponentType> = {
  dashboard: DashboardScreen,
  profile: ProfileScreen,
  programs: ProgramsScreen,
  applications: ApplicationsScreen,
  letters: LettersScreen,
  readiness: ReadinessScreen,
  deadlines: DeadlinesScreen,
  soap: SoapScreen,
  data: TransferScreen,
  settings: SettingsScreen,
  prelim: PrelimPlanScreen,
  seasons: SeasonsScreen,
  report: ReportScreen,
};

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
      <main className="main" aria-labelledby="screen-title">
        <Screen />
      </main>
    </div>
  );
}
