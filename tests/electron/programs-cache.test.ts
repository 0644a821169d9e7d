// The program list is kept per connection while nothing changed; these prove it never
// serves stale or uncommitted data.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createProgramsRepo } from '../../electron/db/repos/programs-repo';
import { inTransaction } from '../../electron/db/open';
import { institution, track } from '../fixtures';
import { openTestServices } from './helpers';

async function setup() {
  const t = openTestServices();
  await t.call('institutions.save', { institution: institution({ name: 'Lakeview Regional' }), tracks: [track('preliminary', { nrmpCode: '1234440P0', minStep2ck: 220 })] });
  return t;
}

describe('program list cache', () => {
  it('sees a write on the same connection; no other connection can write while the app holds the database', async () => {
    const { call, file, db } = await setup();
    const first = await call('programs.list');
    expect(first[0]!.minStep2ck).toBe(220);
    expect(Object.isFrozen(first[0])).toBe(true);
    db.prepare('UPDATE program SET min_step2ck = 225').run();
    expect((await call('programs.list'))[0]!.minStep2ck).toBe(225);
    // The app holds SQLite's exclusive lock (db/open.ts), so a commit from elsewhere cannot happen.
    const other = new Database(file, { timeout: 0 });
    expect(() => other.prepare('UPDATE program SET min_step2ck = 230').run()).toThrow(/locked|busy/i);
    other.close();
    expect((await call('programs.list'))[0]!.minStep2ck).toBe(225);
  });

  it('never keeps what a rolled-back transaction wrote', async () => {
    const { call, db } = await setup();
    await call('programs.list');
    const repo = createProgramsRepo(db);
    expect(() =>
      inTransaction(db, () => {
        db.prepare('UPDATE program SET min_step2ck = 240').run();
        expect(repo.list()[0]!.minStep2ck).toBe(240);
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect((await call('programs.list'))[0]!.minStep2ck).toBe(220);
    expect(repo.list()[0]!.minStep2ck).toBe(220);
  });

  it('hands out arrays the caller may sort without changing the next answer', async () => {
    const { call } = await setup();
    await call('institutions.save', { institution: institution({ name: 'Aardvark Hospital' }), tracks: [track('preliminary', { nrmpCode: '2234440P0' })] });
    const list = await call('programs.list');
    list.reverse();
    expect((await call('programs.list')).map((p) => p.institution.name)).toEqual(['Aardvark Hospital', 'Lakeview Regional']);
  });

  it('keeps the order while names stay, and sorts again when a name changes', async () => {
    const { call, db } = await setup();
    await call('institutions.save', { institution: institution({ name: 'Aardvark Hospital' }), tracks: [track('preliminary', { nrmpCode: '2234440P0' })] });
    const names = async () => (await call('programs.list')).map((p) => p.institution.name);
    expect(await names()).toEqual(['Aardvark Hospital', 'Lakeview Regional']);
    await call('programs.setOnList', { ids: [(await call('programs.list'))[0]!.id], onList: true });
    expect(await names()).toEqual(['Aardvark Hospital', 'Lakeview Regional']);
    db.prepare(`UPDATE institution SET name = 'Zephyr Hospital' WHERE name = 'Aardvark Hospital'`).run();
    expect(await names()).toEqual(['Lakeview Regional', 'Zephyr Hospital']);
  });
});
