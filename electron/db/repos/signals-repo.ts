// ERAS program signals and the geographic preference (docs/DOMAIN.md §6, §7): the signal
// budget (the user's correction, else the reference), the signals per institution (both
// tracks see one), and the Census divisions chosen. No write may leave more signals sent
// than the budget: the 16th of 15 is refused and the write rolled back.
import type { Db } from '../open';
import { inTransaction } from '../open';
import { AppError } from '../../errors';
import { notFound } from '../columns';
import { SIGNAL_REFERENCE, signalBudgetRefusal, type SignalBudget, type SignalSet } from '../../../shared/domain/signals';
import { EMPTY_GEO_PREFERENCE, type GeoPreference, type GeoPreferenceSave } from '../../../shared/domain/geo-preference';
import type { SeasonChoices } from '../../../shared/engine/applicant';
import { seasonChoices } from './season-choice';

function statements(db: Db) {
  return {
    countSent: db.prepare('SELECT COUNT(*) FROM institution WHERE signal_sent = 1').pluck(),
    institution: db.prepare('SELECT id, name, signal_sent FROM institution WHERE id = ?'),
    setSent: db.prepare('UPDATE institution SET signal_sent = @signal_sent, updated_at = @updated_at WHERE id = @id'),
    setAccepts: db.prepare('UPDATE institution SET accepts_signals = @accepts_signals, updated_at = @updated_at WHERE id = @id'),
    lastSent: db.prepare('SELECT name FROM institution WHERE signal_sent = 1 ORDER BY updated_at DESC, id DESC LIMIT 1').pluck(),
  };
}

const cache = new WeakMap<Db, ReturnType<typeof statements>>();
function stmtsOf(db: Db) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
}

export function signalBudgetOf(db: Db): SignalBudget {
  const stored = seasonChoices(db).read<number>('signalBudget');
  const budget = stored?.value ?? SIGNAL_REFERENCE.budget;
  const used = stmtsOf(db).countSent.get() as number;
  return { budget, isReference: stored === null, used, left: Math.max(0, budget - used) };
}

/**
 * Refuses a write that leaves more signals sent than the budget (call inside the write's
 * transaction, after the write, so the whole write is rolled back): the 16th of 15.
 */
export function assertSignalBudget(db: Db): void {
  const b = signalBudgetOf(db);
  if (b.used > b.budget) {
    const name = stmtsOf(db).lastSent.get() as string | undefined;
    throw new AppError('conflict', signalBudgetRefusal(b.budget, name ?? 'this program'));
  }
}

export function createSignalsRepo(db: Db) {
  const stmts = stmtsOf(db);
  const choices = seasonChoices(db);

  function geoPreference(): GeoPreference {
    const stored = choices.read<Omit<GeoPreference, 'updatedAt'>>('geoPreference');
    return stored ? { ...EMPTY_GEO_PREFERENCE, ...stored.value, updatedAt: stored.updatedAt } : EMPTY_GEO_PREFERENCE;
  }

  return {
    signalBudget: () => signalBudgetOf(db),

    /** Sets the budget (null: back to the reference); refused below the signals already sent. */
    setSignalBudget(budget: number | null, now: Date): SignalBudget {
      return inTransaction(db, () => {
        if (budget === null) choices.remove('signalBudget');
        else choices.write('signalBudget', budget, now);
        const b = signalBudgetOf(db);
        if (b.used > b.budget) throw new AppError('conflict', `You have already sent ${b.used} signals; the budget cannot be less than that. Take signals back first.`);
        return b;
      });
    },

    /** Marks a signal sent or taken back, and/or whether the program accepts signals, for one institution (both tracks). */
    setSignal(input: SignalSet, now: Date): SignalBudget {
      return inTransaction(db, () => {
        const inst = stmts.institution.get(input.institutionId) as { id: number; name: string; signal_sent: number } | undefined;
        if (!inst) throw notFound('Institution', input.institutionId, 'reload the list');
        const updated_at = now.toISOString();
        if (input.accepts !== undefined) stmts.setAccepts.run({ accepts_signals: input.accepts, updated_at, id: inst.id });
        if (input.sent !== undefined) {
          if (input.sent && inst.signal_sent === 0) {
            const b = signalBudgetOf(db);
            if (b.used >= b.budget) throw new AppError('conflict', signalBudgetRefusal(b.budget, inst.name));
          }
          stmts.setSent.run({ signal_sent: input.sent ? 1 : 0, updated_at, id: inst.id });
        }
        return signalBudgetOf(db);
      });
    },

    geoPreference,

    /** What the engine needs of the season's choices to tier programs (the divisions' small plus). */
    tierChoices(): SeasonChoices {
      return { geoDivisions: geoPreference().divisions };
    },

    saveGeoPreference(input: GeoPreferenceSave, now: Date): GeoPreference {
      choices.write('geoPreference', { noPreference: input.noPreference, divisions: input.divisions, note: input.note }, now);
      return geoPreference();
    },
  };
}

export type SignalsRepo = ReturnType<typeof createSignalsRepo>;
