// The prelim-year plan: a 12-month audition (docs/DOMAIN.md §4 "After the Match"). A dated
// checklist through PGY-1, categorical openings, the parallel plan per path and the support
// network; it leads into starting the next season.
import { useState } from 'react';
import {
  CONTACT_ROLE_LABELS,
  OPENING_STATUS_LABELS,
  PATH_STATUS_LABELS,
  PRELIM_ITEM_KIND_LABELS,
  PRELIM_PATH_LABELS,
  PRELIM_PATH_NOTES,
  type ContactRole,
  type OpeningStatus,
  type ParallelPath,
  type PathStatus,
  type PrelimItem,
  type PrelimItemKind,
  type PrelimPlan,
} from '../../../shared/domain/prelim-plan';
import { ScreenHeader } from '../../components/ScreenHeader';
import { LoadErrorBanner, NoticeBanner, useNoticeAction } from '../../components/Notice';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/form';
import { formatDate, formatDatesIn, formatDueDate, localToday } from '../../components/format';
import { usePrelimStore } from '../../stores/prelim-store';
import { useRoute } from '../../stores/route-store';
import { useWatch } from '../../stores/live';
import './prelim.css';

export function PrelimPlanScreen() {
  const { overview, loadError, load } = usePrelimStore();
  const actions = useNoticeAction();
  useWatch(usePrelimStore);
  if (!overview) {
    return (
      <div className="screen">
        <ScreenHeader title="Prelim-year plan" />
        {loadError ? <LoadErrorBanner message={loadError} onRetry={() => void load()} /> : <p className="muted">Loading…</p>}
      </div>
    );
  }
  const { plan, trigger, progress } = overview;
  return (
    <div className="screen prelim">
      <ScreenHeader
        title="Prelim-year plan"
        subtitle="A preliminary year is a bridge: a 12-month audition. Excel where you are, and keep positioning yourself for the next step."
      />
      <NoticeBanner notice={actions.notice} onDismiss={() => actions.setNotice(null)} />
      {!plan ? (
        <OpenPlan run={actions.run} />
      ) : (
        <>
          <p className="prelim-intro">
            {trigger && trigger.matchYear === plan.matchYear && plan.source !== 'manual'
              ? `You ${trigger.source === 'soap' ? 'accepted a preliminary position in SOAP' : 'matched to a preliminary position'}: ${plan.programLabel}. `
              : plan.programLabel
                ? `${plan.programLabel}. `
                : ''}
            PGY-1 runs from {formatDate(`${plan.matchYear}-07-01`)} to {formatDate(`${plan.matchYear + 1}-06-30`)}. {progress.done} of {progress.total} steps done.
            {!plan.stored ? ' This is the suggested plan: your first change saves it.' : ''}
          </p>
          <Checklist plan={plan} run={actions.run} />
          <Openings plan={plan} run={actions.run} />
          <Paths plan={plan} run={actions.run} />
          <Network plan={plan} run={actions.run} />
          <NextSeason matchYear={plan.matchYear} />
        </>
      )}
    </div>
  );
}

type Run = (what: () => Promise<unknown>, ok?: string) => Promise<void>;

function OpenPlan({ run }: { run: Run }) {
  const open = usePrelimStore((s) => s.open);
  const [year, setYear] = useState(String(Number(localToday().slice(0, 4)) + (localToday().slice(5) > '05-31' ? 1 : 0)));
  const [program, setProgram] = useState('');
  return (
    <section className="card" aria-labelledby="open-plan">
      <h2 id="open-plan">No preliminary position recorded</h2>
      <p>The plan appears by itself when your Match or SOAP result is a preliminary position. You can also open it by hand.</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => open(Number(year), program), 'The prelim-year plan is open.');
        }}
      >
        <NumberField label="Match year of your prelim position" name="matchYear" value={year} onChange={setYear} />
        <TextField label="Program" name="programLabel" value={program} onChange={setProgram} placeholder="e.g. Riverbend Community Hospital (Preliminary)" />
        <button type="submit">Open a prelim-year plan</button>
      </form>
    </section>
  );
}

function itemRef(i: PrelimItem) {
  return i.id ? { id: i.id } : { templateKey: i.templateKey };
}

