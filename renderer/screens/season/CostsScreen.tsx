// The season's budget (docs/DOMAIN.md §9): every fee from the data (ERAS from the list, rank
// fees from the rank list, SOAP applications), the fixed fees, interview travel per interview;
// spent and planned; each reference amount with its season and confidence, editable.
import { useState } from 'react';
import { useWatch } from '../../stores/live';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostLine } from '../../../shared/engine/season-costs';
import { ScreenHeader } from '../../components/ScreenHeader';
import { LoadErrorBanner, NoticeBanner, type Notice } from '../../components/Notice';
import { formatDueDate, money } from '../../components/format';
import { errorMessage } from '../../api/client';
import { useCostsStore } from '../../stores/costs-store';
import { useThemeColors } from '../dashboard/theme-colors';
import './season.css';

type Run = (what: () => Promise<void>, ok: string) => Promise<void>;

function AmountEditor({ a, run }: { a: CostLine['amounts'][number]; run: Run }) {
  const setAmount = useCostsStore((s) => s.setAmount);
  const [text, setText] = useState(String(a.value));
  const save = () => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) return void run(() => Promise.reject(new Error(`Enter the ${a.label} amount in dollars.`)), '');
    void run(() => setAmount(a.id, n), `${a.label}: ${money(n)}.`);
  };
  return (
    <div className="amount-edit" data-amount={a.id}>
      <label htmlFor={`amount-${a.id}`}>{a.label}</label>
      <input id={`amount-${a.id}`} type="text" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && save()} />
      <span className="muted">{a.per}</span>
      <span className="est" title={a.source}>
        {a.season} · {a.confidence === 'est' ? 'est.' : a.confidence === 'unconfirmed' ? 'unconfirmed' : 'confirmed'}
      </span>
      <button type="button" className="ghost" onClick={save}>
        Save
      </button>
      {a.corrected ? (
        <button type="button" className="ghost" onClick={() => void run(() => setAmount(a.id, null), `${a.label}: back to the reference amount.`)}>
          Reset
        </button>
      ) : null}
    </div>
  );
}

function TravelRow({ t, run }: { t: { interviewId: number; programName: string; date: string | null; transport: number; lodging: number; other: number; total: number; spent: boolean }; run: Run }) {
  const saveTravel = useCostsStore((s) => s.saveTravel);
  const [v, setV] = useState({ transport: String(t.transport), lodging: String(t.lodging), other: String(t.other) });
  const save = () => {
    const n = { transport: Number(v.transport || 0), lodging: Number(v.lodging || 0), other: Number(v.other || 0) };
    void run(() => saveTravel({ interviewId: t.interviewId, ...n }), `Travel for ${t.programName}: ${money(n.transport + n.lodging + n.other)}.`);
  };
  return (
    <tr data-travel={t.programName}>
      <td>{t.programName}</td>
      <td>{t.date ? formatDueDate(t.date) : 'Not scheduled'}</td>
      {(['transport', 'lodging', 'other'] as const).map((k) => (
        <td key={k} className="travel-inputs">
          <input type="text" inputMode="decimal" aria-label={`${k[0]!.toUpperCase()}${k.slice(1)} for ${t.programName}`} value={v[k]} onChange={(e) => setV((cur) => ({ ...cur, [k]: e.target.value }))} />
        </td>
      ))}
      <td className="num">
        {money(t.total)} <span className="muted">{t.total > 0 ? (t.spent ? 'spent' : 'planned') : ''}</span>
      </td>
      <td>
        <button type="button" className="secondary" aria-label={`Save travel for ${t.programName}`} onClick={save}>
          Save
        </button>
      </td>
    </tr>
  );
}

