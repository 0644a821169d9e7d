// The season calendar: reference dates and corrections, the agenda, the .ics export and the
// calendar settings.
import { createHash } from 'node:crypto';
import type { Handlers } from '../../shared/api/contract';
import type { calendarApi } from '../../shared/api/calendar-api';
import { calendarIcs, cancelledIcsEvents, icsEventContent, icsNextSequence, icsStart, icsUid } from '../../shared/engine/calendar-ics';
import type { HandlerContext } from './context';
import { createSeasonContext } from './season-context';
import { datedItems, snapshotAgenda, takeSnapshot, withZone } from './snapshot';

export function createCalendarHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof calendarApi> {
  const calendar = ctx.repos.calendar;
  const seasonCtx = createSeasonContext(ctx.repos);
  const season = (matchYear?: number) => seasonCtx.events(matchYear);
  return {
    'calendar.season': ({ matchYear }) => season(matchYear),
    'calendar.correct': ({ matchYear, ...input }) => {
      const year = seasonCtx.writableYear(matchYear);
      calendar.correct({ ...input, matchYear: year }, ctx.clock.now());
      return season(year);
    },
    'calendar.resetCorrection': ({ eventId, matchYear }) => {
      const year = seasonCtx.writableYear(matchYear);
      calendar.resetCorrection(year, eventId);
      return season(year);
    },
    'calendar.agenda': ({ windowDays }) => snapshotAgenda(ctx, windowDays).agenda,
    'calendar.exportIcs': () => {
      const s = takeSnapshot(ctx);
      const items = datedItems(ctx, s);
      // SEQUENCE per UID: kept while the event's content is unchanged, higher once it changed;
      // events exported before whose item is gone go out once as CANCELLED.
      const { sequences, cancelled } = calendar.icsExport(
        items.map((i) => ({ uid: icsUid(i), hash: createHash('sha256').update(icsEventContent(i)).digest('hex'), updatedAt: i.updatedAt, title: i.title, start: icsStart(i) })),
        (e, previous) => icsNextSequence(previous, e.updatedAt),
        ctx.clock.now(),
      );
      return { filename: `prelim-tracker-${s.today}.ics`, content: calendarIcs(items, sequences, cancelledIcsEvents(cancelled)), events: items.length };
    },
    'calendar.settings': () => withZone(calendar.settings()),
    'calendar.saveSettings': (input) => withZone(calendar.saveSettings(input)),
  };
}
