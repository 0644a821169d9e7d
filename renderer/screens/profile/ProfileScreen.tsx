import { useState } from 'react';
import { ECFMG_STATUSES, EXAM_STATUSES, LABELS, profileSchema, STEP1_RESULT_KINDS, VISA_NEEDS, type Profile } from '../../../shared/domain/profile';
import { ScreenHeader } from '../../components/ScreenHeader';
import { NumberField, SelectField, TextField } from '../../components/form';
import { fromApiError, validate, type FieldErrors } from '../../components/errors';
import { useProfileStore } from '../../stores/profile-store';
import { useLeaveGuard } from '../../stores/route-store';
import { useWatch } from '../../stores/live';
import { fromDraft, toDraft, type ProfileDraft } from './profile-draft';
import { UsceEditor } from './UsceEditor';
import { formatTime, plural } from '../../components/format';
import { LoadErrorBanner } from '../../components/Notice';

const options = <T extends string>(keys: readonly T[], labels: Record<T, string>) => keys.map((k) => [k, labels[k]] as const);

export function ProfileScreen() {
  const { saved, loadError, load } = useProfileStore();
  useWatch(useProfileStore);
  if (loadError) return <ErrorState message={loadError} onRetry={() => void load()} />;
  if (!saved) return <ScreenHeader title="Profile" subtitle="Loading…" />;
  return <ProfileForm initial={saved.profile} />;
}

function ProfileForm({ initial }: { initial: Profile }) {
  const save = useProfileStore((s) => s.save);
  const stored = useProfileStore((s) => s.saved);
  const [draft, setDraft] = useState<ProfileDraft>(() => toDraft(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ kind: 'idle' });
  const [dirty, setDirty] = useState(false);
  useLeaveGuard(dirty, 'Your profile has changes you have not saved. Leave this screen without saving them?');
  // A profile saved elsewhere (another window) shows here unless the user is editing.
  const [base, setBase] = useState(stored);
  if (stored && stored !== base) {
    setBase(stored);
    if (!dirty) setDraft(toDraft(stored.profile));
  }

  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => {
    setDraft((d) => ({ ...d, ...dependentResets(key, value), [key]: value }));
    setDirty(true);
    setStatus({ kind: 'idle' });
    if (errors[key as string]) setErrors(({ [key as string]: _gone, ...rest }) => rest);
  };

  const onSave = async () => {
    const checked = validate(profileSchema, fromDraft(draft));
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ kind: 'error', message: `Nothing was saved: fix the ${plural(Object.keys(checked.errors).length, 'highlighted field')}.` });
      focusFirstError();
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const result = await save(checked.value);
      setErrors({});
      setDirty(false);
      setDraft(toDraft(result.profile));
      setStatus({ kind: 'saved', message: `Saved at ${formatTime(result.updatedAt ?? new Date())}` });
    } catch (err) {
      const { errors: fieldErrors, message } = fromApiError(err);
      setErrors(fieldErrors);
      setStatus({ kind: 'error', message: `Nothing was saved. ${message}` });
      focusFirstError();
    }
  };

  const e = (k: string) => errors[k];
  const step1Numeric = draft.step1Result === 'numeric';
  const step2Taken = draft.step2ckStatus === 'passed' || draft.step2ckStatus === 'failed';
  const step3Taken = draft.step3Status === 'passed' || draft.step3Status === 'failed';

  return (
    <form
      className="screen profile"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        void onSave();
      }}
    >
      <ScreenHeader
        title="Profile"
        subtitle="What programs screen on. Only you see this; it never leaves this computer."
        actions={
          <>
            <SaveStatus status={status} dirty={dirty} />
            <button type="submit" className="primary" disabled={status.kind === 'saving'}>
              {status.kind === 'saving' ? 'Saving…' : 'Save profile'}
            </button>
          </>
        }
      />

      <section className="card">
        <h2>About you</h2>
        <div className="grid cols-3">
          <TextField label="Full name" name="fullName" value={draft.fullName} onChange={(v) => set('fullName', v)} error={e('fullName')} />
          <TextField label="Email" type="email" name="email" value={draft.email} onChange={(v) => set('email', v)} error={e('email')} />
          <TextField label="AAMC ID" name="aamcId" value={draft.aamcId} onChange={(v) => set('aamcId', v)} error={e('aamcId')} placeholder="8 digits" />
          <TextField label="Medical school" name="medicalSchool" value={draft.medicalSchool} onChange={(v) => set('medicalSchool', v)} error={e('medicalSchool')} />
          <TextField label="Country" name="country" value={draft.country} onChange={(v) => set('country', v)} error={e('country')} />
          <NumberField label="Graduation year" name="graduationYear" value={draft.graduationYear} onChange={(v) => set('graduationYear', v)} error={e('graduationYear')} placeholder="e.g. 2022" />
        </div>
      </section>

      <section className="card">
        <h2>USMLE</h2>
        <div className="exam-rows">
          <div className="exam-row">
            <h3>Step 1</h3>
            <SelectField label="Result" name="step1Result" value={draft.step1Result} options={options(STEP1_RESULT_KINDS, LABELS.step1Result)} onChange={(v) => set('step1Result', v)} error={e('step1Result')} />
            <NumberField label="Score" name="step1Score" value={draft.step1Score} onChange={(v) => set('step1Score', v)} error={e('step1Score')} disabled={!step1Numeric} hint={step1Numeric ? 'Numeric scores ended 26 Jan 2022.' : 'Pass/fail only.'} />
            <NumberField label="Attempts" name="step1Attempts" value={draft.step1Attempts} onChange={(v) => set('step1Attempts', v)} error={e('step1Attempts')} hint="1 = passed on the first attempt." />
          </div>
          <div className="exam-row">
            <h3>Step 2 CK</h3>
            <SelectField label="Status" name="step2ckStatus" value={draft.step2ckStatus} options={options(EXAM_STATUSES, LABELS.examStatus)} onChange={(v) => set('step2ckStatus', v)} error={e('step2ckStatus')} />
            <NumberField label="Score" name="step2ckScore" value={draft.step2ckScore} onChange={(v) => set('step2ckScore', v)} error={e('step2ckScore')} disabled={!step2Taken} hint="Passing score 218 from 1 Jul 2025." />
            <NumberField label="Attempts" name="step2ckAttempts" value={draft.step2ckAttempts} onChange={(v) => set('step2ckAttempts', v)} error={e('step2ckAttempts')} />
            <TextField label={draft.step2ckStatus === 'scheduled' ? 'Exam date' : 'Date taken'} type="date" name="step2ckDate" value={draft.step2ckDate} onChange={(v) => set('step2ckDate', v)} error={e('step2ckDate')} disabled={draft.step2ckStatus === 'not_taken'} />
          </div>
          <div className="exam-row">
            <h3>Step 3</h3>
            <SelectField label="Status" name="step3Status" value={draft.step3Status} options={options(EXAM_STATUSES, LABELS.examStatus)} onChange={(v) => set('step3Status', v)} error={e('step3Status')} />
            <NumberField label="Score" name="step3Score" value={draft.step3Score} onChange={(v) => set('step3Score', v)} error={e('step3Score')} disabled={!step3Taken} hint="Passing score 200." />
            <TextField label={draft.step3Status === 'scheduled' ? 'Exam date' : 'Date'} type="date" name="step3Date" value={draft.step3Date} onChange={(v) => set('step3Date', v)} error={e('step3Date')} disabled={draft.step3Status === 'not_taken'} />
            <div />
          </div>
        </div>
      </section>

      <section className="card">
        <h2>Certification and visa</h2>
        <div className="grid cols-3">
          <SelectField label="ECFMG certification" name="ecfmgStatus" value={draft.ecfmgStatus} options={options(ECFMG_STATUSES, LABELS.ecfmg)} onChange={(v) => set('ecfmgStatus', v)} error={e('ecfmgStatus')} />
          <SelectField label="OET Medicine" name="oetStatus" value={draft.oetStatus} options={options(EXAM_STATUSES, LABELS.examStatus)} onChange={(v) => set('oetStatus', v)} error={e('oetStatus')} />
          <SelectField
            label="Visa"
            name="visaNeed"
            value={draft.visaNeed}
            options={options(VISA_NEEDS, LABELS.visaNeed)}
            onChange={(v) => set('visaNeed', v)}
            error={e('visaNeed')}
            hint="Accepting J-1 greatly widens the pool; H-1B needs Step 3 passed."
          />
        </div>
      </section>

      <UsceEditor entries={draft.usce} errors={errors} onChange={(usce) => set('usce', usce)} />

      <section className="card">
        <h2>CV highlights</h2>
        <div className="grid cols-3">
          <NumberField label="Research items" name="researchCount" value={draft.researchCount} onChange={(v) => set('researchCount', v)} error={e('researchCount')} hint="Papers, abstracts, case reports, posters." />
          <NumberField label="Leadership roles" name="leadershipCount" value={draft.leadershipCount} onChange={(v) => set('leadershipCount', v)} error={e('leadershipCount')} />
          <NumberField label="Teaching roles" name="teachingCount" value={draft.teachingCount} onChange={(v) => set('teachingCount', v)} error={e('teachingCount')} />
        </div>
      </section>
    </form>
  );
}

