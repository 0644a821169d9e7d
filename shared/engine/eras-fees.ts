// ERAS application fees (docs/DOMAIN.md §3), as data with source, season and confidence, and
// the cost of a list. The count restarts for each specialty. In MyERAS one ACGME program is
// one program and the applicant ticks its training types (preliminary, categorical) inside
// it, so by default both tracks of one institution's surgery program are one program and
// one fee (docs/DOMAIN.md §9; unconfirmed). A setting counts the tracks apart instead:
// then as separate specialties, or as one specialty counting each track (feesCombineTracks).

/** 'confirmed' = from the named source for that season; 'unconfirmed' = assumed or from a secondary source; 'est' = projection. */
export type FeeConfidence = 'confirmed' | 'unconfirmed' | 'est';

/** A band of the fee ladder: `per: 'program'` charges `amount` for each program in the band; `per: 'band'` charges it once when the band is reached. */
export interface FeeBand {
  from: number;
  /** Last program of the band (inclusive); null = no upper end. */
  to: number | null;
  amount: number;
  per: 'program' | 'band';
}

export interface ErasFeeSchedule {
  id: string;
  label: string;
  /** Match season(s) the amounts apply to. */
  season: string;
  bands: readonly FeeBand[];
  source: string;
  confidence: FeeConfidence;
  note: string;
}

/** $11 per program for 1–30, $30 each from 31, per specialty (AAMC fee page, 2025 and 2026 seasons). */
export const ERAS_FEES_2025_2026: ErasFeeSchedule = {
  id: 'eras-2025-2026',
  label: 'ERAS fee per specialty',
  season: '2025, 2026',
  bands: [
    { from: 1, to: 30, amount: 11, per: 'program' },
    { from: 31, to: null, amount: 30, per: 'program' },
  ],
  source: 'AAMC fee page',
  confidence: 'confirmed',
  note: '$11 per program for programs 1–30, $30 per program from 31; the count restarts for each specialty.',
};

/** The same amounts assumed for the 2027 Match (docs/DOMAIN.md §3: "assume same for 2027 (unconfirmed)"). */
export const ERAS_FEES_2027: ErasFeeSchedule = {
  ...ERAS_FEES_2025_2026,
  id: 'eras-2027',
  season: '2027',
  source: 'AAMC fee page (2025, 2026 amounts assumed for 2027)',
  confidence: 'unconfirmed',
  note: 'Assumes the 2025–2026 fees hold for the 2027 Match; not confirmed yet.',
};

/** The older ladder, kept for reference: $99 for 1–10, $19 each 11–20, $23 each 21–30, $27 each 31+ (AAMC, 2024). */
export const ERAS_FEES_2024: ErasFeeSchedule = {
  id: 'eras-2024',
  label: 'ERAS fee per specialty (old)',
  season: '2024',
  bands: [
    { from: 1, to: 10, amount: 99, per: 'band' },
    { from: 11, to: 20, amount: 19, per: 'program' },
    { from: 21, to: 30, amount: 23, per: 'program' },
    { from: 31, to: null, amount: 27, per: 'program' },
  ],
  source: 'AAMC',
  confidence: 'confirmed',
  note: '$99 for programs 1–10, $19 each 11–20, $23 each 21–30, $27 each from 31.',
};

export const ERAS_FEE_SCHEDULES: readonly ErasFeeSchedule[] = [ERAS_FEES_2027, ERAS_FEES_2025_2026, ERAS_FEES_2024];

/** The schedule used unless another is passed. */
export const CURRENT_ERAS_FEES = ERAS_FEES_2027;

/** Other application costs (docs/DOMAIN.md §3), shown next to the list cost; amounts the user may edit. */
export interface FeeItem {
  id: string;
  item: string;
  /** null = amount not known; the user sets it. */
  amount: number | null;
  per: string;
  season: string;
  source: string;
  confidence: FeeConfidence;
  note: string;
}

