import { method } from './define';
import { reportOptionsSchema, type AdvisorReport } from '../engine/advisor-report';

export const reportApi = {
  /** The advisor report's data for the chosen sections; private fields only when chosen. Writes nothing. */
  'report.build': method<AdvisorReport>()(reportOptionsSchema),
};
