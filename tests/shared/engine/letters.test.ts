// docs/DOMAIN.md §2 "LOR": "at most 4 per program; assignments to a program lock once applied";
// §4 "at least 2 from US surgeons ... 1 more"; seed: "If they hesitate, it is better not to
// use that letter."
import { describe, expect, it } from 'vitest';
import { applicationLetterSummary, assignmentProblem, letterReminders, type AssignmentRequest } from '../../../shared/engine/letters';
import type { Letter, LetterStage } from '../../../shared/domain/letters';

const request = (over: Partial<AssignmentRequest> = {}): AssignmentRequest => ({
  programName: 'Mercy (Preliminary)',
  applicationStatus: 'considering',
  assignedLetterIds: [],
  letter: { id: 9, stage: 'uploaded' },
  assign: true,
  unlockSubmitted: false,
  ...over,
});

describe('assignmentProblem — "at most 4 per program"', () => {
  it.each([
    [0, null],
    [3, null],
  ])('with %i letters assigned, a new one is allowed', (n, expected) => {
    expect(assignmentProblem(request({ assignedLetterIds: Array.from({ length: n }, (_, i) => i + 1) }))).toBe(expected);
  });

  it('refuses a fifth letter with the reason and what to do', () => {
    expect(assignmentProblem(request({ assignedLetterIds: [1, 2, 3, 4] }))).toMatch(/Mercy \(Preliminary\) already has 4 letters: ERAS allows at most 4 per program. Unassign one first./);
  });

  it('allows unassigning from a full program, and re-assigning an assigned letter is a no-op', () => {
    expect(assignmentProblem(request({ assignedLetterIds: [1, 2, 3, 9], assign: false }))).toBeNull();
    expect(assignmentProblem(request({ assignedLetterIds: [1, 2, 3, 9] }))).toBeNull();
  });
});

describe('assignmentProblem — "may still add letters ... can no longer be removed"', () => {
  it.each(['submitted', 'under_review', 'interviewed', 'ranked'] as const)('once the application is %s, adding stays open and removing is locked', (status) => {
    expect(assignmentProblem(request({ applicationStatus: status }))).toBeNull();
    expect(assignmentProblem(request({ applicationStatus: status, assignedLetterIds: [9], assign: false }))).toMatch(/cannot be removed/);
  });

  it.each(['considering', 'materials_ready', 'withdrawn', 'rejected'] as const)('does not lock a %s application', (status) => {
    expect(assignmentProblem(request({ applicationStatus: status }))).toBeNull();
  });

  it('allows a correction when the user explicitly unlocked the row, but still not a fifth letter', () => {
    expect(assignmentProblem(request({ applicationStatus: 'submitted', unlockSubmitted: true }))).toBeNull();
    expect(assignmentProblem(request({ applicationStatus: 'submitted', unlockSubmitted: true, assignedLetterIds: [1, 2, 3, 4] }))).toMatch(/at most 4/);
  });
});

describe('assignmentProblem — "if they hesitate, it is better not to use that letter"', () => {
  it('refuses a declined letter', () => {
    expect(assignmentProblem(request({ letter: { id: 9, stage: 'declined' } }))).toMatch(/better not to use a letter whose writer hesitated/);
  });
});

// Each use is a different writer (strong letters count per writer).
let writerSeq = 0;
const w = (location: 'us' | 'home', isSurgeon: boolean) => ({ id: ++writerSeq, location, isSurgeon });
const us = () => w('us', true);
const up = (stage: LetterStage = 'uploaded') => ({ stage, strongConfirmedOn: stage === 'uploaded' || stage === 'strong_confirmed' ? '2026-07-01' : null });

