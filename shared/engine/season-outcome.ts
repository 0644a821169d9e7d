// How a season ended, in plain words: matched (prelim or categorical, through the Match or
// SOAP), not matched, or not known yet. Pure: read from the season's applications and SOAP.
import type { SeasonOutcome } from '../domain/season';
import type { Track } from '../domain/program';

export interface OutcomeInput {
  applications: { status: string; submittedOn: string | null; track: Track; programLabel: string }[];
  interviews: number;
  ranked: number;
  soap: { status: string; label: string; track: Track | null }[];
  /** The Match Week result the user recorded on the SOAP screen. */
  matchStatus: string;
}

/** The track named in a SOAP label like "Riverbend (Preliminary)", when the program is gone. */
export function trackOfLabel(label: string): Track | null {
  if (/\(Preliminary\)\s*$/i.test(label)) return 'preliminary';
  if (/\(Categorical\)\s*$/i.test(label)) return 'categorical';
  return null;
}

export function seasonOutcome(input: OutcomeInput): SeasonOutcome {
  const counts = {
    applications: input.applications.length,
    submitted: input.applications.filter((a) => a.submittedOn !== null).length,
    interviews: input.interviews,
    ranked: input.ranked,
    soapApplications: input.soap.length,
  };
  const soapAccepted = input.soap.find((s) => s.status === 'accepted');
  if (soapAccepted) {
    const track = soapAccepted.track ?? trackOfLabel(soapAccepted.label) ?? 'preliminary';
    return {
      ...counts,
      result: track === 'preliminary' ? 'matched_preliminary' : 'matched_categorical',
      via: 'soap',
      programLabel: soapAccepted.label,
      summary: `Matched through SOAP to ${soapAccepted.label}.`,
    };
  }
  const matched = input.applications.find((a) => a.status === 'matched');
  if (matched) {
    return {
      ...counts,
      result: matched.track === 'preliminary' ? 'matched_preliminary' : 'matched_categorical',
      via: 'match',
      programLabel: matched.programLabel,
      summary: `Matched to ${matched.programLabel}.`,
    };
  }
  const notMatched = input.matchStatus === 'unmatched' || (input.applications.length > 0 && input.applications.some((a) => a.status === 'not_matched') && !input.applications.some((a) => a.status === 'ranked'));
  if (notMatched) return { ...counts, result: 'not_matched', via: null, programLabel: null, summary: 'Not matched.' };
  return { ...counts, result: 'unknown', via: null, programLabel: null, summary: counts.applications === 0 ? 'No applications recorded.' : 'No Match result recorded.' };
}
