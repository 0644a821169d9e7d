// The "Data" card in Settings: the way to Import & export, for programs and applications.
import { ArrowDownUp, Upload } from 'lucide-react';
import { useRoute } from '../../stores/route-store';

export function DataCard() {
  const go = useRoute((s) => s.go);
  const openImport = (kind: 'programs' | 'applications') => {
    if (kind === 'applications') location.hash = '#/data/applications';
    else go('data');
  };
  return (
    <section className="card" aria-labelledby="data-card-title">
      <h2 id="data-card-title">Data</h2>
      <p className="hint">
        Import programs or applications from a CSV or Excel file (with a preview and a check before anything is written), export them as spreadsheets, or export
        everything as one JSON file.
      </p>
      <div className="data-card-buttons">
        <button type="button" className="secondary" onClick={() => openImport('programs')}>
          <Upload size={15} aria-hidden /> Import programs…
        </button>
        <button type="button" className="secondary" onClick={() => openImport('applications')}>
          <Upload size={15} aria-hidden /> Import applications…
        </button>
        <button type="button" className="secondary" onClick={() => go('data')}>
          <ArrowDownUp size={15} aria-hidden /> Export…
        </button>
      </div>
    </section>
  );
}
