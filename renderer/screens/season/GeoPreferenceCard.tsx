// ERAS geographic preference (docs/DOMAIN.md §7): up to 3 Census divisions or no preference,
// with a note of at most 300 characters. Programs in a chosen division get a small plus.
import { useState } from 'react';
import { CENSUS_DIVISIONS, CENSUS_DIVISION_LABELS, statesOfDivision, type CensusDivision } from '../../../shared/domain/census-divisions';
import { GEO_DIVISIONS_MAX, GEO_NOTE_MAX, geoPreferenceSchema } from '../../../shared/domain/geo-preference';
import { NoticeBanner, type Notice } from '../../components/Notice';
import { validate } from '../../components/errors';
import { errorMessage } from '../../api/client';
import { useSignalsStore } from '../../stores/signals-store';

/**
 * Keyed by the saved preference's time by its parent, so a reload starts from what is saved;
 * the notice lives with the parent so it outlives that remount.
 */
export function GeoPreferenceCard({ notice, setNotice }: { notice: Notice | null; setNotice: (n: Notice | null) => void }) {
  const geo = useSignalsStore((s) => s.geo);
  const saveGeo = useSignalsStore((s) => s.saveGeo);
  const [divisions, setDivisions] = useState<CensusDivision[]>(geo.divisions);
  const [noPreference, setNoPreference] = useState(geo.noPreference);
  const [note, setNote] = useState(geo.note);

  const toggle = (d: CensusDivision, on: boolean) => setDivisions((cur) => (on ? [...cur, d] : cur.filter((x) => x !== d)));
  const full = divisions.length >= GEO_DIVISIONS_MAX;

  const save = async () => {
    const checked = validate(geoPreferenceSchema, { noPreference, divisions, note });
    if (!checked.ok) {
      setNotice({ kind: 'error', text: `Not saved: ${Object.values(checked.errors).join(' ')}` });
      return;
    }
    try {
      const saved = await saveGeo(checked.value);
      setNotice({ kind: 'ok', text: saved.noPreference ? 'Saved: no geographic preference.' : `Saved: ${saved.divisions.map((d) => CENSUS_DIVISION_LABELS[d]).join(', ') || 'no division chosen yet'}.` });
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  return (
    <section className="card" aria-labelledby="geo-title">
      <div className="card-title-row">
        <h2 id="geo-title">Geographic preference</h2>
        <span className="est" title="2026 rules; 2027 likely the same">est.</span>
      </div>
      <p className="muted">
        ERAS lets you name up to {GEO_DIVISIONS_MAX} US Census divisions, or no preference. Only programs in a chosen division see it, as a plus, never a screen: their tier reasons show a small plus.
      </p>
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />
      <label className="inline-check">
        <input type="checkbox" checked={noPreference} onChange={(e) => setNoPreference(e.target.checked)} />
        No preference
      </label>
      <fieldset className="division-grid" disabled={noPreference}>
        <legend>Census divisions (up to {GEO_DIVISIONS_MAX}; {divisions.length} chosen)</legend>
        {CENSUS_DIVISIONS.map((d) => (
          <label key={d} className="inline-check" title={statesOfDivision(d).join(', ')}>
            <input type="checkbox" checked={divisions.includes(d)} disabled={!divisions.includes(d) && full} onChange={(e) => toggle(d, e.target.checked)} />
            {CENSUS_DIVISION_LABELS[d]} <span className="muted">({statesOfDivision(d).join(', ')})</span>
          </label>
        ))}
      </fieldset>
      <label className="textarea-label">
        Note to programs in these divisions (optional)
        <textarea rows={3} value={note} maxLength={GEO_NOTE_MAX + 50} onChange={(e) => setNote(e.target.value)} aria-describedby="geo-note-count" />
      </label>
      <p id="geo-note-count" className={note.length > GEO_NOTE_MAX ? 'error' : 'hint'}>
        {note.length} / {GEO_NOTE_MAX} characters
      </p>
      <div>
        <button type="button" className="primary" onClick={() => void save()}>
          Save geographic preference
        </button>
      </div>
    </section>
  );
}
