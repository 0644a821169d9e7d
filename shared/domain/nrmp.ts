// NRMP program codes (docs/DOMAIN.md glossary; NRMP help "How is the NRMP program code
// determined?"): 9 to 11 characters, e.g. 1234440P0 or 1234440C01 = 4-digit institution,
// 3-digit specialty (440 = General Surgery), track letter (C categorical, P preliminary,
// A advanced, R reserved/physician), then a track number of 1 to 3 characters.

/** The whole code; the track number is 1–3 letters or digits (digits in every code we have seen). */
export const NRMP_CODE_PATTERN = /^(\d{4})(\d{3})([CPAR])([0-9A-Z]{1,3})$/;
/** A code inside other text (a pasted line, a cell holding two codes). */
export const NRMP_CODE_IN_TEXT = /(?<![0-9A-Za-z])(\d{7}[CPARcpar][0-9A-Za-z]{1,3})(?![0-9A-Za-z])/;
export const NRMP_CODES_IN_TEXT = new RegExp(NRMP_CODE_IN_TEXT.source, 'g');
export const GENERAL_SURGERY_SPECIALTY = '440';
export const NRMP_CODE_EXAMPLES = '1234440P0 or 1234440C01';

export type NrmpTrackLetter = 'C' | 'P' | 'A' | 'R';

export interface ParsedNrmpCode {
  institution: string;
  specialty: string;
  track: NrmpTrackLetter;
  /** The track number after the letter (1 to 3 characters). */
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

/** Every NRMP code written in a text ("2101440C0, 2101440P0"), upper-cased, in order. */
export function nrmpCodesIn(text: string): string[] {
  return [...text.matchAll(NRMP_CODES_IN_TEXT)].map((m) => m[1]!.toUpperCase());
}

/**
 * Explains what is wrong with an NRMP code, or returns null when it is valid for the
 * given track (categorical -> C, preliminary -> P).
 */
export function nrmpCodeProblem(raw: string, track?: 'categorical' | 'preliminary'): string | null {
  const code = normalizeNrmpCode(raw);
  const parsed = parseNrmpCode(code);
  if (!parsed) {
    const n = code.length;
    return `"${raw.trim()}" is not an NRMP program code (it has ${n} character${n === 1 ? '' : 's'}): it must be 9 to 11 characters, 4 digits (institution), 3 digits (specialty, 440 for general surgery), a track letter C, P, A or R, and a track number of 1 to 3 characters, e.g. ${NRMP_CODE_EXAMPLES}.`;
  }
  if (track === 'categorical' && parsed.track !== 'C') {
    return `A categorical track's code has the letter C in 8th place (e.g. ${parsed.institution}${parsed.specialty}C${parsed.digit}); "${code}" has ${parsed.track}.`;
  }
  if (track === 'preliminary' && parsed.track !== 'P') {
    return `A preliminary track's code has the letter P in 8th place (e.g. ${parsed.institution}${parsed.specialty}P${parsed.digit}); "${code}" has ${parsed.track}.`;
  }
  return null;
}
