// Fictional sample programs to explore the app with.
import { z } from 'zod';
import { method, noInput } from './define';
import { PROGRAM_CASCADE } from './programs-api';

export const sampleApi = {
  /** Adds fictional sample institutions and programs, clearly marked, removable in one step. */
  'sample.load': method<{ institutions: number; programs: number }>()(
    z.object({ institutions: z.number().int().min(1).max(3000) }).strict().optional().transform((v) => v ?? { institutions: 60 }),
    { writes: ['programs'] },
  ),
  'sample.remove': method<{ removedPrograms: number }>()(noInput, { writes: PROGRAM_CASCADE }),
};
