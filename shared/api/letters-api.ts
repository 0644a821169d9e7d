import { idInput, method, noInput } from './define';
import {
  letterAssignSchema,
  letterInputSchema,
  letterSettingsSchema,
  letterStageSchema,
  writerInputSchema,
  type Letter,
  type LetterAssignment,
  type LetterSettings,
  type LetterWriter,
} from '../domain/letters';

export const lettersApi = {
  /** Every letter writer, by name. */
  'writers.list': method<LetterWriter[]>()(noInput),
  /** Adds a writer (no id) or updates one. */
  'writers.save': method<LetterWriter>()(writerInputSchema, { writes: ['letters'] }),
  /** Refused while the writer has letters. */
  'writers.delete': method<{ ok: true }>()(idInput, { writes: ['letters'] }),
  /** Every letter, oldest first. */
  'letters.list': method<Letter[]>()(noInput),
  /** Adds a letter (stage "to ask") or updates its label, writer, portal ID and notes. */
  'letters.save': method<Letter>()(letterInputSchema, { writes: ['letters'] }),
  /** Moves a letter to a stage on a date. */
  'letters.setStage': method<Letter>()(letterStageSchema, { writes: ['letters'] }),
  /** Removes a letter and its assignments; refused while a submitted application holds it. */
  'letters.delete': method<{ ok: true }>()(idInput, { writes: ['letters'] }),
  /** Every letter assignment (application x letter). */
  'letters.assignments': method<LetterAssignment[]>()(noInput),
  /** Assigns or unassigns a letter on an application (≤ 4 per program; locked once submitted). Returns all assignments. */
  'letters.assign': method<LetterAssignment[]>()(letterAssignSchema, { writes: ['letters'] }),
  'letters.settings': method<LetterSettings>()(noInput),
  'letters.saveSettings': method<LetterSettings>()(letterSettingsSchema, { writes: ['letters'] }),
};
