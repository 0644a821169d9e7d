import { ArrowDownUp, CalendarClock, ClipboardCheck, FileText, GraduationCap, LayoutDashboard, LifeBuoy, Mail, Settings, UserRound, type LucideIcon } from 'lucide-react';
import type { SectionId } from './stores/route-store';

export interface Section {
  id: SectionId;
  label: string;
  icon: LucideIcon;
  /** One line shown while the section is not built yet. */
  comingSoon?: string;
}

export const SECTIONS: Section[] = [
  { id: 'dashboard', label: 'Dashboard', icon: LayoutDashboard, comingSoon: 'Your season at a glance: applications by status, programs by tier, readiness and the next deadlines.' },
  { id: 'profile', label: 'Profile', icon: UserRound },
  { id: 'programs', label: 'Programs', icon: GraduationCap },
  { id: 'applications', label: 'Applications', icon: FileText, comingSoon: 'Track every application from considering to matched, on a board or in a table.' },
  { id: 'letters', label: 'Letters', icon: Mail, comingSoon: 'Letter writers, their letters and which programs each letter is assigned to.' },
  { id: 'readiness', label: 'Readiness', icon: ClipboardCheck, comingSoon: 'The ERAS readiness checklist, computed from your profile, letters and documents.' },
  { id: 'deadlines', label: 'Deadlines', icon: CalendarClock, comingSoon: 'The season calendar, per-program deadlines and reminders.' },
  { id: 'soap', label: 'SOAP', icon: LifeBuoy, comingSoon: 'Your SOAP fallback plan and Match Week mode.' },
  { id: 'settings', label: 'Settings', icon: Settings },
  { id: 'data', label: 'Import & export', icon: ArrowDownUp },
];
