// A program's kinds (track, visa policy, setting…) and their words, zod-free: the Programs
// table and its filters show them without loading the editor's input schemas
// (shared/domain/program.ts re-exports everything here).
export const TRACKS = ['preliminary', 'categorical'] as const;
export type Track = (typeof TRACKS)[number];

export const VISA_SPONSORSHIPS = ['j1', 'h1b', 'both', 'none', 'unknown'] as const;
export type VisaSponsorship = (typeof VISA_SPONSORSHIPS)[number];

export const SETTINGS = ['community', 'community_university_affiliated', 'university', 'top_academic', 'unknown'] as const;
export type ProgramSetting = (typeof SETTINGS)[number];

export const CUTOFF_KINDS = ['strict', 'preference'] as const;
export type CutoffKind = (typeof CUTOFF_KINDS)[number];

export const TRI_STATES = ['yes', 'no', 'unknown'] as const;

/** The applicant's own rating of how IMG-friendly a program is (docs/DOMAIN.md §4 signals), not an IMG share. */
export const IMG_FRIENDLINESS = ['high', 'medium', 'low', 'unknown'] as const;
export type ImgFriendliness = (typeof IMG_FRIENDLINESS)[number];
export type TriState = (typeof TRI_STATES)[number];

export const PROGRAM_LABELS = {
  track: { preliminary: 'Preliminary', categorical: 'Categorical' },
  /** The track in a sentence ("your interest in preliminary surgery"). */
  trackProse: { preliminary: 'preliminary surgery', categorical: 'categorical general surgery' },
  visa: { j1: 'J-1 only', h1b: 'H-1B only', both: 'J-1 and H-1B', none: 'No sponsorship', unknown: 'Unknown' },
  setting: {
    community: 'Community',
    community_university_affiliated: 'Community, university-affiliated',
    university: 'University',
    top_academic: 'Top academic',
    unknown: 'Unknown',
  },
  cutoff: { strict: 'Strict filter', preference: 'Preference' },
  tri: { yes: 'Yes', no: 'No', unknown: 'Unknown' },
  imgFriendliness: { high: 'High', medium: 'Medium', low: 'Low', unknown: 'Unknown' },
} as const;

/** How a program is named everywhere: "Lakeview Regional Medical Center (Preliminary)". */
export function programLabel(p: { track: Track; institution: { name: string } }): string {
  return `${p.institution.name} (${PROGRAM_LABELS.track[p.track]})`;
}

/** Compares institution names the way people read them (case- and accent-insensitive); one collator, reused. */
export const compareNames = new Intl.Collator('en', { sensitivity: 'base' }).compare;
