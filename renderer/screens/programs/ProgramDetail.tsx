import { useEffect, useState } from 'react';
import { PROGRAM_LABELS, type Program } from '../../../shared/domain/program';
import { RULE_TITLES, TIER_LABELS, TIER_OUTCOMES, type TierOutcome, type TierSummary } from '../../../shared/engine/types';
import { Modal } from '../../components/Modal';
import { errorMessage } from '../../api/client';
import { formatDate, localToday } from '../../components/format';
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../shared/domain/application';
import { usePipelineStore } from '../../stores/pipeline-store';
import { useProgramsStore } from '../../stores/programs-store';
import { useTiersStore } from '../../stores/tiers-store';
import { fromApiError } from '../../components/errors';
import { TierBadge } from './TierBadge';

/** The statuses an application can start at (later ones follow with their own dates: invitations, interviews). */
const START_STATUSES = APPLICATION_STATUSES.slice(0, 4);

interface Props {
  program: Program;
  computed: TierSummary | undefined;
  onClose: () => void;
}

/** Why a program got its tier, in plain words, and the user's override with a note. */
export function ProgramDetail({ program, computed, onClose }: Props) {
  const [outcome, setOutcome] = useState<TierOutcome | ''>(program.override?.outcome ?? '');
  const [note, setNote] = useState(program.override?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  // The reasons come on demand: the list carries only each tier's summary.
  const detail = useTiersStore((s) => s.details.get(program.id));
  const loadDetail = useTiersStore((s) => s.loadDetail);
  useEffect(() => {
    if (computed && !detail) void loadDetail(program.id);
  }, [program.id, computed, detail, loadDetail]);

  const saveOverride = async (clear: boolean) => {
    try {
      await useTiersStore.getState().override(program.id, clear || outcome === '' ? null : outcome, clear ? '' : note);
      setError(null);
      if (clear) {
        setOutcome('');
        setNote('');
      }
    } catch (err) {
      const { errors, message } = fromApiError(err);
      setError(errors.note ?? message);
    }
  };
  const [applied, setApplied] = useState<string | null>(null);
  // Back-filling a season under way: the application starts at the status it has reached, on
  // the day it happened (today preset), e.g. "Submitted" on a September day.
  const [starting, setStarting] = useState(false);
  const [startStatus, setStartStatus] = useState<ApplicationStatus>('considering');
  const [startDate, setStartDate] = useState(localToday());
  const startApplication = async () => {
    try {
      const created = await usePipelineStore.getState().createApplications({ programIds: [program.id], status: startStatus, date: startDate });
      setApplied(created > 0 ? `Application opened as “${APPLICATION_STATUS_LABELS[startStatus]}” on ${formatDate(startDate)}: follow it on the Applications screen.` : 'This program already has an application: see the Applications screen.');
      setStarting(false);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const toggleList = async () => {
    try {
      await useProgramsStore.getState().setOnList([program.id], !program.onList);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  // The override typed but not saved: closing asks first.
  const unsavedOverride = outcome !== (program.override?.outcome ?? '') || (outcome !== '' && note !== (program.override?.note ?? ''));

  return (
    <Modal title={`${program.institution.name} · ${PROGRAM_LABELS.track[program.track]}`} onClose={onClose} wide dirty={unsavedOverride}>
      <div className="detail">
        <div className="detail-head">
          <TierBadge program={program} computed={computed} />
          {program.institution.signalSent ? <span className="badge" title="A signal goes to the institution: both tracks see it">Signal sent</span> : null}
          {computed ? (
            <>
              <span className="muted">
                Fit {computed.fitScore}/100 · confidence {computed.confidenceLevel} ({computed.confidence})
              </span>
              <p className="summary">{computed.summary}</p>
            </>
          ) : null}
          <span className="row-buttons" style={{ marginLeft: 'auto' }}>
            <button type="button" className={program.onList ? 'secondary' : 'primary'} onClick={() => void toggleList()}>
              {program.onList ? 'Remove from my list' : 'Add to my list'}
            </button>
            <button type="button" className="secondary" aria-expanded={starting} onClick={() => setStarting(!starting)}>
              Start application
            </button>
          </span>
          {starting ? (
            <form
              className="start-application summary"
              aria-label="Start application"
              onSubmit={(e) => {
                e.preventDefault();
                void startApplication();
              }}
            >
              <label className="field">
                <span>Start as</span>
                <select value={startStatus} onChange={(e) => setStartStatus(e.target.value as ApplicationStatus)}>
                  {START_STATUSES.map((st) => (
                    <option key={st} value={st}>
                      {APPLICATION_STATUS_LABELS[st]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>On</span>
                <input type="date" value={startDate} max={localToday()} onChange={(e) => setStartDate(e.target.value)} />
              </label>
              <button type="submit" className="primary">
                Open the application
              </button>
            </form>
          ) : null}
          {applied ? (
            <p className="save-status ok summary" role="status">
              {applied}
            </p>
          ) : null}
        </div>
        {program.override && computed && program.override.outcome !== computed.outcome ? (
          <p className="banner">You overrode this tier: {TIER_LABELS[program.override.outcome]} (computed: {TIER_LABELS[computed.outcome]}). Your note: “{program.override.note}”</p>
        ) : null}
        {computed && computed.flags.length > 0 ? (
          <ul className="flag-list">
            {computed.flags.map((f) => (
              <li key={f.code} className="badge flag">
                {f.text}
              </li>
            ))}
          </ul>
        ) : null}
        <h3>Why</h3>
        <ul className="reasons">
          {computed && !detail ? <li className="muted">Loading the reasons…</li> : null}
          {detail?.reasons.map((r, i) => (
            <li key={i} className={`reason effect-${r.effect}`}>
              <span className="rule">{RULE_TITLES[r.rule]}</span>
              <span>{r.text}</span>
            </li>
          ))}
        </ul>
        <h3>Your tier</h3>
        <div className="override">
          <label>
            Override
            <select aria-label="Override tier" value={outcome} onChange={(e) => setOutcome(e.target.value as TierOutcome | '')}>
              <option value="">Use the computed tier</option>
              {TIER_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {TIER_LABELS[o]}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            Note
            <input type="text" aria-label="Override note" value={note} placeholder="Why, e.g. my mentor trained here" onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="primary" onClick={() => void saveOverride(false)}>
            Save tier
          </button>
          {program.override ? (
            <button type="button" className="ghost" onClick={() => void saveOverride(true)}>
              Clear override
            </button>
          ) : null}
        </div>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </Modal>
  );
}
