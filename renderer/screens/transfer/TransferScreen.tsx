// Import & export: programs and applications from CSV or Excel (choose the file, check the
// guessed columns, see a dry run, import in one go), spreadsheets and templates out, and
// everything as one JSON file (out, and into an empty database).
import { useId, useRef, useState, type ReactNode } from 'react';
import { Download, FileJson, FileSpreadsheet, Upload } from 'lucide-react';
import type { ExportedFile, ImportPlan, ImportPreview, ImportResult, JsonImportResult } from '../../../shared/api/transfer-api';
import { IMPORT_FIELDS, mappingProblem, MULTI_COLUMN_FIELDS, type ImportKind } from '../../../shared/domain/import-fields';
import { PASTE_EXAMPLE } from '../../../shared/import/paste-examples';
import { errorMessage } from '../../api/client';
import { ScreenHeader } from '../../components/ScreenHeader';
import { checkImport, exportAll, exportFile, loadAll, pastedSource, previewImport, rememberedMapping, rememberMapping, runImport, type ImportOptions, type ImportSource } from '../../stores/transfer-store';
import { useRoute } from '../../stores/route-store';
import { formatDatesIn } from '../../components/format';
import { download, fileSizeProblem, MAX_MB, readAsBase64 } from './file-io';
import './transfer.css';

const KIND_LABEL: Record<ImportKind, { one: string; many: string }> = {
  programs: { one: 'program', many: 'programs' },
  applications: { one: 'application', many: 'applications' },
};
const plural = (n: number, word: { one: string; many: string }) => `${n.toLocaleString('en-US')} ${n === 1 ? word.one : word.many}`;
const rowsWord = { one: 'row', many: 'rows' };
const invitationsWord = { one: 'invitation', many: 'invitations' };
const interviewsWord = { one: 'interview', many: 'interviews' };

/**
 * The invitations (Invitations inbox) and interviews (Interviews tab) an applications import
 * records with its rows, in words: "21 invitations and 17 interviews to record", or null.
 */
export function recordsLine(records: ImportPlan['records'], add: string, update: string): string | null {
  if (!records) return null;
  const part = (c: { add: number; update: number }, word: { one: string; many: string }) =>
    [c.add > 0 ? `${plural(c.add, word)} ${add}` : '', c.update > 0 ? `${plural(c.update, word)} ${update}` : ''].filter((x) => x !== '').join(', ');
  const parts = [part(records.invitations, invitationsWord), part(records.interviews, interviewsWord)].filter((x) => x !== '');
  return parts.length === 0 ? null : parts.join('; ');
}

/** The kind asked for in the address (#/data/applications), programs otherwise. */
function kindFromHash(): ImportKind {
  return typeof location !== 'undefined' && location.hash.includes('applications') ? 'applications' : 'programs';
}

type Stage = { step: 'reading'; fraction: number } | { step: 'columns' } | { step: 'checking' | 'importing'; rows?: number };
const STEPS = ['reading', 'columns', 'checking', 'importing'] as const;
const STEP_LABEL: Record<Stage['step'], string> = { reading: 'Reading', columns: 'Finding the columns of', checking: 'Checking', importing: 'Importing' };

export function Progress({ stage, what }: { stage: Stage; what: string }) {
  const index = STEPS.indexOf(stage.step);
  const fraction = stage.step === 'reading' ? stage.fraction : undefined;
  return (
    <div className="transfer-progress" role="status" aria-live="polite">
      <div className="transfer-progress-label">
        {STEP_LABEL[stage.step]} {'rows' in stage && stage.rows !== undefined ? `${plural(stage.rows, rowsWord)} of ` : ''}
        {what}
        {fraction !== undefined ? ` (${Math.round(fraction * 100)}%)` : '…'}
        <span className="muted"> · step {index + 1} of {STEPS.length}</span>
      </div>
      <progress max={1} value={fraction} aria-label={STEP_LABEL[stage.step]} />
    </div>
  );
}

export function TransferScreen() {
  return (
    <div className="screen transfer">
      <ScreenHeader title="Import & export" subtitle="Bring programs and applications in from a spreadsheet, or take your data out." />
      <ImportCard />
      <ExportCard />
      <JsonImportCard />
    </div>
  );
}

