// Handlers for tiers, the application list, settings and sample data.
import type { Handlers } from '../../shared/api/contract';
import { cachedTiers } from './tier-cache';
import { generateSampleInstitutions } from '../../shared/sample/generate';
import type { Db } from '../db/open';
import { inTransaction } from '../db/open';
import { todayOf } from '../db/repos/applications-repo';
import { createListRepo } from '../db/repos/list-repo';
import { createProfileRepo } from '../db/repos/profile-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { AppError } from '../errors';

type ListHandlers = Pick<Handlers, 'tiers.list' | 'tiers.override' | 'programs.setOnList' | 'settings.get' | 'settings.save' | 'sample.load' | 'sample.remove'>;

export function createListHandlers(db: Db, now: () => Date): ListHandlers {
  const profiles = createProfileRepo(db);
  const programs = createProgramsRepo(db);
  const list = createListRepo(db);
  return {
    'tiers.list': () => {
      const today = todayOf(now());
      const saved = profiles.get();
      const all = programs.list();
      const computed = cachedTiers(db, all, saved.profile, today);
      return { today, profileSaved: saved.updatedAt !== null, tiers: all.map((p, i) => ({ programId: p.id, computed: computed[i]! })) };
    },
    'tiers.override': ({ programId, outcome, note }) => {
      list.setOverride(programId, outcome === null ? null : { outcome, note }, now());
      return { ok: true as const };
    },
    'programs.setOnList': ({ ids, onList }) => list.setOnList([...new Set(ids)], onList),
    'settings.get': () => list.settings(),
    'settings.save': (settings) => list.saveSettings(settings),
    'sample.load': ({ institutions }) => {
      const items = generateSampleInstitutions(institutions, Date.now() % 100000);
      let programCount = 0;
      inTransaction(db, () => {
        for (const item of items) {
          try {
            const saved = programs.saveInstitution(item.institution, item.tracks, now());
            list.markSample([saved.institution.id]);
            programCount += saved.programs.length;
          } catch (err) {
            // A generated NRMP code that collides with one the user entered: skip that institution.
            if (!(err instanceof AppError && err.code === 'conflict')) throw err;
          }
        }
      });
      return { institutions: items.length, programs: programCount };
    },
    'sample.remove': () => list.removeSample(),
  };
}
