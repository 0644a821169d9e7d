import { useEffect, type ComponentType } from 'react';
import { LeaveGuard } from './components/LeaveGuard';
import { Sidebar } from './components/Sidebar';
import { ReminderPoller } from './reminders/ReminderPoller';
import { SECTIONS } from './sections';
import { lazyScreen } from './lazy-screen';
import type { SectionId } from './stores/route-store';
import { useRoute } from './stores/route-store';

/**
 * One screen per section (the compiler checks that every section has one), each loaded on
 * demand: the first load carries only the shell, and a screen's libraries (recharts, dnd-kit,
 * the table) come with the screen that uses them.
 */
const SCREENS: Record<SectionId, ComponentType> = {
  dashboard: lazyScreen(() => import('./screens/dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen }))),
  profile: lazyScreen(() => import('./screens/profile/ProfileScreen').then((m) => ({ default: m.ProfileScreen }))),
  programs: lazyScreen(() => import('./screens/programs/ProgramsScreen').then((m) => ({ default: m.ProgramsScreen }))),
  applications: lazyScreen(() => import('./screens/applications/ApplicationsScreen').then((m) => ({ default: m.ApplicationsScreen }))),
  letters: lazyScreen(() => import('./screens/letters/LettersScreen').then((m) => ({ default: m.LettersScreen }))),
  readiness: lazyScreen(() => import('./screens/readiness/ReadinessScreen').then((m) => ({ default: m.ReadinessScreen }))),
  deadlines: lazyScreen(() => import('./screens/deadlines/DeadlinesScreen').then((m) => ({ default: m.DeadlinesScreen }))),
  soap: lazyScreen(() => import('./screens/soap/SoapScreen').then((m) => ({ default: m.SoapScreen }))),
  data: lazyScreen(() => import('./screens/transfer/TransferScreen').then((m) => ({ default: m.TransferScreen }))),
  settings: lazyScreen(() => import('./screens/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen }))),
  prelim: lazyScreen(() => import('./screens/prelim/PrelimPlanScreen').then((m) => ({ default: m.PrelimPlanScreen }))),
  seasons: lazyScreen(() => import('./screens/seasons/SeasonsScreen').then((m) => ({ default: m.SeasonsScreen }))),
  report: lazyScreen(() => import('./screens/report/ReportScreen').then((m) => ({ default: m.ReportScreen }))),
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
      <LeaveGuard />
      <main className="main" aria-labelledby="screen-title">
        <Screen />
      </main>
    </div>
  );
}
