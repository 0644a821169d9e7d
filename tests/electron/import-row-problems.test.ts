// A row with several mistakes reports all of them at once (an unreadable cell does not hide
// the row's other problems), each with its column, so one round of fixes is enough.
import { describe, expect, it } from 'vitest';
import { fileOf, openTestServices } from './helpers';

describe('every problem of a row in one check', () => {
  it('names the unreadable cell and the other cells that break a rule', async () => {
    const { call } = openTestServices();
    const csv = 'Institution,Track,State,Step 2 CK cutoff,Positions\nLakeside Hospital,Preliminary,ZZ,abc,500\nGood Hospital,Preliminary,OH,230,4\n';
    const plan = await call('import.check', { kind: 'programs', file: fileOf('p.csv', csv), mapping: ['institution', 'track', 'state', 'minStep2ck', 'positionsOffered'] });
    const row2 = plan.problems.filter((p) => p.row === 2);
    expect(row2.map((p) => p.column).sort()).toEqual(['Positions', 'State', 'Step 2 CK cutoff']);
    expect(plan.problems.filter((p) => p.row === 3)).toEqual([]);
    expect(plan.add).toBe(1);
  });
});
