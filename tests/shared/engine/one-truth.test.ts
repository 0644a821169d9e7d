// Issue 13 "One season, one truth": each derived fact is computed once in the engine.
// Every test here failed before its fix (they quote the bug as the issue reported it).
import { describe, expect, it } from 'vitest';
import { resolveSeasonEvents } from '../../../shared/domain/season-calendar';
import type { Letter, LetterWriter } from '../../../shared/domain/letters';
import { isConfirmedStrong } from '../../../shared/domain/letters';
import type { ApplicationStatus } from '../../../shared/domain/application';
import { ecfmgFacts } from '../../../shared/engine/applicant';
import { readinessChecklist, readinessLetters, type ReadinessInput } from '../../../shared/engine/readiness';
import { applicationLetterSummary, assignmentProblem, strongWriters } from '../../../shared/engine/letters';
import { soapReadinessItems } from '../../../shared/engine/soap-readiness';
import { seedExampleProfile } from '../../fixtures';

const CAL = resolveSeasonEvents([]);
const stamp = '2026-08-01T00:00:00Z';
const writer = (id: number, location: 'us' | 'home' = 'us', isSurgeon = true): LetterWriter => ({ id, name: `Dr W${id}`, title: '', specialty: '', institution: '', location, isSurgeon, relationship: '', email: '', notes: '', createdAt: stamp, updatedAt: stamp });
const base = { label: '', askedOn: '2026-07-01', agreedOn: '2026-07-02', strongConfirmedOn: '2026-07-03', uploadedOn: '2026-07-10', declinedOn: null, portalLetterId: '', requestedFor: 'general' as const, notes: '', carriedFrom: null, createdAt: stamp, updatedAt: stamp };
const letter = (id: number, writerId: number, over: Partial<Letter> = {}): Letter => ({ ...base, id, writerId, stage: 'uploaded', ...over });

function input(over: Partial<ReadinessInput> = {}): ReadinessInput {
  return { profile: seedExampleProfile(), profileSaved: true, programs: [], applications: [], letters: [], documents: [], ticks: {}, calendar: CAL, today: '2026-08-01', ...over };
}
const item = (over: Partial<ReadinessInput>, id: string) => readinessChecklist(input(over)).find((i) => i.id === id)!;

describe('ECFMG and its parts (docs/DOMAIN.md §2 "ECFMG certification")', () => {
  it('a certified applicant has passed OET: "OET Medicine passed" is done, never blocking, whatever the OET field says', () => {
    const profile = seedExampleProfile({ ecfmgStatus: 'certified', oetStatus: 'not_taken' });
    const oet = item({ profile }, 'eras.oet');
    expect(oet.state).toBe('done');
    expect(oet.affectedProgramIds).toEqual([]);
    expect(item({ profile }, 'eras.ecfmg').why).toBe('You are ECFMG certified.');
  });

  it('one function answers for readiness and SOAP alike', () => {
    const profile = seedExampleProfile({ ecfmgStatus: 'certified', oetStatus: 'not_taken', step2ckStatus: 'scheduled', step2ckScore: null });
    const facts = ecfmgFacts(profile);
    expect(facts).toMatchObject({ certified: true, oetPassed: true, step1Passed: true, step2ckPassed: true, examsPassed: true });
    expect(ecfmgFacts(seedExampleProfile({ ecfmgStatus: 'in_progress', oetStatus: 'scheduled' }))).toMatchObject({ certified: false, oetPassed: false, examsPassed: false });
    const soap = soapReadinessItems({ profile, now: '2026-08-01T12:00:00Z', rolDeadline: '2027-03-04T02:00:00Z', prelimStatementReady: false, prelimStatementVersions: 0, letters: { strongUploaded: 0, usSurgeonStrongUploaded: 0 }, result: { matchStatus: 'not_known', mainMatch: null, soapAccepted: null } }).find((i) => i.id === 'soap.ecfmg-exams');
    expect(soap?.state).toBe('done');
  });
});

