// programs.table and tiers.get (shared/api/program-table-api.ts). The list and the tiers come
// from the per-connection caches (programs-repo's list, tier-cache), and the compact forms
// are kept per program object, so an unchanged list costs a walk over cached objects.
import type { Handlers } from '../../shared/api/contract';
import type { ProgramRow, TierSummary } from '../../shared/api/program-table-api';
import type { Institution, Program } from '../../shared/domain/program';
import type { TierResult } from '../../shared/engine/types';
import type { Db } from '../db/open';
import { todayOf } from '../db/repos/applications-repo';
import { createProfileRepo } from '../db/repos/profile-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { AppError } from '../errors';
import { cachedTiers } from './tier-cache';

type ProgramTableHandlers = Pick<Handlers, 'programs.table' | 'tiers.get'>;

const rows = new WeakMap<Program, ProgramRow>();
const summaries = new WeakMap<TierResult, TierSummary>();

function rowOf(p: Program): ProgramRow {
  let row = rows.get(p);
  if (!row) {
    const { institution: _institution, ...rest } = p;
    row = rest;
    if (Object.isFrozen(p)) rows.set(p, Object.freeze(row));
  }
  return row;
}

function summaryOf(t: TierResult): TierSummary {
  let s = summaries.get(t);
  if (!s) {
    s = { outcome: t.outcome, summary: t.summary, fitScore: t.fitScore, confidence: t.confidence, confidenceLevel: t.confidenceLevel, flags: t.flags, exclusions: t.exclusions };
    if (Object.isFrozen(t)) summaries.set(t, Object.freeze(s));
  }
  return s;
}

export function createProgramTableHandlers(db: Db, now: () => Date): ProgramTableHandlers {
  const profiles = createProfileRepo(db);
  const programs = createProgramsRepo(db);
  return {
    'programs.table': () => {
      const today = todayOf(now());
      const saved = profiles.get();
      const all = programs.list();
      const tiers = cachedTiers(db, all, saved.profile, today);
      const institutions: Institution[] = [];
      let last: Institution | null = null;
      const seen = new Set<number>();
      for (const p of all) {
        // Programs come grouped by institution, so this is one comparison per program.
        if (p.institution !== last && !seen.has(p.institutionId)) {
          seen.add(p.institutionId);
          institutions.push(p.institution);
        }
        last = p.institution;
      }
      return { today, profileSaved: saved.updatedAt !== null, institutions, programs: all.map(rowOf), tiers: tiers.map(summaryOf) };
    },
    'tiers.get': ({ programId }) => {
      const all = programs.list();
      const index = all.findIndex((p) => p.id === programId);
      if (index < 0) throw new AppError('not_found', `Program ${programId} does not exist (it may have been deleted); reload the list.`);
      const program = all[index]!;
      const [computed] = cachedTiers(db, [program], profiles.get().profile, todayOf(now()));
      return { programId, computed: computed! };
    },
  };
}
