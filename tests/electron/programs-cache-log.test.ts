// The program list after a write reads only the rows the database's change log names
// (migration 015, programs-repo readChanged). These prove it always answers what a full
// read answers: random sequences of writes on real SQLite files, each followed by a
// comparison of the cached answers with a fresh read of a copy of the file (its own
// connection: no cache), and that the log was actually used (else the comparisons would
// prove nothing about it).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations';
import { inOpenTransaction, inTransaction, migrate, openDatabase, type Db } from '../../electron/db/open';
import { createProgramsRepo, programListReads } from '../../electron/db/repos/programs-repo';
import { dumpTables, replaceAllTables } from '../../electron/db/table-dump';
import { emptyInstitution, emptyTrack, type Institution, type InstitutionFields, type Program, type ProgramTrackFields } from '../../shared/domain/program';
import { TIER_OUTCOMES } from '../../shared/engine/types';
import { institution, seedExampleProfile, track } from '../fixtures';
import { openTestServices, tempDir } from './helpers';

/** A small seeded random generator (mulberry32): the same sequence for the same seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}

const NAMES = ['Aardvark General', 'Birch Medical', 'Cedar Valley', 'Dune Regional', 'elm County', 'Élan University', 'Fir Community', 'Grove Health'];

function fieldsOf(i: Institution): InstitutionFields {
  return Object.fromEntries(Object.keys(emptyInstitution()).map((k) => [k, i[k as keyof Institution]])) as unknown as InstitutionFields;
}
function trackOf(p: Program): ProgramTrackFields & { id?: number } {
  return { ...(Object.fromEntries(Object.keys(emptyTrack('preliminary')).map((k) => [k, p[k as keyof Program]])) as unknown as ProgramTrackFields), id: p.id };
}

/** The programs as a connection with no cache reads them from a copy of db's file as it is now. */
function freshList(db: Db): Program[] {
  const image = db.serialize();
  image[18] = 1; // a WAL file's image, opened in memory: rollback journal (file format bytes 18-19)
  image[19] = 1;
  const copy = new Database(image);
  try {
    return createProgramsRepo(copy).list();
  } finally {
    copy.close();
  }
}

/** The trigger's SQL, to put it back after writing behind its back. */
function triggerSql(db: Db, name: string): string {
  return db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).pluck().get(name) as string;
}

