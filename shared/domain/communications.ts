// Communication with programs (docs/DOMAIN.md §4.9 "Communication and interviews"): a dated log
// per program, and message templates with placeholders filled from the profile and the
// program.
import { z } from 'zod';
import { isoDateSchema, trimText } from './bounds';

export const CHANNELS = ['email', 'phone', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { email: 'Email', phone: 'Phone', other: 'Other' };

export const DIRECTIONS = ['sent', 'received'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<Direction, string> = { sent: 'Sent / made', received: 'Received' };

export const TEMPLATE_PURPOSES = ['interest', 'thank_you', 'letter_of_intent', 'soap', 'other'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];
export const TEMPLATE_PURPOSE_LABELS: Record<TemplatePurpose, string> = {
  interest: 'Interest email',
  thank_you: 'Thank-you note',
  letter_of_intent: 'Letter of intent',
  soap: 'SOAP',
  other: 'Other',
};

/**
 * Seed: "Do not spam programs; focus on those where you have specific reasons to be
 * interested." A message with a specific reason for each program takes time to write;
 * one template going to more than this many programs on one day looks like a mass
 * mailing, so the app warns before the next one.
 */
export const MASS_MAILING_PER_DAY = 5;

/** Placeholders a template may use, with what fills them (the engine fills them). */
export const PLACEHOLDERS = {
  applicantName: 'Your full name (Profile)',
  applicantEmail: 'Your email (Profile)',
  medicalSchool: 'Your medical school (Profile)',
  country: 'Your country (Profile)',
  aamcId: 'Your AAMC ID (Profile)',
  visaNeed: 'The visa you need, in words (Profile)',
  step2ckScore: 'Your Step 2 CK score (Profile)',
  strengths: 'Your strengths as your profile records them: Step 2 CK, Step 3 if passed, your US clinical experience (Profile)',
  programName: 'The institution’s name (Program)',
  trackName: '"preliminary surgery" or "categorical general surgery" (Program)',
  city: 'The program’s city (Program)',
  state: 'The program’s state (Program)',
  pdName: 'The program director’s name (Program)',
  pdLastName: 'The program director’s last name (Program)',
  coordinatorName: 'The coordinator’s name (Program)',
  today: 'Today’s date',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
/** {{names}} in a text that are not placeholders (typos), in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !Object.prototype.hasOwnProperty.call(PLACEHOLDERS, n)))];
}

export interface Communication {
  id: number;
  programId: number;
  channel: Channel;
  direction: Direction;
  /** The day it happened (YYYY-MM-DD). */
  date: string;
  /** Who it was with (e.g. "Dr. Lee (PD)", "coordinator"). */
  contact: string;
  subject: string;
  /** The message text, when it was written from a template or pasted. */
  body: string;
  notes: string;
  /** The template it was made from, if any (kept null if that template is deleted). */
  templateId: number | null;
  createdAt: string;
}

export interface MessageTemplate {
  id: number;
  /** Set for the built-in templates (they can be edited and reset, not deleted). */
  builtInKey: string | null;
  name: string;
  purpose: TemplatePurpose;
  subject: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

const text = (max: number) => z.string().overwrite(trimText).max(max, `Keep this under ${max} characters.`);
const id = z.number().int().positive();

export const communicationInputSchema = z
  .object({
    programId: id,
    channel: z.enum(CHANNELS, 'Choose email, phone or other.'),
    direction: z.enum(DIRECTIONS).default('sent'),
    date: isoDateSchema,
    contact: text(160).default(''),
    subject: text(300).default(''),
    body: z.string().max(20000, 'Keep the message under 20,000 characters.').default(''),
    notes: text(2000).default(''),
    templateId: id.nullable().default(null),
  })
  .strict()
  .refine((c) => c.subject.length > 0 || c.notes.length > 0 || c.body.length > 0, {
    path: ['subject'],
    message: 'Give a subject or a note so you know later what it was about.',
  });
export type CommunicationInput = z.input<typeof communicationInputSchema>;

export const communicationListSchema = z
  .object({ programId: id.optional() })
  .strict()
  .optional()
  .transform((v) => v ?? {});

export const templateInputSchema = z
  .object({
    id: id.optional(),
    name: text(120).min(1, 'Give the template a name.'),
    purpose: z.enum(TEMPLATE_PURPOSES, 'Choose what the template is for.'),
    subject: text(300).default(''),
    body: z.string().overwrite(trimText).min(1, 'Write the message text.').max(20000, 'Keep the template under 20,000 characters.'),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const key of ['subject', 'body'] as const) {
      const unknown = unknownPlaceholders(t[key]);
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', path: [key], message: `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}: use one of the listed placeholders (names are case-sensitive).` });
      }
    }
  });
export type TemplateInput = z.input<typeof templateInputSchema>;
