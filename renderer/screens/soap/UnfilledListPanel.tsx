// Monday: paste or import the NRMP List of Unfilled Programs. The main process parses it
// (messy paste tolerated), intersects it with the plan and the program database, adds
// programs it does not know and re-ranks the plan to what is open.
import { useRef, useState } from 'react';
import { FileUp, Plus } from 'lucide-react';
import type { SoapOverview } from '../../../shared/api/soap-api';
import { useSoapStore } from '../../stores/soap-store';
import { formatDateTime, plural } from '../../components/format';
import { UNFILLED_LIST_EXAMPLE } from '../../../shared/engine/soap-unfilled-list';

export function UnfilledListPanel({ overview }: { overview: SoapOverview }) {
  const { importUnfilled, lastImport, run, busy } = useSoapStore();
  const [text, setText] = useState('');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const nameOf = (id: number) => overview.plan.find((p) => p.program.id === id)?.program.institution.name ?? overview.unfilled.find((u) => u.programId === id)?.name ?? `program ${id}`;
  const full = overview.plan.length >= overview.max;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 2_000_000) {
      setFileNote(`${file.name} is larger than a List of Unfilled Programs (2 MB at most); choose the CSV export.`);
      return;
    }
    setFileNote(null);
    const content = await file.text();
    setText(content);
    if (await importUnfilled(content)) setFileNote(`Imported ${file.name}.`);
  };

  return (
    <div className="soap-columns">
      <section className="card" aria-labelledby="soap-list-title">
        <h2 id="soap-list-title">List of Unfilled Programs</h2>
        <p className="muted">
          Released on Match Week Monday. Paste it as it comes (rows with NRMP codes such as 1234440P0 or 1234440C01; headers, titles and other specialties are skipped) or import the CSV. Importing again replaces the list.
        </p>
        <label className="textarea-label" htmlFor="soap-unfilled-text">
          Paste the list
        </label>
        <textarea id="soap-unfilled-text" className="soap-paste" rows={9} value={text} onChange={(e) => setText(e.target.value)} placeholder={UNFILLED_LIST_EXAMPLE} />
        <div className="row-buttons">
          <button type="button" className="primary" disabled={busy || text.trim() === ''} onClick={() => void importUnfilled(text)}>
            Match against my plan
          </button>
          <button type="button" className="secondary" onClick={() => fileRef.current?.click()}>
            <FileUp size={15} aria-hidden /> Import CSV…
          </button>
          <input ref={fileRef} type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" className="sr-only" aria-label="Import the List of Unfilled Programs (CSV)" onChange={(e) => void onFile(e.target.files?.[0])} />
        </div>
        {fileNote ? <p className="muted" role="status">{fileNote}</p> : null}
        {lastImport ? (
          <div className="soap-summary-box" role="status" aria-label="Import summary">
            <p>
              <strong>{plural(lastImport.listed, 'general-surgery program')}</strong> on the list.
            </p>
            <ul>
              <li>
                <strong>{lastImport.matched.length}</strong> in your plan and open{lastImport.matched.length > 0 ? `: ${lastImport.matched.map(nameOf).join(', ')}` : ''}.
              </li>
              <li>
                <strong>{lastImport.planNotOpen.length}</strong> in your plan but not on the list (moved to the end of the plan).
              </li>
              <li>
                <strong>{lastImport.notInPlan.length}</strong> known programs on the list, not in your plan.
              </li>
              <li>
                <strong>{lastImport.added.length}</strong> new programs added to your database (tagged “SOAP unfilled list”: check their visa policy and filters).
              </li>
              {lastImport.otherPrograms > 0 ? <li>{plural(lastImport.otherPrograms, 'row')} of other specialties or tracks left out.</li> : null}
              {lastImport.duplicates.length > 0 ? <li>Repeated codes read once: {lastImport.duplicates.join(', ')}.</li> : null}
              {lastImport.unreadable.length > 0 ? <li>Lines without a program code skipped: {lastImport.unreadable.map((u) => `“${u.text}”`).join('; ')}.</li> : null}
            </ul>
          </div>
        ) : overview.state.unfilledImportedAt ? (
          <p className="muted">List imported {formatDateTime(overview.state.unfilledImportedAt)}.</p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="soap-open-title">
        <div className="card-title-row">
          <h2 id="soap-open-title">Open programs</h2>
          <span className="muted small">{plural(overview.unfilled.length, 'program')}</span>
        </div>
        {overview.unfilled.length === 0 ? <p className="empty-line muted">Nothing imported yet.</p> : null}
        <ul className="soap-open-list">
          {overview.unfilled.map((u) => (
            <li key={u.nrmpCode}>
              <div className="soap-plan-title">
                <strong>{u.name || u.nrmpCode}</strong>
                <span className="muted small">
                  {u.nrmpCode}
                  {u.state ? ` · ${u.state}` : ''}
                  {u.positions !== null ? ` · ${plural(u.positions, 'position')}` : ''}
                </span>
                {u.tier ? <span className={`badge tier tier-${u.tier.outcome}`} title={u.tier.summary}>{u.tier.label.split(' –')[0]}</span> : null}
                {u.addedByImport ? <span className="badge">New</span> : null}
                {u.inPlan ? <span className="badge soap-open">In plan</span> : null}
              </div>
              {u.tier ? <p className="muted small">{u.tier.summary}</p> : null}
              {!u.inPlan && u.programId !== null ? (
                <button type="button" className="secondary" disabled={full} onClick={() => void run('soap.planAdd', { programIds: [u.programId!] })} aria-label={`Add ${u.name || u.nrmpCode} to the plan`}>
                  <Plus size={15} aria-hidden /> Add to plan
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
