// The whole budget of the season (docs/DOMAIN.md §9): ERAS fees from the list, the USMLE
// transcript, the ECFMG token, NRMP registration (and the late fee), rank fees beyond 20 and
// the surcharges of a long rank list, SOAP applications, and interview travel. Pure: the
// counts, the user's corrections and today in; lines with spent and planned amounts out,
// each reference amount with its season, source and confidence.
import type { CostAmountId, CostSettings } from '../domain/costs';
import { RANK_LIST_INCLUDED, RANK_LIST_MAX } from '../domain/rank-list';
import { ERAS_FEES_2027, erasListCost, type ErasCost, type ErasFeeSchedule, type FeeConfidence } from './eras-fees';

export interface CostReference {
  id: CostAmountId;
  label: string;
  amount: number;
  per: string;
  season: string;
  source: string;
  confidence: FeeConfidence;
}

const R = (id: CostAmountId, label: string, amount: number, per: string, season: string, source: string, confidence: FeeConfidence): CostReference => ({ id, label, amount, per, season, source, confidence });

/** docs/DOMAIN.md §9 (the fees table of docs/DOMAIN.md §3), one entry per amount. */
export const COST_REFERENCE: Readonly<Record<CostAmountId, CostReference>> = {
  eras_program_1_30: R('eras_program_1_30', 'ERAS fee, programs 1–30', 11, 'per program', '2025, 2026 (2027 assumed)', 'AAMC fee page', 'unconfirmed'),
  eras_program_31: R('eras_program_31', 'ERAS fee, programs 31 on', 30, 'per program', '2025, 2026 (2027 assumed)', 'AAMC fee page', 'unconfirmed'),
  usmle_transcript: R('usmle_transcript', 'USMLE transcript', 80, 'once per season', '2024–2026 (2026 unconfirmed)', 'AAMC', 'unconfirmed'),
  ecfmg_token: R('ecfmg_token', 'ECFMG ERAS token', 165, 'once per season', '2024–2025', 'ECFMG', 'unconfirmed'),
  nrmp_registration: R('nrmp_registration', 'NRMP registration', 70, 'once per Match', '2024 (2027 unconfirmed)', 'secondary copy of the NRMP fee table', 'unconfirmed'),
  nrmp_late_fee: R('nrmp_late_fee', 'NRMP late registration fee', 50, 'once, after the standard deadline', '2024 (2027 unconfirmed)', 'secondary copy of the NRMP fee table', 'unconfirmed'),
  nrmp_extra_rank: R('nrmp_extra_rank', 'Rank beyond the 20 included', 30, 'per rank beyond 20', '2024 (2027 unconfirmed)', 'secondary copy of the NRMP fee table', 'unconfirmed'),
  nrmp_surcharge_100: R('nrmp_surcharge_100', 'Long list surcharge, 100–150 ranks', 50, 'once', '2024 (2027 unconfirmed)', 'secondary copy of the NRMP fee table', 'unconfirmed'),
  nrmp_surcharge_151: R('nrmp_surcharge_151', 'Long list surcharge, 151–200 ranks', 100, 'once', '2024 (2027 unconfirmed)', 'secondary copy of the NRMP fee table', 'unconfirmed'),
  nrmp_surcharge_201: R('nrmp_surcharge_201', 'Long list surcharge, 201–250 ranks', 150, 'once', '2024 (2027 unconfirmed)', 'secondary copy of the NRMP fee table', 'unconfirmed'),
  nrmp_surcharge_251: R('nrmp_surcharge_251', 'Long list surcharge, 251–300 ranks', 200, 'once', '2024 (2027 unconfirmed)', 'secondary copy of the NRMP fee table', 'unconfirmed'),
  soap_application: R('soap_application', 'SOAP application', 0, 'per SOAP application', '2027 est.', 'none in DOMAIN.md: est., check the AAMC fee page', 'est'),
};

/** The rank count from which each surcharge applies (docs/DOMAIN.md §9): 100, 151, 201, 251. */
export const RANK_SURCHARGE_BRACKETS: readonly { from: number; to: number; id: CostAmountId }[] = [
  { from: 100, to: 150, id: 'nrmp_surcharge_100' },
  { from: 151, to: 200, id: 'nrmp_surcharge_151' },
  { from: 201, to: 250, id: 'nrmp_surcharge_201' },
  { from: 251, to: RANK_LIST_MAX, id: 'nrmp_surcharge_251' },
];

export function amountOf(id: CostAmountId, settings: Pick<CostSettings, 'amounts'>): number {
  return settings.amounts[id] ?? COST_REFERENCE[id].amount;
}

