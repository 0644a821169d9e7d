// Write calls run one at a time and a long import holds its transaction open across
// event-loop turns while reads go on (electron/api/dispatch.ts, electron/db/open.ts
// inOpenTransaction): that is sound only if reads write nothing, or at most seed something
// once (the same on every call after). Every read method that takes no input, called twice
// on a database with sample data: the second round changes no row (total_changes()).
import { describe, expect, it } from 'vitest';
import { contract, writesOf, type Method } from '../../shared/api/contract';
import { openTestServices } from './helpers';

/** Reads that add missing defaults on their first call (idempotent). */
const SEED_ONCE = ['templates.list']; // the built-in message templates

describe('reads write nothing', () => {
  it('no read method without input changes a row, but for seeding defaults once', async () => {
    const { call, raw, db } = openTestServices();
    await call('sample.load', { institutions: 40 });
    const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
    const reads = (Object.keys(contract) as Method[]).filter((m) => writesOf(m).length === 0 && contract[m].input.safeParse(undefined).success);
    expect(reads.length).toBeGreaterThan(20);
    const round = async () => {
      const wrote: string[] = [];
      for (const m of reads) {
        const before = changes();
        expect((await raw(m, undefined)).ok, m).toBe(true);
        if (changes() !== before) wrote.push(m);
      }
      return wrote;
    };
    expect((await round()).filter((m) => !SEED_ONCE.includes(m))).toEqual([]);
    expect(await round()).toEqual([]);
  });
});
