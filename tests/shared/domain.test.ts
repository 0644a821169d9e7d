import { describe, expect, it } from 'vitest';
import { nrmpCodeProblem, nrmpCodesIn, parseNrmpCode } from '../../shared/domain/nrmp';
import { censusRegionOf, findUsState, US_STATES } from '../../shared/domain/us-states';
import { EMPTY_PROFILE, profileSchema, usceWeeks } from '../../shared/domain/profile';
import { institutionWithTracksSchema } from '../../shared/domain/program';
import { institution, seedExampleProfile, track } from '../fixtures';

describe('NRMP program codes (docs/DOMAIN.md §2.2: 9 to 11 characters: 4-digit institution, 3-digit specialty, track letter C/P/A/R, a track number of 1 to 3 characters)', () => {
  it.each([
    ['1234440P0', { institution: '1234', specialty: '440', track: 'P', digit: '0' }],
    [' 1234440c0 ', { institution: '1234', specialty: '440', track: 'C', digit: '0' }],
    ['9876440A1', { institution: '9876', specialty: '440', track: 'A', digit: '1' }],
    ['1234440C01', { institution: '1234', specialty: '440', track: 'C', digit: '01' }],
    ['2264440P001', { institution: '2264', specialty: '440', track: 'P', digit: '001' }],
  ])('parses %s', (code, expected) => expect(parseNrmpCode(code)).toEqual(expected));

  it.each(['123440P0', '1234440X0', '1234440P', 'ABCD440P0', '1234440P0001', '4219440', ''])('rejects %j', (code) => {
    expect(parseNrmpCode(code)).toBeNull();
    expect(nrmpCodeProblem(code)).toMatch(/not an NRMP program code.*9 to 11 characters.*e\.g\. 1234440P0/);
  });

  it('finds every code in a cell, e.g. both tracks of a directory row', () => {
    expect(nrmpCodesIn('2101440C0, 2101440P0')).toEqual(['2101440C0', '2101440P0']);
    expect(nrmpCodesIn(' 2412440p0 ')).toEqual(['2412440P0']);
    expect(nrmpCodesIn('4219440')).toEqual([]);
  });

  it('checks the track letter against the track', () => {
    expect(nrmpCodeProblem('1234440P0', 'preliminary')).toBeNull();
    expect(nrmpCodeProblem('1234440C0', 'categorical')).toBeNull();
    expect(nrmpCodeProblem('1234440C0', 'preliminary')).toMatch(/preliminary track's code has the letter P/);
    expect(nrmpCodeProblem('1234440P0', 'categorical')).toMatch(/categorical track's code has the letter C/);
  });
});

describe('US states and census regions', () => {
  it('knows all 50 states and DC with their census regions', () => {
    expect(US_STATES.filter((s) => s.region !== 'Territory')).toHaveLength(51);
    expect(censusRegionOf('OH')).toBe('Midwest');
    expect(censusRegionOf('tx')).toBe('South');
    expect(censusRegionOf('NY')).toBe('Northeast');
    expect(censusRegionOf('CA')).toBe('West');
    expect(censusRegionOf('ZZ')).toBeUndefined();
  });
  it('finds a state by code or full name', () => {
    expect(findUsState('new york')?.code).toBe('NY');
    expect(findUsState(' wv ')?.name).toBe('West Virginia');
    expect(findUsState('Narnia')).toBeUndefined();
  });
});

describe('profile validation', () => {
  const issues = (p: unknown) => {
    const r = profileSchema.safeParse(p);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };
  it('accepts the empty profile and the seed example', () => {
    expect(issues(EMPTY_PROFILE)).toEqual({});
    expect(issues(seedExampleProfile())).toEqual({});
  });
  it.each([
    ['a Step 2 CK of 400', { step2ckScore: 400 }, 'step2ckScore', /between 1 and 300/],
    ['a future graduation year', { graduationYear: new Date().getFullYear() + 1 }, 'graduationYear', /future/],
    ['a numeric Step 1 without score', { step1Result: 'numeric', step1Score: null }, 'step1Score', /Enter the Step 1 score/],
    ['a pass/fail Step 1 with a score', { step1Result: 'pass_fail', step1Score: 230 }, 'step1Score', /Only a numeric Step 1/],
    ['a passed Step 3 without score', { step3Status: 'passed', step3Score: null }, 'step3Score', /Enter your Step 3 score/],
    ['a scheduled Step 2 CK without date', { step2ckStatus: 'scheduled', step2ckScore: null, step2ckAttempts: 0, step2ckDate: null }, 'step2ckDate', /scheduled for/],
    ['an impossible date', { step2ckDate: '2026-02-30' }, 'step2ckDate', /not a real calendar date/],
    ['7 attempts', { step1Attempts: 7 }, 'step1Attempts', /at most 6 attempts/],
    ['an AAMC ID with letters', { aamcId: 'AB123456' }, 'aamcId', /8 digits/],
  ])('refuses %s on the right field', (_name, patch, field, message) => {
    expect(issues({ ...seedExampleProfile(), ...patch })[field]).toMatch(message);
  });
  it('adds up USCE weeks by kind', () => {
    const p = seedExampleProfile({
      usce: [
        { id: '1', type: 'sub_internship', specialty: 'Surgery', surgical: true, weeks: 8, hospital: 'A', state: 'OH', handsOn: true },
        { id: '2', type: 'observership', specialty: 'Surgery', surgical: true, weeks: 4, hospital: 'B', state: 'OH', handsOn: false },
        { id: '3', type: 'elective', specialty: 'IM', surgical: false, weeks: 4, hospital: 'C', state: 'OH', handsOn: true },
      ],
    });
    expect(usceWeeks(p)).toBe(16);
    expect(usceWeeks(p, { surgical: true })).toBe(12);
    expect(usceWeeks(p, { surgical: true, handsOn: true })).toBe(8);
  });
});

describe('institution with tracks validation', () => {
  it('accepts one institution with both tracks', () => {
    expect(institutionWithTracksSchema.safeParse({ institution: institution(), tracks: [track('preliminary'), track('categorical')] }).success).toBe(true);
  });
  it('refuses the same NRMP code on both tracks and duplicate Match years', () => {
    const r = institutionWithTracksSchema.safeParse({
      institution: institution(),
      tracks: [track('preliminary', { unfilledHistory: [{ year: 2025, unfilled: 1 }, { year: 2025, unfilled: 2 }] }), track('categorical', { nrmpCode: '1234440P0' })],
    });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(['Each Match year can appear only once.']));
    expect(messages.some((m) => /letter C/.test(m))).toBe(true);
  });
});