describe('strong letters: per writer, and only through "strong confirmed" (docs/DOMAIN.md §4 ERAS readiness)', () => {
  it('a letter moved from "To ask" straight to "Uploaded" is not confirmed strong', () => {
    const skipped = letter(1, 1, { stage: 'uploaded', askedOn: null, agreedOn: null, strongConfirmedOn: null, uploadedOn: '2026-07-10' });
    expect(isConfirmedStrong(skipped)).toBe(false);
    expect(isConfirmedStrong(letter(2, 1))).toBe(true);
    const [l] = readinessLetters([skipped], [writer(1)], [], []);
    expect(l?.confirmedStrong).toBe(false);
  });

  it('two letters from one writer count once ("Whitfield, Nair, Whitfield, Nair" is two US surgeons)', () => {
    const letters = readinessLetters([letter(1, 1), letter(2, 1, { label: 'prelim' })], [writer(1)], [], []);
    const us = item({ letters }, 'eras.letters-us-surgeons');
    expect(us.state).toBe('needs_action');
    expect(us.why).toContain('1 US surgeon');
    expect(item({ letters }, 'eras.letters-total').why).toContain('1 writer');
    expect(strongWriters(letters)).toHaveLength(1);
  });

  it('per application, two letters of one US surgeon are one US surgeon', () => {
    const w = { id: 1, location: 'us', isSurgeon: true } as const;
    const s = applicationLetterSummary('submitted', [
      { letter: letter(1, 1), writer: w },
      { letter: letter(2, 1), writer: w },
      { letter: letter(3, 2), writer: { id: 2, location: 'home', isSurgeon: true } },
    ]);
    expect(s.usSurgeonStrongCount).toBe(1);
    expect(s.confirmedStrongCount).toBe(2);
    expect(s.warnings.join(' ')).toMatch(/from 1 US surgeon/);
  });
});

describe('ERAS letter rules after applying (docs/DOMAIN.md §2 LOR)', () => {
  const req = { programName: 'Mercy (Preliminary)', assignedLetterIds: [1, 2], letter: { id: 9, stage: 'uploaded' as const, strongConfirmedOn: '2026-07-03' }, unlockSubmitted: false };
  it('a letter can be added to an applied program up to 4', () => {
    expect(assignmentProblem({ ...req, applicationStatus: 'submitted', assign: true })).toBeNull();
    expect(assignmentProblem({ ...req, applicationStatus: 'interviewed', assign: true, assignedLetterIds: [1, 2, 3, 4] })).toMatch(/at most 4/);
  });
  it('only removing an assigned letter of an applied program is locked; "correct the record" unlocks', () => {
    const remove = { ...req, applicationStatus: 'submitted' as const, assign: false, assignedLetterIds: [1, 2, 9] };
    expect(assignmentProblem(remove)).toMatch(/cannot be removed/);
    expect(assignmentProblem({ ...remove, unlockSubmitted: true })).toBeNull();
  });
});

