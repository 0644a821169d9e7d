// The SOAP screen in jsdom: the 45 cap is explained and adding is disabled at 45; a refusal
// from the main process is shown as it was worded.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SoapScreen } from '../../renderer/screens/soap/SoapScreen';
import { ReadinessScreen } from '../../renderer/screens/readiness/ReadinessScreen';
import { useReadinessStore } from '../../renderer/stores/readiness-store';
import { readinessChecklist, readinessProgress } from '../../shared/engine/readiness';
import { resolveSeasonEvents } from '../../shared/domain/season-calendar';
import { EMPTY_PROFILE } from '../../shared/domain/profile';
import { useSoapStore } from '../../renderer/stores/soap-store';
import type { SoapOverview } from '../../shared/api/soap-api';
import { SOAP_WEEK_DATES_2027 } from '../../shared/domain/soap-week-dates';
import { soapBlurb } from '../../shared/engine/soap-fallback';
import { soapReadinessItems } from '../../shared/engine/soap-readiness';
import { tierProgram } from '../../shared/engine/tier-program';
import { makeProgram, seedApplicant, TODAY, unfilledIn } from '../shared/engine/fixtures';
import { installFakeTransport } from './fake-transport';

function overviewWith(planSize: number): SoapOverview {
  const profile = seedApplicant();
  const plan = Array.from({ length: planSize }, (_, i) => {
    const program = makeProgram({ unfilledHistory: unfilledIn(2025, 2026), institution: { name: `Plan Hospital ${i + 1}` } });
    return { entry: { programId: program.id, position: i + 1, note: '', addedAt: '2026-11-20T10:00:00Z' }, program, tier: tierProgram(program, profile, TODAY), open: null, problem: null, blurb: soapBlurb(program, profile), applicationId: null };
  });
  const extra = makeProgram({ unfilledHistory: unfilledIn(2025, 2026), institution: { name: 'One More Hospital' } });
  return {
    now: '2026-11-25T12:00:00Z',
    dates: SOAP_WEEK_DATES_2027,
    state: { matchStatus: 'not_known', prelimStatementReady: false, unfilledImportedAt: null },
    allowed: { tracks: ['preliminary', 'categorical'], why: 'Unmatched applicants may apply to any unfilled program (up to 45).' },
    plan,
    candidates: [{ candidate: { programId: extra.id, score: 60, outcome: 'tier3', tierLabel: 'Tier 3 – safety', unfilledYears: 2, reasons: ['Safety: unfilled prelim positions'], open: null }, program: extra }],
    leftOut: [],
    unfilled: [],
    applications: [],
    used: 0,
    max: 45,
    notApplicable: null,
    readiness: soapReadinessItems({ profile, now: '2026-11-25T12:00:00Z', rolDeadline: SOAP_WEEK_DATES_2027.rolDeadline, prelimStatementReady: false, prelimStatementVersions: 0, letters: { strongUploaded: 0, usSurgeonStrongUploaded: 0 }, result: { matchStatus: 'not_known', mainMatch: null, soapAccepted: null } }),
  };
}

let current: SoapOverview;
beforeEach(() => {
  useSoapStore.setState({ overview: null, error: null, lastImport: null, busy: false });
});

