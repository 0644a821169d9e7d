// Fictional sample institutions for trying the app (never real hospitals): invented
// place names, real states weighted roughly like general-surgery programs, and
// distributions that follow docs/DOMAIN.md §3.4 (about half of prelim positions unfilled, J-1 the
// most common sponsorship, community programs the largest group). Deterministic: the
// same count and seed give the same data.
import { emptyInstitution, emptyTrack, type InstitutionFields, type ProgramTrackFields, type Track, type UnfilledYear } from '../domain/program';

export interface SampleInstitution {
  institution: InstitutionFields;
  tracks: ProgramTrackFields[];
}

export const SAMPLE_DATA_SOURCE = 'Sample data (fictional)';
export const SAMPLE_TAG = 'sample';
/** The Match years the sample unfilled history covers. */
export const SAMPLE_MATCH_YEARS = [2023, 2024, 2025, 2026] as const;
/** NRMP institution codes are 4 digits, so at most this many institutions get unique codes. */
export const MAX_SAMPLE_INSTITUTIONS = 10_000;

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rng() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return items[items.length - 1]![0];
}

function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

// Invented place names: a first part and an ending, e.g. "Kestrelmere", "Thistledale".
const PLACE_STARTS = [
  'Amber', 'Ashen', 'Birch', 'Bramble', 'Cedar', 'Clover', 'Copper', 'Elder', 'Fallow', 'Fern', 'Finch', 'Flint', 'Garnet', 'Glen',
  'Granite', 'Hazel', 'Heron', 'Holly', 'Iron', 'Juniper', 'Kestrel', 'Lark', 'Linden', 'Marble', 'Marsh', 'Meadow', 'Moss', 'Nettle',
  'Oak', 'Otter', 'Pebble', 'Pine', 'Plover', 'Quarry', 'Raven', 'Reed', 'Rowan', 'Russet', 'Sable', 'Sage', 'Silver', 'Sparrow',
  'Stone', 'Sumac', 'Tansy', 'Thistle', 'Timber', 'Tulip', 'Umber', 'Vesper', 'Walnut', 'Willow', 'Wren', 'Yarrow',
] as const;
const PLACE_ENDS = ['brook', 'crest', 'dale', 'field', 'ford', 'gate', 'haven', 'hollow', 'mere', 'moor', 'ridge', 'stead', 'vale', 'wick', 'wood', 'by'] as const;

const COMMUNITY_NAMES = ['Regional Medical Center', 'Community Hospital', 'Memorial Hospital', 'General Hospital', 'Medical Center', 'Health System', 'Community Medical Center', 'Regional Hospital'] as const;
const AFFILIATED_NAMES = ['Medical Center', 'Health System', 'Regional Medical Center', 'Teaching Hospital'] as const;
const UNIVERSITY_NAMES = ['University Hospital', 'University Medical Center', 'University Health'] as const;
const ACADEMIC_NAMES = ['Academic Medical Center', 'University Medical Center', 'Institute of Surgery'] as const;

const SURNAMES = ['Abernathy', 'Bellamy', 'Carrow', 'Dunmore', 'Ellery', 'Farrow', 'Galloway', 'Hartwell', 'Ingram', 'Jessop', 'Kettering', 'Lockhart', 'Marlowe', 'Northcott', 'Okafor', 'Pemberton', 'Quade', 'Rasmussen', 'Sterling', 'Thorne', 'Underhill', 'Vance', 'Whitlock', 'Yardley'] as const;
const INITIALS = 'ABCDEFGHJKLMNPRSTW';

/** States weighted roughly like where general-surgery programs are (approximate). */
const STATE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['NY', 12], ['PA', 7], ['CA', 7], ['TX', 6], ['OH', 6], ['MI', 6], ['IL', 5], ['FL', 5], ['NJ', 4], ['MA', 3], ['MD', 2], ['VA', 2], ['NC', 3],
  ['GA', 2], ['TN', 2], ['MO', 2], ['IN', 2], ['WI', 2], ['MN', 1], ['CT', 2], ['LA', 2], ['KY', 1], ['AL', 1], ['SC', 1], ['OK', 1], ['AZ', 1],
  ['CO', 1], ['WA', 1], ['OR', 1], ['IA', 1], ['KS', 1], ['NE', 1], ['AR', 1], ['MS', 1], ['WV', 1], ['DC', 1], ['RI', 1], ['NV', 1], ['NM', 1],
  ['UT', 1], ['DE', 1], ['ND', 0.5], ['SD', 0.5], ['ME', 0.5], ['NH', 0.5], ['VT', 0.5], ['HI', 0.5], ['PR', 0.5],
];

type Setting = InstitutionFields['setting'];
type Visa = InstitutionFields['visaSponsorship'];

const SETTING_WEIGHTS: readonly (readonly [Setting, number])[] = [
  ['community', 45], ['community_university_affiliated', 25], ['university', 20], ['top_academic', 10],
];

