// The advisor report: what an applicant hands a mentor or advisor instead of screenshots.
// Plain data for the sections the user picks; private fields (name, email, AAMC ID, notes,
// contact details, interview impressions) are left out unless the user chooses them. Pure.
import { z } from 'zod';
import { LABELS, type Profile } from '../domain/profile';
import type { Program } from '../domain/program';
import { programLabel } from '../domain/program';
import type { Letter, LetterAssignment, LetterWriter } from '../domain/letters';
import { LETTER_STAGE_LABELS } from '../domain/letters';
import type { Interview } from '../domain/interview';
import type { TierResult } from './types';
import type { ListHealth } from './list-health';
import type { ReadinessItem } from './readiness-types';

export const REPORT_SECTIONS = ['profile', 'list', 'listHealth', 'readiness', 'letters', 'budget', 'interviews'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  profile: 'Profile summary',
  list: 'Program list with tiers and reasons',
  listHealth: 'List health',
  readiness: 'Readiness and blocking items',
  letters: 'Letters and assignments',
  budget: 'Budget',
  interviews: 'Interviews and rank list',
};

export const reportOptionsSchema = z
  .object({
    sections: z
      .array(z.enum(REPORT_SECTIONS, 'Choose sections of the report.'))
      .min(1, 'Choose at least one section.')
      .max(REPORT_SECTIONS.length)
      .refine((s) => new Set(s).size === s.length, 'Choose each section once.'),
    includePrivate: z.boolean().default(false),
  })
  .strict();
export type ReportOptions = z.output<typeof reportOptionsSchema>;

export interface ReportInput {
  today: string;
  season: string;
  profile: Profile;
  programs: readonly Program[];
  tiers: ReadonlyMap<number, TierResult>;
  health: ListHealth;
  readiness: readonly ReadinessItem[];
  writers: readonly LetterWriter[];
  letters: readonly Letter[];
  assignments: readonly LetterAssignment[];
  /** Application id -> program id. */
  applicationPrograms: ReadonlyMap<number, number>;
  interviews: readonly Interview[];
  rankList: readonly number[];
  /** Extra budget lines (NRMP fees, costs) when known. */
  budgetLines: readonly { label: string; amount: number; note: string }[];
}

export interface AdvisorReport {
  title: string;
  season: string;
  preparedOn: string;
  includePrivate: boolean;
  sections: ReportSection[];
  profile?: { label: string; value: string }[];
  list?: { program: string; tier: string; overridden: string; summary: string; reasons: string[]; notes: string }[];
  listHealth?: { status: string; findings: { severity: string; text: string }[]; counts: { label: string; value: string }[] };
  readiness?: { blocking: { title: string; why: string }[]; needsAction: { title: string; why: string }[]; done: number; total: number };
  letters?: { writer: string; stage: string; programs: number; notes: string }[];
  budget?: { label: string; amount: number; note: string }[];
  interviews?: { program: string; when: string; status: string; impressions: string }[];
  rankList?: { rank: number; program: string }[];
}

const EXAM: Record<string, string> = LABELS.examStatus;

function profileLines(p: Profile, includePrivate: boolean): { label: string; value: string }[] {
  const lines: { label: string; value: string }[] = [];
  if (includePrivate) {
    if (p.fullName) lines.push({ label: 'Name', value: p.fullName });
    if (p.email) lines.push({ label: 'Email', value: p.email });
    if (p.aamcId) lines.push({ label: 'AAMC ID', value: p.aamcId });
  }
  lines.push({ label: 'Medical school', value: [p.medicalSchool, p.country].filter(Boolean).join(', ') || '—' });
  lines.push({ label: 'Graduation year', value: p.graduationYear === null ? '—' : String(p.graduationYear) });
  const step1 = p.step1Result === 'numeric' ? `${p.step1Score ?? '—'}` : LABELS.step1Result[p.step1Result];
  lines.push({ label: 'USMLE Step 1', value: `${step1}${p.step1Attempts > 1 ? ` (${p.step1Attempts} attempts)` : ''}` });
  lines.push({ label: 'USMLE Step 2 CK', value: `${p.step2ckScore ?? EXAM[p.step2ckStatus] ?? p.step2ckStatus}${p.step2ckAttempts > 1 ? ` (${p.step2ckAttempts} attempts)` : ''}` });
  lines.push({ label: 'USMLE Step 3', value: `${p.step3Score ?? EXAM[p.step3Status] ?? p.step3Status}` });
  lines.push({ label: 'ECFMG certification', value: LABELS.ecfmg[p.ecfmgStatus] });
  lines.push({ label: 'OET', value: EXAM[p.oetStatus] ?? p.oetStatus });
  lines.push({ label: 'Visa', value: LABELS.visaNeed[p.visaNeed] });
  const weeks = p.usce.reduce((s, u) => s + u.weeks, 0);
  const handsOn = p.usce.filter((u) => u.handsOn).reduce((s, u) => s + u.weeks, 0);
  lines.push({ label: 'US clinical experience', value: `${weeks} weeks (${handsOn} hands-on)` });
  return lines;
}

