// Handlers for the prelim-year plan. The plan is suggested (not saved) when a season's result
// is a preliminary position; its first change saves it with the suggested checklist.
import type { Handlers } from '../../shared/api/contract';
import type { prelimApi } from '../../shared/api/prelim-api';
import type { PrelimItem, PrelimOverview, PrelimPlan } from '../../shared/domain/prelim-plan';
import { defaultPaths, prelimDatedItems, prelimTrigger, suggestedPrelimItems } from '../../shared/engine/prelim-plan';
import type { DatedItem } from '../../shared/engine/agenda';
import { AppError } from '../errors';
import type { StoredPlan } from '../db/repos/prelim-repo';
import type { HandlerContext } from './context';
import { readSeason } from './seasons-handlers';

type PrelimHandlers = Pick<Handlers, keyof typeof prelimApi>;

export function createPrelimService({ db, repos, clock }: HandlerContext) {
  const repo = repos.prelim;
  const seasons = repos.seasons;
  const now = () => clock.now();
  const today = () => clock.today();

  /** The active season's result and the past seasons' results. */
  function trigger() {
    const active = seasons.active();
    const results = seasons
      .list()
      .filter((s) => s.status === 'past' && s.outcome)
      .map((s) => ({ matchYear: s.matchYear, outcome: s.outcome! }));
    results.push({ matchYear: active.matchYear, outcome: readSeason(db, active).outcome });
    return prelimTrigger(results);
  }

  /** The stored plan, else the one the season's result suggests, else null. */
  function planBasis(t: () => ReturnType<typeof trigger> = trigger): { stored: boolean; basis: StoredPlan } | null {
    const stored = repo.plan();
    if (stored) return { stored: true, basis: stored };
    const found = t();
    return found ? { stored: false, basis: { matchYear: found.matchYear, programLabel: found.programLabel, source: found.source } } : null;
  }

  function planOf(found: ReturnType<typeof planBasis>): PrelimPlan | null {
    if (!found) return null;
    const paths = new Map(repo.paths().map((p) => [p.path, p]));
    const items: PrelimItem[] = found.stored
      ? repo.items()
      : suggestedPrelimItems(found.basis.matchYear).map((s) => ({ id: 0, kind: s.kind, templateKey: s.templateKey, title: s.title, dueDate: s.dueDate, person: s.person, notes: s.notes, action: '', done: false, doneOn: null }));
    return { ...found.basis, stored: found.stored, items, openings: repo.openings(), paths: defaultPaths().map((p) => paths.get(p.path) ?? p), contacts: repo.contacts() };
  }

  function overview(): PrelimOverview {
    let memo: ReturnType<typeof trigger> | undefined;
    const t = () => (memo === undefined ? (memo = trigger()) : memo);
    const plan = planOf(planBasis(t));
    const items = plan?.items ?? [];
    return { plan, trigger: t(), progress: { done: items.filter((i) => i.done).length, total: items.length }, today: today() };
  }

  /** Runs a change, saving the suggested plan first; refused when there is no plan to change. */
  function change(fn: () => void): PrelimOverview {
    repo.change(
      () => {
        const found = planBasis();
        if (!found) throw new AppError('conflict', 'There is no prelim-year plan yet: open one first (no preliminary position is recorded in the Match or SOAP).');
        if (!found.stored) repo.ensure(found.basis, suggestedPrelimItems(found.basis.matchYear), now());
      },
      fn,
      now(),
    );
    return overview();
  }

  /** The plan's items for Deadlines and reminders (the suggested ones too, before the plan is saved). */
  function datedItems(): DatedItem[] {
    const plan = planOf(planBasis());
    if (!plan) return [];
    const updated = repo.itemsUpdatedAt();
    return prelimDatedItems(plan.items.map((i) => ({ ...i, key: i.id ? String(i.id) : i.templateKey, updatedAt: i.id ? (updated.get(i.id) ?? null) : null })));
  }

  return { overview, change, datedItems, repo, today };
}

export function createPrelimHandlers(ctx: HandlerContext): PrelimHandlers {
  const s = createPrelimService(ctx);
  const { repo } = s;
  const now = () => ctx.clock.now();
  return {
    'prelim.overview': () => s.overview(),
    'prelim.open': ({ matchYear, programLabel }) => {
      if (repo.plan()) throw new AppError('conflict', 'A prelim-year plan is open already; reload the page.');
      repo.change(() => repo.ensure({ matchYear, programLabel, source: 'manual' }, suggestedPrelimItems(matchYear), now()), () => undefined, now());
      return s.overview();
    },
    'prelim.saveItem': ({ templateKey, ...item }) =>
      s.change(() => {
        const id = item.id ?? (templateKey ? repo.itemIdOfTemplate(templateKey) : null);
        if (templateKey && id === null) throw new AppError('not_found', 'This suggested item is no longer in the plan; reload the page.');
        repo.saveItem({ ...item, id: id ?? undefined }, s.today(), now());
      }),
    'prelim.deleteItem': ({ id }) => s.change(() => repo.deleteItem(id)),
    'prelim.saveOpening': (o) => s.change(() => void repo.saveOpening(o, now())),
    'prelim.deleteOpening': ({ id }) => s.change(() => repo.deleteOpening(id)),
    'prelim.savePath': (p) => s.change(() => repo.savePath(p, now())),
    'prelim.saveContact': (c) => s.change(() => void repo.saveContact(c, now())),
    'prelim.deleteContact': ({ id }) => s.change(() => repo.deleteContact(id)),
  };
}
