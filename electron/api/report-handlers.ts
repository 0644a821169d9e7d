// The advisor report: gathers the chosen sections from the repositories and the engine
// (tiers, list health, readiness) and leaves private fields out unless chosen.
import type { Handlers } from '../../shared/api/contract';
import type { reportApi } from '../../shared/api/report-api';
import { advisorReport } from '../../shared/engine/advisor-report';
import { REFERENCE_FEES } from '../../shared/engine/eras-fees';
import { listHealth } from '../../shared/engine/list-health';
import type { ReadinessItem } from '../../shared/engine/readiness-types';
import { tierPrograms } from '../../shared/engine/tier-program';
import { localDateOf } from '../../shared/engine/calendar-dates';
import { seasonLabel } from '../../shared/engine/season-projection';
import type { Db } from '../db/open';
import { createApplicationsRepo } from '../db/repos/applications-repo';
import { createCalendarRepo } from '../db/repos/calendar-repo';
import { createLettersRepo } from '../db/repos/letters-repo';
import { createListRepo } from '../db/repos/list-repo';
import { createPipelineRepo } from '../db/repos/pipeline-repo';
import { createProfileRepo } from '../db/repos/profile-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { createSeasonsRepo } from '../db/repos/seasons-repo';
import { systemTimeZone } from '../clock';

type ReportHandlers = Pick<Handlers, keyof typeof reportApi>;

export function createReportHandlers(db: Db, now: () => Date, readinessItems: () => readonly ReadinessItem[]): ReportHandlers {
  const profiles = createProfileRepo(db);
  const programsRepo = createProgramsRepo(db);
  const list = createListRepo(db);
  const letters = createLettersRepo(db);
  const apps = createApplicationsRepo(db);
  const pipeline = createPipelineRepo(db);
  const calendar = createCalendarRepo(db);
  const seasons = createSeasonsRepo(db);
  return {
    'report.build': (options) => {
      const today = localDateOf(now(), calendar.settings().timeZone || systemTimeZone());
      const profile = profiles.get().profile;
      const programs = programsRepo.list();
      const computed = tierPrograms(programs, profile, today);
      const tiers = new Map(programs.map((p, i) => [p.id, computed[i]!]));
      const entries = programs.filter((p) => p.onList).map((p) => ({ program: p, tier: tiers.get(p.id)!, overriddenOutcome: p.override?.outcome ?? null }));
      const health = listHealth(entries, profile, { feesCombineTracks: list.settings().feesCombineTracks });
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
