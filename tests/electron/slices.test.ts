// Long work in slices: the import's planning yields after every row, and the slice runner
// gives the event loop a turn between slices, so small calls are answered while it runs;
// run in slices or all at once, the plan is the same.
import { describe, expect, it } from 'vitest';
import { runNow, runSliced, type Steps } from '../../electron/transfer/slices';
import { planProgramImport, planProgramImportSteps } from '../../electron/transfer/programs-import';
import { readSheet } from '../../electron/transfer/read-file';
import { guessMapping } from '../../shared/domain/import-fields';
import { openTestServices } from './helpers';

function* counted(n: number, log: string[]): Steps<number> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

describe('runSliced', () => {
  it('gives the event loop a turn between slices (every step with a slice of 0 ms) and returns the result', async () => {
    const log: string[] = [];
    let turns = 0;
    let on = true;
    const tick = () => {
      log.push(`turn ${turns++}`);
      if (on) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await runSliced(counted(5, log), 0);
    on = false;
    expect(result).toBe(5);
    // Each step is followed by a turn of the event loop before the next step.
    const steps = log.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('step')).map(([, i]) => i);
    for (let k = 1; k < steps.length; k++) expect(log.slice(steps[k - 1]! + 1, steps[k]).some((l) => l.startsWith('turn'))).toBe(true);
  });

  it('runNow runs every step at once, with no turn in between', () => {
    const log: string[] = [];
    setImmediate(() => log.push('turn'));
    expect(runNow(counted(3, log))).toBe(3);
    expect(log).toEqual(['step 0', 'step 1', 'step 2']);
  });
});

describe('planning a programs import in steps', () => {
  it('yields at least once per row and plans exactly what planning at once plans', async () => {
    const { db } = openTestServices();
    const lines = ['Institution,NRMP code,Track,State,Min Step 2'];
    for (let i = 0; i < 300; i++) lines.push(`Hospital ${i},${String(1000 + i)}440P0,Preliminary,TX,${220 + (i % 20)}`);
    lines.push('Broken row,12,Preliminary,Nowhere,900');
    const file = { name: 'p.csv', base64: Buffer.from(lines.join('\n')).toString('base64') };
    const sheet = await readSheet(file, 'programs');
    const mapping = guessMapping('programs', sheet.headers);
    const steps = planProgramImportSteps(db, sheet, mapping, '2026-11-25');
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(yields).toBeGreaterThanOrEqual(sheet.rows.length);
    const atOnce = planProgramImport(db, sheet, mapping, '2026-11-25');
    expect(r.value.plan).toEqual(atOnce.plan);
    expect(r.value.plan.add).toBe(300);
    expect(r.value.plan.problems.length).toBeGreaterThan(0);
    expect((await runSliced(planProgramImportSteps(db, sheet, mapping, '2026-11-25'), 0)).plan).toEqual(atOnce.plan);
  });
});