export function advisorReport(input: ReportInput, options: ReportOptions): AdvisorReport {
  const { includePrivate } = options;
  const picked = new Set(options.sections);
  const out: AdvisorReport = { title: 'Residency application report', season: input.season, preparedOn: input.today, includePrivate, sections: REPORT_SECTIONS.filter((s) => picked.has(s)) };
  const byId = new Map(input.programs.map((p) => [p.id, p]));
  const onList = input.programs.filter((p) => p.onList);

  if (picked.has('profile')) out.profile = profileLines(input.profile, includePrivate);

  if (picked.has('list')) {
    const order = ['tier1', 'tier2', 'tier3', 'long_shot', 'excluded'];
    out.list = onList
      .map((p) => {
        const t = input.tiers.get(p.id);
        const reasons = (t?.reasons ?? []).filter((r) => r.effect !== 'neutral').slice(0, 4).map((r) => `${r.effect === 'positive' ? '+' : r.effect === 'negative' ? '−' : '?'} ${r.text}`);
        return {
          program: programLabel(p),
          tier: t?.label ?? 'Not tiered',
          overridden: p.override ? `Your tier: ${p.override.outcome.replace('tier', 'Tier ')}${includePrivate && p.override.note ? ` (${p.override.note})` : ''}` : '',
          summary: t?.summary ?? '',
          reasons,
          notes: includePrivate ? [p.institution.notes, p.notes].filter(Boolean).join(' · ') : '',
          sort: order.indexOf(p.override?.outcome ?? t?.outcome ?? 'excluded'),
        };
      })
      .sort((a, b) => a.sort - b.sort || a.program.localeCompare(b.program))
      .map(({ sort: _sort, ...row }) => row);
  }

  if (picked.has('listHealth')) {
    const m = input.health.metrics;
    out.listHealth = {
      status: input.health.status,
      findings: input.health.findings.map((f) => ({ severity: f.severity, text: f.text })),
      counts: [
        { label: 'Programs on the list', value: `${m.count} (target ${m.target.min}–${m.target.max})` },
        { label: 'Preliminary / categorical', value: `${m.preliminary} / ${m.categorical}` },
        { label: 'Community programs', value: `${Math.round(m.communityShare * 100)}%` },
        { label: 'Midwest and South', value: `${Math.round(m.openRegionShare * 100)}%` },
      ],
    };
  }

  if (picked.has('readiness')) {
    const items = input.readiness;
    out.readiness = {
      blocking: items.filter((i) => i.state === 'blocking').map((i) => ({ title: i.title, why: i.why })),
      needsAction: items.filter((i) => i.state === 'needs_action').map((i) => ({ title: i.title, why: i.why })),
      done: items.filter((i) => i.state === 'done').length,
      total: items.filter((i) => i.state !== 'not_applicable').length,
    };
  }

  if (picked.has('letters')) {
    const writers = new Map(input.writers.map((w) => [w.id, w]));
    out.letters = input.letters.map((l) => {
      const w = writers.get(l.writerId);
      const who = w ? `${w.name}${w.title ? `, ${w.title}` : ''} (${w.location === 'us' ? 'US' : 'home'}${w.isSurgeon ? ', surgeon' : ''})` : 'Unknown writer';
      return {
        writer: who,
        stage: `${LETTER_STAGE_LABELS[l.stage]}${l.carriedFrom ? ` (from the ${l.carriedFrom} Match: import in MyERAS)` : ''}`,
        programs: input.assignments.filter((a) => a.letterId === l.id).length,
        notes: includePrivate ? l.notes : '',
      };
    });
  }

  if (picked.has('budget')) {
    const cost = input.health.metrics.cost;
    out.budget = [{ label: 'ERAS application fees for the list', amount: cost.total, note: `${cost.unconfirmed ? 'Unconfirmed. ' : ''}${cost.notes.join(' ')}` }, ...input.budgetLines];
  }

  if (picked.has('interviews')) {
    const program = (appId: number) => {
      const p = byId.get(input.applicationPrograms.get(appId) ?? -1);
      return p ? programLabel(p) : 'A deleted program';
    };
    out.interviews = input.interviews.map((i) => ({
      program: program(i.applicationId),
      when: i.localStart ? `${i.localStart.replace('T', ' ')} ${i.timeZone ?? ''}`.trim() : i.invitedOn ? `invited ${i.invitedOn}` : '',
      status: i.completed ? 'Done' : i.localStart ? 'Scheduled' : 'Invited',
      impressions: includePrivate ? [i.score ? `${i.score}/10` : '', i.impressions].filter(Boolean).join(' · ') : '',
    }));
    out.rankList = input.rankList.map((appId, idx) => ({ rank: idx + 1, program: program(appId) }));
  }
  return out;
}
