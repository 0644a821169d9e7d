// Interview invitations (docs/DOMAIN.md §8): when one arrived (date and time), the reply-by
// the program gave (Match policy: at least 48 hours), the dates offered with their open
// slots, and what the applicant did: accepted one date, waitlisted (with a position),
// declined, or cancelled later (with the notice given). Times are wall-clock times in the
// invitation's zone (the program's, as written in the email); instants are computed.
import { z } from 'zod';
import { isoDateSchema } from './profile';
import { INTERVIEW_PLATFORMS, isIanaTimeZone, localToInstant, parseLocalDateTime, type InterviewPlatform } from './interview';

export const INVITATION_STATUSES = ['pending', 'accepted', 'waitlisted', 'declined', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const INVITATION_STATUS_LABELS: Readonly<Record<InvitationStatus, string>> = {
  pending: 'Reply needed',
  accepted: 'Accepted',
  waitlisted: 'Waitlisted',
  declined: 'Declined',
  cancelled: 'Cancelled',
};

export const CANCELLED_BY = ['me', 'program'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

export const OFFERED_DATES_MAX = 12;

export interface OfferedDate {
  /** Wall-clock start "YYYY-MM-DDTHH:mm" in the invitation's zone. */
  start: string;
  /** Open slots when the invitation came (null: not said). */
  slots: number | null;
}

export interface Invitation {
  id: number;
  applicationId: number;
  receivedAt: string;
  replyBy: string | null;
  timeZone: string;
  offered: OfferedDate[];
  status: InvitationStatus;
  /** The accepted date (one of `offered`), null unless accepted or cancelled after accepting. */
  chosenStart: string | null;
  waitlistPosition: number | null;
  cancelledOn: string | null;
  cancelledBy: CancelledBy | null;
  platform: InterviewPlatform;
  note: string;
  /** The interview recorded for the accepted date (kept in step by the app). */
  interviewId: number | null;
  createdAt: string;
  updatedAt: string;
}

const localDateTime = (what: string) =>
  z
    .string()
    .trim()
    .refine((s) => parseLocalDateTime(s) !== null, `Enter ${what} as a date and time like 2026-10-21T10:30.`);

export const offeredDateSchema = z
  .object({
    start: localDateTime('the offered date'),
    slots: z.number({ message: 'Enter the open slots as a number.' }).int('Slots is a whole number.').min(0, 'Slots cannot be negative.').max(500, 'Enter at most 500 slots.').nullable().default(null),
  })
  .strict();

export const invitationSaveSchema = z
  .object({
    id: z.number().int().positive().optional(),
    applicationId: z.number().int().positive(),
    receivedAt: localDateTime('when the invitation arrived'),
    replyBy: localDateTime('the reply-by').nullable().default(null),
    timeZone: z.string().trim().refine(isIanaTimeZone, 'Choose a time zone from the list, e.g. America/New_York.'),
    offered: z.array(offeredDateSchema).max(OFFERED_DATES_MAX, `Keep at most ${OFFERED_DATES_MAX} offered dates.`).default([]),
    status: z.enum(INVITATION_STATUSES).default('pending'),
    chosenStart: z.string().trim().nullable().default(null),
    waitlistPosition: z.number({ message: 'Enter the waitlist position as a number.' }).int('The position is a whole number.').min(1, 'The first position is 1.').max(999, 'Enter at most 999.').nullable().default(null),
    cancelledOn: isoDateSchema.nullable().default(null),
    cancelledBy: z.enum(CANCELLED_BY).nullable().default(null),
    platform: z.enum(INTERVIEW_PLATFORMS).default('zoom'),
    note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').default(''),
    /** The user's today: the day status moves are dated. */
    date: isoDateSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    const at = (s: string) => localToInstant(s, v.timeZone);
    if (isIanaTimeZone(v.timeZone)) {
      if (parseLocalDateTime(v.receivedAt) && at(v.receivedAt) === null) ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: `${v.receivedAt.replace('T', ' ')} does not exist in ${v.timeZone} (clocks jump forward then).` });
      if (v.replyBy !== null && parseLocalDateTime(v.replyBy) && parseLocalDateTime(v.receivedAt) && v.replyBy <= v.receivedAt) {
        ctx.addIssue({ code: 'custom', path: ['replyBy'], message: 'The reply-by must be after the invitation arrived.' });
      }
    }
    if (v.receivedAt.slice(0, 10) > v.date) ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: 'An invitation cannot arrive after today.' });
    const starts = v.offered.map((o) => o.start);
    if (new Set(starts).size !== starts.length) ctx.addIssue({ code: 'custom', path: ['offered'], message: 'Each offered date and time can appear once.' });
    v.offered.forEach((o, i) => {
      if (parseLocalDateTime(o.start) && o.start.slice(0, 10) < v.receivedAt.slice(0, 10)) ctx.addIssue({ code: 'custom', path: ['offered', i, 'start'], message: 'An offered date cannot be before the invitation arrived.' });
    });
    if (v.status === 'accepted' && (v.chosenStart === null || !starts.includes(v.chosenStart))) {
      ctx.addIssue({ code: 'custom', path: ['chosenStart'], message: 'Choose the date you accepted among the offered dates.' });
    }
    if (v.chosenStart !== null && !starts.includes(v.chosenStart)) ctx.addIssue({ code: 'custom', path: ['chosenStart'], message: 'The chosen date must be one of the offered dates.' });
    if (v.status !== 'waitlisted' && v.waitlistPosition !== null) ctx.addIssue({ code: 'custom', path: ['waitlistPosition'], message: 'A waitlist position applies only when waitlisted.' });
    if (v.status === 'cancelled') {
      if (v.cancelledOn === null) ctx.addIssue({ code: 'custom', path: ['cancelledOn'], message: 'Enter the day the interview was cancelled.' });
      if (v.cancelledBy === null) ctx.addIssue({ code: 'custom', path: ['cancelledBy'], message: 'Say who cancelled: you or the program.' });
      if (v.cancelledOn !== null && v.cancelledOn < v.receivedAt.slice(0, 10)) ctx.addIssue({ code: 'custom', path: ['cancelledOn'], message: 'The cancellation cannot be before the invitation arrived.' });
    } else if (v.cancelledOn !== null || v.cancelledBy !== null) {
      ctx.addIssue({ code: 'custom', path: ['cancelledOn'], message: 'A cancellation day applies only to a cancelled interview.' });
    }
  });
export type InvitationSaveInput = z.input<typeof invitationSaveSchema>;
export type InvitationSave = z.output<typeof invitationSaveSchema>;
