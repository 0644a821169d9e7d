import { z } from 'zod';
import { method, noInput } from './define';
import type { ReadinessItem } from '../engine/readiness-types';
import { MANUAL_ITEM_IDS, type ReadinessProgress } from '../engine/readiness';

export interface ReadinessChecklist {
  /** The user's today (YYYY-MM-DD) the checklist was computed for. */
  today: string;
  /** The user's zone the checklist was computed in (timed due points are read in it). */
  timeZone: string;
  items: ReadinessItem[];
  /** ERAS items only. */
  progress: ReadinessProgress;
  /** The SOAP plan's items, counted apart (null when there are none). */
  soapProgress: ReadinessProgress | null;
  /** Names of the programs the items affect, by id. */
  programNames: Record<number, string>;
}

export const readinessApi = {
  /** The ERAS readiness checklist from the profile, letters, documents, list and applications. */
  'readiness.checklist': method<ReadinessChecklist>()(noInput),
  /** Ticks (or unticks) an item only the user can judge. */
  'readiness.tick': method<{ ok: true }>()(
    z.object({ itemId: z.enum(MANUAL_ITEM_IDS, 'This item is computed from your data and cannot be ticked; reload the page.'), done: z.boolean() }).strict(),
    { writes: ['readiness'] },
  ),
};
