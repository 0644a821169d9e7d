// The season calendar: reference dates with the user's corrections, the agenda, the .ics export
// and the calendar settings (time zone, reminders).
import { z } from 'zod';
import { method, noInput } from './define';
import {
  calendarSettingsSchema,
  isSeasonEventId,
  matchYearSchema,
  seasonCorrectionSchema,
  type CalendarSettings,
  type ResolvedSeasonEvent,
} from '../domain/season-calendar';
import type { Agenda } from '../engine/agenda';

export interface CalendarSettingsValue extends CalendarSettings {
  /** The zone in use: the setting, or the computer's zone when the setting is empty. */
  effectiveTimeZone: string;
}

export const calendarApi = {
  /** A season's reference dates (projected, "est.") with the user's corrections for that season; the active season by default. */
  'calendar.season': method<ResolvedSeasonEvent[]>()(
    z
      .object({ matchYear: matchYearSchema.optional() })
      .strict()
      .optional()
      .transform((v) => v ?? {}),
  ),
  /** Corrects a reference date (Eastern date and time). Returns the season. */
  'calendar.correct': method<ResolvedSeasonEvent[]>()(seasonCorrectionSchema, { writes: ['calendar'] }),
  /** Goes back to the reference date. Returns the season. */
  'calendar.resetCorrection': method<ResolvedSeasonEvent[]>()(
    z.object({ eventId: z.string().refine(isSeasonEventId, 'This is not a date of the season calendar; reload the page.'), matchYear: matchYearSchema.optional() }).strict(),
    { writes: ['calendar'] },
  ),
  /** Every dated item with days left in the user's zone: overdue, the next `windowDays` days, all. */
  'calendar.agenda': method<Agenda>()(
    z
      .object({ windowDays: z.number().int('Days is a whole number.').min(1, 'Show at least 1 day.').max(365, 'Show at most 365 days.') })
      .strict()
      .optional()
      .transform((v) => v ?? { windowDays: 30 }),
  ),
  /** Every dated item as an iCalendar file (stable UIDs: a second import updates). */
  'calendar.exportIcs': method<{ filename: string; content: string; events: number }>()(noInput, { writes: ['calendar'] }),
  'calendar.settings': method<CalendarSettingsValue>()(noInput),
  'calendar.saveSettings': method<CalendarSettingsValue>()(calendarSettingsSchema, { writes: ['settings'] }),
};
