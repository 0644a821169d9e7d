// One screen per section (the compiler checks that every section has one), each loaded on
// demand: the first load carries only the shell, and a screen's libraries (recharts, dnd-kit,
// the table) come with the screen that uses them. The first screen shown after a start may
// name its main store, which then loads together with the screen's code (boot.ts).
import { lazyScreen, type LazyScreen } from './lazy-screen';
import { useDashboardStore } from './stores/dashboard-store';
import { useProgramsStore } from './stores/programs-store';
import type { SectionId } from './stores/route-store';

export const SCREENS: Record<SectionId, LazyScreen> = {
  dashboard: lazyScreen(
    () => import('./screens/dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })),
    useDashboardStore,
  ),
  profile: lazyScreen(() => import('./screens/profile/ProfileScreen').then((m) => ({ default: m.ProfileScreen }))),
  programs: lazyScreen(
    () => import('./screens/programs/ProgramsScreen').then((m) => ({ default: m.ProgramsScreen })),
    useProgramsStore,
  ),
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
  signals: lazyScreen(() => import('./screens/season/SignalsScreen')),
  invitations: lazyScreen(() => import('./screens/season/InvitationsScreen')),
  costs: lazyScreen(() => import('./screens/season/CostsScreen')),
};

/** Loads a section's screen code ahead of opening it; a failure is left for the screen to show when opened. */
export function preloadScreen(section: SectionId): Promise<void> {
  return SCREENS[section].preload().catch(() => undefined);
}
