// Message templates (docs/DOMAIN.md §4.9 "Communication"): the built-in texts adapted from the
// seed, placeholder filling from the profile and the program, mailto: links, and the
// "do not spam" check. Pure.
import { LABELS, type Profile } from '../domain/profile';
import { PROGRAM_LABELS, type Program } from '../domain/program';
import { MASS_MAILING_PER_DAY, PLACEHOLDERS, type Communication, type Placeholder, type TemplatePurpose } from '../domain/communications';

export interface BuiltInTemplate {
  key: string;
  name: string;
  purpose: TemplatePurpose;
  subject: string;
  body: string;
}

export { PLACEHOLDERS, type Placeholder } from '../domain/communications';
export type PlaceholderValues = Record<Placeholder, string>;

/** The built-in templates. Parts in [brackets] are for the user to write for each program. */
export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    key: 'interest-pd',
    name: 'Interest email to the program director',
    purpose: 'interest',
    subject: 'Interest in your {{trackName}} position – {{applicantName}}',
    body: `Dear Dr. {{pdLastName}},

My name is {{applicantName}}, a non-US citizen IMG from {{country}} ({{medicalSchool}}), applying to your {{trackName}} program at {{programName}}. I will need {{visaNeed}}.

{{strengths}} [Add one line on what you learned there or the feedback you received.]

I am particularly drawn to your program's [specific reason: e.g. strong operative exposure and supportive environment for prelim residents]. I would be very grateful for consideration of my application.

Sincerely,
{{applicantName}}, AAMC ID {{aamcId}}`,
  },
  {
    key: 'thank-you',
    name: 'Thank-you note after an interview',
    purpose: 'thank_you',
    subject: 'Thank you for the interview – {{applicantName}}',
    body: `Dear Dr. {{pdLastName}},

Thank you for the opportunity to interview for the {{trackName}} position at {{programName}}. I especially appreciated [something specific from the interview day: a conversation, the residents, the operative exposure].

The day confirmed my interest in training with your team. I am ready for the long hours and the pace of a surgical intern year, and I would be glad to contribute to your program.

Sincerely,
{{applicantName}}, AAMC ID {{aamcId}}`,
  },
  {
    key: 'letter-of-intent',
    name: 'Letter of intent',
    purpose: 'letter_of_intent',
    subject: 'Letter of intent – {{applicantName}}',
    body: `Dear Dr. {{pdLastName}},

I am writing to let you know that {{programName}} is my first choice for a {{trackName}} position, and I intend to rank it first. [Only send this to one program, and only if it is true.]

[Why this program: what you saw at the interview, the people, the patients, the fit with your plans.]

Since my interview, [any update: Step 3 result, ECFMG certification, a new letter or experience].

Thank you again for your consideration.

Sincerely,
{{applicantName}}, AAMC ID {{aamcId}}`,
  },
  {
    key: 'soap-reply',
    name: 'SOAP: reply to a program that contacted you',
    purpose: 'soap',
    subject: 'SOAP – {{applicantName}}, AAMC ID {{aamcId}}',
    body: `Dear Dr. {{pdLastName}},

Thank you for contacting me during SOAP about your {{trackName}} position at {{programName}}. [Use this only to answer a program that reached out: in SOAP, applicants wait for programs to contact them.]

I am available [times you can talk] and ready to start on July 1. I will need {{visaNeed}}. {{strengths}}

I would be honored to join your team for the intern year.

Sincerely,
{{applicantName}}, AAMC ID {{aamcId}}
{{applicantEmail}}`,
  },
];

const VISA_WORDS: Record<Profile['visaNeed'], string> = {
  none: 'no visa sponsorship',
  j1: 'J-1 visa sponsorship (ECFMG)',
  h1b_required: 'H-1B visa sponsorship',
  either_prefers_h1b: 'visa sponsorship (H-1B preferred, J-1 possible)',
};