const VISA_WEIGHTS: Record<Setting, readonly (readonly [Visa, number])[]> = {
  community: [['j1', 50], ['both', 20], ['none', 15], ['h1b', 4], ['unknown', 11]],
  community_university_affiliated: [['j1', 45], ['both', 27], ['none', 13], ['h1b', 5], ['unknown', 10]],
  university: [['j1', 40], ['both', 30], ['none', 15], ['h1b', 5], ['unknown', 10]],
  top_academic: [['j1', 30], ['both', 40], ['none', 20], ['h1b', 5], ['unknown', 5]],
  unknown: [['unknown', 1]],
};

/**
 * How prelim programs fill (docs/DOMAIN.md §3: 52 % of prelim positions filled in 2024, i.e. about
 * half unfilled). Unfilled positions concentrate in some programs, often the larger,
 * service-heavy ones: weights of [fills every year, sometimes unfilled, chronically unfilled].
 */
const PRELIM_FILL_PATTERN: Record<Setting, readonly [number, number, number]> = {
  community: [25, 30, 45],
  community_university_affiliated: [30, 35, 35],
  university: [45, 35, 20],
  top_academic: [75, 20, 5],
  unknown: [35, 35, 30],
};
type FillPattern = 'fills' | 'sometimes' | 'chronic';

const IMG_SHARE_RANGE: Record<Setting, readonly [number, number]> = {
  community: [12, 65], community_university_affiliated: [8, 45], university: [3, 30], top_academic: [0, 12], unknown: [0, 50],
};

function placeName(rng: Rng): string {
  return `${pick(rng, PLACE_STARTS)}${pick(rng, PLACE_ENDS)}`;
}

