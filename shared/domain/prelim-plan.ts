// The prelim-year plan (docs/DOMAIN.md §4 "After the Match"; docs/DOMAIN-after-the-match.md "The prelim year"):
// a preliminary position is a 12-month audition. A living checklist with dates through the
// PGY-1 year (letters to request mid-year and at the end, feedback asked and acted on,
// re-applying), categorical openings tracked, a parallel plan per path and the support network.
import { z } from 'zod';
import { isoDateSchema } from './profile';
import { matchYearSchema } from './season-calendar';

export const PRELIM_ITEM_KINDS = ['letter', 'feedback', 'task'] as const;
export type PrelimItemKind = (typeof PRELIM_ITEM_KINDS)[number];
export const PRELIM_ITEM_KIND_LABELS: Record<PrelimItemKind, string> = { letter: 'Letter', feedback: 'Feedback', task: 'Step' };

export interface PrelimItem {
  id: number;
  kind: PrelimItemKind;
  /** The suggestion it came from (e.g. "letter-mid-year"), or '' for the user's own. */
  templateKey: string;
  title: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Letters: who writes it; feedback: whom you asked. */
  person: string;
  /** Letters: what to ask them to say; feedback: what they said; steps: notes. */
  notes: string;
  /** Feedback: what you changed because of it (the feedback is "acted on" once this is filled and the item is done). */
  action: string;
  done: boolean;
  doneOn: string | null;
}

export const OPENING_STATUSES = ['watching', 'contacted', 'applied', 'interview', 'offered', 'accepted', 'closed'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];
export const OPENING_STATUS_LABELS: Record<OpeningStatus, string> = {
  watching: 'Watching',
  contacted: 'Contacted',
  applied: 'Applied',
  interview: 'Interview',
  offered: 'Offered',
  accepted: 'Accepted',
  closed: 'Closed',
};

/** A categorical opening: a PGY-1 or PGY-2 categorical position that became free. */
export interface CategoricalOpening {
  id: number;
  program: string;
  /** Where you heard of it (e.g. "PD at my program", "program website", "colleague"). */
  source: string;
  /** The day you learned of it. */
  seenOn: string;
  contact: string;
  status: OpeningStatus;
  notes: string;
}

export const PRELIM_PATHS = ['categorical_surgery', 'anesthesiology', 'radiology', 'pmr', 'internal_medicine', 'emergency_medicine'] as const;
export type PrelimPathId = (typeof PRELIM_PATHS)[number];
export const PRELIM_PATH_LABELS: Record<PrelimPathId, string> = {
  categorical_surgery: 'Categorical general surgery',
  anesthesiology: 'Anesthesiology',
  radiology: 'Radiology',
  pmr: 'PM&R',
  internal_medicine: 'Internal medicine',
  emergency_medicine: 'Emergency medicine',
};
/** The seed's honest word on each path (docs/DOMAIN.md §4 "After the Match"). */
export const PRELIM_PATH_NOTES: Record<PrelimPathId, string> = {
  categorical_surgery: 'Rare but possible: likelier when a program has an unfilled categorical spot, you are a top prelim resident and faculty advocate for you. The odds are not high for a non-US IMG with low scores.',
  anesthesiology: 'A related field that values surgical exposure, teamwork in acute settings and strong evaluations from surgeons.',
  radiology: 'A related field that values surgical exposure and strong evaluations from surgeons.',
  pmr: 'A related field that values surgical exposure and teamwork.',
  internal_medicine: 'A different specialty: your prelim year proves you are ready for US training.',
  emergency_medicine: 'A different specialty in some cases: acute-care experience from the prelim year counts.',
};

export const PATH_STATUSES = ['not_started', 'exploring', 'preparing', 'applying', 'on_hold', 'dropped', 'achieved'] as const;
export type PathStatus = (typeof PATH_STATUSES)[number];
export const PATH_STATUS_LABELS: Record<PathStatus, string> = {
  not_started: 'Not started',
  exploring: 'Exploring',
  preparing: 'Preparing',
  applying: 'Applying',
  on_hold: 'On hold',
  dropped: 'Dropped',
  achieved: 'Achieved',
};

