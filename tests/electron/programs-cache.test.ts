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

  it('after a change to any kind of column, the list equals a fresh read, and unchanged programs keep their objects', async () => {
    const { call, db } = await setup();
    await call('institutions.save', {
      institution: institution({ name: 'Aardvark Hospital' }),
      tracks: [track('preliminary', { nrmpCode: '2234440P0', tags: ['a'] }), track('categorical', { nrmpCode: '2234440C0' })],
    });
    const repo = createProgramsRepo(db);
    // Aardvark's two tracks, then Lakeview's.
    const [a, , c] = repo.list().map((p) => p.id) as [number, number, number];
    const changes = [
      `UPDATE program SET min_step2ck = 231 WHERE id = ${a}`, // int
      `UPDATE program SET min_step2ck = NULL WHERE id = ${a}`, // int to null
      `UPDATE program SET tags = '["a","b"]' WHERE id = ${a}`, // json
      `UPDATE program SET nrmp_code = NULL WHERE id = ${a}`, // nullable text
      `UPDATE program SET min_step2ck_kind_stated = 1 - min_step2ck_kind_stated WHERE id = ${a}`, // bool
      `UPDATE program SET min_step2ck_kind = 'preference' WHERE id = ${a}`, // text
      `UPDATE program SET on_list = 1 WHERE id = ${a}`,
      `UPDATE program SET updated_at = '2026-11-26T00:00:00.000Z' WHERE id = ${a}`,
      `INSERT INTO program_unfilled (program_id, match_year, unfilled) VALUES (${a}, 2026, 2)`,
      `UPDATE program_unfilled SET unfilled = 3 WHERE program_id = ${a}`,
      `INSERT INTO tier_override (program_id, outcome, note, updated_at) VALUES (${a}, 'tier1', 'n', '2026-11-26')`,
      `UPDATE tier_override SET note = 'other' WHERE program_id = ${a}`,
      `UPDATE institution SET img_share_pct = 12.5 WHERE id = (SELECT institution_id FROM program WHERE id = ${a})`, // real
      `UPDATE institution SET research_heavy = 1 - research_heavy WHERE id = (SELECT institution_id FROM program WHERE id = ${a})`,
      `UPDATE institution SET is_sample = 1 WHERE id = (SELECT institution_id FROM program WHERE id = ${a})`,
      `UPDATE institution SET notes = 'changed' WHERE id = (SELECT institution_id FROM program WHERE id = ${a})`,
      `UPDATE program SET tags = '[ ]' WHERE id = ${a}`, // json written with other spacing
    ];
    for (const sql of changes) {
      const before = new Map(repo.list().map((p) => [p.id, p]));
      db.prepare(sql).run();
      const after = repo.list();
      expect(after, sql).toEqual(after.map((p) => repo.get(p.id)));
      expect(after.find((p) => p.id === a), sql).not.toBe(before.get(a));
      // The program of another institution did not change: same object (the tier cache relies on it).
      expect(after.find((p) => p.id === c), sql).toBe(before.get(c));
    }
    // Writing a value equal to the one there keeps the objects (a's tags, written with other
    // spacing above, are read as changed once more: only a cost).
    db.prepare(`UPDATE program SET tags = '[]' WHERE id = ${a}`).run();
    const kept = repo.list();
    db.prepare(`UPDATE program SET notes = notes, tags = tags`).run();
    expect(repo.list()).toEqual(kept);
    expect(repo.list().every((p, i) => p === kept[i])).toBe(true);
  });
});