export const REFERENCE_FEES: readonly FeeItem[] = [
  { id: 'usmle_transcript', item: 'USMLE transcript', amount: 80, per: 'once per season', season: '2024–2026', source: 'AAMC', confidence: 'unconfirmed', note: '2026 amount unconfirmed.' },
  { id: 'ecfmg_token', item: 'ECFMG ERAS token', amount: 165, per: 'once per season', season: '2024–2025', source: 'ECFMG', confidence: 'unconfirmed', note: 'Confirmed for 2024–2025 only.' },
  { id: 'nrmp_registration', item: 'NRMP registration', amount: null, per: 'once per Match', season: '2026', source: 'NRMP help pages', confidence: 'unconfirmed', note: 'Amount not confirmed; 20 ranked programs included, extra ranks charged.' },
];

/** The fee for `count` programs in one specialty. */
export function erasFeeForSpecialty(count: number, schedule: ErasFeeSchedule = CURRENT_ERAS_FEES): number {
  const n = Math.max(0, Math.floor(count));
  let total = 0;
  for (const b of schedule.bands) {
    if (n < b.from) break;
    const last = b.to === null ? n : Math.min(n, b.to);
    total += b.per === 'band' ? b.amount : (last - b.from + 1) * b.amount;
  }
  return total;
}

export interface ErasCostLine {
  /** What the count restarts for: 'preliminary', 'categorical', or both together. */
  specialty: 'preliminary' | 'categorical' | 'combined' | 'institution';
  label: string;
  programs: number;
  cost: number;
  /** What one more program in this line would cost. */
  nextProgramCost: number;
}

export interface ErasCost {
  total: number;
  lines: ErasCostLine[];
  combineTracks: boolean;
  schedule: ErasFeeSchedule;
  /** True when anything in the total rests on an unconfirmed assumption (show "unconfirmed"). */
  unconfirmed: boolean;
  /** Plain words for each assumption. */
  notes: string[];
}

export interface ErasCostOptions {
  /**
   * One fee per institution's surgery program, both tracks together (docs/DOMAIN.md §9, the
   * default of the app's settings). Needs `counts.institutions`; without it tracks are counted.
   */
  perInstitution?: boolean;
  /** When tracks are counted apart: count preliminary and categorical surgery as one specialty (unconfirmed; default false = separate). */
  combineTracks?: boolean;
  schedule?: ErasFeeSchedule;
}

function line(specialty: ErasCostLine['specialty'], label: string, programs: number, schedule: ErasFeeSchedule): ErasCostLine {
  const cost = erasFeeForSpecialty(programs, schedule);
  return { specialty, label, programs, cost, nextProgramCost: erasFeeForSpecialty(programs + 1, schedule) - cost };
}

/** ERAS cost of a list of preliminary and categorical programs. */
export function erasListCost(counts: { preliminary: number; categorical: number; institutions?: number }, options: ErasCostOptions = {}): ErasCost {
  const schedule = options.schedule ?? CURRENT_ERAS_FEES;
  const combineTracks = options.combineTracks ?? false;
  if (options.perInstitution && counts.institutions !== undefined) {
    const notes = schedule.confidence !== 'confirmed' ? [schedule.note] : [];
    notes.push('One fee per institution: its preliminary and categorical tracks are one ACGME program in MyERAS (training types); AAMC does not say so outright: unconfirmed.');
    const lines = [line('institution', 'General Surgery (one fee per institution, both tracks)', counts.institutions, schedule)];
    return { total: lines[0]!.cost, lines, combineTracks, schedule, unconfirmed: true, notes };
  }
  const lines: ErasCostLine[] = combineTracks
    ? [line('combined', 'General Surgery (preliminary and categorical counted together)', counts.preliminary + counts.categorical, schedule)]
    : [line('preliminary', 'Surgery – Preliminary', counts.preliminary, schedule), line('categorical', 'General Surgery (categorical)', counts.categorical, schedule)];
  const notes: string[] = [];
  if (schedule.confidence !== 'confirmed') notes.push(schedule.note);
  notes.push(
    combineTracks
      ? 'Preliminary and categorical counted as one specialty; unconfirmed (they may be billed separately, which costs less past 30).'
      : 'Preliminary and categorical counted as separate specialties, each restarting the fee count; unconfirmed.',
  );
  return { total: lines.reduce((s, l) => s + l.cost, 0), lines, combineTracks, schedule, unconfirmed: true, notes };
}
