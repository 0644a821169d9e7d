// One test (or a small table) per checklist rule, quoting docs/DOMAIN.md §4.5 "ERAS readiness".
import { describe, expect, it } from 'vitest';
import { EMPTY_PROFILE } from '../../../shared/domain/profile';
import { resolveSeasonEvents } from '../../../shared/domain/season-calendar';
import type { Application } from '../../../shared/domain/application';
import { readinessChecklist, readinessProgress, MANUAL_ITEM_IDS, type ReadinessInput, type ReadinessLetter, readinessLetters } from '../../../shared/engine/readiness';
import type { ReadinessItem } from '../../../shared/engine/readiness-types';
import { seedExampleProfile } from '../../fixtures';
import { THRESHOLDS } from '../../../shared/engine/thresholds';
import { makeProgram as makeAnyProgram, type ProgramSpec } from './fixtures';
import type { DocumentVersion } from '../../../shared/domain/documents';
import type { Program } from '../../../shared/domain/program';

function makeProgram(spec: ProgramSpec & { onList?: boolean } = {}): Program {
  const { onList = false, ...rest } = spec;
  return { ...makeAnyProgram(rest), onList };
}

const CAL = resolveSeasonEvents([]);
const SUBMIT = '2026-09-02';

function input(over: Partial<ReadinessInput> = {}): ReadinessInput {
  return { profile: seedExampleProfile(), profileSaved: true, programs: [], applications: [], letters: [], documents: [], ticks: {}, calendar: CAL, today: '2026-08-01', ...over };
}

function find(items: ReadinessItem[], id: string): ReadinessItem {
  const i = items.find((x) => x.id === id);
  if (!i) throw new Error(`no item ${id}`);
  return i;
}

function run(id: string, over: Partial<ReadinessInput> = {}): ReadinessItem {
  return find(readinessChecklist(input(over)), id);
}

let letterId = 1;
function letter(over: Partial<ReadinessLetter> = {}): ReadinessLetter {
  const id = letterId++;
  return { id, writerId: id, writerName: `Dr ${letterId}`, writerKind: 'us_surgeon', confirmedStrong: true, declined: false, uploaded: true, assignedProgramIds: [], ...over };
}
function doc(kind: DocumentVersion['kind'], title = 'PS v3'): Pick<DocumentVersion, 'id' | 'kind' | 'title'> {
  return { id: 1, kind, title };
}
function application(programId: number, status: Application['status']): Application {
  return { id: programId, programId, status, statusDate: '2026-09-05', submittedOn: status === 'considering' ? null : '2026-09-05', notes: '', createdAt: '', updatedAt: '' };
}

