// The season's costs (docs/DOMAIN.md §9): ERAS fees from the list, the fixed fees, rank fees
// from the rank list, SOAP, and interview travel, each with its season and confidence; the
// user's corrections and what is paid.
import type { Handlers } from '../../shared/api/contract';
import type { costsApi, CostsView } from '../../shared/api/costs-api';
import { wasSubmitted, type Application } from '../../shared/domain/application';
import { programLabel } from '../../shared/domain/program';
import type { ProgramOfApplication } from '../../shared/engine/invitations';
import { seasonCosts } from '../../shared/engine/season-costs';
import type { HandlerContext } from './context';
import { writeStamp } from '../db/open';

/** Each application's program id and label. */
export function programsOfApplications({ repos }: HandlerContext, applications: readonly Application[]): Map<number, ProgramOfApplication> {
  const byId = new Map(repos.programs.list().map((p) => [p.id, p]));
  return new Map(
    applications.map((a) => {
      const p = byId.get(a.programId);
      return [a.id, { programId: a.programId, programName: p ? programLabel(p) : repos.applications.programName(a.programId) }];
    }),
  );
}

export function createCostsHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof costsApi> {
  const { repos, clock } = ctx;

  function costsView(): CostsView {
    const today = clock.today();
    const applications = repos.applications.list();
    const interviews = repos.pipeline.interviews();
    const names = programsOfApplications(ctx, applications);
    const travelOf = new Map(repos.costs.travel().map((x) => [x.interviewId, x]));
    const settings = repos.costs.costSettings();
    const feesPerInstitution = repos.costs.feesPerInstitution();
    const feesCombineTracks = repos.list.settings().feesCombineTracks;
    const rankList = repos.pipeline.rankList();
    const costs = seasonCosts({
      programs: repos.programs.list().map((p) => ({ id: p.id, institutionId: p.institutionId, track: p.track, onList: p.onList })),
      submittedProgramIds: applications.filter(wasSubmitted).map((a) => a.programId),
      feesPerInstitution,
      feesCombineTracks,
      rankCount: rankList.applicationIds.length,
      rankListExtraFee: rankList.extraRankFee,
      soapApplications: repos.soap.applications().length,
      travel: interviews.map((i) => {
        const x = travelOf.get(i.id);
        return {
          interviewId: i.id,
          programName: names.get(i.applicationId)?.programName ?? `application ${i.applicationId}`,
          date: i.localStart?.slice(0, 10) ?? null,
          done: i.completed,
          transport: x?.transport ?? 0,
          lodging: x?.lodging ?? 0,
          other: x?.other ?? 0,
        };
      }),
      settings,
      today,
    });
    return { ...costs, settings, feesPerInstitution, feesCombineTracks, today };
  }

  // The view is made once per change of the data or of the day (it reads every program: ~0.1 s
  // at 50,000), and the Dashboard's budget card and the page the host draws ask for it often.
  let last: { key: string; view: CostsView } | null = null;

  return {
    'costs.summary': () => {
      const key = `${writeStamp(ctx.db)}|${clock.today()}`;
      if (last?.key !== key) last = { key, view: costsView() };
      return last.view;
    },
    'costs.setAmount': ({ item, amount }) => {
      const s = repos.costs.costSettings();
      const amounts = Object.fromEntries(Object.entries(s.amounts).filter(([k]) => k !== item));
      if (amount !== null) amounts[item] = amount;
      repos.costs.saveCostSettings({ ...s, amounts }, clock.now());
      return costsView();
    },
    'costs.setFlags': ({ paid, lateRegistration, feesPerInstitution }) => {
      const s = repos.costs.costSettings();
      repos.costs.saveFlags({ ...s, paid: { ...s.paid, ...paid }, lateRegistration: lateRegistration ?? s.lateRegistration }, feesPerInstitution, clock.now());
      return costsView();
    },
    'travel.save': (input) => {
      repos.costs.saveTravel(input, clock.now());
      return costsView();
    },
  };
}
