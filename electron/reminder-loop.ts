// The desktop app's reminders, without Electron: asks the handlers which reminders are due
// (the engine decides: within the user's window, not done, not shown today), hands each
// notice to `notify`, and records them as shown. The shell passes a notifier built on
// Electron's Notification; tests pass a plain function.
import type { Dispatch } from './api/dispatch';
import type { DueReminder } from '../shared/api/reminders-api';
import { reminderNotices, type ReminderNotice } from '../shared/engine/agenda';

export interface ReminderLoopOptions {
  dispatch: Dispatch;
  notify: (notice: ReminderNotice) => void;
  /** False when the system cannot show notifications: nothing is marked shown then. */
  canNotify?: () => boolean;
  intervalMs?: number;
}

/** One pass: shows what is due and records it; returns how many items it covered. */
export async function showDueRemindersOnce({ dispatch, notify, canNotify = () => true }: ReminderLoopOptions): Promise<number> {
  if (!canNotify()) return 0;
  const due = await dispatch('reminders.due', undefined);
  if (!due.ok) return 0;
  const items = due.value as DueReminder[];
  if (items.length === 0) return 0;
  for (const n of reminderNotices(items)) notify(n);
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
