import { Plus, Trash2 } from 'lucide-react';
import {
  CUTOFF_KINDS, IMG_FRIENDLINESS, institutionWithTracksSchema, PROGRAM_LABELS, SETTINGS, TRACKS, TRI_STATES, VISA_SPONSORSHIPS, type Program, type Track,
} from '../../../shared/domain/program';
import { FormModal, useFormDraft } from '../../components/FormModal';
import { CheckField, NumberField, SelectField, TextAreaField, TextField } from '../../components/form';
import type { FieldErrors } from '../../components/errors';
import { useProgramsStore } from '../../stores/programs-store';
import { fromProgramDraft, toProgramDraft, trackPathFor, type ProgramDraft, type TrackDraft } from './program-draft';

const opts = <T extends string>(keys: readonly T[], labels: Record<T, string>) => keys.map((k) => [k, labels[k]] as const);

export function ProgramEditor({ programs, onClose }: { programs: Program[]; onClose: () => void }) {
  const saveInstitution = useProgramsStore((s) => s.saveInstitution);
  const { draft, setDraft, errors, setErrors, message, busy, submit } = useFormDraft<ProgramDraft>(() => toProgramDraft(programs));
  const isNew = programs.length === 0;

  const setInst = <K extends keyof ProgramDraft['institution']>(k: K, v: ProgramDraft['institution'][K]) => {
    setDraft((d) => ({ ...d, institution: { ...d.institution, [k]: v } }));
    setErrors(({ [`institution.${k}`]: _gone, ...rest }) => rest);
  };
  const setTrack = (track: Track, patch: Partial<TrackDraft>) => {
    setDraft((d) => ({ ...d, tracks: { ...d.tracks, [track]: { ...d.tracks[track], ...patch } } }));
    setErrors((errs) => Object.fromEntries(Object.entries(errs).filter(([k]) => !Object.keys(patch).some((p) => k === `tracks.${track}.${p}`))));
  };

  const onSave = async () => {
    const remap = (errs: FieldErrors) => Object.fromEntries(Object.entries(errs).map(([k, v]) => [trackPathFor(draft, k), v]));
    await submit(
      institutionWithTracksSchema,
      fromProgramDraft(draft),
      async (value) => {
        await saveInstitution(value);
        onClose();
      },
      remap,
    );
  };

  const i = draft.institution;
  const e = (k: string) => errors[`institution.${k}`];
  return (
    <FormModal wide title={isNew ? 'Add program' : `Edit ${programs[0]!.institution.name}`} onClose={onClose} onSave={() => void onSave()} message={message} busy={busy}>
      <form
        className="program-editor"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          void onSave();
        }}
      >
        <fieldset>
          <legend>Institution</legend>
          <p className="hint">Shared by its preliminary and categorical tracks.</p>
          <div className="grid cols-3">
            <TextField className="span-2" label="Name" name="institution.name" value={i.name} onChange={(v) => setInst('name', v)} error={e('name')} placeholder="e.g. Riverside Community Hospital" />
            <TextField label="Website" type="url" name="institution.website" value={i.website} onChange={(v) => setInst('website', v)} error={e('website')} placeholder="https://" />
            <TextField label="City" name="institution.city" value={i.city} onChange={(v) => setInst('city', v)} error={e('city')} />
            <TextField label="State" name="institution.state" value={i.state} onChange={(v) => setInst('state', v)} error={e('state')} placeholder="e.g. OH" />
            <SelectField label="Setting" name="institution.setting" value={i.setting} options={opts(SETTINGS, PROGRAM_LABELS.setting)} onChange={(v) => setInst('setting', v)} error={e('setting')} />
            <SelectField label="Visa sponsorship" name="institution.visaSponsorship" value={i.visaSponsorship} options={opts(VISA_SPONSORSHIPS, PROGRAM_LABELS.visa)} onChange={(v) => setInst('visaSponsorship', v)} error={e('visaSponsorship')} />
            <NumberField label="IMG share of residents (%)" name="institution.imgSharePct" value={i.imgSharePct} onChange={(v) => setInst('imgSharePct', v)} error={e('imgSharePct')} />
            <SelectField label="Non-US IMG residents now" name="institution.nonUsImgResidents" value={i.nonUsImgResidents} options={opts(TRI_STATES, PROGRAM_LABELS.tri)} onChange={(v) => setInst('nonUsImgResidents', v)} error={e('nonUsImgResidents')} />
            <SelectField label="IMG-friendly (your rating)" name="institution.imgFriendliness" value={i.imgFriendliness} options={opts(IMG_FRIENDLINESS, PROGRAM_LABELS.imgFriendliness)} onChange={(v) => setInst('imgFriendliness', v)} error={e('imgFriendliness')} />
            <TextField label="Program director" name="institution.pdName" value={i.pdName} onChange={(v) => setInst('pdName', v)} error={e('pdName')} />
            <TextField label="PD email" type="email" name="institution.pdEmail" value={i.pdEmail} onChange={(v) => setInst('pdEmail', v)} error={e('pdEmail')} />
            <TextField label="Coordinator" name="institution.coordinatorName" value={i.coordinatorName} onChange={(v) => setInst('coordinatorName', v)} error={e('coordinatorName')} />
            <TextField label="Coordinator email" type="email" name="institution.coordinatorEmail" value={i.coordinatorEmail} onChange={(v) => setInst('coordinatorEmail', v)} error={e('coordinatorEmail')} />
            <TextField label="Data source" name="institution.dataSource" value={i.dataSource} onChange={(v) => setInst('dataSource', v)} error={e('dataSource')} placeholder="e.g. FREIDA, program website" />
            <TextField label="Last verified" type="date" name="institution.lastVerified" value={i.lastVerified} onChange={(v) => setInst('lastVerified', v)} error={e('lastVerified')} />
          </div>
          <div className="check-row">
            <CheckField label="Research-heavy department" name="institution.researchHeavy" checked={i.researchHeavy} onChange={(v) => setInst('researchHeavy', v)} />
            <CheckField label="I have an internal connection here" name="institution.internalConnection" checked={i.internalConnection} onChange={(v) => setInst('internalConnection', v)} />
          </div>
          <TextAreaField label="Notes" name="institution.notes" rows={2} value={i.notes} onChange={(v) => setInst('notes', v)} />
        </fieldset>

        {errors.tracks ? (
          <p className="error" role="alert">
            {errors.tracks}
          </p>
        ) : null}
        {TRACKS.map((track) => (
          <TrackFields key={track} track={track} draft={draft.tracks[track]} errors={errors} onChange={(patch) => setTrack(track, patch)} />
        ))}
      </form>
    </FormModal>
  );
}

