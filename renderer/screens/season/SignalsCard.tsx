// Program signals (docs/DOMAIN.md §6): the budget (15, est., editable) with what is left, a
// signal per institution (both tracks see it), whether each accepts signals, and the engine's
// advice. The 16th signal is refused by the main process with a message shown here.
import { useMemo, useState } from 'react';
import { TRI_STATES, type TriState } from '../../../shared/domain/program';
import { ACCEPTS_SIGNALS_LABELS } from '../../../shared/domain/signals';
import { TIER_LABELS } from '../../../shared/engine/types';
import { NoticeBanner, type Notice } from '../../components/Notice';
import { errorMessage } from '../../api/client';
import { useSignalsStore } from '../../stores/signals-store';

export function SignalsCard() {
  const view = useSignalsStore((s) => s.signals);
  const setSignal = useSignalsStore((s) => s.setSignal);
  const setBudget = useSignalsStore((s) => s.setBudget);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [budgetText, setBudgetText] = useState('');
  const [onListOnly, setOnListOnly] = useState(true);

  const rows = useMemo(() => {
    if (!view) return [];
    const anyOnList = view.review.institutions.some((i) => i.onList);
    return view.review.institutions.filter((i) => !onListOnly || !anyOnList || i.onList || i.signalSent);
  }, [view, onListOnly]);

  if (!view) return null;
  const { budget, review } = view;

  const run = async (what: () => Promise<void>, ok: string) => {
    try {
      await what();
      setNotice({ kind: 'ok', text: ok });
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  const saveBudget = () => {
    const n = Number(budgetText.trim());
    if (budgetText.trim() === '' || !Number.isInteger(n)) {
      setNotice({ kind: 'error', text: 'Enter the number of signals as a whole number (e.g. 15).' });
      return;
    }
    void run(() => setBudget(n), `Signal budget set to ${n}.`);
  };

  return (
    <section className="card" aria-labelledby="signals-title">
      <div className="card-title-row">
        <h2 id="signals-title">Program signals</h2>
        <div className="season-figures" aria-live="polite">
          <span className="season-figure">
            <span className="muted">Budget</span>
            <strong data-testid="signal-budget">
              {budget.budget} {budget.isReference ? <span className="est">est.</span> : null}
            </strong>
          </span>
          <span className="season-figure">
            <span className="muted">Used</span>
            <strong data-testid="signals-used">{budget.used}</strong>
          </span>
          <span className="season-figure">
            <span className="muted">Left</span>
            <strong data-testid="signals-left">{budget.left}</strong>
          </span>
        </div>
      </div>
      <p className="muted">
        General surgery gives {view.reference.budget} signals ({view.reference.season}; {view.reference.source}). A signal goes to the institution: both its tracks see it. Signals convert poorly for non-US IMGs, so spend them on realistic programs (Tier 1 and Tier 2) that accept signals.
      </p>
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />
      <div className="amount-edit">
        <label htmlFor="signal-budget-input">Correct the budget</label>
        <input id="signal-budget-input" type="text" inputMode="numeric" value={budgetText} placeholder={String(budget.budget)} onChange={(e) => setBudgetText(e.target.value)} />
        <button type="button" className="secondary" onClick={saveBudget}>
          Save budget
        </button>
        {!budget.isReference ? (
          <button type="button" className="ghost" onClick={() => void run(() => setBudget(null), `Budget back to ${view.reference.budget} (est.).`)}>
            Back to {view.reference.budget} (est.)
          </button>
        ) : null}
      </div>
      {review.suggestions.length > 0 && budget.left > 0 ? (
        <p>
          <strong>Worth a signal:</strong> {review.suggestions.slice(0, Math.max(3, budget.left)).map((s) => s.name).join(', ')}.
        </p>
      ) : null}
      <label className="inline-check">
        <input type="checkbox" checked={onListOnly} onChange={(e) => setOnListOnly(e.target.checked)} />
        Only institutions on my list (and those signalled)
      </label>
      {rows.length === 0 ? (
        <p className="muted">No programs yet: add programs first.</p>
      ) : (
        <table className="season-table" aria-label="Signals per institution">
          <thead>
            <tr>
              <th scope="col">Institution</th>
              <th scope="col">Tier</th>
              <th scope="col">Accepts signals</th>
              <th scope="col">Signal</th>
              <th scope="col">Advice</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.institutionId} data-institution={i.name}>
                <td>
                  {i.name}
                  <div className="muted">{i.tracks.join(', ')}</div>
                </td>
                <td>{TIER_LABELS[i.outcome]}</td>
                <td>
                  <select
                    aria-label={`Does ${i.name} accept signals?`}
                    value={i.acceptsSignals}
                    onChange={(e) => void run(() => setSignal({ institutionId: i.institutionId, accepts: e.target.value as TriState }), `${i.name}: ${ACCEPTS_SIGNALS_LABELS[e.target.value as TriState].toLowerCase()}.`)}
                  >
                    {TRI_STATES.map((t) => (
                      <option key={t} value={t}>
                        {t === 'yes' ? 'Yes' : t === 'no' ? 'No' : 'Unknown'}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      checked={i.signalSent}
                      onChange={(e) => {
                        const sent = e.target.checked;
                        void run(() => setSignal({ institutionId: i.institutionId, sent }), sent ? `Signal sent to ${i.name} (both tracks see it).` : `Signal taken back from ${i.name}.`);
                      }}
                    />
                    <span className="sr-only">Signal for {i.name}</span>
                    <span aria-hidden>{i.signalSent ? 'Sent' : 'Send'}</span>
                  </label>
                </td>
                <td className={i.signalSent && (i.verdict === 'wasted' || i.verdict === 'not_accepted') ? 'flag-text' : undefined}>{i.advice}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
