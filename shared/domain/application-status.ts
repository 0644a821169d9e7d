// Application statuses and their words: zod-free, so a screen that only shows statuses (the
// Dashboard) does not load the input schemas of shared/domain/application.ts.
export const APPLICATION_STATUSES = [
  'considering',
  'materials_ready',
  'submitted',
  'under_review',
  'interview_invited',
  'interview_scheduled',
  'interviewed',
  'ranked',
  'matched',
  'not_matched',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  considering: 'Considering',
  materials_ready: 'Materials ready',
  submitted: 'Submitted',
  under_review: 'Under review',
  interview_invited: 'Interview invited',
  interview_scheduled: 'Interview scheduled',
  interviewed: 'Interviewed',
  ranked: 'Ranked',
  matched: 'Matched',
  not_matched: 'Not matched',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** The forward pipeline, in order; rejected and withdrawn can happen from any point. */
export const PIPELINE_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.slice(0, 10);
/** Statuses at or after "submitted": the application has gone to the program through ERAS. */
export const SUBMITTED_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['submitted', 'under_review', 'interview_invited', 'interview_scheduled', 'interviewed', 'ranked', 'matched', 'not_matched']);
/** Sent through ERAS: at a submitted-or-later status, or submitted before being rejected or withdrawn (what ERAS charged for). */
export function wasSubmitted(a: { status: ApplicationStatus; submittedOn: string | null }): boolean {
  return SUBMITTED_STATUSES.has(a.status) || a.submittedOn !== null;
}
/** The Applications link filter for every application that was submitted ("#/applications?status=sent"). */
export const SENT_FILTER = 'sent';
export const CLOSED_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['matched', 'not_matched', 'rejected', 'withdrawn']);