interface Loaded {
  name: string;
  base64: string;
  preview: ImportPreview;
  /** The mapping came from the user's choices for the same headers last time. */
  remembered: boolean;
}

export { PASTE_EXAMPLE };

function ImportCard() {
  const [kind, setKind] = useState<ImportKind>(kindFromHash);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [cells, setCells] = useState<{ row: number; col: number; raw: string }[]>([]);
  const [keep, setKeep] = useState<string[]>([]);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [stage, setStage] = useState<Stage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const pasteId = useId();

  const reset = () => {
    setLoaded(null);
    setPlan(null);
    setResult(null);
    setError(null);
    setSkipInvalid(false);
    setCells([]);
    setKeep([]);
  };

  const chooseKind = (k: ImportKind) => {
    setKind(k);
    reset();
    if (inputRef.current) inputRef.current.value = '';
  };

  const check = async (file: ImportSource, map: (string | null)[], rows: number, options: ImportOptions) => {
    setStage({ step: 'checking', rows });
    try {
      setPlan(await checkImport(kind, file, map, options));
      setError(null);
    } catch (err) {
      setPlan(null);
      setError(errorMessage(err));
    } finally {
      setStage(null);
    }
  };

  /** Reads a source (a file, a paste, or the same file with another sheet) and checks it with the guessed (or remembered) mapping. */
  const open = async (source: ImportSource, sheet?: string) => {
    setStage({ step: 'columns' });
    try {
      const preview = await previewImport(kind, source, sheet);
      const mine = rememberedMapping(kind, preview.headers);
      const map = mine ?? preview.mapping;
      setLoaded({ ...source, preview, remembered: mine !== null });
      setMapping(map);
      if (!mappingProblem(kind, map) && preview.rowCount > 0) await check(source, map, preview.rowCount, { sheet: preview.sheet });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setStage(null);
    }
  };

  const onFile = async (file: File | undefined) => {
    reset();
    if (!file) return;
    const tooBig = fileSizeProblem(file);
    if (tooBig) {
      setError(tooBig);
      return;
    }
    try {
      setStage({ step: 'reading', fraction: 0 });
      const base64 = await readAsBase64(file, (fraction) => setStage({ step: 'reading', fraction }));
      await open({ name: file.name, base64 });
    } catch (err) {
      setError(errorMessage(err));
      setStage(null);
    }
  };

  const onPaste = async () => {
    reset();
    await open(pastedSource(pasted.trim() === '' ? PASTE_EXAMPLE[kind] : pasted));
  };

  const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({ sheet: loaded?.preview.sheet, cells, keep, ...over });

  /** A changed guess is checked again at once (and remembered for these headers). */
  const setColumn = (col: number, key: string | null) => {
    if (!loaded) return;
    const multi = key !== null && MULTI_COLUMN_FIELDS.has(key);
    const next = mapping.map((m, i) => (i === col ? key : m === key && key !== null && !multi ? null : m));
    setMapping(next);
    setResult(null);
    rememberMapping(kind, loaded.preview.headers, next);
    if (!mappingProblem(kind, next) && loaded.preview.rowCount > 0) void check(loaded, next, loaded.preview.rowCount, options());
    else setPlan(null);
  };

  const choose = (row: number, col: number, raw: string) => {
    if (!loaded) return;
    const next = [...cells.filter((c) => c.row !== row || c.col !== col), { row, col, raw }];
    setCells(next);
    void check(loaded, mapping, loaded.preview.rowCount, options({ cells: next }));
  };

  const toggleKeep = (key: string) => {
    if (!loaded) return;
    const next = keep.includes(key) ? keep.filter((k) => k !== key) : [...keep, key];
    setKeep(next);
    void check(loaded, mapping, loaded.preview.rowCount, options({ keep: next }));
  };

  const run = async () => {
    if (!loaded) return;
    setStage({ step: 'importing', rows: plan ? plan.add + plan.update : undefined });
    try {
      const r = await runImport(kind, loaded, mapping, skipInvalid, options());
      setResult(r);
      setPlan(null);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setStage(null);
    }
  };

  const problem = loaded ? mappingProblem(kind, mapping) : null;
  const problemRows = plan ? new Set(plan.problems.map((p) => p.row)).size : 0;
  const toWrite = plan ? plan.add + plan.update : 0;
  const goodRows = plan ? plan.rows.filter((r) => r.action !== 'problem').length : 0;
  const busy = stage !== null;
  const fields = IMPORT_FIELDS[kind];

  return (
    <section className="card" aria-labelledby="import-title">
      <div className="card-title-row">
        <h2 id="import-title">Import from a spreadsheet</h2>
        <div className="segmented" role="radiogroup" aria-label="What to import">
          {(['programs', 'applications'] as const).map((k) => (
            <label key={k} className={k === kind ? 'on' : ''}>
              <input type="radio" name="import-kind" value={k} checked={k === kind} onChange={() => chooseKind(k)} disabled={busy} />
              {k === 'programs' ? 'Programs' : 'Applications'}
            </label>
          ))}
        </div>
      </div>
      <p className="hint">
        A CSV (comma, semicolon or tab separated) or an Excel workbook (.xlsx) of up to {MAX_MB} MB, as Excel, Google Sheets or Numbers export it (title lines above the headers and a “Total” line are left out), or a table pasted from a web page. {kind === 'programs' ? 'Each row is one track at one institution (or both: “Both”, or two NRMP codes in one cell). Programs you already have are updated (found by NRMP code, else institution and track), never duplicated; an empty cell leaves the value you have.' : 'Each row is one application: its program (NRMP code, or institution and track), status and dates. The programs must exist already.'}{' '}
        <TemplateLinks kind={kind} />
      </p>
      <div className="file-row">
        <label htmlFor={inputId} className="button-like secondary">
          <Upload size={16} aria-hidden /> Choose a file…
        </label>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          className="file-input"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={`Choose a CSV or Excel file of ${kind}`}
          disabled={busy}
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
        {loaded ? (
          <span className="muted">
            <strong>{loaded.name}</strong>: {loaded.preview.detected}, {plural(loaded.preview.rowCount, rowsWord)}
            {loaded.preview.headerRow > 1 ? ` (headers on row ${loaded.preview.headerRow})` : ''}
            {loaded.preview.skipped.length > 0 ? `; left out: ${loaded.preview.skipped.map((x) => `row ${x.row} (${x.why.toLowerCase()})`).join(', ')}` : ''}
          </span>
        ) : null}
      </div>
      <details className="paste-source">
        <summary>Or paste a table</summary>
        <label htmlFor={pasteId} className="textarea-label">
          Rows copied from a web page or a spreadsheet, with their header row (tabs, commas or columns aligned by spaces)
        </label>
        <textarea id={pasteId} rows={5} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} placeholder={PASTE_EXAMPLE[kind]} disabled={busy} />
        <div className="actions-row">
          <button type="button" className="secondary" disabled={busy} onClick={() => void onPaste()}>
            {pasted.trim() === '' ? 'Read the example' : 'Read the pasted table'}
          </button>
        </div>
      </details>
      {loaded && loaded.preview.sheets.length > 1 ? (
        <div className="actions-row">
          <label>
            Sheet{' '}
            <select value={loaded.preview.sheet} disabled={busy} onChange={(e) => void open(loaded, e.currentTarget.value)} aria-label="Sheet to import">
              {loaded.preview.sheets.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <span className="muted">We chose the sheet whose headers name the most {kind === 'programs' ? 'program' : 'application'} columns.</span>
        </div>
      ) : null}
      {stage ? <Progress stage={stage} what={loaded?.name ?? ''} /> : null}
      {error ? (
        <div className="banner error" role="alert">
          <span>{error}</span>
        </div>
      ) : null}
      {result ? <ResultBanner result={result} kind={kind} /> : null}

      {loaded && !result ? (
        <>
          <h3>Columns</h3>
          <p className="hint">
            {loaded.remembered ? 'These are the choices you made last time for these headers.' : 'We guessed what each column holds from its header.'} Change any that are wrong, or choose “Ignore”: the rows are checked again at once.
          </p>
          <table className="mapping-table">
            <thead>
              <tr>
                <th scope="col">Column in your file</th>
                <th scope="col">First values</th>
                <th scope="col">Holds</th>
              </tr>
            </thead>
            <tbody>
              {loaded.preview.headers.map((h, c) => (
                <tr key={c} className={mapping[c] ? '' : 'ignored'}>
                  <th scope="row">
                    {h || <span className="muted">(no header)</span>}
                    {loaded.preview.hidden[c] ? <span className="muted"> (hidden)</span> : null}
                  </th>
                  <td className="samples">
                    {loaded.preview.sample
                      .map((r) => r[c] ?? '')
                      .filter((v) => v !== '')
                      .slice(0, 3)
                      .join(' · ')}
                  </td>
                  <td>
                    <select aria-label={`What the column "${h}" holds`} value={mapping[c] ?? ''} onChange={(e) => setColumn(c, e.currentTarget.value || null)} disabled={busy}>
                      <option value="">Ignore</option>
                      {fields.map((f) => (
                        <option key={f.key} value={f.key}>
                          {f.label}
                          {f.hint ? ` (${f.hint})` : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {problem ? (
            <p className="save-status error" role="alert">
              {problem}
            </p>
          ) : null}
          {!plan ? (
            <div className="actions-row">
              <button type="button" className="primary" disabled={busy || problem !== null || loaded.preview.rowCount === 0} onClick={() => void check(loaded, mapping, loaded.preview.rowCount, options())}>
                Check the rows
              </button>
              {loaded.preview.rowCount === 0 ? <span className="muted">The file has headers but no rows.</span> : null}
            </div>
          ) : (
            <DryRun plan={plan} kind={kind} onChoose={choose} keep={keep} onKeep={toggleKeep} />
          )}
          {plan ? (
            <div className="actions-row">
              {problemRows > 0 ? (
                <label className="skip-check">
                  <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.currentTarget.checked)} disabled={busy} />
                  Import the {plural(goodRows, { one: 'good row', many: 'good rows' })}, skip {plural(problemRows, rowsWord)} with problems
                </label>
              ) : null}
              <button type="button" className="primary" disabled={busy || toWrite === 0 || (problemRows > 0 && !skipInvalid)} onClick={() => void run()}>
                {toWrite === 0 ? 'Nothing to import' : `Import ${plural(toWrite, KIND_LABEL[kind])}`}
              </button>
              {toWrite > 0 ? <span className="muted">Your data is backed up first; all rows are written together or none.</span> : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function TemplateLinks({ kind }: { kind: ImportKind }) {
  const get = async (format: 'csv' | 'xlsx') => download(await exportFile(kind === 'programs' ? 'programs-template' : 'applications-template', format));
  return (
    <span className="templates">
      Template:{' '}
      <button type="button" className="link" onClick={() => void get('csv')}>
        CSV
      </button>{' '}
      ·{' '}
      <button type="button" className="link" onClick={() => void get('xlsx')}>
        Excel
      </button>
    </span>
  );
}

const ACTION_LABEL = { add: 'New', update: 'Update', unchanged: 'Unchanged', problem: 'Problem' } as const;

export function DryRun({
  plan,
  kind,
  onChoose,
  keep = [],
  onKeep,
}: {
  plan: ImportPlan;
  kind: ImportKind;
  onChoose?: (row: number, col: number, raw: string) => void;
  keep?: string[];
  onKeep?: (key: string) => void;
}) {
  const changed = plan.rows.filter((r) => r.changes && r.changes.length > 0);
  const problemRows = new Set(plan.problems.map((p) => p.row)).size;
  const records = recordsLine(plan.records, 'to record', 'to update');
  const shown = plan.problems.slice(0, 200);
  return (
    <div className="dry-run" aria-label="What the import will do">
      <ul className="dry-run-counts">
        <li className="add">
          <strong>{plan.add.toLocaleString('en-US')}</strong> to add
        </li>
        <li className="update">
          <strong>{plan.update.toLocaleString('en-US')}</strong> to update
        </li>
        <li>
          <strong>{plan.unchanged.toLocaleString('en-US')}</strong> unchanged
        </li>
        <li className={problemRows ? 'problem' : ''}>
          <strong>{problemRows.toLocaleString('en-US')}</strong> with problems
        </li>
        {plan.blank ? (
          <li>
            <strong>{plan.blank.toLocaleString('en-US')}</strong> empty
          </li>
        ) : null}
      </ul>
      {records ? <p className="dry-run-records">With them: {records} (the Invitations inbox and the Interviews tab).</p> : null}
      {shown.length > 0 ? (
        <>
          <h3>Problems to fix</h3>
          <table className="problems-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">Column</th>
                <th scope="col">What to fix</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p, i) => (
                <tr key={i}>
                  <td className="num">{p.row}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>
                    {p.message}
                    {p.choices && p.col !== undefined && onChoose ? (
                      <span className="choices" role="group" aria-label={`Readings of row ${p.row}, ${p.column ?? 'this cell'}`}>
                        {' '}
                        {p.choices.map((c) => (
                          <button key={c.raw} type="button" className="secondary small" onClick={() => onChoose(p.row, p.col!, c.raw)}>
                            {c.label}
                          </button>
                        ))}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.problems.length > shown.length ? <p className="muted">…and {(plan.problems.length - shown.length).toLocaleString('en-US')} more.</p> : null}
        </>
      ) : null}
      {changed.length > 0 ? (
        <>
          <h3>What changes in {KIND_LABEL[kind].many} you have</h3>
          <table className="changes-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">Program</th>
                <th scope="col">Field</th>
                <th scope="col">Now</th>
                <th scope="col">From the file</th>
                <th scope="col">Keep mine</th>
              </tr>
            </thead>
            <tbody>
              {changed.flatMap((r) =>
                r.changes!.map((ch) => (
                  <tr key={`${r.row}:${ch.field}`}>
                    <td className="num">{r.row}</td>
                    <td>{r.label}</td>
                    <td>{ch.label}</td>
                    <td>{formatDatesIn(ch.from)}</td>
                    <td>{formatDatesIn(ch.to)}</td>
                    <td>
                      <input type="checkbox" aria-label={`Keep ${ch.label} of ${r.label} as it is (${formatDatesIn(ch.from)})`} checked={keep.includes(`${r.row}:${ch.field}`)} onChange={() => onKeep?.(`${r.row}:${ch.field}`)} disabled={!onKeep} />
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      ) : null}
      {keep.length > 0 ? <p className="muted">{plural(keep.length, { one: 'field', many: 'fields' })} kept as you have them.</p> : null}
      {plan.rows.length > 0 ? (
        <details>
          <summary>
            Row by row{plan.rows.length < plan.rowCount - plan.blank ? ` (first ${plan.rows.length})` : ''}
          </summary>
          <ul className="transfer-row-actions">
            {plan.rows.map((r) => (
              <li key={r.row}>
                <span className="num muted">Row {r.row}</span> <span className={`action ${r.action}`}>{ACTION_LABEL[r.action]}</span> {r.label}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="sr-only">
        {plan.add} {KIND_LABEL[kind].many} to add, {plan.update} to update.{records ? ` ${records}.` : ''}
      </p>
    </div>
  );
}

function ResultBanner({ result, kind }: { result: ImportResult; kind: ImportKind }) {
  const parts = [`${plural(result.add, KIND_LABEL[kind])} added`, `${result.update.toLocaleString('en-US')} updated`];
  if (result.unchanged) parts.push(`${result.unchanged.toLocaleString('en-US')} unchanged`);
  if (result.skipped) parts.push(`${plural(result.skipped, rowsWord)} with problems left out`);
  const records = recordsLine(result.records, 'recorded', 'updated');
  if (records) parts.push(records);
  return (
    <div className="banner ok" role="status">
      <span>
        Imported: {parts.join(', ')}.{result.backup ? ` Your data was backed up first (${result.backup.file}).` : ''}
      </span>
      {kind === 'programs' ? (
        <button type="button" className="secondary" onClick={() => useRoute.getState().go('programs')}>
          Show programs
        </button>
      ) : null}
    </div>
  );
}

function ExportButton({ label, children, get }: { label: string; children: ReactNode; get: () => Promise<ExportedFile> }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const click = async () => {
    setState({ busy: true, error: null });
    try {
      download(await get());
      setState({ busy: false, error: null });
    } catch (err) {
      setState({ busy: false, error: errorMessage(err) });
    }
  };
  return (
    <>
      <button type="button" className="secondary" aria-label={label} onClick={() => void click()} disabled={state.busy}>
        {children}
      </button>
      {state.error ? (
        <span className="save-status error" role="alert">
          {state.error}
        </span>
      ) : null}
    </>
  );
}

export function ExportCard() {
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <div className="export-grid">
        <div>
          <strong>Programs</strong>
          <p className="hint">Every program with its institution, in the template’s columns: it imports back as it is.</p>
        </div>
        <div className="export-buttons">
          <ExportButton label="Export programs as CSV" get={() => exportFile('programs', 'csv')}>
            <Download size={15} aria-hidden /> CSV
          </ExportButton>
          <ExportButton label="Export programs as Excel" get={() => exportFile('programs', 'xlsx')}>
            <FileSpreadsheet size={15} aria-hidden /> Excel
          </ExportButton>
        </div>
        <div>
          <strong>Applications</strong>
          <p className="hint">Status, dates and notes, with the status history (a column in CSV, its own sheet in Excel).</p>
        </div>
        <div className="export-buttons">
          <ExportButton label="Export applications as CSV" get={() => exportFile('applications', 'csv')}>
            <Download size={15} aria-hidden /> CSV
          </ExportButton>
          <ExportButton label="Export applications as Excel" get={() => exportFile('applications', 'xlsx')}>
            <FileSpreadsheet size={15} aria-hidden /> Excel
          </ExportButton>
        </div>
        <div>
          <strong>Everything</strong>
          <p className="hint">All your data in one JSON file: to keep, or to load into Prelim Tracker on another computer.</p>
        </div>
        <div className="export-buttons">
          <ExportButton label="Export everything as JSON" get={() => exportAll()}>
            <FileJson size={15} aria-hidden /> JSON
          </ExportButton>
        </div>
      </div>
    </section>
  );
}

function JsonImportCard() {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [check, setCheck] = useState<JsonImportResult | null>(null);
  const [done, setDone] = useState<JsonImportResult | null>(null);
  const [stage, setStage] = useState<Stage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const onFile = async (f: File | undefined) => {
    setFile(null);
    setCheck(null);
    setDone(null);
    setError(null);
    if (!f) return;
    const tooBig = fileSizeProblem(f);
    if (tooBig) return setError(tooBig);
    try {
      setStage({ step: 'reading', fraction: 0 });
      const base64 = await readAsBase64(f, (fraction) => setStage({ step: 'reading', fraction }));
      setStage({ step: 'checking' });
      setCheck(await loadAll({ name: f.name, base64 }, true));
      setFile({ name: f.name, base64 });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setStage(null);
    }
  };

  const load = async () => {
    if (!file) return;
    setStage({ step: 'importing' });
    try {
      setDone(await loadAll(file, false));
      setCheck(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setStage(null);
    }
  };

  const total = check?.tables.reduce((s, t) => s + t.rows, 0) ?? 0;
  return (
    <section className="card" aria-labelledby="json-import-title">
      <h2 id="json-import-title">Load a full export</h2>
      <p className="hint">Loads a JSON file made with “Export everything” into this database, which must be empty (e.g. on a new computer). To go back to earlier data here, restore a backup in Settings instead.</p>
      <div className="file-row">
        <label htmlFor={inputId} className="button-like secondary">
          <Upload size={16} aria-hidden /> Choose a JSON export…
        </label>
        <input id={inputId} type="file" className="file-input" accept=".json,application/json" aria-label="Choose a JSON export" disabled={stage !== null} onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      </div>
      {stage ? <Progress stage={stage} what={file?.name ?? ''} /> : null}
      {error ? (
        <div className="banner error" role="alert">
          <span>{error}</span>
        </div>
      ) : null}
      {check && file ? (
        <div className="actions-row">
          <span>
            <strong>{file.name}</strong>: {total.toLocaleString('en-US')} rows in {check.tables.filter((t) => t.rows > 0).length} tables (schema {check.schemaVersion}).
          </span>
          <button type="button" className="primary" onClick={() => void load()} disabled={stage !== null}>
            Load it
          </button>
        </div>
      ) : null}
      {done ? (
        <div className="banner ok" role="status">
          <span>Loaded {plural(done.tables.reduce((s, t) => s + t.rows, 0), rowsWord)}: every screen now shows the loaded data.</span>
        </div>
      ) : null}
    </section>
  );
}