function Checklist({ plan, run }: { plan: PrelimPlan; run: Run }) {
  const saveItem = usePrelimStore((s) => s.saveItem);
  const deleteItem = usePrelimStore((s) => s.deleteItem);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const key = (i: PrelimItem) => (i.id ? String(i.id) : i.templateKey);
  return (
    <section className="card" aria-labelledby="prelim-checklist">
      <div className="card-title-row">
        <h2 id="prelim-checklist">Checklist through PGY-1</h2>
        <button type="button" className="secondary" onClick={() => setAdding(true)}>
          Add a step
        </button>
      </div>
      <p className="muted">Letters mid-year and at the end: ask the writer to compare you with the categorical residents and to name your work ethic, surgical skills and professionalism.</p>
      {adding ? (
        <ItemEditor
          item={{ id: 0, kind: 'task', templateKey: '', title: '', dueDate: localToday(), person: '', notes: '', action: '', done: false, doneOn: null }}
          onCancel={() => setAdding(false)}
          onSave={(v) => run(async () => {
            await saveItem(v);
            setAdding(false);
          }, 'Step added.')}
        />
      ) : null}
      <ul className="prelim-items" aria-label="Plan steps">
        {plan.items.map((i) => (
          <li key={key(i)} className={i.done ? 'done' : undefined}>
            <label className="prelim-check">
              <input
                type="checkbox"
                checked={i.done}
                onChange={(e) => void run(() => saveItem({ ...itemRef(i), kind: i.kind, title: i.title, dueDate: i.dueDate, person: i.person, notes: i.notes, action: i.action, done: e.target.checked }))}
              />
              <span>
                <strong>{i.title}</strong>
                <span className="muted">
                  {' '}
                  · {PRELIM_ITEM_KIND_LABELS[i.kind]} · due {formatDueDate(i.dueDate)}
                  {i.person ? ` · ${i.person}` : ''}
                </span>
              </span>
            </label>
            {i.notes ? <p className="prelim-notes">{formatDatesIn(i.notes)}</p> : null}
            {i.kind === 'feedback' && i.action ? <p className="prelim-notes">Acted on: {i.action}</p> : null}
            <div className="row-actions">
              <button type="button" className="ghost" aria-label={`Edit "${i.title}"`} onClick={() => setEditing(key(i))}>
                Edit
              </button>
              {i.id ? (
                <button type="button" className="ghost" aria-label={`Delete "${i.title}"`} onClick={() => void run(() => deleteItem(i.id), 'Step deleted.')}>
                  Delete
                </button>
              ) : null}
            </div>
            {editing === key(i) ? (
              <ItemEditor
                item={i}
                onCancel={() => setEditing(null)}
                onSave={(v) => run(async () => {
                  await saveItem({ ...v, ...itemRef(i) });
                  setEditing(null);
                }, 'Saved.')}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ItemEditor({ item, onSave, onCancel }: { item: PrelimItem; onSave: (v: { kind: PrelimItemKind; title: string; dueDate: string; person: string; notes: string; action: string; done: boolean }) => Promise<void>; onCancel: () => void }) {
  const [v, setV] = useState({ kind: item.kind, title: item.title, dueDate: item.dueDate, person: item.person, notes: item.notes, action: item.action, done: item.done });
  return (
    <form
      className="prelim-editor"
      aria-label={item.title ? `Edit "${item.title}"` : 'New step'}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(v);
      }}
    >
      <SelectField label="Kind" name="kind" value={v.kind} options={PRELIM_ITEM_KIND_LABELS} onChange={(kind) => setV({ ...v, kind })} />
      <TextField label="Step" name="title" value={v.title} onChange={(title) => setV({ ...v, title })} />
      <TextField label="Due" name="dueDate" type="date" value={v.dueDate} onChange={(dueDate) => setV({ ...v, dueDate })} />
      <TextField label={v.kind === 'feedback' ? 'Asked whom' : 'From whom'} name="person" value={v.person} onChange={(person) => setV({ ...v, person })} />
      <TextAreaField label={v.kind === 'feedback' ? 'What they said' : 'Notes'} name="notes" rows={2} value={v.notes} onChange={(notes) => setV({ ...v, notes })} />
      {v.kind === 'feedback' ? <TextAreaField label="What you changed (acted on)" name="action" rows={2} value={v.action} onChange={(action) => setV({ ...v, action })} /> : null}
      <div className="actions-row">
        <button type="submit">Save</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Openings({ plan, run }: { plan: PrelimPlan; run: Run }) {
  const saveOpening = usePrelimStore((s) => s.saveOpening);
  const deleteOpening = usePrelimStore((s) => s.deleteOpening);
  const empty = { program: '', source: '', seenOn: localToday(), contact: '', status: 'watching' as OpeningStatus, notes: '' };
  const [draft, setDraft] = useState(empty);
  return (
    <section className="card" aria-labelledby="prelim-openings">
      <h2 id="prelim-openings">Categorical openings</h2>
      <p className="muted">Rare, but they happen: a categorical resident leaves, or a program has an unfilled categorical spot. Note each one you hear of.</p>
      {plan.openings.length ? (
        <table className="prelim-table">
          <caption className="sr-only">Categorical openings</caption>
          <thead>
            <tr>
              <th scope="col">Program</th>
              <th scope="col">Source</th>
              <th scope="col">Seen</th>
              <th scope="col">Contact</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.openings.map((o) => (
              <tr key={o.id}>
                <td>{o.program}</td>
                <td>{o.source}</td>
                <td>{formatDate(o.seenOn)}</td>
                <td>{o.contact}</td>
                <td>
                  <select aria-label={`Status of ${o.program}`} value={o.status} onChange={(e) => void run(() => saveOpening({ ...o, status: e.target.value as OpeningStatus }))}>
                    {Object.entries(OPENING_STATUS_LABELS).map(([k, l]) => (
                      <option key={k} value={k}>
                        {l}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button type="button" className="ghost" aria-label={`Delete the opening at ${o.program}`} onClick={() => void run(() => deleteOpening(o.id), 'Opening deleted.')}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        className="inline-form"
        aria-label="Add an opening"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await saveOpening(draft);
            setDraft(empty);
          }, 'Opening added.');
        }}
      >
        <TextField label="Program" name="opening.program" value={draft.program} onChange={(program) => setDraft({ ...draft, program })} />
        <TextField label="Source" name="opening.source" value={draft.source} onChange={(source) => setDraft({ ...draft, source })} placeholder="PD, website, colleague" />
        <TextField label="Seen on" name="opening.seenOn" type="date" value={draft.seenOn} onChange={(seenOn) => setDraft({ ...draft, seenOn })} />
        <TextField label="Contact" name="opening.contact" value={draft.contact} onChange={(contact) => setDraft({ ...draft, contact })} />
        <SelectField label="Status" name="opening.status" value={draft.status} options={OPENING_STATUS_LABELS} onChange={(status) => setDraft({ ...draft, status })} />
        <button type="submit">Add opening</button>
      </form>
    </section>
  );
}

function Paths({ plan, run }: { plan: PrelimPlan; run: Run }) {
  return (
    <section className="card" aria-labelledby="prelim-paths">
      <h2 id="prelim-paths">Parallel plan</h2>
      <p className="muted">Be honest with yourself about the odds of each path, and keep more than one alive.</p>
      <div className="prelim-paths">
        {plan.paths.map((p) => (
          <PathEditor key={p.path} path={p} run={run} />
        ))}
      </div>
    </section>
  );
}

function PathEditor({ path, run }: { path: ParallelPath; run: Run }) {
  const savePath = usePrelimStore((s) => s.savePath);
  const [target, setTarget] = useState(path.targetSeason === null ? '' : String(path.targetSeason));
  const [status, setStatus] = useState<PathStatus>(path.status);
  const [steps, setSteps] = useState(path.steps);
  const label = PRELIM_PATH_LABELS[path.path];
  return (
    <form
      className="prelim-path"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => savePath({ path: path.path, targetSeason: target.trim() === '' ? null : Number(target), status, steps }), `${label}: saved.`);
      }}
    >
      <h3>{label}</h3>
      <p className="muted small">{PRELIM_PATH_NOTES[path.path]}</p>
      <NumberField label="Target season (Match year)" name={`${path.path}.targetSeason`} value={target} onChange={setTarget} />
      <SelectField label="Status" name={`${path.path}.status`} value={status} options={PATH_STATUS_LABELS} onChange={setStatus} />
      <TextAreaField label="Steps (one per line)" name={`${path.path}.steps`} rows={3} value={steps} onChange={setSteps} />
      <button type="submit" className="secondary">
        Save {label}
      </button>
    </form>
  );
}

function Network({ plan, run }: { plan: PrelimPlan; run: Run }) {
  const saveContact = usePrelimStore((s) => s.saveContact);
  const deleteContact = usePrelimStore((s) => s.deleteContact);
  const empty = { name: '', role: 'co_resident' as ContactRole, contact: '', notes: '' };
  const [draft, setDraft] = useState(empty);
  return (
    <section className="card" aria-labelledby="prelim-network">
      <h2 id="prelim-network">Support network</h2>
      <p className="muted">Surgical prelim years are physically and emotionally demanding. Keep co-residents, mentors and peers from home close.</p>
      {plan.contacts.length ? (
        <ul className="prelim-contacts">
          {plan.contacts.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> <span className="muted">{CONTACT_ROLE_LABELS[c.role]}</span>
              {c.contact ? ` · ${c.contact}` : ''}{' '}
              <button type="button" className="ghost" aria-label={`Remove ${c.name}`} onClick={() => void run(() => deleteContact(c.id), 'Removed.')}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="inline-form"
        aria-label="Add a person"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await saveContact(draft);
            setDraft(empty);
          }, 'Added.');
        }}
      >
        <TextField label="Name" name="contact.name" value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
        <SelectField label="Who" name="contact.role" value={draft.role} options={CONTACT_ROLE_LABELS} onChange={(role) => setDraft({ ...draft, role })} />
        <TextField label="How to reach them" name="contact.contact" value={draft.contact} onChange={(contact) => setDraft({ ...draft, contact })} />
        <button type="submit">Add person</button>
      </form>
    </section>
  );
}

function NextSeason({ matchYear }: { matchYear: number }) {
  const go = useRoute((s) => s.go);
  return (
    <section className="card" aria-labelledby="prelim-next">
      <h2 id="prelim-next">Re-applying: the {matchYear + 1} Match</h2>
      <p>Start the next season when you re-apply: your profile, writers, letters (to import in MyERAS), documents and programs with notes carry over; this season’s applications stay read-only.</p>
      <p>
        <button type="button" onClick={() => go('seasons')}>
          Start the next season…
        </button>
      </p>
    </section>
  );
}
