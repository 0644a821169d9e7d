// The prelim-year plan: one plan, its dated checklist, categorical openings, the parallel
// plan per path and the support network.
import type { Db } from '../open';
import { inTransaction } from '../open';
import { oneById, rowMapper } from '../columns';
import type { CategoricalOpening, ParallelPath, PrelimItem, PrelimSource, SupportContact } from '../../../shared/domain/prelim-plan';
import type { SuggestedItem } from '../../../shared/engine/prelim-plan';

type Row = Record<string, unknown>;

const rowToItem = rowMapper<PrelimItem>({ id: 'int', kind: 'text', templateKey: 'text', title: 'text', dueDate: 'text', person: 'text', notes: 'text', action: 'text', done: 'bool', doneOn: 'text' });
const rowToOpening = rowMapper<CategoricalOpening>({ id: 'int', program: 'text', source: 'text', seenOn: 'text', contact: 'text', status: 'text', notes: 'text' });
const rowToPath = rowMapper<ParallelPath>({ path: 'text', targetSeason: 'int', steps: 'text', status: 'text' });
const rowToContact = rowMapper<SupportContact>({ id: 'int', name: 'text', role: 'text', contact: 'text', notes: 'text' });

export interface StoredPlan {
  matchYear: number;
  programLabel: string;
  source: PrelimSource;
}

export type ItemFields = Omit<PrelimItem, 'id' | 'templateKey' | 'doneOn'> & { id?: number | undefined };
export type OpeningFields = Omit<CategoricalOpening, 'id'> & { id?: number | undefined };
export type ContactFields = Omit<SupportContact, 'id'> & { id?: number | undefined };