describe('profile and exams', () => {
  it('an unsaved profile blocks; a saved one missing the AAMC ID needs action; a complete one is done', () => {
    expect(run('eras.profile', { profileSaved: false, profile: EMPTY_PROFILE }).state).toBe('blocking');
    const missing = run('eras.profile', { profile: seedExampleProfile({ aamcId: '', graduationYear: null }) });
    expect(missing.state).toBe('needs_action');
    expect(missing.why).toContain('your AAMC ID');
    expect(missing.why).toContain('graduation year');
    expect(run('eras.profile').state).toBe('done');
  });

  it('Step 1 not passed blocks every program on the list (ECFMG needs it); passed is done', () => {
    const onList = [makeProgram({ onList: true }), makeProgram({ onList: true }), makeProgram({ onList: false })];
    const r = run('eras.step1', { profile: seedExampleProfile({ step1Result: 'failed', step1Score: null, step1Attempts: 2 }), programs: onList });
    expect(r.state).toBe('blocking');
    expect(r.affectedProgramIds).toEqual([onList[0]!.id, onList[1]!.id]);
    expect(r.dueDate).toBe(SUBMIT);
    expect(run('eras.step1').state).toBe('done');
    expect(run('eras.step1').dueDate).toBeNull();
  });

  it('Step 2 CK: "taken and reported before submitting"; a scheduled date after submission opens says so; the trajectory is noted', () => {
    expect(run('eras.step2ck', { profile: seedExampleProfile({ step2ckStatus: 'not_taken', step2ckScore: null, step2ckAttempts: 0, step2ckDate: null }) }).state).toBe('blocking');
    const late = run('eras.step2ck', { profile: seedExampleProfile({ step2ckStatus: 'scheduled', step2ckScore: null, step2ckAttempts: 0, step2ckDate: '2026-09-20' }) });
    expect(late.state).toBe('needs_action');
    expect(late.why).toContain('after applications open on 2026-09-02');
    expect(late.next).toMatch(/better to delay slightly/);
    expect(late.dueDate).toBe('2026-09-20');
    const passed = run('eras.step2ck', { profile: seedExampleProfile({ step1Score: 210, step2ckScore: 232 }) });
    expect(passed.state).toBe('done');
    expect(passed.why).toContain('22 points above your Step 1: an upward trajectory');
  });

  it('ECFMG: "clear or in progress" is done, not started blocks', () => {
    expect(run('eras.ecfmg', { profile: seedExampleProfile({ ecfmgStatus: 'in_progress' }) }).state).toBe('done');
    expect(run('eras.ecfmg', { profile: seedExampleProfile({ ecfmgStatus: 'certified' }) }).state).toBe('done');
    expect(run('eras.ecfmg', { profile: seedExampleProfile({ ecfmgStatus: 'not_started' }) }).state).toBe('blocking');
  });

  it('OET passed is done; scheduled needs action; not taken or failed blocks', () => {
    expect(run('eras.oet').state).toBe('done');
    expect(run('eras.oet', { profile: seedExampleProfile({ oetStatus: 'scheduled' }) }).state).toBe('needs_action');
    expect(run('eras.oet', { profile: seedExampleProfile({ oetStatus: 'not_taken' }) }).state).toBe('blocking');
    expect(run('eras.oet', { profile: seedExampleProfile({ oetStatus: 'failed' }) }).why).toContain('not passed yet');
  });

  it('H-1B required and Step 3 not passed blocks and names the H-1B programs on the list, due by the ROL deadline', () => {
    const h1bOnly = makeProgram({ onList: true, institution: { name: 'Only H', visaSponsorship: 'h1b' } });
    const both = makeProgram({ onList: true, institution: { name: 'Both', visaSponsorship: 'both' } });
    const j1 = makeProgram({ onList: true, institution: { visaSponsorship: 'j1' } });
    const offList = makeProgram({ onList: false, institution: { visaSponsorship: 'h1b' } });
    const programs = [h1bOnly, both, j1, offList];
    const r = run('eras.step3-for-h1b', { profile: seedExampleProfile({ visaNeed: 'h1b_required' }), programs });
    expect(r.state).toBe('blocking');
    expect(r.affectedProgramIds).toEqual([h1bOnly.id, both.id]);
    expect(r.why).toContain('H-1B-only program on your list: Only H (Preliminary).');
    // Programs sponsoring both need Step 3 too for someone who requires the H-1B, and the item says why.
    expect(r.why).toContain('1 program on your list sponsors both visas (Both (Preliminary)): they could take you on a J-1, but you require an H-1B, so they need Step 3 too.');
    expect(r.dueDate).toBe('2027-03-03');
    expect(r.dueTime).toBe('21:00');
    // Prefers H-1B but accepts J-1: only the H-1B-only programs depend on Step 3.
    const either = run('eras.step3-for-h1b', { profile: seedExampleProfile({ visaNeed: 'either_prefers_h1b' }), programs });
    expect(either.state).toBe('blocking');
    expect(either.affectedProgramIds).toEqual([h1bOnly.id]);
    expect(either.why).toContain('sponsors both visas and can take you on a J-1: Both (Preliminary).');
    expect(run('eras.step3-for-h1b', { profile: seedExampleProfile({ visaNeed: 'either_prefers_h1b' }), programs: [both, j1] }).state).toBe('needs_action');
    expect(run('eras.step3-for-h1b', { profile: seedExampleProfile({ visaNeed: 'h1b_required', step3Status: 'passed', step3Score: 215 }), programs }).state).toBe('done');
    expect(run('eras.step3-for-h1b', { programs }).state).toBe('not_applicable');
  });

  it('names the programs on the list that do not sponsor the visa the applicant needs', () => {
    const h1bOnly = makeProgram({ onList: true, institution: { name: 'Only H', visaSponsorship: 'h1b' } });
    const both = makeProgram({ onList: true, institution: { name: 'Both', visaSponsorship: 'both' } });
    const j1 = makeProgram({ onList: true, institution: { name: 'Only J', visaSponsorship: 'j1' } });
    const none = makeProgram({ onList: true, institution: { name: 'No Visa', visaSponsorship: 'none' } });
    const unknown = makeProgram({ onList: true, institution: { name: 'Unknown', visaSponsorship: 'unknown' } });
    const programs = [h1bOnly, both, j1, none, unknown];
    const h1b = run('eras.visa-sponsorship', { profile: seedExampleProfile({ visaNeed: 'h1b_required' }), programs });
    expect(h1b.state).toBe('needs_action');
    expect(h1b.affectedProgramIds).toEqual([j1.id, none.id]);
    expect(h1b.why).toBe('You need an H-1B; 2 programs on your list do not sponsor it: Only J (Preliminary), No Visa (Preliminary).');
    const j1Need = run('eras.visa-sponsorship', { profile: seedExampleProfile({ visaNeed: 'j1' }), programs });
    expect(j1Need.affectedProgramIds).toEqual([h1bOnly.id, none.id]);
    expect(run('eras.visa-sponsorship', { profile: seedExampleProfile({ visaNeed: 'either_prefers_h1b' }), programs }).affectedProgramIds).toEqual([none.id]);
    expect(run('eras.visa-sponsorship', { profile: seedExampleProfile({ visaNeed: 'j1' }), programs: [both, j1, unknown] }).state).toBe('done');
    expect(run('eras.visa-sponsorship', { profile: seedExampleProfile({ visaNeed: 'none' }), programs }).state).toBe('not_applicable');
  });

  it('Step 3 is recommended for low scores (J-1), optional otherwise', () => {
    const low = run('eras.step3-recommended', { profile: seedExampleProfile({ step2ckScore: 225 }) });
    expect(low.state).toBe('needs_action');
    expect(low.why).toContain('below average');
    expect(run('eras.step3-recommended', { profile: seedExampleProfile({ step1Result: 'pass_fail', step1Score: null, step2ckScore: 250 }) }).state).toBe('not_applicable');
    expect(run('eras.step3-recommended', { profile: seedExampleProfile({ step3Status: 'passed', step3Score: 210 }) }).state).toBe('done');
    expect(run('eras.step3-recommended', { profile: seedExampleProfile({ visaNeed: 'h1b_required' }) }).state).toBe('not_applicable');
  });
});