/** Rank fees of a list of `ranks` programs: $ per rank beyond 20 plus the one surcharge of its bracket. */
export function rankListFees(ranks: number, amount: (id: CostAmountId) => number): { extraRanks: number; extraCost: number; surcharge: number; surchargeId: CostAmountId | null; total: number } {
  const extraRanks = Math.max(0, ranks - RANK_LIST_INCLUDED);
  const extraCost = extraRanks * amount('nrmp_extra_rank');
  const bracket = RANK_SURCHARGE_BRACKETS.find((b) => ranks >= b.from && ranks <= b.to) ?? null;
  const surcharge = bracket ? amount(bracket.id) : 0;
  return { extraRanks, extraCost, surcharge, surchargeId: bracket?.id ?? null, total: extraCost + surcharge };
}

export const COST_CATEGORIES = ['eras', 'exams', 'nrmp', 'soap', 'travel'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const COST_CATEGORY_LABELS: Readonly<Record<CostCategory, string>> = { eras: 'ERAS applications', exams: 'Transcript & token', nrmp: 'NRMP', soap: 'SOAP', travel: 'Interview travel' };

export interface CostLine {
  id: string;
  category: CostCategory;
  label: string;
  /** How the amount is made, in words ("32 programs: 30 × $11 + 2 × $30"). */
  detail: string;
  spent: number;
  planned: number;
  /** The reference amounts the line uses (shown with season and confidence, editable). */
  amounts: (CostReference & { value: number; corrected: boolean })[];
  /** Any amount in the line is unconfirmed or est. */
  unconfirmed: boolean;
}

export interface TravelInput {
  interviewId: number;
  programName: string;
  /** Interview day (YYYY-MM-DD) or null when not scheduled. */
  date: string | null;
  done: boolean;
  transport: number;
  lodging: number;
  other: number;
}

export interface SeasonCostsInput {
  /** Programs on the list and those applied to, with their institution (for one fee per institution). */
  programs: readonly { id: number; institutionId: number; track: 'preliminary' | 'categorical'; onList: boolean }[];
  /** Program ids of the applications sent through ERAS. */
  submittedProgramIds: readonly number[];
  feesPerInstitution: boolean;
  feesCombineTracks: boolean;
  rankCount: number;
  /** The rank list's own extra-rank fee when the user set it there (wins over the reference). */
  rankListExtraFee: number | null;
  soapApplications: number;
  travel: readonly TravelInput[];
  settings: CostSettings;
  /** YYYY-MM-DD in the user's zone: travel for interviews before today is spent. */
  today: string;
}

export interface SeasonCosts {
  lines: CostLine[];
  totals: { spent: number; planned: number; total: number };
  byCategory: { category: CostCategory; label: string; spent: number; planned: number }[];
  eras: { spent: ErasCost; all: ErasCost };
  travel: (TravelInput & { total: number; spent: boolean })[];
}

function erasCount(programs: SeasonCostsInput['programs'], ids: ReadonlySet<number>) {
  const c = { preliminary: 0, categorical: 0, institutions: 0 };
  const inst = new Set<number>();
  for (const p of programs) {
    if (!ids.has(p.id)) continue;
    c[p.track]++;
    inst.add(p.institutionId);
  }
  c.institutions = inst.size;
  return c;
}

export function seasonCosts(input: SeasonCostsInput): SeasonCosts {
  const s = input.settings;
  const amount = (id: CostAmountId): number => (id === 'nrmp_extra_rank' && s.amounts[id] === undefined && input.rankListExtraFee !== null ? input.rankListExtraFee : amountOf(id, s));
  const ref = (id: CostAmountId) => ({ ...COST_REFERENCE[id], value: amount(id), corrected: amount(id) !== COST_REFERENCE[id].amount });
  const lines: CostLine[] = [];
  const push = (l: Omit<CostLine, 'unconfirmed'>) => lines.push({ ...l, unconfirmed: l.amounts.some((a) => a.confidence !== 'confirmed') });

  // ERAS: one ladder (per institution by default), spent for what was submitted.
  const schedule: ErasFeeSchedule = {
    ...ERAS_FEES_2027,
    bands: [
      { from: 1, to: 30, amount: amount('eras_program_1_30'), per: 'program' },
      { from: 31, to: null, amount: amount('eras_program_31'), per: 'program' },
    ],
  };
  const opts = { perInstitution: input.feesPerInstitution, combineTracks: input.feesCombineTracks, schedule };
  const submitted = new Set(input.submittedProgramIds);
  const everything = new Set([...submitted, ...input.programs.filter((p) => p.onList).map((p) => p.id)]);
  const erasSpent = erasListCost(erasCount(input.programs, submitted), opts);
  const erasAll = erasListCost(erasCount(input.programs, everything), opts);
  const erasWhat = input.feesPerInstitution ? 'institutions' : 'programs';
  const allCount = erasAll.lines.reduce((n, l) => n + l.programs, 0);
  const spentCount = erasSpent.lines.reduce((n, l) => n + l.programs, 0);
  push({
    id: 'eras',
    category: 'eras',
    label: 'ERAS application fees',
    detail: `${allCount} ${erasWhat} on the list or applied to (${spentCount} submitted). ${erasAll.notes.join(' ')}`,
    spent: erasSpent.total,
    planned: Math.max(0, erasAll.total - erasSpent.total),
    amounts: [ref('eras_program_1_30'), ref('eras_program_31')],
  });

  // Once per season, paid with the first ERAS submission.
  const anySubmitted = submitted.size > 0;
  for (const id of ['usmle_transcript', 'ecfmg_token'] as const) {
    push({ id, category: 'exams', label: COST_REFERENCE[id].label, detail: anySubmitted ? 'Paid with your first ERAS submission.' : 'Due with your first ERAS submission.', spent: anySubmitted ? amount(id) : 0, planned: anySubmitted ? 0 : amount(id), amounts: [ref(id)] });
  }

  // NRMP registration and the late fee.
  const registered = s.paid.nrmp_registration === true;
  push({ id: 'nrmp_registration', category: 'nrmp', label: 'NRMP registration', detail: `Includes ${RANK_LIST_INCLUDED} ranked programs.${registered ? ' Marked paid.' : ''}`, spent: registered ? amount('nrmp_registration') : 0, planned: registered ? 0 : amount('nrmp_registration'), amounts: [ref('nrmp_registration')] });
  const late = s.lateRegistration ? amount('nrmp_late_fee') : 0;
  push({ id: 'nrmp_late_fee', category: 'nrmp', label: 'NRMP late registration', detail: s.lateRegistration ? 'You register after the standard deadline.' : 'Only if you register after the standard deadline (not counted).', spent: registered ? late : 0, planned: registered ? 0 : late, amounts: [ref('nrmp_late_fee')] });

  // Rank fees from the rank order list, due when it is certified.
  const rf = rankListFees(input.rankCount, amount);
  const certified = s.paid.rank_fees === true;
  const rankDetail =
    rf.extraRanks === 0
      ? `${input.rankCount} ranked: within the ${RANK_LIST_INCLUDED} included.`
      : `${input.rankCount} ranked: ${rf.extraRanks} beyond ${RANK_LIST_INCLUDED} × $${amount('nrmp_extra_rank')}${rf.surchargeId ? ` + $${rf.surcharge} (${COST_REFERENCE[rf.surchargeId].label.toLowerCase()})` : ''}.`;
  push({
    id: 'rank_fees',
    category: 'nrmp',
    label: 'Rank fees',
    detail: `${rankDetail} Due when the list is certified${certified ? '; marked paid' : ''}.`,
    spent: certified ? rf.total : 0,
    planned: certified ? 0 : rf.total,
    amounts: [ref('nrmp_extra_rank'), ...RANK_SURCHARGE_BRACKETS.map((b) => ref(b.id))],
  });

  // SOAP applications (sent when recorded).
  const soap = input.soapApplications * amount('soap_application');
  push({ id: 'soap', category: 'soap', label: 'SOAP applications', detail: `${input.soapApplications} SOAP application${input.soapApplications === 1 ? '' : 's'} recorded.`, spent: soap, planned: 0, amounts: [ref('soap_application')] });

  // Interview travel, spent once the interview day has come.
  const travel = input.travel.map((t) => ({ ...t, total: t.transport + t.lodging + t.other, spent: t.done || (t.date !== null && t.date <= input.today) }));
  const travelSpent = travel.filter((t) => t.spent).reduce((n, t) => n + t.total, 0);
  const travelAll = travel.reduce((n, t) => n + t.total, 0);
  const withTravel = travel.filter((t) => t.total > 0).length;
  lines.push({ id: 'travel', category: 'travel', label: 'Interview travel', detail: `${withTravel} interview${withTravel === 1 ? '' : 's'} with travel entered (transport, lodging, other).`, spent: travelSpent, planned: travelAll - travelSpent, amounts: [], unconfirmed: false });

  const spent = lines.reduce((n, l) => n + l.spent, 0);
  const planned = lines.reduce((n, l) => n + l.planned, 0);
  const byCategory = (['eras', 'exams', 'nrmp', 'soap', 'travel'] as const).map((category) => ({
    category,
    label: COST_CATEGORY_LABELS[category],
    spent: lines.filter((l) => l.category === category).reduce((n, l) => n + l.spent, 0),
    planned: lines.filter((l) => l.category === category).reduce((n, l) => n + l.planned, 0),
  }));
  return { lines, totals: { spent, planned, total: spent + planned }, byCategory, eras: { spent: erasSpent, all: erasAll }, travel };
}
