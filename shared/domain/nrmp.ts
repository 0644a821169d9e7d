// NRMP program codes (DOMAIN.md §2 glossary): 9 characters, e.g. 1234440P0 =
// 4-digit institution, 3-digit specialty (440 = General Surgery),
// track letter (C categorical, P preliminary, A advanced, R reserved/physician), 1 digit.

export const NRMP_CODE_PATTERN = /^(\d{4})(\d{3})([CPAR])(\d)$/;
export const GENERAL_SURGERY_SPECIALTY = '440';

export type NrmpTrackLetter = 'C' | 'P' | 'A' | 'R';

export interface ParsedNrmpCode {
  institution: string;
  specialty: string;
  track: NrmpTrackLetter;
  digit: string;
}

export function normalizeNrmpCode(raw: string): string {
  return raw.trim().toUpperCase();
}

export function parseNrmpCode(raw: string): ParsedNrmpCode | null {
  const m = NRMP_CODE_PATTERN.exec(normalizeNrmpCode(raw));
  if (!m) return null;
  return { institution: m[1]!, specialty: m[2]!, track: m[3] as NrmpTrackLetter, digit: m[4]! };
}

/**
 * Explains what is wrong with an NRMP code, or returns null when it is valid for the
 * given track (categorical -> C, preliminary -> P).
 */
export function nrmpCodeProblem(raw: string, track?: 'categorical' | 'preliminary'): string | null {
  const code = normalizeNrmpCode(raw);
  const parsed = parseNrmpCode(code);
  if (!parsed) {
    return `"${raw.trim()}" is not an NRMP program code: it must be 9 characters, 4 digits (institution), 3 digits (specialty, 440 for general surgery), a track letter C, P, A or R, and 1 digit, e.g. 1234440P0.`;
  }
  if (track === 'categorical' && parsed.track !== 'C') {
    return `A categorical track's code has the letter C in 8th place (e.g. ${parsed.institution}${parsed.specialty}C${parsed.digit}); "${code}" has ${parsed.track}.`;
  }
  if (track === 'preliminary' && parsed.track !== 'P') {
    return `A preliminary track's code has the letter P in 8th place (e.g. ${parsed.institution}${parsed.specialty}P${parsed.digit}); "${code}" has ${parsed.track}.`;
  }
  return null;
}