describe('letters', () => {
  it('needs 2 confirmed-strong letters from US surgeons who saw the clinical work; unconfirmed ones do not count', () => {
    const r = run('eras.letters-us-surgeons', { letters: [letter(), letter({ confirmedStrong: false }), letter({ confirmedStrong: false, declined: true })] });
    expect(r.state).toBe('needs_action');
    expect(r.why).toContain('Confirmed-strong letters from 1 US surgeon');
    expect(r.why).toContain('1 more writer not confirmed as strong');
    expect(run('eras.letters-us-surgeons', { letters: [letter(), letter()] }).state).toBe('done');
  });

  it('needs a third strong letter (US faculty of any specialty or a senior surgeon at home)', () => {
    expect(run('eras.letters-total', { letters: [letter(), letter()] }).state).toBe('needs_action');
    expect(run('eras.letters-total', { letters: [letter(), letter(), letter({ writerKind: 'home_surgeon' })] }).state).toBe('done');
  });

  it('every writer asked "strong letter for preliminary surgery?"', () => {
    expect(run('eras.letters-confirmed').state).toBe('not_applicable');
    const r = run('eras.letters-confirmed', { letters: [letter(), letter({ writerName: 'Dr Unsure', confirmedStrong: false }), letter({ writerName: 'Dr No', confirmedStrong: false, declined: true })] });
    expect(r.state).toBe('needs_action');
    expect(r.why).toContain('Not confirmed as strong yet: Dr Unsure.');
    expect(r.why).toContain('Not used (declined or hesitated): Dr No.');
    expect(run('eras.letters-confirmed', { letters: [letter()] }).state).toBe('done');
  });

  it('all counted letters uploaded to the LoR Portal', () => {
    const r = run('eras.letters-uploaded', { letters: [letter({ writerName: 'Dr Late', uploaded: false }), letter()] });
    expect(r.state).toBe('needs_action');
    expect(r.why).toContain('Dr Late');
    expect(run('eras.letters-uploaded', { letters: [letter()] }).state).toBe('done');
    expect(run('eras.letters-uploaded').state).toBe('not_applicable');
  });

  it('letters assigned to every program, at most 4 per program (more blocks and names the program)', () => {
    const a = makeProgram({ onList: true, institution: { name: 'Crowded' } });
    const b = makeProgram({ onList: true, institution: { name: 'Bare' } });
    const five = Array.from({ length: 5 }, () => letter({ assignedProgramIds: [a.id] }));
    const over = run('eras.letters-assigned', { programs: [a, b], letters: five });
    expect(over.state).toBe('blocking');
    expect(over.affectedProgramIds).toEqual([a.id]);
    expect(over.why).toContain('Crowded (Preliminary)');
    const bare = run('eras.letters-assigned', { programs: [a, b], letters: five.slice(0, 4) });
    expect(bare.state).toBe('needs_action');
    expect(bare.affectedProgramIds).toEqual([b.id]);
    expect(run('eras.letters-assigned', { programs: [a, b], letters: [letter({ assignedProgramIds: [a.id, b.id] })] }).state).toBe('done');
    expect(run('eras.letters-assigned').state).toBe('not_applicable');
  });
});