function institutionName(rng: Rng, setting: Setting, place: string): string {
  switch (setting) {
    case 'community':
      return `${place} ${pick(rng, COMMUNITY_NAMES)}`;
    case 'community_university_affiliated':
      return `${place} ${pick(rng, AFFILIATED_NAMES)}`;
    case 'university':
      return rng() < 0.5 ? `${place} ${pick(rng, UNIVERSITY_NAMES)}` : `University of ${place} Medical Center`;
    default:
      return `${place} ${pick(rng, ACADEMIC_NAMES)}`;
  }
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function personName(rng: Rng): string {
  return `${INITIALS[Math.floor(rng() * INITIALS.length)]}. ${pick(rng, SURNAMES)}`;
}

/** A seeded shuffle of 0..n-1 (Fisher–Yates), for unique institution codes. */
function shuffledCodes(rng: Rng, n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}

function unfilledHistory(rng: Rng, pattern: FillPattern, positions: number): UnfilledYear[] {
  return SAMPLE_MATCH_YEARS.map((year) => {
    let unfilled = 0;
    if (pattern === 'chronic') {
      if (rng() < 0.9) unfilled = Math.max(1, Math.round(positions * (0.5 + rng() * 0.5)));
    } else if (pattern === 'sometimes') {
      if (rng() < 0.3) unfilled = Math.min(positions, intBetween(rng, 1, 2));
    } else if (rng() < 0.03) unfilled = 1;
    return { year, unfilled };
  });
}

function step2ckCutoff(rng: Rng, setting: Setting, track: Track): number | null {
  const noneChance = setting === 'community' ? 0.45 : setting === 'community_university_affiliated' ? 0.35 : setting === 'university' ? 0.25 : 0.1;
  if (rng() < (track === 'categorical' ? noneChance / 2 : noneChance)) return null;
  const base = setting === 'top_academic' ? 230 : setting === 'university' ? 220 : 210;
  const bump = track === 'categorical' ? 5 : 0;
  return Math.min(240, base + bump + 5 * intBetween(rng, 0, 3));
}

function makeTrack(rng: Rng, track: Track, instCode: number, setting: Setting): ProgramTrackFields {
  const [fills, sometimes, chronic] = PRELIM_FILL_PATTERN[setting];
  const pattern: FillPattern = track === 'categorical' ? 'fills' : weighted(rng, [['fills', fills], ['sometimes', sometimes], ['chronic', chronic]] as const);
  const positions = track === 'categorical' ? intBetween(rng, 2, 8) : pattern === 'chronic' ? intBetween(rng, 5, 14) : intBetween(rng, 2, 6);
  const minStep2ck = step2ckCutoff(rng, setting, track);
  const minStep1 = rng() < 0.15 ? 200 + 5 * intBetween(rng, 0, 6) : null;
  const firstAttemptOnly = weighted(rng, setting === 'top_academic' ? ([['yes', 60], ['no', 5], ['unknown', 35]] as const) : ([['yes', 28], ['no', 22], ['unknown', 50]] as const));
  const usceRequired = weighted(rng, [['yes', 35], ['no', 25], ['unknown', 40]] as const);
  const usceMonthsRequired = usceRequired === 'yes' ? weighted(rng, [[null, 30], [1, 25], [2, 25], [3, 20]] as const) : null;
  const letter = track === 'preliminary' ? 'P' : 'C';
  return {
    ...emptyTrack(track),
    track,
    nrmpCode: `${String(instCode).padStart(4, '0')}440${letter}0`,
    erasProgramId: `440${String(instCode).padStart(4, '0')}${track === 'preliminary' ? '1' : '0'}`,
    minStep2ck,
    minStep2ckKind: minStep2ck !== null && rng() < 0.35 ? 'preference' : 'strict',
    minStep1,
    minStep1Kind: minStep1 !== null && rng() < 0.4 ? 'preference' : 'strict',
    firstAttemptOnly,
    maxYearsSinceGraduation: weighted(rng, [[null, 65], [3, 5], [5, 12], [7, 10], [10, 8]] as const),
    usceRequired,
    usceMonthsRequired,
    positionsOffered: rng() < 0.1 ? null : positions,
    unfilledHistory: unfilledHistory(rng, pattern, positions),
    tags: [SAMPLE_TAG],
    notes: 'Fictional sample program for trying the app.',
  };
}

/**
 * `count` fictional institutions with 1–2 general-surgery tracks each, in the shape
 * `institutionWithTracksSchema` accepts. NRMP codes are unique across the whole set
 * (one 4-digit institution code each, P0 for prelim and C0 for categorical).
 */
export function generateSampleInstitutions(count: number, seed: number): SampleInstitution[] {
  const n = Math.floor(count);
  if (!(n >= 0 && n <= MAX_SAMPLE_INSTITUTIONS)) throw new RangeError(`Generate between 0 and ${MAX_SAMPLE_INSTITUTIONS} sample institutions (NRMP institution codes have 4 digits).`);
  const rng = mulberry32(seed);
  const codes = shuffledCodes(rng, MAX_SAMPLE_INSTITUTIONS);
  const usedNames = new Set<string>();
  const out: SampleInstitution[] = [];

  for (let i = 0; i < n; i++) {
    const setting = weighted(rng, SETTING_WEIGHTS);
    const state = weighted(rng, STATE_WEIGHTS);
    let place = placeName(rng);
    let name = institutionName(rng, setting, place);
    for (let tries = 0; usedNames.has(name) && tries < 5; tries++) {
      place = placeName(rng);
      name = institutionName(rng, setting, place);
    }
    if (usedNames.has(name)) name = `${name} – ${placeName(rng)} Campus`;
    for (let k = 2; usedNames.has(name); k++) name = `${name} ${k}`;
    usedNames.add(name);

    const city = rng() < 0.6 ? place : placeName(rng);
    const visaSponsorship = weighted(rng, VISA_WEIGHTS[setting]);
    const [lo, hi] = IMG_SHARE_RANGE[setting];
    const imgSharePct = rng() < 0.15 ? null : visaSponsorship === 'none' ? intBetween(rng, 0, Math.min(10, hi)) : intBetween(rng, lo, hi);
    const nonUsImgResidents =
      visaSponsorship === 'none' ? (rng() < 0.8 ? 'no' : 'unknown') : imgSharePct !== null && imgSharePct >= 15 ? weighted(rng, [['yes', 80], ['unknown', 17], ['no', 3]] as const) : weighted(rng, [['yes', 35], ['no', 25], ['unknown', 40]] as const);
    const domain = `${slug(name)}.example`;
    const code = codes[i]!;
    const layout = weighted(rng, [['both', 50], ['preliminary', 40], ['categorical', 10]] as const);
    const tracks: ProgramTrackFields[] = [];
    if (layout !== 'categorical') tracks.push(makeTrack(rng, 'preliminary', code, setting));
    if (layout !== 'preliminary') tracks.push(makeTrack(rng, 'categorical', code, setting));

    out.push({
      institution: {
        ...emptyInstitution(),
        name,
        city,
        state,
        website: `https://www.${domain}`,
        setting,
        researchHeavy: setting === 'top_academic' ? rng() < 0.8 : setting === 'university' ? rng() < 0.3 : rng() < 0.03,
        visaSponsorship,
        imgSharePct,
        nonUsImgResidents,
        pdName: `Dr. ${personName(rng)}`,
        pdEmail: `surgery.pd@${domain}`,
        coordinatorName: personName(rng),
        coordinatorEmail: `surgery.residency@${domain}`,
        internalConnection: false,
        notes: 'Fictional institution generated as sample data; not a real hospital.',
        dataSource: SAMPLE_DATA_SOURCE,
        lastVerified: null,
        // No extra random draw (the rest of the sample stays as it was): most programs opt in to signals.
        acceptsSignals: setting === 'top_academic' || setting === 'university' ? 'yes' : visaSponsorship === 'none' ? 'unknown' : 'yes',
        signalSent: false,
      },
      tracks,
    });
  }
  return out;
}