export default function CostsScreen() {
  const { view, loadError, load, setFlags } = useCostsStore();
  const colors = useThemeColors();
  const [notice, setNotice] = useState<Notice | null>(null);
  useWatch(useCostsStore);

  const run: Run = async (what, ok) => {
    try {
      await what();
      if (ok) setNotice({ kind: 'ok', text: ok });
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  return (
    <div className="screen">
      <ScreenHeader title="Costs" subtitle="The whole budget of the season: ERAS, transcripts, NRMP, rank fees, SOAP and interview travel." />
      {loadError ? <LoadErrorBanner message={loadError} onRetry={() => void load()} /> : null}
      <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />
      {!view ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <section className="card" aria-labelledby="totals-title">
            <h2 id="totals-title">Totals</h2>
            <div className="season-figures">
              <span className="season-figure">
                <span className="muted">Spent</span>
                <strong data-testid="costs-spent">{money(view.totals.spent)}</strong>
              </span>
              <span className="season-figure">
                <span className="muted">Planned</span>
                <strong data-testid="costs-planned">{money(view.totals.planned)}</strong>
              </span>
              <span className="season-figure">
                <span className="muted">Season total</span>
                <strong data-testid="costs-total">{money(view.totals.total)}</strong>
              </span>
            </div>
            <div className="chart-box" role="img" aria-label={`Spent and planned by category: ${view.byCategory.map((c) => `${c.label} ${money(c.spent)} spent, ${money(c.planned)} planned`).join('; ')}`}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={view.byCategory} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
                  <XAxis dataKey="label" tick={{ fill: colors.text2, fontSize: 12 }} stroke={colors.border} />
                  <YAxis tick={{ fill: colors.text2, fontSize: 12 }} stroke={colors.border} />
                  <Tooltip contentStyle={{ background: colors.surface, border: `1px solid ${colors.border}`, color: colors.text }} />
                  <Legend wrapperStyle={{ color: colors.text }} />
                  <Bar dataKey="spent" name="Spent" stackId="a" fill={colors.accent} />
                  <Bar dataKey="planned" name="Planned" stackId="a" fill={colors.tier3} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </section>
          <section className="card" aria-labelledby="lines-title">
            <h2 id="lines-title">Every fee</h2>
            <div className="check-row">
              <label className="inline-check">
                <input type="checkbox" checked={!view.feesPerInstitution} onChange={(e) => void run(() => setFlags({ feesPerInstitution: !e.target.checked }), e.target.checked ? 'ERAS fees now count each track apart.' : 'ERAS fees now count one fee per institution.')} />
                Count preliminary and categorical apart (one ERAS fee per track; the default is one per institution, unconfirmed)
              </label>
              <label className="inline-check">
                <input type="checkbox" checked={view.settings.paid.nrmp_registration === true} onChange={(e) => void run(() => setFlags({ paid: { nrmp_registration: e.target.checked } }), 'Saved.')} />
                NRMP registration paid
              </label>
              <label className="inline-check">
                <input type="checkbox" checked={view.settings.lateRegistration} onChange={(e) => void run(() => setFlags({ lateRegistration: e.target.checked }), 'Saved.')} />
                Registering after the standard deadline (late fee)
              </label>
              <label className="inline-check">
                <input type="checkbox" checked={view.settings.paid.rank_fees === true} onChange={(e) => void run(() => setFlags({ paid: { rank_fees: e.target.checked } }), 'Saved.')} />
                Rank list certified (rank fees paid)
              </label>
            </div>
            <table className="season-table" aria-label="Costs by item">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="num">
                    Spent
                  </th>
                  <th scope="col" className="num">
                    Planned
                  </th>
                  <th scope="col">Amounts used (editable)</th>
                </tr>
              </thead>
              <tbody>
                {view.lines.map((l) => (
                  <tr key={l.id} data-line={l.id}>
                    <td>
                      <strong>{l.label}</strong>
                      {l.unconfirmed ? <span className="est"> unconfirmed</span> : null}
                      <div className="muted">{l.detail}</div>
                    </td>
                    <td className="num">{money(l.spent)}</td>
                    <td className="num">{money(l.planned)}</td>
                    <td>
                      {l.amounts.length === 0 ? <span className="muted">Entered per interview below</span> : l.amounts.map((a) => <AmountEditor key={`${a.id}:${a.value}`} a={a} run={run} />)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="travel-title">
            <h2 id="travel-title">Interview travel</h2>
            {view.travel.length === 0 ? (
              <p className="muted">No interviews yet: accept an invitation (Invitations) or record an interview (Applications).</p>
            ) : (
              <table className="season-table" aria-label="Travel per interview">
                <thead>
                  <tr>
                    <th scope="col">Interview</th>
                    <th scope="col">Day</th>
                    <th scope="col">Transport</th>
                    <th scope="col">Lodging</th>
                    <th scope="col">Other</th>
                    <th scope="col" className="num">
                      Total
                    </th>
                    <th scope="col">
                      <span className="sr-only">Save</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.travel.map((t) => (
                    <TravelRow key={t.interviewId} t={t} run={run} />
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
