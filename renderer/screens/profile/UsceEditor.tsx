import { Plus, Trash2 } from 'lucide-react';
import { LABELS, USCE_TYPES, usceWeeks, type UsceType } from '../../../shared/domain/profile';
import { CheckField, NumberField, SelectField, TextField } from '../../components/form';
import type { FieldErrors } from '../../components/errors';
import { newUsceEntry, type UsceDraft } from './profile-draft';

export function UsceEditor({ entries, errors, onChange }: { entries: UsceDraft[]; errors: FieldErrors; onChange: (entries: UsceDraft[]) => void }) {
  const update = (i: number, patch: Partial<UsceDraft>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const weeks = (filter: { surgical?: boolean; handsOn?: boolean }) =>
    usceWeeks({ usce: entries.map((e) => ({ ...e, weeks: Number(e.weeks) || 0 })) }, filter);
  return (
    <section className="card">
      <div className="card-title-row">
        <h2>US clinical experience</h2>
        <span className="muted">
          {weeks({})} weeks in all · {weeks({ surgical: true })} surgical · {weeks({ handsOn: true })} hands-on
        </span>
      </div>
      {entries.length === 0 ? <p className="muted empty-line">No USCE entered yet. Sub-internships and surgical electives count the most.</p> : null}
      <ol className="usce-list">
        {entries.map((entry, i) => (
          <li key={entry.id} className="usce-entry" data-testid="usce-entry">
            <div className="grid usce-grid">
              <SelectField
                label="Type"
                name={`usce.${i}.type`}
                value={entry.type}
                options={USCE_TYPES.map((t) => [t, LABELS.usceType[t]] as const)}
                onChange={(v: UsceType) => update(i, { type: v, handsOn: v === 'observership' ? false : entry.handsOn })}
                error={errors[`usce.${i}.type`]}
              />
              <TextField label="Specialty" name={`usce.${i}.specialty`} value={entry.specialty} onChange={(v) => update(i, { specialty: v })} error={errors[`usce.${i}.specialty`]} />
              <TextField label="Hospital" name={`usce.${i}.hospital`} value={entry.hospital} onChange={(v) => update(i, { hospital: v })} error={errors[`usce.${i}.hospital`]} />
              <TextField label="State" name={`usce.${i}.state`} value={entry.state} onChange={(v) => update(i, { state: v })} error={errors[`usce.${i}.state`]} placeholder="e.g. OH" />
              <NumberField label="Weeks" name={`usce.${i}.weeks`} value={entry.weeks} onChange={(v) => update(i, { weeks: v })} error={errors[`usce.${i}.weeks`]} />
            </div>
            <div className="usce-flags">
              <CheckField label="Surgical" name={`usce.${i}.surgical`} checked={entry.surgical} onChange={(v) => update(i, { surgical: v })} />
              <CheckField label="Hands-on" name={`usce.${i}.handsOn`} checked={entry.handsOn} onChange={(v) => update(i, { handsOn: v })} />
              <button type="button" className="ghost danger" onClick={() => onChange(entries.filter((_, j) => j !== i))} aria-label={`Remove USCE entry ${i + 1}`}>
                <Trash2 size={16} aria-hidden /> Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="secondary" onClick={() => onChange([...entries, newUsceEntry()])}>
        <Plus size={16} aria-hidden /> Add experience
      </button>
    </section>
  );
}
