// SOAP methods (docs/DOMAIN.md §5). Every mutation answers with the whole SOAP overview, so the
// screen shows exactly what the main process now holds.
import { z } from 'zod';
import { method, noInput } from './define';
import type { Program } from '../domain/program';
import {
  soapApplicationIdSchema,
  soapApplySchema,
  soapDecideSchema,
  soapOfferSchema,
  soapPlanAddSchema,
  soapPlanRemoveSchema,
  soapPlanReorderSchema,
  soapSetMatchStatusSchema,
  soapSetTicksSchema,
  soapUnfilledImportSchema,
  type SoapApplication,
  type SoapPlanEntry,
  type SoapState,
  type SoapUnfilledProgram,
} from '../domain/soap';
import type { SoapWeekDates } from '../domain/soap-week-dates';
import type { ReadinessItem } from '../engine/readiness-types';
import type { SoapCandidate } from '../engine/soap-fallback';
import { parseUnfilledList } from '../engine/soap-unfilled-list';
import type { TierResult } from '../engine/types';

export interface SoapPlanItem {
  entry: SoapPlanEntry;
  program: Program;
  tier: TierResult;
  /** On Monday's list (null before it is imported). */
  open: boolean | null;
  /** Why the applicant cannot apply to it (partial match, already accepted…), or null. */
  problem: string | null;
  blurb: string;
  /** The SOAP application sent to it, if any. */
  applicationId: number | null;
}

export interface SoapUnfilledItem extends SoapUnfilledProgram {
  inPlan: boolean;
  tier: TierResult | null;
  applicationId: number | null;
}

export interface SoapOverview {
  /** The main process's clock (ISO) when this was computed. */
  now: string;
  dates: SoapWeekDates;
  state: SoapState;
  allowed: { tracks: Program['track'][]; why: string };
  plan: SoapPlanItem[];
  /** Suggested programs not in the plan yet, best first (at most 60). */
  candidates: { candidate: SoapCandidate; program: Program }[];
  leftOut: { why: string; count: number }[];
  unfilled: SoapUnfilledItem[];
  applications: SoapApplication[];
  /** Applications sent, counted against `max` (45). */
  used: number;
  max: number;
  readiness: ReadinessItem[];
  /** SOAP does not apply (matched in the Main Match or through SOAP): why, what comes next, the matched track; else null. */
  notApplicable: { why: string; next: string; track: Program['track'] | null } | null;
}

export interface SoapImportResult {
  summary: {
    listed: number;
    matched: number[];
    planNotOpen: number[];
    notInPlan: number[];
    added: number[];
    otherPrograms: number;
    unreadable: { line: number; text: string }[];
    duplicates: string[];
  };
  overview: SoapOverview;
}

/** The pasted text is parsed here, so text without any general-surgery program is refused as bad input. */
const unfilledListInput = soapUnfilledImportSchema.transform((v, ctx) => {
  const list = parseUnfilledList(v.text);
  if (list.entries.length === 0) {
    const other = list.otherPrograms.length;
    ctx.addIssue({
      code: 'custom',
      path: ['text'],
      message: other > 0
        ? `Found ${other} program code${other === 1 ? '' : 's'}, none for preliminary or categorical general surgery (specialty 440, track P or C). Paste the general-surgery rows of the list.`
        : 'Found no NRMP program code (9 to 11 characters such as 1234440P0 or 1234440C01). Paste the list with its program codes, or import the CSV.',
    });
    return z.NEVER;
  }
  return list;
});

export const soapApi = {
  'soap.overview': method<SoapOverview>()(noInput),
  /** Records the Match Week result; "Unmatched" is the Main Match result of every ranked application too (Not matched). */
  'soap.setMatchStatus': method<SoapOverview>()(soapSetMatchStatusSchema, { writes: ['soap', 'applications'] }),
  'soap.setTicks': method<SoapOverview>()(soapSetTicksSchema, { writes: ['soap'] }),
  /** Adds programs at the end of the fallback plan (at most 45 in all). */
  'soap.planAdd': method<SoapOverview>()(soapPlanAddSchema, { writes: ['soap'] }),
  'soap.planRemove': method<SoapOverview>()(soapPlanRemoveSchema, { writes: ['soap'] }),
  /** The plan's full new order (exactly the plan's program ids). */
  'soap.planReorder': method<SoapOverview>()(soapPlanReorderSchema, { writes: ['soap'] }),
  /** Replaces the List of Unfilled Programs (Monday) and re-ranks the plan to what is open. */
  'soap.importUnfilled': method<SoapImportResult>()(unfilledListInput, { writes: ['soap', 'programs'] }),
  /** Sends SOAP applications (counted against 45; only programs on the list). */
  'soap.apply': method<SoapOverview>()(soapApplySchema, { writes: ['soap'] }),
  'soap.interview': method<SoapOverview>()(soapApplicationIdSchema, { writes: ['soap'] }),
  'soap.offer': method<SoapOverview>()(soapOfferSchema, { writes: ['soap'] }),
  /** Accept (binding), reject, or let an offer expire. */
  /** An acceptance also records the match on the application and closes the other applications. */
  'soap.decide': method<SoapOverview>()(soapDecideSchema, { writes: ['soap', 'applications'] }),
};
