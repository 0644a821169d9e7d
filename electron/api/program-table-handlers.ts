// programs.table, programs.tableStart and tiers.get (shared/api/program-table-api.ts). The list and the tiers come
// from the per-connection caches (programs-repo's list, tier-cache), and the compact forms
// are kept per program object, so an unchanged list costs a walk over cached objects.
import type { Handlers } from '../../shared/api/contract';
import type { programTableApi, ProgramRow, ProgramTable, TierSummary } from '../../shared/api/program-table-api';
import type { Institution, Program } from '../../shared/domain/program';
import type { TierResult } from '../../shared/engine/types';
import { AppError } from '../errors';
import type { HandlerContext } from './context';
import { cachedTiers } from './tier-cache';

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

export function createProgramTableHandlers({ db, repos, clock }: HandlerContext): Pick<Handlers, keyof typeof programTableApi> {
  const profiles = repos.profile;
  const programs = repos.programs;
  /** The table of these programs (in this order), with their tiers. */
  const table = (shown: readonly Program[]): ProgramTable => {
    const today = clock.today();
    const saved = profiles.get();
    const season = repos.signals.tierChoices();
    const tiers = cachedTiers(db, shown, saved.profile, today, season);
    const institutions: Institution[] = [];
    let last: Institution | null = null;
    const seen = new Set<number>();
    for (const p of shown) {
      // Programs come grouped by institution, so this is one comparison per program.
      if (p.institution !== last && !seen.has(p.institutionId)) {
        seen.add(p.institutionId);
        institutions.push(p.institution);
      }
      last = p.institution;
    }
    return { today, profileSaved: saved.updatedAt !== null, geoDivisions: [...(season.geoDivisions ?? [])], institutions, programs: shown.map(rowOf), tiers: tiers.map(summaryOf) };
  };
  return {
    'programs.table': () => table(programs.list()),
    'programs.tableStart': ({ count }) => {
      const all = programs.list();
      return { ...table(all.slice(0, count)), total: all.length };
    },
    'tiers.get': ({ programId }) => {
      const all = programs.list();
      const index = all.findIndex((p) => p.id === programId);
      if (index < 0) throw new AppError('not_found', `Program ${programId} does not exist (it may have been deleted); reload the list.`);
      const program = all[index]!;
      const [computed] = cachedTiers(db, [program], profiles.get().profile, clock.today(), repos.signals.tierChoices());
      return { programId, computed: computed! };
    },
  };
}
