// Reminders due now (within the user's window, not done, not shown today) and the shown log.
import type { Handlers } from '../../shared/api/contract';
import type { remindersApi } from '../../shared/api/reminders-api';
import { dueReminders, reminderWhen } from '../../shared/engine/agenda';
import type { HandlerContext } from './context';
import { snapshotAgenda } from './snapshot';

export function createRemindersHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof remindersApi> {
  const calendar = ctx.repos.calendar;
  return {
    'reminders.due': () => {
      const { s, agenda } = snapshotAgenda(ctx, 60);
      const due = dueReminders(agenda.all, calendar.settings(), calendar.shownOn(s.today));
      return due.map((e) => ({ key: e.key, title: e.title, when: reminderWhen(e), section: e.section }));
    },
    'reminders.markShown': ({ keys }) => calendar.markShown(keys, ctx.clock.today(), ctx.clock.now()),
  };
}
