// The advisor report: gathers the chosen sections from the repositories and the engine
// (tiers, list health, readiness) and leaves private fields out unless chosen.
import type { Handlers } from '../../shared/api/contract';
import type { reportApi } from '../../shared/api/report-api';
import { advisorReport } from '../../shared/engine/advisor-report';
import { REFERENCE_FEES } from '../../shared/engine/eras-fees';
import { listHealth } from '../../shared/engine/list-health';
import type { ReadinessItem } from '../../shared/engine/readiness-types';
import { seasonLabel } from '../../shared/engine/season-projection';
import type { HandlerContext } from './context';
import { cachedTiers } from './tier-cache';

type ReportHandlers = Pick<Handlers, keyof typeof reportApi>;

export function createReportHandlers({ db, repos, clock }: HandlerContext, readinessItems: () => readonly ReadinessItem[]): ReportHandlers {
  const { profile: profiles, programs: programsRepo, list, letters, applications: apps, pipeline, seasons, signals, costs } = repos;
  return {
    'report.build': (options) => {
      const today = clock.today();
      const profile = profiles.get().profile;
      const programs = programsRepo.list();
      const computed = cachedTiers(db, programs, profile, today, signals.tierChoices());
      const tiers = new Map(programs.map((p, i) => [p.id, computed[i]!]));
      const entries = programs.filter((p) => p.onList).map((p) => ({ program: p, tier: tiers.get(p.id)!, overriddenOutcome: p.override?.outcome ?? null }));
      // The same list health as the Programs screen: signals, the geographic preference, ERAS fees per institution (docs/DOMAIN.md §6, §7, §9).
      const health = listHealth(entries, profile, {
        feesCombineTracks: list.settings().feesCombineTracks,
        feesPerInstitution: costs.feesPerInstitution(),
        geoDivisions: signals.geoPreference().divisions,
        signalBudget: signals.signalBudget().budget,
      });
      const rank = pipeline.rankList();
      return advisorReport(
        {
          today,
          season: seasonLabel(seasons.active().matchYear),
          profile,
          programs,
          tiers,
          health,
          readiness: options.sections.includes('readiness') ? readinessItems() : [],
          writers: letters.writers(),
          letters: letters.letters(),
          assignments: letters.assignments(),
          applicationPrograms: new Map(apps.list().map((a) => [a.id, a.programId])),
          interviews: pipeline.interviews(),
          rankList: rank.applicationIds,
          budgetLines: REFERENCE_FEES.filter((f) => f.amount !== null).map((f) => ({ label: f.item, amount: f.amount!, note: `${f.per}; ${f.source}, ${f.season} (${f.confidence})` })),
        },
        options,
      );
    },
  };
}
