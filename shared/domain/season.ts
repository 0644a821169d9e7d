// Match seasons (issue 16): the database holds one season per Match year, one of them
// active. The active season is what every screen shows and edits; a past season is kept as
// it was when the next one started, read-only, with its outcome.
import { z } from 'zod';
import { matchYearSchema } from './season-calendar';

export const SEASON_STATUSES = ['active', 'past'] as const;
export type SeasonStatus = (typeof SEASON_STATUSES)[number];

/** How a season ended, from its applications and SOAP (shared/engine/season-outcome.ts). */
export interface SeasonOutcome {
  /** matched_preliminary / matched_categorical: through the Match or SOAP. */
  result: 'matched_preliminary' | 'matched_categorical' | 'not_matched' | 'unknown';
  /** 'match' or 'soap' when matched. */
  via: 'match' | 'soap' | null;
  /** "Riverbend Community Hospital (Preliminary)" when matched. */
  programLabel: string | null;
  /** Plain words, e.g. "Matched through SOAP to Riverbend Community Hospital (Preliminary)". */
  summary: string;
  applications: number;
  submitted: number;
  interviews: number;
  ranked: number;
  soapApplications: number;
}

export interface Season {
  matchYear: number;
  /** "2028 Match" */
  label: string;
  status: SeasonStatus;
  /** Null for the season the database held before seasons were recorded. */
  startedAt: string | null;
  endedAt: string | null;
  /** The season whose data this one started from. */
  carriedFrom: number | null;
  /** Set when the season ended (past seasons). */
  outcome: SeasonOutcome | null;
}

export interface SeasonsOverview {
  active: Season;
  seasons: Season[];
  /** True while "Start the next season" can still be undone (nothing changed since). */
  undoable: boolean;
  /** Why undo is not possible (null when it is, or when there is nothing to undo). */
  undoBlockedBecause: string | null;
}

/** One line of the start-next-season preview. */
export interface CarryLine {
  label: string;
  count: number;
  detail: string;
}

export interface NextSeasonPreview {
  from: number;
  to: number;
  carries: CarryLine[];
  stays: CarryLine[];
  /** Things to know before starting (e.g. the current season's Match Day is still ahead). */
  warnings: string[];
  outcome: SeasonOutcome;
}

/** A season as read from the database (past seasons from their archive), read-only. */
export interface SeasonView {
  season: Season;
  outcome: SeasonOutcome;
  applications: { programLabel: string; status: string; statusDate: string; submittedOn: string | null }[];
  interviews: { programLabel: string; date: string | null; status: string }[];
  rankList: { rank: number; programLabel: string }[];
  soapApplications: { label: string; status: string; offerRound: number | null }[];
  letters: { writer: string; label: string; stage: string; carriedFrom: number | null }[];
  calendar: { id: string; title: string; date: string; time: string | null; estimated: boolean; corrected: boolean }[];
}

export const seasonRefSchema = z.object({ matchYear: matchYearSchema }).strict();

export const startNextSeasonSchema = z
  .object({
    /** The season the user saw in the preview: refused if the active season is another one by now. */
    from: matchYearSchema,
  })
  .strict();