describe('letters from the letters domain', () => {
  it('joins writers and per-application assignments into what the checklist reads', () => {
    const stamp = '2026-08-01T00:00:00Z';
    const writer = (id: number, location: 'us' | 'home', isSurgeon: boolean) => ({ id, name: `W${id}`, title: '', specialty: '', institution: '', location, isSurgeon, relationship: '', email: '', notes: '', createdAt: stamp, updatedAt: stamp });
    const base = { label: '', askedOn: null, agreedOn: null, strongConfirmedOn: null, uploadedOn: null, declinedOn: null, portalLetterId: '', requestedFor: 'general' as const, notes: '', carriedFrom: null, createdAt: stamp, updatedAt: stamp };
    const out = readinessLetters(
      [{ ...base, id: 1, writerId: 1, stage: 'uploaded', strongConfirmedOn: '2026-07-20' }, { ...base, id: 2, writerId: 2, stage: 'asked', label: 'IM' }, { ...base, id: 3, writerId: 3, stage: 'declined' }],
      [writer(1, 'us', true), writer(2, 'us', false), writer(3, 'home', true)],
      [{ applicationId: 10, letterId: 1, assignedOn: '2026-09-01' }, { applicationId: 11, letterId: 1, assignedOn: '2026-09-01' }],
      [{ id: 10, programId: 100 }, { id: 11, programId: 101 }],
    );
    expect(out.map((l) => [l.writerName, l.writerKind, l.confirmedStrong, l.uploaded, l.declined, l.assignedProgramIds])).toEqual([
      ['W1', 'us_surgeon', true, true, false, [100, 101]],
      ['W2 (IM)', 'us_faculty', false, false, false, []],
      ['W3', 'home_surgeon', false, false, true, []],
    ]);
  });
});

describe('documents', () => {
  it('a personal statement tailored to surgery, recorded in Documents', () => {
    expect(run('eras.ps-surgery').why).toContain('No surgery personal statement');
    expect(run('eras.ps-surgery', { documents: [doc('personal_statement_prelim')] }).state).toBe('needs_action');
    const done = run('eras.ps-surgery', { documents: [doc('personal_statement_surgery', 'Surgery PS v2')] });
    expect(done.state).toBe('done');
    expect(done.why).toContain('Surgery PS v2');
  });

  it('a prelim-track version when prelim programs are on the list', () => {
    const prelim = makeProgram({ onList: true });
    const cat = makeProgram({ onList: true, track: 'categorical' });
    const r = run('eras.ps-prelim', { programs: [prelim, cat] });
    expect(r.state).toBe('needs_action');
    expect(r.affectedProgramIds).toEqual([prelim.id]);
    expect(run('eras.ps-prelim', { programs: [cat] }).state).toBe('not_applicable');
    expect(run('eras.ps-prelim', { programs: [prelim], documents: [doc('personal_statement_prelim')] }).state).toBe('done');
  });

  it('the CV order is the user\'s tick', () => {
    const open = run('eras.cv-ordered');
    expect(open).toMatchObject({ state: 'needs_action', manual: true });
    expect(open.why).toContain('1 USCE');
    expect(open.why).toContain('No CV recorded');
    expect(run('eras.cv-ordered', { documents: [doc('cv')] }).why).not.toContain('No CV recorded');
    expect(run('eras.cv-ordered', { ticks: { 'eras.cv-ordered': true } }).state).toBe('done');
  });

  it('Additional Information: needed when there is a failure or a long gap since graduation, otherwise the user decides', () => {
    const failed = run('eras.additional-info', { profile: seedExampleProfile({ step1Attempts: 2 }) });
    expect(failed.state).toBe('needs_action');
    expect(failed.why).toContain('2 attempts at Step 1');
    expect(run('eras.additional-info').state).toBe('not_applicable');
    // A long gap since graduation needs it too (more than THRESHOLDS.gap.yearsSinceGraduation years).
    const today = input().today;
    const gapYears = THRESHOLDS.gap.yearsSinceGraduation;
    const longAgo = Number(today.slice(0, 4)) - gapYears - 1;
    const gap = run('eras.additional-info', { profile: seedExampleProfile({ graduationYear: longAgo }) });
    expect(gap.state).toBe('needs_action');
    expect(gap.why).toContain(`You graduated ${gapYears + 1} years ago (more than ${gapYears})`);
    expect(gap.dueDate).not.toBeNull();
    expect(run('eras.additional-info', { profile: seedExampleProfile({ graduationYear: longAgo + 1 }) }).state).toBe('not_applicable');
    expect(run('eras.additional-info', { profile: seedExampleProfile({ step1Attempts: 2 }), documents: [doc('additional_information', 'Step 1 attempt')] }).state).toBe('done');
    expect(run('eras.additional-info', { ticks: { 'eras.additional-info': true } }).state).toBe('done');
  });
});

