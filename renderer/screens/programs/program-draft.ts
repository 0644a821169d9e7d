// The program editor edits text; these convert between stored programs and that draft.
import { emptyInstitution, emptyTrack, TRACKS, type InstitutionFields, type Program, type ProgramTrackFields, type Track } from '../../../shared/domain/program';
import { numberOrNull, numberText } from '../../components/form';

type TrackNumberKey = 'minStep2ck' | 'minStep1' | 'maxYearsSinceGraduation' | 'usceMonthsRequired' | 'positionsOffered' | 'minGraduationYear';
const TRACK_NUMBER_KEYS: TrackNumberKey[] = ['minStep2ck', 'minStep1', 'maxYearsSinceGraduation', 'usceMonthsRequired', 'positionsOffered', 'minGraduationYear'];

export interface UnfilledDraft {
  year: string;
  unfilled: string;
}

export type TrackDraft = Omit<ProgramTrackFields, TrackNumberKey | 'unfilledHistory' | 'tags'> &
  Record<TrackNumberKey, string> & { id?: number; enabled: boolean; unfilledHistory: UnfilledDraft[]; tags: string };

export type InstitutionDraft = Omit<InstitutionFields, 'imgSharePct' | 'lastVerified'> & { id?: number; imgSharePct: string; lastVerified: string };

export interface ProgramDraft {
  institution: InstitutionDraft;
  tracks: Record<Track, TrackDraft>;
}

function trackDraft(t: ProgramTrackFields & { id?: number }, enabled: boolean): TrackDraft {
  const d = { ...t, enabled, tags: t.tags.join(', '), unfilledHistory: t.unfilledHistory.map((u) => ({ year: String(u.year), unfilled: String(u.unfilled) })) } as unknown as TrackDraft;
  for (const k of TRACK_NUMBER_KEYS) d[k] = numberText(t[k]);
  return d;
}

/** A draft for a new institution (preliminary track on) or for an existing one with all its tracks. */
export function toProgramDraft(programs: Program[] = []): ProgramDraft {
  const inst = programs[0]?.institution;
  const base = inst ?? { ...emptyInstitution(), id: undefined };
  const institution: InstitutionDraft = {
    ...emptyInstitution(),
    ...stripMeta(base),
    ...(inst ? { id: inst.id } : {}),
    imgSharePct: numberText(base.imgSharePct),
    lastVerified: base.lastVerified ?? '',
  };
  const tracks = Object.fromEntries(
    TRACKS.map((track) => {
      const p = programs.find((x) => x.track === track);
      return [track, p ? trackDraft({ ...stripProgramMeta(p) }, true) : trackDraft(emptyTrack(track), programs.length === 0 && track === 'preliminary')];
    }),
  ) as Record<Track, TrackDraft>;
  return { institution, tracks };
}

function stripMeta<T extends object>(x: T): Omit<T, 'createdAt' | 'updatedAt' | 'isSample'> {
  const { createdAt: _c, updatedAt: _u, isSample: _s, ...rest } = x as T & { createdAt?: string; updatedAt?: string; isSample?: boolean };
  return rest;
}

function stripProgramMeta(p: Program): ProgramTrackFields & { id: number } {
  const { institution: _i, institutionId: _iid, createdAt: _c, updatedAt: _u, onList: _l, override: _o, ...rest } = p;
  return rest;
}

/** The draft as institutions.save expects it (still unvalidated). Only enabled tracks are sent. */
export function fromProgramDraft(d: ProgramDraft): { institution: Record<string, unknown>; tracks: Record<string, unknown>[] } {
  const institution = { ...d.institution, imgSharePct: numberOrNull(d.institution.imgSharePct), lastVerified: d.institution.lastVerified.trim() || null };
  const tracks = TRACKS.filter((t) => d.tracks[t].enabled).map((t) => {
    const { enabled: _e, ...draft } = d.tracks[t];
    const out: Record<string, unknown> = {
      ...draft,
      tags: draft.tags.split(',').map((s) => s.trim()).filter(Boolean),
      unfilledHistory: draft.unfilledHistory.map((u) => ({ year: numberOrNull(u.year), unfilled: numberOrNull(u.unfilled) })),
    };
    for (const k of TRACK_NUMBER_KEYS) out[k] = numberOrNull(draft[k]);
    return out;
  });
  return { institution, tracks };
}

/** Maps a validation path of the sent payload (tracks.N.field) back to the track it names. */
export function trackPathFor(d: ProgramDraft, path: string): string {
  const m = /^tracks\.(\d+)(.*)$/.exec(path);
  if (!m) return path;
  const enabled = TRACKS.filter((t) => d.tracks[t].enabled);
  const track = enabled[Number(m[1])];
  return track ? `tracks.${track}${m[2]}` : path;
}
