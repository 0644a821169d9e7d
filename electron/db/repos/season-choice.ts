// The season's choices (docs/DOMAIN.md §6–§9): JSON values in `season_choice` keyed by name,
// read and written by the signals and costs repositories. They stay with their season (a new
// season starts without them).
import type { Db } from '../open';

/** The choices kept (the table's CHECK list; tests/electron/schema.test.ts pairs them). */
export const CHOICE_KEYS = ['signalBudget', 'geoPreference', 'costSettings', 'feesPerInstitution'] as const;
export type ChoiceKey = (typeof CHOICE_KEYS)[number];

function statements(db: Db) {
  return {
    get: db.prepare('SELECT value, updated_at FROM season_choice WHERE key = ?'),
    save: db.prepare('INSERT INTO season_choice (key, value, updated_at) VALUES (@key, @value, @updated_at) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at'),
    remove: db.prepare('DELETE FROM season_choice WHERE key = ?'),
  };
}

const cache = new WeakMap<Db, ReturnType<typeof statements>>();

export function seasonChoices(db: Db) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  const stmts = s;
  return {
    read<T>(key: ChoiceKey): { value: T; updatedAt: string } | null {
      const row = stmts.get.get(key) as { value: string; updated_at: string } | undefined;
      return row ? { value: JSON.parse(row.value) as T, updatedAt: row.updated_at } : null;
    },
    write(key: ChoiceKey, value: unknown, now: Date): void {
      stmts.save.run({ key, value: JSON.stringify(value), updated_at: now.toISOString() });
    },
    remove(key: ChoiceKey): void {
      stmts.remove.run(key);
    },
  };
}