describe('list and applications', () => {
  it('80+ programs on the list', () => {
    const few = Array.from({ length: 5 }, () => makeProgram({ onList: true }));
    expect(run('eras.list-size', { programs: few }).why).toContain('5 programs');
    const many = Array.from({ length: 80 }, () => makeProgram({ onList: true }));
    expect(run('eras.list-size', { programs: many }).state).toBe('done');
  });

  it('submit early: once programs review, unsubmitted ones block when Step 2 CK is in; all submitted is done', () => {
    const a = makeProgram({ onList: true });
    const b = makeProgram({ onList: true });
    const before = run('eras.submitted', { programs: [a, b], applications: [application(a.id, 'submitted')], today: '2026-08-01' });
    expect(before).toMatchObject({ state: 'needs_action', affectedProgramIds: [b.id], dueDate: '2026-09-23' });
    const late = run('eras.submitted', { programs: [a, b], applications: [application(a.id, 'submitted')], today: '2026-09-30' });
    expect(late.state).toBe('blocking');
    expect(late.why).toContain('late applications are an easy rejection');
    const notIn = run('eras.submitted', { programs: [a], today: '2026-09-30', profile: seedExampleProfile({ step2ckStatus: 'scheduled', step2ckScore: null, step2ckAttempts: 0, step2ckDate: '2026-10-01' }) });
    expect(notIn.state).toBe('needs_action');
    expect(notIn.why).toContain('once your Step 2 CK is in');
    expect(run('eras.submitted', { programs: [a, b], applications: [application(a.id, 'submitted'), application(b.id, 'interview_invited')] }).state).toBe('done');
  });

  it('NRMP registration is a tick due at the standard deadline (from the season calendar, corrections included)', () => {
    expect(run('eras.nrmp-registered').dueDate).toBe('2027-01-29');
    const corrected = resolveSeasonEvents([{ eventId: 'nrmp-registration-deadline', date: '2027-01-28', time: null, note: '', updatedAt: '2026-10-01T00:00:00Z' }]);
    expect(run('eras.nrmp-registered', { calendar: corrected }).dueDate).toBe('2027-01-28');
    expect(run('eras.nrmp-registered', { ticks: { 'eras.nrmp-registered': true } }).state).toBe('done');
  });
});

describe('the checklist as a whole', () => {
  it('an empty profile shows blocking items; the seed profile turns them done; every manual item is a tick', () => {
    const empty = readinessChecklist(input({ profile: EMPTY_PROFILE, profileSaved: false }));
    const blocking = empty.filter((i) => i.state === 'blocking').map((i) => i.id);
    expect(blocking).toEqual(expect.arrayContaining(['eras.profile', 'eras.step1', 'eras.step2ck', 'eras.ecfmg', 'eras.oet']));
    const full = readinessChecklist(input());
    for (const id of blocking) expect(find(full, id).state).toBe('done');
    expect(new Set(empty.map((i) => i.id)).size).toBe(empty.length);
    expect(full.filter((i) => i.manual).map((i) => i.id).sort()).toEqual([...MANUAL_ITEM_IDS].sort());
  });

  it('done and not-applicable items carry no next step and no due date', () => {
    for (const i of readinessChecklist(input())) {
      if (i.state === 'done' || i.state === 'not_applicable') expect([i.next, i.dueDate]).toEqual(['', null]);
      else expect(i.next).not.toBe('');
    }
  });

  it('progress counts done of the applicable items', () => {
    const items = readinessChecklist(input());
    const p = readinessProgress(items);
    expect(p.done + p.needsAction + p.blocking + p.notApplicable).toBe(items.length);
    expect(p.percent).toBe(Math.round((p.done / p.applicable) * 100));
    expect(readinessProgress([])).toMatchObject({ percent: 100, applicable: 0 });
  });
});
