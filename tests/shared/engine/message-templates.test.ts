// docs/DOMAIN.md §4.9 "Communication": "A short, targeted email to PD/coordinator ... (template in
// the seed: name, school, visa needs, 1–2 strengths, why this program). No mass mailing."
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, PLACEHOLDERS, fillTemplate, lastName, mailtoUrl, massMailingWarning, placeholderValues } from '../../../shared/engine/message-templates';
import { MASS_MAILING_PER_DAY, templateInputSchema } from '../../../shared/domain/communications';
import { isAllowedExternalUrl } from '../../../electron/external-links';
import { seedExampleProfile } from '../../fixtures';
import type { Profile } from '../../../shared/domain/profile';

const profile = { ...(seedExampleProfile() as Profile), fullName: 'Amal Haddad', country: 'Jordan', medicalSchool: 'University of Jordan', aamcId: '12345678', visaNeed: 'j1' as const, step2ckScore: 238 };
const program = { track: 'preliminary' as const, institution: { name: 'Mercy Hospital', city: 'Toledo', state: 'OH', pdName: 'Dr. Maria Lopez, MD', coordinatorName: 'Sam Reed' } };

describe('placeholderValues', () => {
  it('fills every placeholder from the profile and the program', () => {
    const v = placeholderValues(profile, program, '2026-09-10');
    expect(v).toMatchObject({
      applicantName: 'Amal Haddad',
      country: 'Jordan',
      visaNeed: 'J-1 visa sponsorship (ECFMG)',
      step2ckScore: '238',
      programName: 'Mercy Hospital',
      trackName: 'preliminary surgery',
      pdName: 'Dr. Maria Lopez, MD',
      pdLastName: 'Lopez',
      today: 'September 10, 2026',
    });
    expect(Object.keys(v).sort()).toEqual(Object.keys(PLACEHOLDERS).sort());
  });

  it.each([
    ['Dr. Maria Lopez', 'Lopez'],
    ['Prof John van Dyke, MD, FACS', 'Dyke'],
    ['Smith', 'Smith'],
    ['', ''],
  ])('last name of "%s" is "%s"', (name, last) => expect(lastName(name)).toBe(last));
});

describe('fillTemplate', () => {
  const values = placeholderValues(profile, program, '2026-09-10');

  it('replaces placeholders, with or without spaces in the braces', () => {
    expect(fillTemplate('Dear Dr. {{pdLastName}}, I am {{ applicantName }}.', values)).toEqual({ text: 'Dear Dr. Lopez, I am Amal Haddad.', missing: [], unknown: [], toWrite: 0 });
  });

  it('leaves empty and unknown placeholders visible and reports them', () => {
    const r = fillTemplate('{{aamcId}} {{coordinatorName}} {{pdname}}', { ...values, coordinatorName: ' ' });
    expect(r.text).toBe('12345678 {{coordinatorName}} {{pdname}}');
    expect(r.missing).toEqual(['coordinatorName']);
    expect(r.unknown).toEqual(['pdname']);
  });

  it('counts the [bracketed] parts still to write', () => {
    expect(fillTemplate('I like [reason] and [detail].', values).toWrite).toBe(2);
  });

  it('fills each built-in template completely for a full profile and program (only the [parts] remain)', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const r = fillTemplate(`${t.subject}\n${t.body}`, { ...values, applicantEmail: 'amal@example.com' });
      expect(r.missing, t.key).toEqual([]);
      expect(r.unknown, t.key).toEqual([]);
      expect(r.text).not.toMatch(/\{\{/);
    }
  });

  it('the interest email carries the seed example: name, country, visa, strengths, why this program', () => {
    const interest = BUILT_IN_TEMPLATES.find((t) => t.purpose === 'interest')!;
    const text = fillTemplate(interest.body, values).text;
    expect(text).toContain('Dear Dr. Lopez,');
    expect(text).toContain('My name is Amal Haddad, a non-US citizen IMG from Jordan');
    expect(text).toContain('J-1 visa sponsorship');
    expect(text).toContain('I would be very grateful for consideration of my application.');
    expect(text).toContain('Amal Haddad, AAMC ID 12345678');
  });
});

describe('templateInputSchema', () => {
  it('refuses a template with a placeholder that does not exist, naming it and the field', () => {
    const r = templateInputSchema.safeParse({ name: 'T', purpose: 'other', subject: 'Hi {{programname}}', body: 'Dear Dr. {{pdLastName}}, {{ applicantName }}' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['subject', expect.stringMatching(/^Unknown placeholder \{\{programname\}\}: use one of the listed placeholders/)]]);
  });

  it('accepts every built-in template', () => {
    for (const t of BUILT_IN_TEMPLATES) expect(templateInputSchema.safeParse({ name: t.name, purpose: t.purpose, subject: t.subject, body: t.body }).success, t.key).toBe(true);
  });
});

describe('mailtoUrl', () => {
  it('encodes subject and body with CRLF line breaks, and the app allows it to open', () => {
    const url = mailtoUrl('pd@mercy.org', 'Interest – prelim & more', 'Line 1\nLine 2');
    expect(url).toBe('mailto:pd%40mercy.org?subject=Interest%20%E2%80%93%20prelim%20%26%20more&body=Line%201%0D%0ALine%202');
    expect(isAllowedExternalUrl(url)).toBe(true);
    expect(decodeURIComponent(new URL(url).searchParams.get('body') ?? '')).toBe('Line 1\r\nLine 2');
  });

  it('works without an address (the user fills it in the mail app)', () => {
    const url = mailtoUrl('', 'Hi', '');
    expect(url).toBe('mailto:?subject=Hi');
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
});

describe('massMailingWarning — "Do not spam programs"', () => {
  const sent = (programId: number, date = '2026-09-10', templateId = 1) => ({ programId, templateId, date, direction: 'sent' as const });

  it(`is quiet up to ${MASS_MAILING_PER_DAY} programs a day and warns before the next one`, () => {
    const log = Array.from({ length: MASS_MAILING_PER_DAY - 1 }, (_, i) => sent(i + 1));
    expect(massMailingWarning(log, 1, '2026-09-10', 99)).toBeNull();
    const full = [...log, sent(MASS_MAILING_PER_DAY)];
    expect(massMailingWarning(full, 1, '2026-09-10', 99)).toMatch(/already went to 5 programs today.*do not spam/);
  });

  it('counts only this template, this day, sent messages, and not a program that already got it', () => {
    const log = [1, 2, 3, 4, 5].map((p) => sent(p));
    expect(massMailingWarning(log, 2, '2026-09-10', 99)).toBeNull();
    expect(massMailingWarning(log, 1, '2026-09-11', 99)).toBeNull();
    expect(massMailingWarning(log, 1, '2026-09-10', 3)).toBeNull();
    expect(massMailingWarning(log.map((c) => ({ ...c, direction: 'received' as const })), 1, '2026-09-10', 99)).toBeNull();
  });
});