/** Clearing values that no longer apply when a status changes, so the user is not asked to fix them. */
function dependentResets(key: keyof ProfileDraft, value: unknown): Partial<ProfileDraft> {
  if (key === 'step1Result') {
    return { ...(value !== 'numeric' ? { step1Score: '' } : {}), ...(value === 'not_taken' ? { step1Attempts: '0' } : {}) };
  }
  if (key === 'step2ckStatus' && (value === 'not_taken' || value === 'scheduled')) return { step2ckScore: '', ...(value === 'not_taken' ? { step2ckAttempts: '0', step2ckDate: '' } : {}) };
  if (key === 'step3Status' && (value === 'not_taken' || value === 'scheduled')) return { step3Score: '', ...(value === 'not_taken' ? { step3Date: '' } : {}) };
  return {};
}

function SaveStatus({ status, dirty }: { status: { kind: string; message?: string }; dirty: boolean }) {
  if (status.kind === 'error') return <span className="save-status error" role="alert">{status.message}</span>;
  if (status.kind === 'saved' && !dirty) return <span className="save-status ok" role="status">{status.message}</span>;
  if (dirty) return <span className="save-status">Unsaved changes</span>;
  return null;
}

function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="screen">
      <ScreenHeader title="Profile" />
      <LoadErrorBanner message={message} onRetry={onRetry} />
    </div>
  );
}

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.field.has-error input, .field.has-error select')?.focus());
}
