import { useMemo, useState } from 'react';
import { EMPTY_PROFILE, LABELS, VISA_NEEDS, type Profile, type VisaNeed } from '../../../shared/domain/profile';
import type { Program } from '../../../shared/domain/program';
import { whatIf, type WhatIfChanges } from '../../../shared/engine/what-if';
import type { SeasonChoices } from '../../../shared/engine/applicant';
import { TIER_LABELS, TIER_OUTCOMES, type FlagCode } from '../../../shared/engine/types';
import { TIER_SHORT } from './TierBadge';

const FLAG_NAMES: Record<FlagCode, string> = {
  h1b_needs_step3: 'H-1B needs Step 3 passed',
  visa_unknown: 'visa policy unknown',
  step2ck_pending: 'Step 2 CK not in yet',
  step1_pass_fail_unknown: 'pass/fail Step 1 vs a numeric minimum',
  first_attempt_policy_unknown: 'first-attempt policy unknown',
};

/** Change profile values without saving them and see how the tiers move (an unsaved profile counts as empty). */
export function WhatIfPanel({ programs, profile: saved, today, season }: { programs: Program[]; profile: Profile | null; today: string; season: SeasonChoices }) {
  const profile = saved ?? EMPTY_PROFILE;
  const [step2ck, setStep2ck] = useState('');
  const [step3Passed, setStep3Passed] = useState(false);
  const [visaNeed, setVisaNeed] = useState<VisaNeed | ''>('');
  const [usceMonths, setUsceMonths] = useState('');
  const [failedAttempt, setFailedAttempt] = useState(false);

  const changes: Partial<WhatIfChanges> = useMemo(() => {
    const c: Partial<WhatIfChanges> = {};
    const ck = Number(step2ck);
    if (step2ck.trim() !== '' && Number.isInteger(ck) && ck >= 1 && ck <= 300) c.step2ckScore = ck;
    if (step3Passed) c.step3Passed = true;
    if (visaNeed) c.visaNeed = visaNeed;
    const m = Number(usceMonths);
    if (usceMonths.trim() !== '' && Number.isFinite(m) && m >= 0 && m <= 36) c.usceMonths = m;
    if (failedAttempt) c.addFailedAttempt = true;
    return c;
  }, [step2ck, step3Passed, visaNeed, usceMonths, failedAttempt]);
  const result = useMemo(() => whatIf(programs, profile, changes, today, season), [programs, profile, changes, today, season]);
  const ckInvalid = step2ck.trim() !== '' && changes.step2ckScore === undefined;

  return (
    <section className="card what-if" aria-label="What-if">
      <div className="card-title-row">
        <h2>What if…</h2>
        <span className="muted">Nothing here is saved. Your profile stays as it is.</span>
      </div>
      <div className="grid cols-5 what-if-inputs">
        <label className={ckInvalid ? 'has-error' : undefined}>
          Step 2 CK score
          <input type="text" inputMode="numeric" aria-label="What-if Step 2 CK" value={step2ck} placeholder={profile.step2ckScore?.toString() ?? 'not taken'} onChange={(e) => setStep2ck(e.target.value)} />
          {ckInvalid ? <span className="error">A score is 1–300.</span> : null}
        </label>
        <label>
          Visa
          <select aria-label="What-if visa" value={visaNeed} onChange={(e) => setVisaNeed(e.target.value as VisaNeed | '')}>
            <option value="">As in profile ({LABELS.visaNeed[profile.visaNeed]})</option>
            {VISA_NEEDS.map((v) => (
              <option key={v} value={v}>
                {LABELS.visaNeed[v]}
              </option>
            ))}
          </select>
        </label>
        <label>
          USCE months
          <input type="text" inputMode="numeric" aria-label="What-if USCE months" value={usceMonths} onChange={(e) => setUsceMonths(e.target.value)} />
        </label>
        <label className="inline-check">
          <input type="checkbox" aria-label="What-if Step 3 passed" checked={step3Passed} onChange={(e) => setStep3Passed(e.target.checked)} /> Step 3 passed
        </label>
        <label className="inline-check">
          <input type="checkbox" aria-label="What-if failed attempt" checked={failedAttempt} onChange={(e) => setFailedAttempt(e.target.checked)} /> A failed attempt
        </label>
      </div>
      <table className="compare" aria-label="Programs per tier before and after">
        <thead>
          <tr>
            <th />
            {TIER_OUTCOMES.map((o) => (
              <th key={o}>{TIER_SHORT[o]}</th>
            ))}
            <th>Eligible</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>Now</th>
            {TIER_OUTCOMES.map((o) => (
              <td key={o}>{result.before[o]}</td>
            ))}
            <td data-testid="eligible-before">{result.eligibleBefore}</td>
          </tr>
          <tr>
            <th>What if</th>
            {TIER_OUTCOMES.map((o) => (
              <td key={o} className={result.after[o] !== result.before[o] ? 'changed' : undefined}>
                {result.after[o]}
              </td>
            ))}
            <td data-testid="eligible-after" className={result.eligibleAfter !== result.eligibleBefore ? 'changed' : undefined}>
              {result.eligibleAfter}
            </td>
          </tr>
        </tbody>
      </table>
      {result.applied.length > 0 ? <p className="muted">Assuming: {result.applied.join('; ')}.</p> : null}
      <ul className="changes" aria-label="Programs that change">
        {result.changed.slice(0, 60).map((c) => (
          <li key={c.programId}>
            <strong>{c.name}</strong> <span className="muted">({c.track === 'preliminary' ? 'prelim' : 'categorical'})</span> {TIER_LABELS[c.before]} → {TIER_LABELS[c.after]}
            {c.becameEligible ? <span className="badge status-ok">becomes eligible</span> : null}
            {c.becameExcluded ? <span className="badge status-problem">becomes ineligible</span> : null}
          </li>
        ))}
        {result.flagsChanged.slice(0, 30).map((c) => (
          <li key={`f${c.programId}`}>
            <strong>{c.name}</strong> <span className="muted">({c.track === 'preliminary' ? 'prelim' : 'categorical'})</span> {c.flagsRemoved.length ? `clears the flag: ${c.flagsRemoved.map((f) => FLAG_NAMES[f]).join(', ')}` : ''}{' '}
            {c.flagsAdded.length ? `gets the flag: ${c.flagsAdded.map((f) => FLAG_NAMES[f]).join(', ')}` : ''}
          </li>
        ))}
        {result.changed.length + result.flagsChanged.length === 0 && result.applied.length > 0 ? <li className="muted">No program changes tier.</li> : null}
      </ul>
    </section>
  );
}