function TrackFields({ track, draft, errors, onChange }: { track: Track; draft: TrackDraft; errors: FieldErrors; onChange: (patch: Partial<TrackDraft>) => void }) {
  const e = (k: string) => errors[`tracks.${track}.${k}`];
  const label = PROGRAM_LABELS.track[track];
  return (
    <fieldset className={`track-fields${draft.enabled ? '' : ' off'}`} data-track={track}>
      <legend>
        <label className="legend-toggle">
          <input type="checkbox" name={`tracks.${track}.enabled`} checked={draft.enabled} onChange={(ev) => onChange({ enabled: ev.target.checked })} />
          {label} track
        </label>
      </legend>
      {draft.enabled ? (
        <>
          {draft.id !== undefined ? null : <p className="hint">A new {label.toLowerCase()} program at this institution.</p>}
          <div className="grid cols-4">
            <TextField label="NRMP code" name={`tracks.${track}.nrmpCode`} value={draft.nrmpCode} onChange={(v) => onChange({ nrmpCode: v })} error={e('nrmpCode')} placeholder={track === 'preliminary' ? 'e.g. 1234440P0' : 'e.g. 1234440C0'} />
            <TextField label="ERAS program ID" name={`tracks.${track}.erasProgramId`} value={draft.erasProgramId} onChange={(v) => onChange({ erasProgramId: v })} error={e('erasProgramId')} />
            <NumberField label="Positions offered" name={`tracks.${track}.positionsOffered`} value={draft.positionsOffered} onChange={(v) => onChange({ positionsOffered: v })} error={e('positionsOffered')} />
            <SelectField label="First attempt only" name={`tracks.${track}.firstAttemptOnly`} value={draft.firstAttemptOnly} options={opts(TRI_STATES, PROGRAM_LABELS.tri)} onChange={(v) => onChange({ firstAttemptOnly: v })} error={e('firstAttemptOnly')} />
            <NumberField label="Min Step 2 CK" name={`tracks.${track}.minStep2ck`} value={draft.minStep2ck} onChange={(v) => onChange({ minStep2ck: v })} error={e('minStep2ck')} />
            <SelectField label="Step 2 CK cutoff is" name={`tracks.${track}.minStep2ckKind`} value={draft.minStep2ckKind} options={opts(CUTOFF_KINDS, PROGRAM_LABELS.cutoff)} onChange={(v) => onChange({ minStep2ckKind: v })} />
            <NumberField label="Min Step 1 (numeric)" name={`tracks.${track}.minStep1`} value={draft.minStep1} onChange={(v) => onChange({ minStep1: v })} error={e('minStep1')} />
            <SelectField label="Step 1 cutoff is" name={`tracks.${track}.minStep1Kind`} value={draft.minStep1Kind} options={opts(CUTOFF_KINDS, PROGRAM_LABELS.cutoff)} onChange={(v) => onChange({ minStep1Kind: v })} />
            <NumberField label="Max years since graduation" name={`tracks.${track}.maxYearsSinceGraduation`} value={draft.maxYearsSinceGraduation} onChange={(v) => onChange({ maxYearsSinceGraduation: v })} error={e('maxYearsSinceGraduation')} />
            <NumberField label="Earliest graduation year" name={`tracks.${track}.minGraduationYear`} value={draft.minGraduationYear} onChange={(v) => onChange({ minGraduationYear: v })} error={e('minGraduationYear')} />
            <SelectField label="USCE required" name={`tracks.${track}.usceRequired`} value={draft.usceRequired} options={opts(TRI_STATES, PROGRAM_LABELS.tri)} onChange={(v) => onChange({ usceRequired: v, usceMonthsRequired: v === 'yes' ? draft.usceMonthsRequired : '' })} error={e('usceRequired')} />
            <NumberField label="USCE months required" name={`tracks.${track}.usceMonthsRequired`} value={draft.usceMonthsRequired} onChange={(v) => onChange({ usceMonthsRequired: v })} error={e('usceMonthsRequired')} disabled={draft.usceRequired !== 'yes'} />
            <CheckField label="States no Step 2 CK cutoff" name={`tracks.${track}.noStep2ckCutoff`} checked={draft.noStep2ckCutoff} onChange={(v) => onChange({ noStep2ckCutoff: v, minStep2ck: v ? '' : draft.minStep2ck })} />
            <CheckField label="USCE preferred (not required)" name={`tracks.${track}.uscePreferred`} checked={draft.uscePreferred} onChange={(v) => onChange({ uscePreferred: v })} />
            <TextField label="Tags" name={`tracks.${track}.tags`} value={draft.tags} onChange={(v) => onChange({ tags: v })} error={e('tags')} placeholder="comma, separated" />
          </div>
          <UnfilledHistory track={track} rows={draft.unfilledHistory} errors={errors} onChange={(unfilledHistory) => onChange({ unfilledHistory })} />
          <TextAreaField label="Track notes" name={`tracks.${track}.notes`} rows={2} value={draft.notes} onChange={(notes) => onChange({ notes })} />
        </>
      ) : null}
    </fieldset>
  );
}

