// The SOAP screen (docs/DOMAIN.md §5): the fallback plan built weeks before Match Week,
// Monday's List of Unfilled Programs, and Match Week mode.
import { useState } from 'react';
import { SOAP_MATCH_STATUS_LABELS, type SoapMatchStatus } from '../../../shared/domain/soap';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Tabs } from '../../components/Tabs';
import { SelectField } from '../../components/form';
import { useSoapStore } from '../../stores/soap-store';
import { useWatch } from '../../stores/live';
import { FallbackPlan } from './FallbackPlan';
import { MatchWeekPanel } from './MatchWeekPanel';
import { SoapReadiness } from './SoapReadiness';
import { UnfilledListPanel } from './UnfilledListPanel';
import './soap.css';

type View = 'plan' | 'monday' | 'week';

export function SoapScreen() {
  const { overview, error, run, clearError } = useSoapStore();
  useWatch(useSoapStore);
  const [view, setView] = useState<View>('plan');

  return (
    <div className="screen soap">
      <ScreenHeader
        title="SOAP"
        subtitle="If Match Week Monday says unmatched or partially matched: up to 45 applications to programs on the List of Unfilled Programs, offers in four rounds on Thursday, and an accepted offer is binding."
      />
      {error ? (
        <div className="banner error" role="alert">
          <span>{error}</span>
          <button type="button" className="ghost" onClick={clearError}>
            Dismiss
          </button>
        </div>
      ) : null}
      {!overview ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <div className="soap-top">
            <section className="card" aria-labelledby="soap-status-title">
              <h2 id="soap-status-title">Your Match Week result</h2>
              <SelectField<SoapMatchStatus> label="Result on Monday" name="matchStatus" value={overview.state.matchStatus} options={SOAP_MATCH_STATUS_LABELS} onChange={(v) => void run('soap.setMatchStatus', { matchStatus: v })} />
              <p className="muted small">{overview.allowed.why}</p>
            </section>
            <SoapReadiness overview={overview} />
          </div>
          <Tabs
            label="SOAP views"
            tabs={[
              ['plan', `Fallback plan (${overview.plan.length})`],
              ['monday', `Monday: unfilled list${overview.unfilled.length ? ` (${overview.unfilled.length})` : ''}`],
              ['week', `Match Week (${overview.used}/${overview.max})`],
            ]}
            value={view}
            onChange={setView}
          />
          {view === 'plan' ? <FallbackPlan overview={overview} /> : view === 'monday' ? <UnfilledListPanel overview={overview} /> : <MatchWeekPanel overview={overview} />}
        </>
      )}
    </div>
  );
}
