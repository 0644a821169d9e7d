// The Profile form edits text (so a half-typed number can be shown with its error);
// these convert between the stored profile and that draft.
import type { Profile, UsceEntry } from '../../../shared/domain/profile';
import { numberOrNull, numberText } from '../../components/form';

const NUMBER_KEYS = ['graduationYear', 'step1Score', 'step1Attempts', 'step2ckScore', 'step2ckAttempts', 'step3Score', 'researchCount', 'leadershipCount', 'teachingCount'] as const;
type NumberKey = (typeof NUMBER_KEYS)[number];
const DATE_KEYS = ['step2ckDate', 'step3Date'] as const;
type DateKey = (typeof DATE_KEYS)[number];

export type UsceDraft = Omit<UsceEntry, 'weeks'> & { weeks: string };
export type ProfileDraft = Omit<Profile, NumberKey | DateKey | 'usce'> & Record<NumberKey | DateKey, string> & { usce: UsceDraft[] };

export function toDraft(p: Profile): ProfileDraft {
  const draft = { ...p, usce: p.usce.map((u) => ({ ...u, weeks: String(u.weeks) })) } as unknown as ProfileDraft;
  for (const k of NUMBER_KEYS) draft[k] = numberText(p[k]);
  for (const k of DATE_KEYS) draft[k] = p[k] ?? '';
  return draft;
}

/** The draft as the API expects it (still unvalidated). */
export function fromDraft(d: ProfileDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { ...d, usce: d.usce.map((u) => ({ ...u, weeks: numberOrNull(u.weeks) })) };
  for (const k of NUMBER_KEYS) out[k] = numberOrNull(d[k]);
  for (const k of DATE_KEYS) out[k] = d[k].trim() === '' ? null : d[k].trim();
  return out;
}

export function newUsceEntry(): UsceDraft {
  const id = globalThis.crypto?.randomUUID?.() ?? `usce-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return { id, type: 'elective', specialty: 'General Surgery', surgical: true, weeks: '4', hospital: '', state: '', handsOn: true };
}
