// The shape of a readiness checklist item (docs/DOMAIN.md §4.5 "ERAS readiness", §5 SOAP).
// The ERAS checklist (readiness engine) and the SOAP readiness items (SOAP engine) both
// produce these, so one screen and one dashboard card show them.

export const READINESS_STATES = ['done', 'needs_action', 'blocking', 'not_applicable'] as const;
export type ReadinessState = (typeof READINESS_STATES)[number];

export const READINESS_GROUPS = ['profile', 'exams', 'letters', 'documents', 'list', 'applications', 'soap'] as const;
export type ReadinessGroup = (typeof READINESS_GROUPS)[number];

export interface ReadinessItem {
  /** Stable id, e.g. "eras.step3-for-h1b" or "soap.prelim-statement" (user ticks are stored by it). */
  id: string;
  group: ReadinessGroup;
  title: string;
  state: ReadinessState;
  /** Why it is in this state, naming the data it looked at. */
  why: string;
  /** What to do next (empty when done or not applicable). */
  next: string;
  /** When it is due (YYYY-MM-DD) where the season calendar gives a date. */
  dueDate: string | null;
  /**
   * HH:mm in Eastern time when the due point is a timed season event (the rank order list
   * deadline is 9 pm ET): the item is due at that instant, not at the end of the ET day.
   * Absent or null for an all-day due date.
   */
  dueTime?: string | null;
  /** Programs a blocking or needs-action item affects (e.g. the H-1B-only programs on the list). */
  affectedProgramIds: number[];
  /** True for items only the user can judge: the state comes from the user's tick. */
  manual: boolean;
}

/** The id of the one SOAP item shown instead of the SOAP to-dos when SOAP does not apply (matched; engine/soap-readiness). */
export const SOAP_NOT_APPLICABLE_ID = 'soap.not-applicable';
