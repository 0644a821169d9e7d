// The season's costs (docs/DOMAIN.md §9): the user's corrections of reference amounts, what
// is marked paid, the late-registration choice, how ERAS fees are counted, and the travel
// entered per interview.
import type { Db } from '../open';
import { inTransaction } from '../open';
import { notFound, rowMapper } from '../columns';
import { EMPTY_COST_SETTINGS, type CostSettings, type InterviewTravel, type InterviewTravelSave } from '../../../shared/domain/costs';
import { seasonChoices } from './season-choice';

const rowToTravel = rowMapper<InterviewTravel>({ interviewId: 'int', transport: 'real', lodging: 'real', other: 'real', note: 'text', updatedAt: 'text' });

export function createCostsRepo(db: Db) {
  const choices = seasonChoices(db);
  const stmts = {
    travel: db.prepare('SELECT * FROM interview_travel ORDER BY interview_id'),
    interviewExists: db.prepare('SELECT id FROM interview WHERE id = ?').pluck(),
    saveTravel: db.prepare(
      `INSERT INTO interview_travel (interview_id, transport, lodging, other, note, updated_at) VALUES (@interview_id, @transport, @lodging, @other, @note, @updated_at)
       ON CONFLICT(interview_id) DO UPDATE SET transport = excluded.transport, lodging = excluded.lodging, other = excluded.other, note = excluded.note, updated_at = excluded.updated_at`,
    ),
    deleteTravel: db.prepare('DELETE FROM interview_travel WHERE interview_id = ?'),
  };

  function costSettings(): CostSettings {
    const stored = choices.read<Partial<CostSettings>>('costSettings')?.value ?? {};
    return { amounts: { ...stored.amounts }, paid: { ...stored.paid }, lateRegistration: stored.lateRegistration ?? EMPTY_COST_SETTINGS.lateRegistration };
  }

  function travel(): InterviewTravel[] {
    return (stmts.travel.all() as Record<string, unknown>[]).map(rowToTravel);
  }

  return {
    costSettings,

    saveCostSettings(settings: CostSettings, now: Date): CostSettings {
      choices.write('costSettings', settings, now);
      return costSettings();
    },

    /** One ERAS fee per institution (docs/DOMAIN.md §9): the default, unless the user counts tracks apart. */
    feesPerInstitution(): boolean {
      return choices.read<boolean>('feesPerInstitution')?.value ?? true;
    },

    /** The Costs view's flags (paid, late registration, fees per institution) in one transaction: both or neither. */
    saveFlags(settings: CostSettings, feesPerInstitution: boolean | undefined, now: Date): void {
      inTransaction(db, () => {
        choices.write('costSettings', settings, now);
        if (feesPerInstitution !== undefined) choices.write('feesPerInstitution', feesPerInstitution, now);
      });
    },

    travel,

    /** Saves an interview's travel; all zero and no note removes it. */
    saveTravel(input: InterviewTravelSave, now: Date): InterviewTravel[] {
      return inTransaction(db, () => {
        if (stmts.interviewExists.get(input.interviewId) === undefined) throw notFound('Interview', input.interviewId);
        if (input.transport === 0 && input.lodging === 0 && input.other === 0 && input.note === '') stmts.deleteTravel.run(input.interviewId);
        else stmts.saveTravel.run({ interview_id: input.interviewId, transport: input.transport, lodging: input.lodging, other: input.other, note: input.note, updated_at: now.toISOString() });
        return travel();
      });
    },
  };
}

export type CostsRepo = ReturnType<typeof createCostsRepo>;