export interface ParallelPath {
  path: PrelimPathId;
  /** The Match year you aim at, or null when not decided. */
  targetSeason: number | null;
  /** One step per line. */
  steps: string;
  status: PathStatus;
}

export const CONTACT_ROLES = ['co_resident', 'mentor', 'home_peer', 'family', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = { co_resident: 'Co-resident', mentor: 'Mentor', home_peer: 'Peer from home', family: 'Family', other: 'Other' };

export interface SupportContact {
  id: number;
  name: string;
  role: ContactRole;
  /** How to reach them (phone, email, messenger). */
  contact: string;
  notes: string;
}

export type PrelimSource = 'match' | 'soap' | 'manual';

export interface PrelimPlan {
  /** The Match that gave the prelim position: PGY-1 runs 1 July of that year to 30 June of the next. */
  matchYear: number;
  programLabel: string;
  source: PrelimSource;
  /** False while the plan is the suggested one (nothing saved yet); the first change saves it. */
  stored: boolean;
  items: PrelimItem[];
  openings: CategoricalOpening[];
  paths: ParallelPath[];
  contacts: SupportContact[];
}

export interface PrelimOverview {
  /** The plan (suggested or saved), or null when there is no prelim position and the user has not opened one. */
  plan: PrelimPlan | null;
  /** Why the plan is shown: the prelim position found in the Match or SOAP result. */
  trigger: { source: 'match' | 'soap'; programLabel: string; matchYear: number } | null;
  /** Items done / all. */
  progress: { done: number; total: number };
  today: string;
}

const text = (max: number, what: string) => z.string().trim().max(max, `Keep ${what} under ${max.toLocaleString('en-US')} characters.`);

export const prelimOpenSchema = z
  .object({
    matchYear: matchYearSchema,
    programLabel: text(200, 'the program').default(''),
  })
  .strict();

export const prelimItemSaveSchema = z
  .object({
    id: z.number().int().positive().optional(),
    /** A suggested item of a plan not saved yet (it has no id until the first change saves the plan). */
    templateKey: z.string().min(1).max(40).optional(),
    kind: z.enum(PRELIM_ITEM_KINDS, 'Choose letter, feedback or step.'),
    title: z.string().trim().min(1, 'Say what to do (e.g. "Ask Dr. Lee for a mid-year letter").').max(200, 'Keep the title under 200 characters.'),
    dueDate: isoDateSchema,
    person: text(200, 'the name').default(''),
    notes: text(2000, 'the notes').default(''),
    action: text(2000, 'what you changed').default(''),
    done: z.boolean().default(false),
  })
  .strict();
export type PrelimItemInput = z.input<typeof prelimItemSaveSchema>;

export const openingSaveSchema = z
  .object({
    id: z.number().int().positive().optional(),
    program: z.string().trim().min(1, 'Name the program with the opening.').max(200, 'Keep the program under 200 characters.'),
    source: text(200, 'the source').default(''),
    seenOn: isoDateSchema,
    contact: text(200, 'the contact').default(''),
    status: z.enum(OPENING_STATUSES, 'Choose a status.').default('watching'),
    notes: text(2000, 'the notes').default(''),
  })
  .strict();
export type OpeningInput = z.input<typeof openingSaveSchema>;

export const pathSaveSchema = z
  .object({
    path: z.enum(PRELIM_PATHS, 'Choose a path.'),
    targetSeason: matchYearSchema.nullable(),
    steps: text(4000, 'the steps').default(''),
    status: z.enum(PATH_STATUSES, 'Choose a status.'),
  })
  .strict();
export type PathInput = z.input<typeof pathSaveSchema>;

export const contactSaveSchema = z
  .object({
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1, 'Give a name.').max(120, 'Keep the name under 120 characters.'),
    role: z.enum(CONTACT_ROLES, 'Choose who they are to you.'),
    contact: text(200, 'the contact').default(''),
    notes: text(1000, 'the notes').default(''),
  })
  .strict();
export type ContactInput = z.input<typeof contactSaveSchema>;