export function createPrelimRepo(db: Db) {
  const stmts = {
    plan: db.prepare('SELECT match_year, program_label, source FROM prelim_plan WHERE id = 1'),
    insertPlan: db.prepare(`INSERT INTO prelim_plan (id, match_year, program_label, source, created_at, updated_at) VALUES (1, @match_year, @program_label, @source, @now, @now)`),
    touchPlan: db.prepare('UPDATE prelim_plan SET updated_at = ? WHERE id = 1'),
    deletePlan: db.prepare('DELETE FROM prelim_plan'),
    items: db.prepare('SELECT * FROM prelim_item ORDER BY due_date, id'),
    itemsUpdated: db.prepare('SELECT id, updated_at FROM prelim_item'),
    item: db.prepare('SELECT * FROM prelim_item WHERE id = ?'),
    insertItem: db.prepare(
      `INSERT INTO prelim_item (kind, template_key, title, due_date, person, notes, action, done, done_on, created_at, updated_at)
       VALUES (@kind, @template_key, @title, @due_date, @person, @notes, @action, @done, @done_on, @now, @now)`,
    ),
    updateItem: db.prepare(
      `UPDATE prelim_item SET kind = @kind, title = @title, due_date = @due_date, person = @person, notes = @notes, action = @action, done = @done, done_on = @done_on, updated_at = @now WHERE id = @id`,
    ),
    deleteItem: db.prepare('DELETE FROM prelim_item WHERE id = ?'),
    deleteItems: db.prepare('DELETE FROM prelim_item'),
    openings: db.prepare('SELECT * FROM prelim_opening ORDER BY seen_on DESC, id DESC'),
    opening: db.prepare('SELECT * FROM prelim_opening WHERE id = ?'),
    insertOpening: db.prepare(
      `INSERT INTO prelim_opening (program, source, seen_on, contact, status, notes, created_at, updated_at) VALUES (@program, @source, @seen_on, @contact, @status, @notes, @now, @now)`,
    ),
    updateOpening: db.prepare(
      `UPDATE prelim_opening SET program = @program, source = @source, seen_on = @seen_on, contact = @contact, status = @status, notes = @notes, updated_at = @now WHERE id = @id`,
    ),
    deleteOpening: db.prepare('DELETE FROM prelim_opening WHERE id = ?'),
    paths: db.prepare('SELECT * FROM prelim_path'),
    upsertPath: db.prepare(
      `INSERT INTO prelim_path (path, target_season, steps, status, updated_at) VALUES (@path, @target_season, @steps, @status, @now)
       ON CONFLICT(path) DO UPDATE SET target_season = excluded.target_season, steps = excluded.steps, status = excluded.status, updated_at = excluded.updated_at`,
    ),
    contacts: db.prepare('SELECT * FROM prelim_contact ORDER BY name COLLATE NOCASE, id'),
    contact: db.prepare('SELECT * FROM prelim_contact WHERE id = ?'),
    insertContact: db.prepare(`INSERT INTO prelim_contact (name, role, contact, notes, created_at, updated_at) VALUES (@name, @role, @contact, @notes, @now, @now)`),
    updateContact: db.prepare(`UPDATE prelim_contact SET name = @name, role = @role, contact = @contact, notes = @notes, updated_at = @now WHERE id = @id`),
    deleteContact: db.prepare('DELETE FROM prelim_contact WHERE id = ?'),
  };

  const getItem = oneById(stmts.item, rowToItem, 'Plan item', 'reload the prelim-year plan');
  const getOpening = oneById(stmts.opening, rowToOpening, 'Opening', 'reload the prelim-year plan');
  const getContact = oneById(stmts.contact, rowToContact, 'Contact', 'reload the prelim-year plan');

  function plan(): StoredPlan | null {
    const r = stmts.plan.get() as Row | undefined;
    return r ? { matchYear: r.match_year as number, programLabel: r.program_label as string, source: r.source as PrelimSource } : null;
  }

  return {
    plan,
    items: () => (stmts.items.all() as Row[]).map(rowToItem),
    /** Last change of each item (calendar update sequences). */
    itemsUpdatedAt: () => new Map((stmts.itemsUpdated.all() as Row[]).map((r) => [r.id as number, r.updated_at as string])),
    openings: () => (stmts.openings.all() as Row[]).map(rowToOpening),
    paths: () => (stmts.paths.all() as Row[]).map(rowToPath),
    contacts: () => (stmts.contacts.all() as Row[]).map(rowToContact),

    /**
     * Saves the plan with its suggested items when none is stored yet (call inside the
     * transaction of the first change). Returns true when it was created now.
     */
    ensure(p: StoredPlan, suggested: readonly SuggestedItem[], now: Date): boolean {
      if (plan()) return false;
      const at = now.toISOString();
      stmts.insertPlan.run({ match_year: p.matchYear, program_label: p.programLabel, source: p.source, now: at });
      for (const s of suggested) {
        stmts.insertItem.run({ kind: s.kind, template_key: s.templateKey, title: s.title, due_date: s.dueDate, person: s.person, notes: s.notes, action: '', done: 0, done_on: null, now: at });
      }
      return true;
    },

    /** Runs a change in one transaction, saving the plan first when it was only suggested. */
    change<T>(ensurePlan: () => void, fn: () => T, now: Date): T {
      return inTransaction(db, () => {
        ensurePlan();
        const out = fn();
        stmts.touchPlan.run(now.toISOString());
        return out;
      });
    },

    saveItem(i: ItemFields, today: string, now: Date): PrelimItem {
      const at = now.toISOString();
      const base = { kind: i.kind, title: i.title, due_date: i.dueDate, person: i.person, notes: i.notes, action: i.action, done: i.done ? 1 : 0, now: at };
      if (i.id === undefined) return getItem(Number(stmts.insertItem.run({ ...base, template_key: '', done_on: i.done ? today : null }).lastInsertRowid));
      const old = getItem(i.id);
      stmts.updateItem.run({ ...base, id: i.id, done_on: i.done ? (old.doneOn ?? today) : null });
      return getItem(i.id);
    },
    /** The id of the saved item that came from a suggestion, or null. */
    itemIdOfTemplate(templateKey: string): number | null {
      const found = (stmts.items.all() as Row[]).find((r) => r.template_key === templateKey);
      return found ? (found.id as number) : null;
    },
    deleteItem(id: number): void {
      getItem(id);
      stmts.deleteItem.run(id);
    },
    saveOpening(o: OpeningFields, now: Date): CategoricalOpening {
      const params = { program: o.program, source: o.source, seen_on: o.seenOn, contact: o.contact, status: o.status, notes: o.notes, now: now.toISOString() };
      if (o.id === undefined) return getOpening(Number(stmts.insertOpening.run(params).lastInsertRowid));
      getOpening(o.id);
      stmts.updateOpening.run({ ...params, id: o.id });
      return getOpening(o.id);
    },
    deleteOpening(id: number): void {
      getOpening(id);
      stmts.deleteOpening.run(id);
    },
    savePath(p: ParallelPath, now: Date): void {
      stmts.upsertPath.run({ path: p.path, target_season: p.targetSeason, steps: p.steps, status: p.status, now: now.toISOString() });
    },
    saveContact(c: ContactFields, now: Date): SupportContact {
      const params = { name: c.name, role: c.role, contact: c.contact, notes: c.notes, now: now.toISOString() };
      if (c.id === undefined) return getContact(Number(stmts.insertContact.run(params).lastInsertRowid));
      getContact(c.id);
      stmts.updateContact.run({ ...params, id: c.id });
      return getContact(c.id);
    },
    deleteContact(id: number): void {
      getContact(id);
      stmts.deleteContact.run(id);
    },
    /** Removes the plan and its checklist (openings, paths and contacts stay: they are the user's records). */
    clear(): void {
      inTransaction(db, () => {
        stmts.deleteItems.run();
        stmts.deletePlan.run();
      });
    },
  };
}
