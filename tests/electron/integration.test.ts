// How the features read each other: SOAP items in the readiness checklist, SOAP dates from
// the season calendar (with the user's corrections), SOAP letters from the letters feature.
import { describe, expect, it } from 'vitest';
import { seedExampleProfile } from '../fixtures';
import { openTestServices } from './helpers';

describe('SOAP with the season calendar, letters and the readiness checklist', () => {
  it('shows the SOAP items in the checklist and counts uploaded letters for SOAP', async () => {
    const { call } = openTestServices();
    await call('profile.save', seedExampleProfile());
    let checklist = await call('readiness.checklist');
    const soapLetters = () => checklist.items.find((i) => i.id === 'soap.letters-assigned');
    expect(checklist.items.filter((i) => i.group === 'soap').map((i) => i.id).sort()).toEqual(['soap.ecfmg-exams', 'soap.letters-assigned', 'soap.prelim-statement'].sort());
    expect(soapLetters()?.state).toBe('needs_action');
    expect(soapLetters()?.manual).toBe(false);
    for (const name of ['Dr. A', 'Dr. B']) {
      const w = await call('writers.save', { name, location: 'us', isSurgeon: true });
      const l = await call('letters.save', { writerId: w.id });
      for (const stage of ['asked', 'agreed', 'strong_confirmed', 'uploaded'] as const) await call('letters.setStage', { id: l.id, stage, date: '2026-08-01' });
    }
    checklist = await call('readiness.checklist');
    expect(soapLetters()?.state).toBe('done');
    expect(soapLetters()?.why).toMatch(/^Confirmed-strong letters from 2 writers are uploaded and assignable, 2 of them US surgeons/);
    expect((await call('soap.overview')).readiness.find((i) => i.id === 'soap.letters-assigned')?.state).toBe('done');
  });

  it('takes the Match Week dates from the season calendar, including a correction', async () => {
    const { call } = openTestServices();
    const before = (await call('soap.overview')).dates;
    expect(before.offerRounds[0]).toBe('2027-03-18T13:00:00.000Z'); // 9 am EDT
    expect(before.estimated).toBe(true);
    await call('calendar.correct', { eventId: 'soap-round-1', date: '2027-03-18', time: '10:00', note: 'NRMP published the times' });
    const after = (await call('soap.overview')).dates;
    expect(after.offerRounds[0]).toBe('2027-03-18T14:00:00.000Z');
    expect(after.source).toMatch(/your corrections/);
    expect(after.rolDeadline).toBe(before.rolDeadline);
  });
});