describe('stage reached vs current status (the dashboard and the Applications list agree)', () => {
  const app = (id: number, status: ApplicationStatus) => ({ id, programId: id, status, statusDate: '2026-11-01', submittedOn: '2026-09-02', notes: '', createdAt: '', updatedAt: '' });
  it('a ranked application was interviewed: "Interviewed" counts it (not "0 Interviewed")', async () => {
    const { dashboardSummary, reachedStages, reachedAtLeast } = await import('../../../shared/engine/dashboard');
    const apps = [app(1, 'ranked'), app(2, 'interviewed'), app(3, 'submitted')];
    const empty = { today: '2026-11-29', timeZone: 'UTC', windowDays: 30, overdue: [], upcoming: [], all: [] };
    const s = dashboardSummary({ profileSaved: true, programs: [], tiers: [], applications: apps, letters: [], readiness: [], agenda: empty, feesCombineTracks: false });
    expect(s.interviews.interviewed).toBe(2);
    const reached = reachedStages(apps);
    expect([...reached.values()].filter((r) => reachedAtLeast(r, 'interviewed'))).toHaveLength(s.interviews.interviewed);
    expect(s.applicationsReached.find((r) => r.key === 'considering')?.count).toBe(3);
  });
  it('a rejected application keeps the stages it reached; a move back is a correction and un-reaches the stage', async () => {
    const { reachedStages } = await import('../../../shared/engine/dashboard');
    const apps = [app(1, 'rejected'), app(2, 'ranked'), app(3, 'under_review')];
    const step = (applicationId: number, fromStatus: ApplicationStatus | null, status: ApplicationStatus) => ({ applicationId, fromStatus, status });
    const history = [
      step(1, null, 'submitted'), step(1, 'submitted', 'interviewed'), step(1, 'interviewed', 'rejected'),
      step(2, null, 'submitted'), step(2, 'submitted', 'ranked'), step(2, 'ranked', 'matched'), step(2, 'matched', 'ranked'),
      step(3, null, 'submitted'), step(3, 'submitted', 'rejected'), step(3, 'rejected', 'under_review'),
    ];
    const reached = reachedStages(apps, history);
    expect([reached.get(1), reached.get(2), reached.get(3)]).toEqual(['interviewed', 'ranked', 'under_review']);
  });
  it('the overdue items are listed with the count; programs on the list without applications are counted', async () => {
    const { dashboardSummary } = await import('../../../shared/engine/dashboard');
    const { buildAgenda, programDeadlineItems } = await import('../../../shared/engine/agenda');
    const agenda = buildAgenda(programDeadlineItems([{ id: 1, programId: 4, title: 'Form', dueDate: '2026-11-01', done: false, notes: '', createdAt: '', updatedAt: '' }], new Map()), new Date('2026-11-29T12:00:00Z'), 'UTC');
    const { makeProgram } = await import('./fixtures');
    const programs = [{ ...makeProgram(), onList: true }, { ...makeProgram(), onList: true }];
    const s = dashboardSummary({ profileSaved: true, programs, tiers: [], applications: [], letters: [], readiness: [], agenda, feesCombineTracks: false });
    expect(s.overdue.map((e) => e.key)).toEqual(['deadline:1']);
    expect(s.overdueCount).toBe(s.overdue.length);
    expect(s.listWithoutApplication).toBe(2);
  });
  it('a follow-up opens the Messages tab, not the letters', async () => {
    const { letterItems, communicationFollowUps } = await import('../../../shared/engine/agenda');
    const [item] = letterItems(communicationFollowUps([{ id: 1, programId: 4, channel: 'email', direction: 'sent', date: '2026-11-01', subject: 'Interest', contact: '', createdAt: '' }], new Map([[4, 'Mercy']])));
    expect(item).toMatchObject({ section: 'letters', query: { tab: 'messages' } });
  });
});

describe('templates only say what is true', () => {
  it('no Step 3 and no observership claimed for an applicant with neither; a profile with nothing to say leaves a visible gap', async () => {
    const { BUILT_IN_TEMPLATES, fillTemplate, placeholderValues } = await import('../../../shared/engine/message-templates');
    const interest = BUILT_IN_TEMPLATES.find((t) => t.key === 'interest-pd')!;
    const profile = seedExampleProfile({ step3Status: 'not_taken', step3Score: null });
    const filled = fillTemplate(interest.body, placeholderValues(profile, null, '2026-11-29'));
    expect(filled.text).not.toMatch(/Step 3/);
    expect(filled.text).not.toMatch(/observership/i);
    expect(filled.text).toContain('passed Step 2 CK with 230');
    expect(filled.text).toContain('8-week sub-internship in General Surgery at Mercy Example Hospital');
    const bare = fillTemplate(interest.body, placeholderValues(seedExampleProfile({ step2ckStatus: 'scheduled', step2ckScore: null, usce: [] }), null, '2026-11-29'));
    expect(bare.text).toContain('{{strengths}}');
    expect(bare.missing).toContain('strengths');
  });
});
