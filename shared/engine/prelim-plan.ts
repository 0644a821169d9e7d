// The prelim-year plan's suggested checklist, dated through the PGY-1 year (1 July of the
// Match year to 30 June of the next), from the seed's "Using a Preliminary Surgery Year
// Wisely" (docs/DOMAIN.md §4 "After the Match") and the next season's projected ERAS dates
// (docs/DOMAIN-after-the-match.md "The prelim year"). Pure: the Match year and season dates are passed in.
import type { DatedItem } from './agenda';
import type { ParallelPath, PrelimItem, PrelimItemKind, PrelimPathId } from '../domain/prelim-plan';
import { PRELIM_PATHS } from '../domain/prelim-plan';
import type { SeasonOutcome } from '../domain/season';
import { projectSeasonEvents } from './season-projection';

/** What a mid-year or end-of-year letter should say (the seed, word for word in substance). */
export const PRELIM_LETTER_ASK =
  'Please compare me with the categorical residents, and speak to my work ethic, my surgical skills and my professionalism.';

export interface SuggestedItem {
  templateKey: string;
  kind: PrelimItemKind;
  title: string;
  dueDate: string;
  person: string;
  notes: string;
}

/**
 * The suggested checklist for a prelim year that starts 1 July of `matchYear`. Re-applying
 * happens during the year: the next season's ERAS opens in June and takes applications in
 * September, before the mid-year letters exist (letters can be added later).
 */
export function suggestedPrelimItems(matchYear: number): SuggestedItem[] {
  const y = matchYear;
  const next = projectSeasonEvents(y + 1);
  const date = (id: string) => next.find((e) => e.id === id)!.date;
  const item = (templateKey: string, kind: PrelimItemKind, title: string, dueDate: string, notes: string, person = ''): SuggestedItem => ({ templateKey, kind, title, dueDate, person, notes });
  const items: SuggestedItem[] = [
    item('start-next-season', 'task', `Start the ${y + 1} Match season in Prelim Tracker if you re-apply`, date('eras-opens'), `ERAS for the ${y + 1} Match opens ${date('eras-opens')} (est.). Your profile, writers, letters, documents and programs carry over; this season stays read-only.`),
    item('support-network', 'task', 'Name your support network: co-residents, mentors, peers from home', `${y}-07-15`, 'The prelim year is physically and emotionally demanding: keep people you can call.'),
    item('feedback-1', 'feedback', 'Ask a senior resident and an attending for specific ways to improve', `${y}-08-15`, ''),
    item('early-letter', 'letter', `Ask an attending who has seen your work for a letter for the ${y + 1} Match applications`, `${y}-08-20`, PRELIM_LETTER_ASK),
    item('submit-next', 'task', `Submit your ${y + 1} Match applications (categorical surgery or your parallel path)`, date('eras-submit-opens'), 'Apply early and completely; programs review from the MSPE release.'),
    item('openings-fall', 'task', 'Ask your program director about categorical openings (your program’s and others’)', `${y}-10-15`, 'Openings are rare; likelier where a categorical spot goes unfilled and faculty advocate for you.'),
    item('feedback-2', 'feedback', 'Mid-year feedback: ask for specific feedback and show what you changed', `${y}-12-01`, ''),
    item('letter-mid-year', 'letter', 'Request your mid-year letter', `${y}-12-15`, PRELIM_LETTER_ASK, 'Program director or a surgeon who worked with you'),
    item('openings-spring', 'task', 'Check categorical PGY-2 openings for 1 July (spring is when they appear)', `${y + 1}-02-15`, 'Track each one under "Categorical openings".'),
    item('feedback-3', 'feedback', 'Ask for feedback again: has your growth been visible?', `${y + 1}-03-01`, ''),
    item('letter-end-of-year', 'letter', 'Request your end-of-year letter', `${y + 1}-05-01`, PRELIM_LETTER_ASK, 'Program director or a surgeon who worked with you'),
    item('parallel-review', 'task', 'Review your parallel plan honestly: which path for the next season?', `${y + 1}-05-15`, 'Be honest with yourself about the odds of each path.'),
    item('year-end', 'task', 'PGY-1 ends: collect your evaluations and the program’s completion letter', `${y + 1}-06-30`, ''),
  ];
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.templateKey.localeCompare(b.templateKey));
}

/** The parallel plan's paths before the user changes them. */
export function defaultPaths(): ParallelPath[] {
  return PRELIM_PATHS.map((path: PrelimPathId) => ({ path, targetSeason: null, steps: '', status: 'not_started' }));
}

/** Why the plan is shown: a season whose result is a preliminary position. */
export function prelimTrigger(seasons: readonly { matchYear: number; outcome: SeasonOutcome }[]): { source: 'match' | 'soap'; programLabel: string; matchYear: number } | null {
  const hit = [...seasons].sort((a, b) => b.matchYear - a.matchYear).find((s) => s.outcome.result === 'matched_preliminary');
  if (!hit) return null;
  return { source: hit.outcome.via ?? 'match', programLabel: hit.outcome.programLabel ?? '', matchYear: hit.matchYear };
}

/** The plan's open items for Deadlines and reminders. */
export function prelimDatedItems(items: readonly (Pick<PrelimItem, 'kind' | 'title' | 'dueDate' | 'done' | 'person'> & { key: string; updatedAt: string | null })[]): DatedItem[] {
  return items.map((i) => ({
    key: `prelim:${i.key}`,
    kind: 'prelim',
    title: i.title,
    detail: i.person ? `From: ${i.person}` : '',
    date: i.dueDate,
    time: null,
    timeZone: null,
    estimated: false,
    done: i.done,
    programId: null,
    section: 'prelim',
    updatedAt: i.updatedAt,
    source: 'Your prelim-year plan',
  }));
}
