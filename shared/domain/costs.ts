// The season's budget (docs/DOMAIN.md §9): every reference amount is data with its season,
// source and confidence, and the user may correct it. Travel is entered per interview.
import { z } from 'zod';

export const COST_AMOUNT_IDS = [
  'eras_program_1_30',
  'eras_program_31',
  'usmle_transcript',
  'ecfmg_token',
  'nrmp_registration',
  'nrmp_late_fee',
  'nrmp_extra_rank',
  'nrmp_surcharge_100',
  'nrmp_surcharge_151',
  'nrmp_surcharge_201',
  'nrmp_surcharge_251',
  'soap_application',
] as const;
export type CostAmountId = (typeof COST_AMOUNT_IDS)[number];

/** Fixed fees the user marks as paid (the others follow the data: submitted applications, interview days). */
export const PAID_ITEMS = ['nrmp_registration', 'rank_fees'] as const;
export type PaidItem = (typeof PAID_ITEMS)[number];

export interface CostSettings {
  /** The user's corrections of reference amounts (absent: the reference). */
  amounts: Partial<Record<CostAmountId, number>>;
  paid: Partial<Record<PaidItem, boolean>>;
  /** Registered (or will register) for the Match after the standard deadline: the late fee applies. */
  lateRegistration: boolean;
}

export const EMPTY_COST_SETTINGS: CostSettings = { amounts: {}, paid: {}, lateRegistration: false };

const dollars = z.number({ message: 'Enter an amount in dollars.' }).min(0, 'An amount cannot be negative.').max(100_000, 'Enter at most $100,000.');

export const costAmountSchema = z
  .object({
    item: z.enum(COST_AMOUNT_IDS),
    /** null: back to the reference amount. */
    amount: dollars.nullable(),
  })
  .strict();

export const costFlagsSchema = z
  .object({
    paid: z.object({ nrmp_registration: z.boolean().optional(), rank_fees: z.boolean().optional() }).strict().optional(),
    lateRegistration: z.boolean().optional(),
  })
  .strict();

export interface InterviewTravel {
  interviewId: number;
  transport: number;
  lodging: number;
  other: number;
  note: string;
  updatedAt: string;
}

export const interviewTravelSchema = z
  .object({
    interviewId: z.number().int().positive(),
    transport: dollars.default(0),
    lodging: dollars.default(0),
    other: dollars.default(0),
    note: z.string().trim().max(500, 'Keep the note under 500 characters.').default(''),
  })
  .strict();
export type InterviewTravelSave = z.output<typeof interviewTravelSchema>;
