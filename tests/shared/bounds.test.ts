import { describe, expect, it } from 'vitest';
import { isoDateSchema, MAX_DATE_YEAR, MIN_DATE_YEAR, trimText } from '../../shared/domain/bounds';
import { writerInputSchema, letterStageSchema } from '../../shared/domain/letters';
import { institutionWithTracksSchema } from '../../shared/domain/program';
import { interviewSaveSchema } from '../../shared/domain/interview';
import { institution, track } from '../fixtures';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.error?.issues ?? []).map((i) => i.message);

describe('one date schema with the years the app works with', () => {
  it('takes real days from 1960 to 2100 and refuses 9999-12-31, year 0 and impossible days', () => {
    expect(isoDateSchema.safeParse(`${MIN_DATE_YEAR}-01-01`).success).toBe(true);
    expect(isoDateSchema.safeParse(`${MAX_DATE_YEAR}-12-31`).success).toBe(true);
    expect(messages(isoDateSchema.safeParse('9999-12-31'))).toEqual(['Use a date from 1960 to 2100.']);
    expect(messages(isoDateSchema.safeParse('2101-01-01'))).toEqual(['Use a date from 1960 to 2100.']);
    expect(isoDateSchema.safeParse('0000-01-01').success).toBe(false);
    expect(messages(isoDateSchema.safeParse('2026-02-30'))).toContain('This is not a real calendar date.');
  });

  it('is what the letter stage and interview schemas use', () => {
    expect(messages(letterStageSchema.safeParse({ id: 1, stage: 'asked', date: '9999-12-31' }))).toEqual(['Use a date from 1960 to 2100.']);
    const interview = interviewSaveSchema.safeParse({ applicationId: 1, date: '2026-11-01', localStart: '9999-12-31T09:00', timeZone: 'America/Chicago' });
    expect(interview.success).toBe(false);
  });
});

describe('texts are trimmed of control characters too', () => {
  it('trims NUL, other controls and whitespace at both ends only', () => {
    expect(trimText('\u0000 Dr. Smith \u0007\u007f')).toBe('Dr. Smith');
    expect(trimText('a\u0000b')).toBe('a\u0000b');
    expect(trimText('\u0000\u0000')).toBe('');
  });

  it('refuses a NUL-only name with the field’s own message', () => {
    expect(messages(writerInputSchema.safeParse({ name: '\u0000', location: 'us', isSurgeon: true }))).toEqual(['Enter the writer’s name (e.g. Dr. Jane Smith).']);
    const inst = institutionWithTracksSchema.safeParse({ institution: institution({ name: '\u0000\u0000' }), tracks: [track('preliminary')] });
    expect(inst.success).toBe(false);
    expect(messages(inst).join(' ')).toMatch(/institution name/i);
  });
});