/** "Dr. Jane A. Smith, MD" → "Smith". */
export function lastName(fullName: string): string {
  const words = fullName
    .replace(/,.*$/, '')
    .replace(/^(dr\.?|prof\.?|professor)\s+/i, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words.length === 0 ? '' : words[words.length - 1]!;
}

function longDate(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

type ProfileFields = Pick<Profile, 'fullName' | 'email' | 'medicalSchool' | 'country' | 'aamcId' | 'visaNeed' | 'step2ckScore'> & Partial<Pick<Profile, 'step2ckStatus' | 'step3Status' | 'usce'>>;

/**
 * The applicant's strengths in one or two sentences, only from what the profile records: a
 * passed Step 2 CK with its score, Step 3 only if passed, and the US clinical experience by
 * its real kind (an observership is never called a sub-internship, nor the reverse). Empty
 * when the profile records none, so the template shows {{strengths}} as a gap to fill.
 */
export function strengthsSentence(p: ProfileFields | null): string {
  if (!p) return '';
  const exams: string[] = [];
  if (p.step2ckStatus === 'passed' && p.step2ckScore != null) exams.push(`passed Step 2 CK with ${p.step2ckScore}`);
  if (p.step3Status === 'passed') exams.push('passed Step 3');
  const usce = (p.usce ?? []).slice(0, 2).map((e) => `a ${e.weeks}-week ${LABELS.usceType[e.type].toLowerCase()} in ${e.specialty || 'surgery'} at ${e.hospital}`);
  const parts: string[] = [];
  if (exams.length > 0) parts.push(`I ${exams.join(' and ')}.`);
  if (usce.length > 0) parts.push(`In the US I completed ${usce.join(' and ')}.`);
  return parts.join(' ');
}
type ProgramFields = Pick<Program, 'track'> & { institution: Pick<Program['institution'], 'name' | 'city' | 'state' | 'pdName' | 'coordinatorName'> };

/** The value of every placeholder for one program ('' where the data is not entered yet). */
export function placeholderValues(profile: ProfileFields | null, program: ProgramFields | null, today: string): PlaceholderValues {
  const inst = program?.institution;
  return {
    applicantName: profile?.fullName ?? '',
    applicantEmail: profile?.email ?? '',
    medicalSchool: profile?.medicalSchool ?? '',
    country: profile?.country ?? '',
    aamcId: profile?.aamcId ?? '',
    visaNeed: profile ? VISA_WORDS[profile.visaNeed] : '',
    step2ckScore: profile?.step2ckScore != null ? String(profile.step2ckScore) : '',
    strengths: strengthsSentence(profile),
    programName: inst?.name ?? '',
    trackName: program ? PROGRAM_LABELS.trackProse[program.track] : '',
    city: inst?.city ?? '',
    state: inst?.state ?? '',
    pdName: inst?.pdName ?? '',
    pdLastName: lastName(inst?.pdName ?? ''),
    coordinatorName: inst?.coordinatorName ?? '',
    today: longDate(today),
  };
}

export interface FilledText {
  text: string;
  /** Placeholders used whose value is empty: left as {{name}} so they show. */
  missing: Placeholder[];
  /** {{names}} that are not placeholders (typos): left as they are. */
  unknown: string[];
  /** Parts in [square brackets] still for the user to write. */
  toWrite: number;
}

function isPlaceholder(name: string): name is Placeholder {
  return Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name);
}

/** Replaces {{placeholder}} (spaces inside the braces allowed) with its value. */
export function fillTemplate(text: string, values: PlaceholderValues): FilledText {
  const missing = new Set<Placeholder>();
  const unknown = new Set<string>();
  const out = text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    if (!isPlaceholder(name)) {
      unknown.add(name);
      return whole;
    }
    const value = values[name].trim();
    if (value === '') {
      missing.add(name);
      return `{{${name}}}`;
    }
    return value;
  });
  const toWrite = (out.match(/\[[^\]\n]+\]/g) ?? []).length;
  return { text: out, missing: [...missing], unknown: [...unknown], toWrite };
}

/** A mailto: link with subject and body (RFC 6068: percent-encoded, CRLF line breaks). */
export function mailtoUrl(to: string, subject: string, body: string): string {
  const params: string[] = [];
  if (subject) params.push(`subject=${encodeURIComponent(subject)}`);
  if (body) params.push(`body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`);
  return `mailto:${to.split(',').map((a) => encodeURIComponent(a.trim())).filter(Boolean).join(',')}${params.length ? `?${params.join('&')}` : ''}`;
}

/**
 * A warning when sending this template to this program on `date` would make more than
 * MASS_MAILING_PER_DAY programs receive it that day (seed: do not spam), else null.
 */
export function massMailingWarning(log: readonly Pick<Communication, 'programId' | 'templateId' | 'date' | 'direction'>[], templateId: number, date: string, programId: number): string | null {
  const programs = new Set(log.filter((c) => c.templateId === templateId && c.date === date && c.direction === 'sent').map((c) => c.programId));
  if (programs.has(programId)) return null;
  if (programs.size < MASS_MAILING_PER_DAY) return null;
  return `This template already went to ${programs.size} programs today. Common advice for IMG applicants: do not spam programs; write to those where you have a specific reason, and make each message specific.`;
}
