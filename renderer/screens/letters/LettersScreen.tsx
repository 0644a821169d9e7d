import { useEffect, useState } from 'react';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useLettersStore } from '../../stores/letters-store';
import { useProgramsStore } from '../../stores/programs-store';
import { useProfileStore } from '../../stores/profile-store';
import { LettersTab } from './LettersTab';
import { AssignmentMatrix } from './AssignmentMatrix';
import { DocumentsTab } from './DocumentsTab';
import { MessagesTab } from './MessagesTab';
import './letters.css';

type Tab = 'letters' | 'matrix' | 'documents' | 'messages';
const TABS: [Tab, string][] = [
  ['letters', 'Letters'],
  ['matrix', 'Assignments'],
  ['documents', 'Documents'],
  ['messages', 'Messages'],
];

export function LettersScreen() {
  const { load, loadError, loaded } = useLettersStore();
  const loadPrograms = useProgramsStore((s) => s.load);
  const loadProfile = useProfileStore((s) => s.load);
  const [tab, setTab] = useState<Tab>('letters');

  useEffect(() => {
    void load();
    void loadPrograms();
    void loadProfile();
  }, [load, loadPrograms, loadProfile]);

  return (
    <div className="screen letters-screen">
      <ScreenHeader title="Letters & documents" subtitle="Letters of recommendation, personal statements and CV versions, and what went to each program." />
      {loadError ? (
        <div className="banner error" role="alert">
          <span>{loadError}</span>
          <button type="button" className="secondary" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : null}
      <div className="tabs" role="tablist" aria-label="Letters views">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" id={`letters-tab-${id}`} aria-selected={tab === id} aria-controls={`letters-panel-${id}`} className={tab === id ? 'active' : undefined} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`letters-panel-${tab}`} aria-labelledby={`letters-tab-${tab}`} className="letters-panel">
        {!loaded ? <p className="muted">Loading…</p> : tab === 'letters' ? <LettersTab /> : tab === 'matrix' ? <AssignmentMatrix /> : tab === 'documents' ? <DocumentsTab /> : <MessagesTab />}
      </div>
    </div>
  );
}
