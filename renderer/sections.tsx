import { ArrowDownUp, CalendarClock, CalendarRange, Compass, FileBarChart, ClipboardCheck, FileText, GraduationCap, Inbox, LayoutDashboard, LifeBuoy, Mail, Radio, Settings, UserRound, Wallet, type LucideIcon } from 'lucide-react';
import type { SectionId } from './stores/route-store';

export interface Section {
  id: SectionId;
  label: string;
  icon: LucideIcon;
}

export const SECTIONS: Section[] = [
  { id: 'dashboard', label: 'Dashboard', icon: LayoutDashboard },
  { id: 'profile', label: 'Profile', icon: UserRound },
  { id: 'programs', label: 'Programs', icon: GraduationCap },
  { id: 'signals', label: 'Signals & geography', icon: Radio },
  { id: 'applications', label: 'Applications', icon: FileText },
  { id: 'invitations', label: 'Invitations', icon: Inbox },
  { id: 'letters', label: 'Letters', icon: Mail },
  { id: 'readiness', label: 'Readiness', icon: ClipboardCheck },
  { id: 'deadlines', label: 'Deadlines', icon: CalendarClock },
  { id: 'costs', label: 'Costs', icon: Wallet },
  { id: 'soap', label: 'SOAP', icon: LifeBuoy },
  { id: 'prelim', label: 'Prelim year', icon: Compass },
  { id: 'seasons', label: 'Seasons', icon: CalendarRange },
  { id: 'report', label: 'Advisor report', icon: FileBarChart },
  { id: 'data', label: 'Import & export', icon: ArrowDownUp },
  { id: 'settings', label: 'Settings', icon: Settings },
];
