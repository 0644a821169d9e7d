// The data domains a write can change. Each contract method declares the domains it writes
// (see define.ts `method<O>()(input, { writes })`); after a successful call the main process
// announces them (IPC event in the desktop app, server-sent events in browser mode) and every
// renderer store that reads one of them reloads. Derived views (tiers, dashboard, deadlines,
// readiness) are not domains: their stores list the data domains they are computed from.
export const DOMAINS = [
  'profile', // applicant profile, exams, USCE
  'programs', // institutions, tracks, unfilled history, on-list flag, tier overrides, sample data
  'settings', // app settings (fees, reminders, time zone…)
  'applications', // applications and their status history
  'interviews', // interviews, invitations, rank list, prep card
  'letters', // writers, letters, assignments
  'documents', // document versions and their use per application
  'communications', // message log and templates
  'readiness', // the user's ticks on manual checklist items
  'calendar', // season date corrections, program deadlines, .ics export state
  'reminders', // reminder "shown" log
  'soap', // SOAP plan, unfilled list, Match Week
  'backups', // backup files
  'seasons', // Match seasons: the active one, past ones with their outcome and archive
  'prelim', // the prelim-year plan: checklist, categorical openings, parallel paths, support network
] as const;

export type Domain = (typeof DOMAINS)[number];

/** Every domain: what a restore or a whole-database JSON import changes. */
export const ALL_DOMAINS: readonly Domain[] = DOMAINS;

/** The event the main process sends after a successful write. */
export interface ChangeEvent {
  domains: Domain[];
}

/** Electron IPC channel for ChangeEvent (main -> renderer). */
export const CHANGE_CHANNEL = 'prelim:changed';
/** Browser-mode server-sent-events path (token as ?token= because EventSource cannot send headers). */
export const EVENTS_PATH = '/api/events';
