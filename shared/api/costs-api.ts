// The season's budget (docs/DOMAIN.md §9).
import { z } from 'zod';
import { method, noInput } from './define';
import { costAmountSchema, costFlagsSchema, interviewTravelSchema, type CostSettings } from '../domain/costs';
import type { SeasonCosts } from '../engine/season-costs';

export interface CostsView extends SeasonCosts {
  settings: CostSettings;
  feesPerInstitution: boolean;
  feesCombineTracks: boolean;
  today: string;
}

export const costsApi = {
  'costs.summary': method<CostsView>()(noInput),
  /** Corrects a reference amount (null: back to the reference). */
  'costs.setAmount': method<CostsView>()(costAmountSchema, { writes: ['settings'] }),
  /** Marks fixed fees paid, the late registration, and how ERAS fees count tracks. */
  'costs.setFlags': method<CostsView>()(costFlagsSchema.extend({ feesPerInstitution: z.boolean().optional() }).strict(), { writes: ['settings'] }),
  /** Travel for one interview (transport, lodging, other); all zero removes it. */
  'travel.save': method<CostsView>()(interviewTravelSchema, { writes: ['interviews'] }),
};