describe('applicationLetterSummary — "at least 2 from US surgeons, 1 more"', () => {
  it('is quiet for a submitted application with 3 uploaded letters, 2 from US surgeons', () => {
    const s = applicationLetterSummary('submitted', [
      { letter: up(), writer: us() },
      { letter: up(), writer: us() },
      { letter: up(), writer: w('home', true) },
    ]);
    expect(s).toMatchObject({ count: 3, usSurgeonCount: 2, confirmedStrongCount: 3, locked: true, warnings: [] });
  });

  it('warns for a submitted application with fewer than 3 letters and fewer than 2 from US surgeons', () => {
    const s = applicationLetterSummary('under_review', [
      { letter: up(), writer: us() },
      { letter: up(), writer: w('us', false) },
    ]);
    expect(s.warnings).toEqual(['Submitted with 2 letters: aim for at least 3.', 'Letters from 1 US surgeon only: aim for at least 2.']);
  });

  it('does not warn about the minimums before submission, but says when an assigned letter is not uploaded', () => {
    const s = applicationLetterSummary('considering', [{ letter: up('agreed'), writer: w('home', true) }]);
    expect(s.locked).toBe(false);
    expect(s.warnings).toEqual(['1 assigned letter is not uploaded to the Letter Writer Portal yet.']);
    expect(s.confirmedStrongCount).toBe(0);
  });
});

describe('applicationLetterSummary — "only confirmed-strong letters count"', () => {
  it('warns for a submitted application whose letters are assigned but not confirmed strong', () => {
    const s = applicationLetterSummary('submitted', [
      { letter: up(), writer: us() },
      { letter: up('agreed'), writer: us() },
      { letter: up('asked'), writer: w('home', true) },
    ]);
    expect(s).toMatchObject({ count: 3, confirmedStrongCount: 1, usSurgeonCount: 2, usSurgeonStrongCount: 1 });
    expect(s.warnings.slice(0, 2)).toEqual([
      'Submitted with 3 letters, confirmed strong from only 1 writer: aim for at least 3 confirmed-strong letters from different writers.',
      'Confirmed-strong letters from 1 US surgeon only (2 assigned): aim for at least 2.',
    ]);
  });
});

describe('applicationLetterSummary — declined letters', () => {
  it('asks to unassign a declined letter that is still assigned, and does not count it as waiting for upload', () => {
    const s = applicationLetterSummary('considering', [{ letter: up('declined'), writer: us() }]);
    expect(s.warnings).toEqual(['1 assigned letter is marked declined: the writer hesitated, so unassign it.']);
    expect([s.declinedCount, s.notUploadedCount]).toEqual([1, 0]);
  });
});

describe('letterReminders — asked but not uploaded after N days', () => {
  const letter = (id: number, stage: LetterStage, askedOn: string | null): Pick<Letter, 'id' | 'writerId' | 'stage' | 'askedOn'> => ({ id, writerId: id, stage, askedOn });
  const writers = [1, 2, 3, 4, 5, 6].map((id) => ({ id, name: `Dr. ${id}` }));

  it('reminds exactly from the day asked + N, oldest first, and not for uploaded, declined or unasked letters', () => {
    const letters = [
      letter(1, 'asked', '2026-07-01'), // 14 days on 07-15: due
      letter(2, 'agreed', '2026-07-02'), // 13 days: not yet
      letter(3, 'uploaded', '2026-06-01'),
      letter(4, 'declined', '2026-06-01'),
      letter(5, 'to_ask', null),
      letter(6, 'strong_confirmed', '2026-06-20'),
    ];
    const r = letterReminders(letters, writers, '2026-07-15', 14);
    expect(r.map((x) => [x.letterId, x.daysWaiting, x.dueOn])).toEqual([
      [6, 25, '2026-07-04'],
      [1, 14, '2026-07-15'],
    ]);
    expect(r[1]!.message).toMatch(/Dr\. 1's letter was asked for 14 days ago and is not uploaded yet \(Asked\)/);
  });

  it('follows the setting', () => {
    const letters = [letter(1, 'asked', '2026-07-01')];
    expect(letterReminders(letters, writers, '2026-07-08', 7)).toHaveLength(1);
    expect(letterReminders(letters, writers, '2026-07-07', 7)).toHaveLength(0);
  });

  it('crosses month and year ends by calendar days', () => {
    expect(letterReminders([letter(1, 'asked', '2026-12-25')], writers, '2027-01-08', 14)[0]).toMatchObject({ dueOn: '2027-01-08', daysWaiting: 14 });
  });
});