describe('SOAP screen', () => {
  it('at 45 programs says the plan is full and disables adding', async () => {
    current = overviewWith(45);
    installFakeTransport({ 'soap.overview': () => current });
    render(<SoapScreen />);
    await screen.findByText('45 of 45');
    expect(screen.getByText(/Your plan has 45 programs, the most SOAP lets you apply to\. Remove one before adding another\./)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Add to plan: One More Hospital' }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(screen.getByRole('list', { name: 'Fallback plan' })).getAllByRole('listitem')).toHaveLength(45);
  }, 30_000); // 45 plan rows and 60 candidates in jsdom: slow on a loaded machine, not a timing check

  it('shows the main process\'s refusal in words and keeps the plan as it was', async () => {
    current = overviewWith(2);
    const refusal = 'SOAP allows at most 45 applications, so the plan holds at most 45 programs. It has 45: remove one before adding another.';
    const fake = installFakeTransport({ 'soap.overview': () => current, 'soap.planAdd': () => ({ ok: false, error: { code: 'conflict', message: refusal } }) });
    render(<SoapScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Add to plan: One More Hospital' }));
    expect((await screen.findByRole('alert')).textContent).toContain(refusal);
    expect(fake.calls.find((c) => c.method === 'soap.planAdd')?.input).toEqual({ programIds: [current.candidates[0]!.program.id] });
    expect(screen.getByText('2 of 45')).toBeTruthy();
  });
});

describe('matched: SOAP does not apply', () => {
  it('shows one calm note with what comes next (the prelim-year plan) instead of the to-dos and their ticks', async () => {
    const notApplicable = { why: 'You matched at Bravo Regional (Preliminary) in the Main Match: SOAP is only for applicants unmatched or partially matched on Match Week Monday.', next: 'What comes next is your preliminary year: the Prelim year screen has its plan.', track: 'preliminary' as const };
    current = { ...overviewWith(0), state: { matchStatus: 'matched', prelimStatementReady: false, unfilledImportedAt: null }, notApplicable, readiness: soapReadinessItems({ profile: seedApplicant(), now: '2027-03-19T12:00:00Z', rolDeadline: SOAP_WEEK_DATES_2027.rolDeadline, prelimStatementReady: false, prelimStatementVersions: 0, letters: { strongUploaded: 0, usSurgeonStrongUploaded: 0 }, result: { matchStatus: 'matched', mainMatch: { label: 'Bravo Regional (Preliminary)', track: 'preliminary' }, soapAccepted: null } }) };
    installFakeTransport({ 'soap.overview': () => current });
    render(<SoapScreen />);
    const card = await screen.findByRole('region', { name: 'SOAP does not apply' });
    expect(card.textContent).toContain(notApplicable.why);
    expect(card.textContent).toContain(notApplicable.next);
    expect(screen.queryByRole('checkbox', { name: /Prelim-track personal statement/ })).toBeNull();
    expect(screen.queryByText(/Letters ready to assign/)).toBeNull();
    await userEvent.click(within(card).getByRole('button', { name: 'Open the prelim-year plan' }));
    expect(window.location.hash).toMatch(/prelim/);
  });

  it('the SOAP readiness sentences write their dates the user\'s way', async () => {
    current = overviewWith(0);
    current = { ...current, readiness: soapReadinessItems({ profile: seedApplicant({ step2ckStatus: 'scheduled', step2ckScore: null, step2ckAttempts: 0, step2ckDate: '2027-01-10' }), now: '2026-11-25T12:00:00Z', rolDeadline: SOAP_WEEK_DATES_2027.rolDeadline, prelimStatementReady: false, prelimStatementVersions: 0, letters: { strongUploaded: 0, usSurgeonStrongUploaded: 0 }, result: { matchStatus: 'not_known', mainMatch: null, soapAccepted: null } }) };
    installFakeTransport({ 'soap.overview': () => current });
    render(<SoapScreen />);
    const card = await screen.findByRole('region', { name: 'SOAP readiness' });
    expect(card.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(card.textContent).toMatch(/ROL deadline \(Mar 3, 2027\)/);
  });
});

describe('the SOAP item on the Readiness screen', () => {
  it('ticking the prelim statement there stores it through soap.setTicks and shows it done', async () => {
    useReadinessStore.setState({ checklist: null, loadError: null });
    let ready = false;
    const checklist = () => {
      const eras = readinessChecklist({ profile: EMPTY_PROFILE, profileSaved: false, programs: [], applications: [], letters: [], documents: [], ticks: {}, calendar: resolveSeasonEvents([]), today: '2026-11-25' });
      const soap = soapReadinessItems({ profile: seedApplicant(), now: '2026-11-25T12:00:00Z', rolDeadline: SOAP_WEEK_DATES_2027.rolDeadline, prelimStatementReady: ready, prelimStatementVersions: 0, letters: { strongUploaded: 0, usSurgeonStrongUploaded: 0 }, result: { matchStatus: 'not_known', mainMatch: null, soapAccepted: null } });
      const items = [...eras, ...soap];
      return { today: '2026-11-25', items, progress: readinessProgress(items), programNames: {} };
    };
    const fake = installFakeTransport({
      'readiness.checklist': () => checklist(),
      'readiness.tick': () => ({ ok: false, error: { code: 'validation', message: 'not an ERAS item' } }),
      'soap.setTicks': (input) => {
        ready = (input as { prelimStatementReady: boolean }).prelimStatementReady;
        return current;
      },
    });
    render(<ReadinessScreen />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Prelim-track personal statement ready: done' }));
    await waitFor(() => expect(document.querySelector('[data-item="soap.prelim-statement"]')!.getAttribute('data-state')).toBe('done'));
    expect(fake.calls.find((c) => c.method === 'soap.setTicks')?.input).toEqual({ prelimStatementReady: true });
    expect(fake.calls.some((c) => c.method === 'readiness.tick')).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
