// docs/DOMAIN.md §3: "ERAS fee: $11 per program for programs 1–30, $30 per program from 31; the
// count restarts for each specialty. Whether preliminary and categorical surgery count as
// one specialty is unconfirmed: default to separate, let the user change it."
import { describe, expect, it } from 'vitest';
import { ERAS_FEE_SCHEDULES, ERAS_FEES_2024, ERAS_FEES_2027, erasFeeForSpecialty, erasListCost, REFERENCE_FEES } from '../../../shared/engine';

describe('ERAS fee per specialty — "$11 per program for programs 1–30, $30 per program from 31"', () => {
  it.each([
    [0, 0],
    [1, 11],
    [10, 110],
    [30, 330],
    [31, 360],
    [32, 390],
    [80, 330 + 50 * 30],
    [120, 330 + 90 * 30],
  ])('%i programs cost $%i', (n, cost) => expect(erasFeeForSpecialty(n)).toBe(cost));
});

describe('the 2024 ladder (kept for reference) — "$99 for 1–10, $19 each 11–20, $23 each 21–30, $27 each 31+"', () => {
  it.each([
    [1, 99],
    [10, 99],
    [11, 118],
    [20, 289],
    [21, 312],
    [30, 519],
    [31, 546],
  ])('%i programs cost $%i', (n, cost) => expect(erasFeeForSpecialty(n, ERAS_FEES_2024)).toBe(cost));
});

describe('list cost — "the count restarts for each specialty ... default to separate, let the user change it"', () => {
  it('counts preliminary and categorical separately by default', () => {
    const c = erasListCost({ preliminary: 30, categorical: 10 });
    expect(c.combineTracks).toBe(false);
    expect(c.lines.map((l) => [l.specialty, l.programs, l.cost])).toEqual([
      ['preliminary', 30, 330],
      ['categorical', 10, 110],
    ]);
    expect(c.total).toBe(440);
  });

  it('combined, 40 programs pass the 30 mark once', () => {
    const c = erasListCost({ preliminary: 30, categorical: 10 }, { combineTracks: true });
    expect(c.lines).toHaveLength(1);
    expect(c.total).toBe(330 + 10 * 30);
  });

  it.each([
    { preliminary: 90, categorical: 10, separate: 330 + 60 * 30 + 110, combined: 330 + 70 * 30 },
    { preliminary: 31, categorical: 0, separate: 360, combined: 360 },
    { preliminary: 0, categorical: 0, separate: 0, combined: 0 },
  ])('$preliminary prelim + $categorical categorical: separate $$separate, combined $$combined', ({ preliminary, categorical, separate, combined }) => {
    expect(erasListCost({ preliminary, categorical }).total).toBe(separate);
    expect(erasListCost({ preliminary, categorical }, { combineTracks: true }).total).toBe(combined);
  });

  it('says what the next program would cost', () => {
    expect(erasListCost({ preliminary: 29, categorical: 0 }).lines[0]!.nextProgramCost).toBe(11);
    expect(erasListCost({ preliminary: 30, categorical: 0 }).lines[0]!.nextProgramCost).toBe(30);
  });

  it('marks the total unconfirmed and says why (2027 amounts assumed, track counting unconfirmed)', () => {
    const c = erasListCost({ preliminary: 50, categorical: 5 });
    expect(c.unconfirmed).toBe(true);
    expect(c.schedule.confidence).toBe('unconfirmed');
    expect(c.notes.join(' ')).toMatch(/2027/);
    expect(c.notes.join(' ')).toMatch(/separate specialties.*unconfirmed/);
  });
});

describe('fee data carries source, season and confidence', () => {
  it('every schedule and fee item has them', () => {
    for (const s of ERAS_FEE_SCHEDULES) {
      expect(s.source.length).toBeGreaterThan(0);
      expect(s.season.length).toBeGreaterThan(0);
      expect(['confirmed', 'unconfirmed', 'est']).toContain(s.confidence);
    }
    for (const f of REFERENCE_FEES) {
      expect(f.source.length).toBeGreaterThan(0);
      expect(['confirmed', 'unconfirmed', 'est']).toContain(f.confidence);
    }
    expect(ERAS_FEES_2027.season).toBe('2027');
    expect(REFERENCE_FEES.find((f) => f.id === 'usmle_transcript')?.amount).toBe(80);
    expect(REFERENCE_FEES.find((f) => f.id === 'ecfmg_token')?.amount).toBe(165);
    expect(REFERENCE_FEES.find((f) => f.id === 'nrmp_registration')?.amount).toBeNull();
  });
});
