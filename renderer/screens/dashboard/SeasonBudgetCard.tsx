// The season's budget on the Dashboard (docs/DOMAIN.md §9): the same totals as the Costs screen.
import { useWatch } from '../../stores/live';
import { money } from '../../components/format';
import { openSection } from '../../stores/route-query';
import { useCostsStore } from '../../stores/costs-store';

export function SeasonBudgetCard() {
  const view = useCostsStore((s) => s.view);
  useWatch(useCostsStore);
  if (!view) return null;
  const travel = view.lines.find((l) => l.id === 'travel');
  return (
    <section className="card" aria-labelledby="dash-budget">
      <h2 id="dash-budget">Season budget</h2>
      <button type="button" className="big-stat" onClick={() => openSection('costs')}>
        <span className="sr-only">Season budget: </span>
        <span className="num" data-testid="dash-budget-total">{money(view.totals.total)}</span>
        <small>
          {money(view.totals.spent)} spent · {money(view.totals.planned)} planned
        </small>
      </button>
      {travel && travel.spent + travel.planned > 0 ? <p className="muted small">Interview travel: {money(travel.spent + travel.planned)}</p> : null}
    </section>
  );
}
