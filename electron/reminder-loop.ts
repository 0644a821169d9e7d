// The desktop app's reminders, without Electron: asks the handlers which reminders are due
// (the engine decides: within the user's window, not done, not shown today), hands each
// notice to `notify`, and records them as shown. The shell passes a notifier built on
// Electron's Notification; tests pass a plain function.
import type { Dispatch } from './api/dispatch';
import type { DueReminder } from '../shared/api/reminders-api';
import { reminderNotices, type ReminderFormat, type ReminderNotice } from '../shared/engine/agenda';
import { EASTERN } from '../shared/domain/eastern-time';

/**
 * Days and times for notifications in the user's locale (the desktop shell passes the app's;
 * undefined: this computer's), written as the screens write them ("Nov 29, 2026", "9:00 PM EST").
 */
export function localeReminderFormat(locale?: string): ReminderFormat {
  const formatter = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, options);
    } catch {
      return new Intl.DateTimeFormat(undefined, options); // a locale name Intl does not know: this computer's
    }
  };
  const day = formatter({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const time = formatter({ hour: 'numeric', minute: '2-digit', timeZone: EASTERN, timeZoneName: 'short' });
  return {
    // A calendar day is read at noon UTC and written in UTC, so no zone moves it to another day.
    date: (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? day.format(Date.parse(`${iso}T12:00:00Z`)) : iso),
    easternTime: (instant) => {
      const t = Date.parse(instant);
      return Number.isNaN(t) ? instant : time.format(t);
    },
  };
}

export interface ReminderLoopOptions {
  dispatch: Dispatch;
  notify: (notice: ReminderNotice) => void;
  /** How days and times are written (default: this computer's locale). */
  format?: ReminderFormat;
  /** False when the system cannot show notifications: nothing is marked shown then. */
  canNotify?: () => boolean;
  intervalMs?: number;
}

/** One pass: shows what is due and records it; returns how many items it covered. */
export async function showDueRemindersOnce({ dispatch, notify, canNotify = () => true, format = localeReminderFormat() }: ReminderLoopOptions): Promise<number> {
  if (!canNotify()) return 0;
  const due = await dispatch('reminders.due', undefined);
  if (!due.ok) return 0;
  const items = due.value as DueReminder[];
  if (items.length === 0) return 0;
  for (const n of reminderNotices(items, format)) notify(n);
  await dispatch('reminders.markShown', { keys: items.map((d) => d.key) });
  return items.length;
}

/** Checks now and then every `intervalMs` (default 5 minutes); returns a stop function. */
export function startReminderLoop(options: ReminderLoopOptions): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void showDueRemindersOnce(options)
      .catch(() => 0)
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 5 * 60_000);
  return () => clearInterval(timer);
}
