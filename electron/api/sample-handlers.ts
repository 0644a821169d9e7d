// Fictional sample programs: added clearly marked, removed in one step.
import type { Handlers } from '../../shared/api/contract';
import type { sampleApi } from '../../shared/api/sample-api';
import { generateSampleInstitutions } from '../../shared/sample/generate';
import { inTransaction } from '../db/open';
import { AppError } from '../errors';
import type { HandlerContext } from './context';

export function createSampleHandlers({ db, repos, clock }: HandlerContext): Pick<Handlers, keyof typeof sampleApi> {
  return {
    'sample.load': ({ institutions }) => {
      // Date.now() is a seed for the generator here, not a date.
      const items = generateSampleInstitutions(institutions, Date.now() % 100000); // not a date: a seed
      let programCount = 0;
      inTransaction(db, () => {
        for (const item of items) {
          try {
            const saved = repos.programs.saveInstitution(item.institution, item.tracks, clock.now());
            repos.list.markSample([saved.institution.id]);
            programCount += saved.programs.length;
          } catch (err) {
            // A generated NRMP code that collides with one the user entered: skip that institution.
            if (!(err instanceof AppError && err.code === 'conflict')) throw err;
          }
        }
      });
      return { institutions: items.length, programs: programCount };
    },
    'sample.remove': () => repos.list.removeSample(),
  };
}
