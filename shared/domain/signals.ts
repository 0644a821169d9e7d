// ERAS program signals (docs/DOMAIN.md §6): general surgery gives each applicant 15 signals
// (2025, 2026; 2027 est.), one level, sent to an institution's general-surgery program so
// every track there sees it, and only to programs that opted in. The budget is reference
// data the user may correct; the app never lets more signals be marked sent than the budget.
import { z } from 'zod';
import { TRI_STATES, type TriState } from './program';

export const SIGNAL_REFERENCE = {
  /** Signals per applicant for general surgery (AAMC signaling tables 2025; 2027 from secondary sources: est.). */
  budget: 15,
  season: '2025, 2026; 2027 est.',
  source: 'AAMC program signaling tables (2025); 2027 from secondary sources',
  confidence: 'est',
} as const;

export const SIGNAL_BUDGET_MAX = 60;

export const signalBudgetSchema = z
  .object({
    /** null: back to the reference (15). */
    budget: z
      .number({ message: 'Enter the number of signals ERAS gives you.' })
      .int('The signal budget is a whole number.')
      .min(0, 'The signal budget cannot be negative.')
      .max(SIGNAL_BUDGET_MAX, `Enter at most ${SIGNAL_BUDGET_MAX} signals.`)
      .nullable(),
  })
  .strict();

export const signalSetSchema = z
  .object({
    institutionId: z.number().int().positive(),
    /** Whether a signal goes (went) to this institution's surgery program. */
    sent: z.boolean().optional(),
    /** Whether the program accepts signals (opted in), as far as the user knows. */
    accepts: z.enum(TRI_STATES).optional(),
  })
  .strict()
  .refine((v) => v.sent !== undefined || v.accepts !== undefined, { message: 'Say whether the signal is sent or whether the program accepts signals.' });
export type SignalSet = z.output<typeof signalSetSchema>;

export interface SignalBudget {
  /** The budget in force (the user's correction, else the reference). */
  budget: number;
  /** True while the budget is the reference value (shown "est."). */
  isReference: boolean;
  used: number;
  left: number;
}

/** The message when one more signal would exceed the budget (the 16th of 15). */
export function signalBudgetRefusal(budget: number, name: string): string {
  return `All ${budget} signals are spent: ${name} cannot get one. Take a signal back from another program first (or correct the budget if ERAS gives you more).`;
}

export const ACCEPTS_SIGNALS_LABELS: Readonly<Record<TriState, string>> = { yes: 'Accepts signals', no: 'Does not accept signals', unknown: 'Unknown whether it accepts signals' };