function UnfilledHistory({ track, rows, errors, onChange }: { track: Track; rows: TrackDraft['unfilledHistory']; errors: FieldErrors; onChange: (rows: TrackDraft['unfilledHistory']) => void }) {
  const base = `tracks.${track}.unfilledHistory`;
  return (
    <div className="unfilled" data-field={base}>
      <span className="label">Unfilled positions after the Match</span>
      {rows.map((r, i) => (
        <div className="unfilled-row" key={i}>
          <NumberField label="Match year" name={`${base}.${i}.year`} value={r.year} onChange={(v) => onChange(rows.map((x, j) => (j === i ? { ...x, year: v } : x)))} error={errors[`${base}.${i}.year`]} />
          <NumberField label="Unfilled" name={`${base}.${i}.unfilled`} value={r.unfilled} onChange={(v) => onChange(rows.map((x, j) => (j === i ? { ...x, unfilled: v } : x)))} error={errors[`${base}.${i}.unfilled`]} />
          <button type="button" className="icon" aria-label={`Remove Match year row ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <Trash2 size={16} aria-hidden />
          </button>
        </div>
      ))}
      {errors[base] ? <p className="error">{errors[base]}</p> : null}
      <button type="button" className="ghost" onClick={() => onChange([...rows, { year: String(nextYear(rows)), unfilled: '0' }])}>
        <Plus size={14} aria-hidden /> Add Match year
      </button>
    </div>
  );
}

function nextYear(rows: TrackDraft['unfilledHistory']): number {
  const years = rows.map((r) => Number(r.year)).filter(Number.isFinite);
  return years.length ? Math.min(...years) - 1 : 2026;
}
