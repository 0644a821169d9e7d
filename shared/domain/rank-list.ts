// The NRMP rank order list (docs/DOMAIN.md §2 ROL, §3): programs in order of preference.
// Registration includes 20 ranked programs; each extra costs a fee whose amount is not
// confirmed (the user sets it); 300 programs at most. Only interviewed programs are ranked.
import { z } from 'zod';
import { isoDateSchema } from './bounds';
import type { ApplicationStatus } from './application';

export const RANK_LIST_MAX = 300;
export const RANK_LIST_INCLUDED = 20;
/** Statuses of an application that can be on the rank list (it was interviewed). */
export const RANKABLE_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['interviewed', 'ranked', 'matched', 'not_matched']);

export interface RankList {
  /** Application ids, first choice first. */
  applicationIds: number[];
  /** What each rank beyond the included 20 costs, as the user set it (USD); null when not set. */
  extraRankFee: number | null;
  /** When the order was last saved (ISO timestamp); null if never. */
  savedAt: string | null;
}

export const rankListSaveSchema = z
  .object({
    applicationIds: z.array(z.number().int().positive()),
    /** The day of the save: applications newly on the list move to "ranked" on it. */
    date: isoDateSchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.applicationIds.length > RANK_LIST_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicationIds'],
        message: `An NRMP rank order list holds at most ${RANK_LIST_MAX} programs; this one has ${v.applicationIds.length}. Remove ${v.applicationIds.length - RANK_LIST_MAX}.`,
      });
    }
    if (new Set(v.applicationIds).size !== v.applicationIds.length) ctx.addIssue({ code: 'custom', path: ['applicationIds'], message: 'A program can be ranked only once.' });
  });

export const rankListFeeSchema = z
  .object({
    extraRankFee: z.number({ message: 'Enter the fee in dollars.' }).min(0, 'The fee cannot be negative.').max(1000, 'Enter at most $1,000 per rank.').nullable(),
  })
  .strict();

/** The extra ranks beyond those included in registration, and their cost when the fee is known. */
export function rankListCost(count: number, extraRankFee: number | null): { extraRanks: number; extraCost: number | null } {
  const extraRanks = Math.max(0, count - RANK_LIST_INCLUDED);
  return { extraRanks, extraCost: extraRankFee === null ? null : extraRanks * extraRankFee };
}