describe('program list cache after writes (the change log)', () => {
  for (const seed of [1, 2, 3]) {
    it(`random writes through the app (seed ${seed}): every answer equals a full read of a copy`, async () => {
      const rnd = random(seed);
      const { call, db } = openTestServices();
      await call('profile.save', seedExampleProfile());
      const repo = createProgramsRepo(db);
      const backups: string[] = [];
      const list = () => repo.list();
      const someProgram = () => {
        const all = list();
        return all.length ? rnd.pick(all) : undefined;
      };
      const history = () => (rnd.int(3) === 0 ? [] : [{ year: 2023 + rnd.int(3), unfilled: rnd.int(4) }]);
      const steps: Record<string, () => Promise<unknown>> = {
        async addInstitution() {
          const tracks = rnd.int(2) === 0 ? [track('preliminary', { nrmpCode: '', unfilledHistory: history() })] : [track('preliminary', { nrmpCode: '' }), track('categorical', { nrmpCode: '', minStep2ck: 200 + rnd.int(40) })];
          await call('institutions.save', { institution: institution({ name: `${rnd.pick(NAMES)} ${rnd.int(1000)}` }), tracks });
        },
        async editInstitution() {
          const p = someProgram();
          if (!p) return;
          const siblings = list().filter((q) => q.institutionId === p.institutionId);
          const fields = fieldsOf(p.institution);
          const what = rnd.int(5);
          if (what === 0) fields.name = `${rnd.pick(NAMES)} ${rnd.int(1000)}`; // moves in the order
          if (what === 1) fields.city = `City ${rnd.int(100)}`;
          let tracks = siblings.map(trackOf);
          if (what === 2) tracks = tracks.map((t) => ({ ...t, unfilledHistory: history(), minStep2ck: 200 + rnd.int(50) }));
          if (what === 3 && tracks.length === 2) tracks = [tracks[rnd.int(2)]!]; // a track deleted
          if (what === 4 && tracks.length === 1) tracks.push(track(tracks[0]!.track === 'preliminary' ? 'categorical' : 'preliminary', { nrmpCode: '' }));
          await call('institutions.save', { institution: { ...fields, id: p.institutionId }, tracks });
        },
        async deleteProgram() {
          const p = someProgram();
          if (p) await call('programs.delete', { id: p.id });
        },
        async deleteInstitution() {
          const p = someProgram();
          if (p && rnd.int(2) === 0) await call('institutions.delete', { id: p.institutionId });
        },
        async onList() {
          const all = list();
          if (all.length) await call('programs.setOnList', { ids: [...new Set([rnd.pick(all).id, rnd.pick(all).id])], onList: rnd.int(2) === 0 });
        },
        async override() {
          const p = someProgram();
          if (p) await call('tiers.override', rnd.int(3) === 0 ? { programId: p.id, outcome: null, note: '' } : { programId: p.id, outcome: rnd.pick(TIER_OUTCOMES), note: `note ${rnd.int(10)}` });
        },
        async setting() {
          await call('settings.save', { feesCombineTracks: rnd.int(2) === 0 });
        },
        async importRolledBack() {
          // The import's transaction, read mid-way (the screens may ask while it runs), then rolled back.
          const p = someProgram();
          await expect(
            inOpenTransaction(db, async () => {
              const write = repo.importWriter(new Date('2026-11-25T12:00:00Z'));
              const id = write.addInstitution(institution({ name: `Imported ${rnd.int(100)}` }));
              write.addProgram(id, track('preliminary', { nrmpCode: '' }), true);
              if (p) write.updateProgram(p.id, { ...trackOf(p), notes: 'from the import' }, rnd.int(2) === 0, true);
              expect(list().some((q) => q.institutionId === id)).toBe(true);
              await Promise.resolve();
              throw new Error('row 3 is wrong');
            }),
          ).rejects.toThrow('row 3 is wrong');
        },
        async importCommitted() {
          await inOpenTransaction(db, async () => {
            const write = repo.importWriter(new Date('2026-11-25T12:00:00Z'));
            const id = write.addInstitution(institution({ name: `Imported ${rnd.int(100)}` }));
            write.addProgram(id, track('categorical', { nrmpCode: '', unfilledHistory: history() }), rnd.int(2) === 0);
            list();
            await Promise.resolve();
          });
        },
        async rolledBack() {
          const p = someProgram();
          const q = someProgram();
          if (!p || !q) return;
          const newest = () => db.prepare('SELECT max(seq) FROM program_change').pluck().get() as number;
          let logged = 0;
          expect(() =>
            inTransaction(db, () => {
              const before = newest();
              db.prepare('UPDATE program SET on_list = 1 - on_list WHERE id = ?').run(p.id);
              db.prepare(`UPDATE institution SET name = 'Rolled Back' WHERE id = ?`).run(p.institutionId);
              if (rnd.int(2) === 0) db.prepare('DELETE FROM institution WHERE id = ?').run(p.institutionId);
              list();
              logged = newest() - before;
              throw new Error('stop');
            }),
          ).toThrow('stop');
          // Committed writes that take the log past where it stood inside the rolled-back transaction.
          const flip = db.prepare('UPDATE program SET positions_offered = ? WHERE id = ?');
          for (let i = 0; i <= logged; i++) flip.run(i % 7, q.id);
        },
        async backup() {
          backups.push((await call('backups.create')).file);
        },
        async restore() {
          if (backups.length) await call('backups.restore', { file: rnd.pick(backups) });
        },
        async sqlBehindTheApp() {
          // Writes the app never makes, by any statement: a REPLACE deleting another row (no delete trigger fires).
          const p = someProgram();
          if (!p) return;
          const other = p.track === 'preliminary' ? 'categorical' : 'preliminary';
          if (rnd.int(2) === 0) {
            db.prepare(`UPDATE OR REPLACE program SET track = ? WHERE id = ?`).run(other, p.id);
          } else {
            const cols = (db.prepare('PRAGMA table_info(program)').all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
            db.prepare(`INSERT OR REPLACE INTO program (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM program WHERE id = ?`).run(p.id);
          }
        },
        async schemaChange() {
          // A migration may rebuild or change tables without the log: here the trigger is away while a row changes.
          const p = someProgram();
          if (!p) return;
          const sql = triggerSql(db, 'program_logged_update');
          db.exec('DROP TRIGGER program_logged_update');
          db.prepare(`UPDATE program SET notes = 'behind the log' WHERE id = ?`).run(p.id);
          db.exec(sql);
        },
        async manyWrites() {
          // More entries than the log keeps (it keeps the newest ~4,096): one program changed, then another
          // written 4,500 times (back to its own value), so the first one's entry is pruned away.
          const p = someProgram();
          const q = someProgram();
          if (p && q) inTransaction(db, () => {
            db.prepare('UPDATE program SET notes = ? WHERE id = ?').run(`many ${rnd.int(1000)}`, p.id);
            const flip = db.prepare('UPDATE program SET on_list = 1 - on_list WHERE id = ?');
            for (let i = 0; i < 4500; i++) flip.run(q.id);
          });
        },
        async pruned() {
          // What the pruning trigger does, on a short log: the oldest entries deleted, here the one of p's change.
          const p = someProgram();
          const q = someProgram();
          if (!p || !q || p === q) return;
          db.prepare('UPDATE program SET notes = ? WHERE id = ?').run(`pruned ${rnd.int(1000)}`, p.id);
          const seq = db.prepare('SELECT max(seq) FROM program_change').pluck().get() as number;
          db.prepare('UPDATE program SET positions_offered = ? WHERE id = ?').run(rnd.int(9), q.id);
          db.prepare('DELETE FROM program_change WHERE seq <= ?').run(seq);
        },
      };
      const weights: [keyof typeof steps, number][] = [
        ['addInstitution', 6], ['editInstitution', 5], ['deleteProgram', 2], ['deleteInstitution', 2], ['onList', 6], ['override', 4], ['setting', 1],
        ['importRolledBack', 1], ['importCommitted', 1], ['rolledBack', 1], ['backup', 1], ['restore', 1], ['sqlBehindTheApp', 1], ['schemaChange', 1], ['manyWrites', 1], ['pruned', 1],
      ];
      const bag = weights.flatMap(([name, w]) => Array<keyof typeof steps>(w).fill(name));
      for (let i = 0; i < 8; i++) await steps.addInstitution!();
      const start = programListReads(db);
      const done = new Set<string>();
      for (let i = 0; i < 90; i++) {
        const name = i < weights.length ? weights[i]![0] : rnd.pick(bag);
        await steps[name]!();
        done.add(name);
        const cached = await call('programs.list');
        expect(cached, `step ${i}: ${name}`).toEqual(freshList(db));
        expect(repo.list(), `step ${i}: ${name}`).toEqual(cached);
      }
      expect(done.size).toBe(weights.length);
      // Most reads after a write took only the changed rows.
      const reads = programListReads(db);
      expect(reads.changed - start.changed).toBeGreaterThan(30);
      expect(reads.every - start.every).toBeGreaterThan(0);

      // Every screen that reads the list answers as a fresh process on a copy of the file does.
      const copyFile = path.join(tempDir(), 'copy.db');
      fs.writeFileSync(copyFile, db.serialize());
      const fresh = openTestServices(copyFile);
      for (const method of ['programs.list', 'programs.table', 'tiers.list', 'dashboard.summary'] as const) {
        expect(await call(method), method).toEqual(await fresh.call(method));
      }
    }, 60_000);
  }

  it('an on-list flip reads one row: the other programs keep their objects, and the order is kept', async () => {
    const { call, db } = openTestServices();
    for (const name of NAMES) await call('institutions.save', { institution: institution({ name }), tracks: [track('preliminary', { nrmpCode: '' }), track('categorical', { nrmpCode: '' })] });
    const before = await call('programs.list');
    const reads = programListReads(db);
    await call('programs.setOnList', { ids: [before[3]!.id], onList: true });
    const after = await call('programs.list');
    expect(programListReads(db)).toEqual({ every: reads.every, changed: reads.changed + 1 });
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    after.forEach((p, i) => (i === 3 ? expect(p).not.toBe(before[i]) : expect(p).toBe(before[i])));
    expect(after[3]!.onList).toBe(true);
    expect(after).toEqual(freshList(db));
  });

  it('writes by another connection, a restore by it, its rollback and a schema change are all seen', () => {
    const file = path.join(tempDir(), 'shared.db');
    openDatabase(file).close(); // the schema; then two plain connections, as a database tool would open it
    const open = () => {
      const c = new Database(file);
      c.pragma('journal_mode = WAL');
      c.pragma('foreign_keys = ON');
      c.pragma('busy_timeout = 5000');
      return c;
    };
    const a = open();
    const b = open();
    const now = new Date('2026-11-25T12:00:00Z');
    const ra = createProgramsRepo(a);
    const rb = createProgramsRepo(b);
    const rnd = random(7);
    const truth = () => {
      const c = open();
      try {
        return createProgramsRepo(c).list();
      } finally {
        c.close();
      }
    };
    let snapshot: ReturnType<typeof dumpTables> | null = null;
    const readsBefore = programListReads(a);
    for (let i = 0; i < 60; i++) {
      const writer = rnd.int(2) === 0 ? rb : ra;
      const wdb = writer === rb ? b : a;
      const all = writer.list();
      const p = all.length ? rnd.pick(all) : undefined;
      const what = i < 8 ? 0 : rnd.int(7);
      if (what === 0 || !p) {
        writer.saveInstitution(institution({ name: `${rnd.pick(NAMES)} ${i}` }), [track('preliminary', { nrmpCode: '' })], now);
      } else if (what === 1) {
        wdb.prepare('UPDATE program SET on_list = 1 - on_list WHERE id = ?').run(p.id);
      } else if (what === 2) {
        wdb.prepare('UPDATE institution SET name = ? WHERE id = ?').run(`${rnd.pick(NAMES)} renamed ${i}`, p.institutionId);
      } else if (what === 3) {
        writer.deleteProgram(p.id);
      } else if (what === 4) {
        // A restore by the other connection: every row replaced, as restoreDatabase does.
        if (snapshot) inTransaction(wdb, () => replaceAllTables(wdb, snapshot!, 'backup.db'));
        else snapshot = dumpTables(wdb);
      } else if (what === 5) {
        expect(() =>
          inTransaction(wdb, () => {
            wdb.prepare('DELETE FROM program').run();
            throw new Error('rolled back');
          }),
        ).toThrow('rolled back');
      } else {
        // A migration run by the other connection, changing a row with the trigger away.
        const sql = triggerSql(wdb, 'institution_logged_update');
        migrate(wdb, [{ version: 100 + i, name: 'test', up: (m) => {
          m.exec('DROP TRIGGER institution_logged_update');
          m.prepare(`UPDATE institution SET city = 'Moved' WHERE id = ?`).run(p.institutionId);
          m.exec(sql);
        } }]);
      }
      const expected = truth();
      expect(ra.list(), `step ${i} (${what})`).toEqual(expected);
      expect(rb.list(), `step ${i} (${what})`).toEqual(expected);
    }
    expect(programListReads(a).changed - readsBefore.changed).toBeGreaterThan(20);
    a.close();
    b.close();
  });

  it('a database without the log (an older schema opened as it is) reads every row', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version < 15));
    const repo = createProgramsRepo(db);
    repo.saveInstitution(institution({ name: 'Old Schema Hospital' }), [track('preliminary', { nrmpCode: '' })], new Date('2026-11-25T12:00:00Z'));
    expect(repo.list().map((p) => p.institution.name)).toEqual(['Old Schema Hospital']);
    db.prepare(`UPDATE institution SET name = 'Renamed'`).run();
    expect(repo.list().map((p) => p.institution.name)).toEqual(['Renamed']);
    expect(programListReads(db)).toEqual({ every: 2, changed: 0 });
    db.close();
  });
});
