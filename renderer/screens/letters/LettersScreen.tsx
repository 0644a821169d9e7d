import { useState } from 'react';
import { LETTER_STAGES, LETTER_STAGE_LABELS, type LetterStage } from '../../../shared/domain/letters';
import { ScreenHeader } from '../../components/ScreenHeader';
import { plural } from '../../components/format';
import { hashQuery, openSection } from '../../stores/route-query';
import { useLettersStore } from '../../stores/letters-store';
import { useProgramsStore } from '../../stores/programs-store';
import { useProfileStore } from '../../stores/profile-store';
import { useWatch } from '../../stores/live';
import { LettersTab } from './LettersTab';
import { AssignmentMatrix } from './AssignmentMatrix';
import { DocumentsTab } from './DocumentsTab';
import { MessagesTab } from './MessagesTab';
import './letters.css';
import '../../styles/letters-filter.css';
import { LoadErrorBanner } from '../../components/Notice';

/** The stage in "#/letters?stage=uploaded" (the Dashboard's letter counts link there), if it is one. */
function stageFromHash(): LetterStage | null {
  const s = hashQuery().get('stage');
  return s !== null && (LETTER_STAGES as readonly string[]).includes(s) ? (s as LetterStage) : null;
}

type Tab = 'letters' | 'matrix' | 'documents' | 'messages';

/** The tab in "#/letters?tab=messages" (a follow-up in Deadlines links there), if it is one. */
function tabFromHash(): Tab {
  const t = hashQuery().get('tab');
  return t === 'matrix' || t === 'documents' || t === 'messages' ? t : 'letters';
}
const TABS: [Tab, string][] = [
  ['letters', 'Letters'],
  ['matrix', 'Assignments'],
  ['documents', 'Documents'],
  ['messages', 'Messages'],
];

export function LettersScreen() {
  const { load, loadError, loaded, letters } = useLettersStore();
  useWatch(useLettersStore, useProgramsStore, useProfileStore);
  const [tab, setTab] = useState<Tab>(tabFromHash);
  const [stage, setStageFilter] = useState<LetterStage | null>(stageFromHash);
  const filterBy = (next: LetterStage | null) => {
    setStageFilter(next);
    openSection('letters', next ? { stage: next } : {});
  };
  const atStage = stage ? letters.filter((l) => l.stage === stage).length : 0;

  return (
    <div className="screen letters-screen">
      <ScreenHeader title="Letters & documents" subtitle="Letters of recommendation, personal statements and CV versions, and what went to each program." />
      {loadError ? (
        <LoadErrorBanner message={loadError} onRetry={() => void load()} />
      ) : null}
      <div className="tabs" role="tablist" aria-label="Letters views">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" id={`letters-tab-${id}`} aria-selected={tab === id} aria-controls={`letters-panel-${id}`} className={tab === id ? 'active' : undefined} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      {stage && tab === 'letters' ? (
        <div className="stage-filter-bar">
          <label>
            <span>Showing letters at the stage</span>
            <select value={stage} onChange={(e) => filterBy(e.target.value as LetterStage)} aria-label="Show letters at the stage">
              {LETTER_STAGES.map((s) => (
                <option key={s} value={s}>
                  {LETTER_STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <span className="muted">
            {plural(atStage, 'letter')} of {letters.length}
          </span>
          <button type="button" className="secondary" onClick={() => filterBy(null)}>
            Show all letters
          </button>
        </div>
      ) : null}
      <div
        role="tabpanel"
        id={`letters-panel-${tab}`}
        aria-labelledby={`letters-tab-${tab}`}
        className={`letters-panel${stage && tab === 'letters' ? ' stage-filtered' : ''}`}
        data-stage-filter={stage && tab === 'letters' ? stage : undefined}
      >
        {!loaded ? <p className="muted">Loading…</p> : tab === 'letters' ? <LettersTab /> : tab === 'matrix' ? <AssignmentMatrix /> : tab === 'documents' ? <DocumentsTab /> : <MessagesTab />}
      </div>
    </div>
  );
}
