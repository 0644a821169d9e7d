// Reminders: what to notify now, and what was shown today.
import { z } from 'zod';
import { method, noInput } from './define';
import type { ReminderWhen } from '../engine/agenda';

export interface DueReminder {
  key: string;
  title: string;
  /** When it is due, in parts: whoever shows it writes the day and time in the user's locale (engine/agenda reminderBody). */
  when: ReminderWhen;
  section: string;
}

export const remindersApi = {
  /** Reminders to show now: due within the user's window, not done, not shown today. */
  'reminders.due': method<DueReminder[]>()(noInput),
  /** Records reminders as shown today (at most one per item per day). */
  'reminders.markShown': method<{ recorded: number }>()(
    z.object({ keys: z.array(z.string().min(1).max(120)).min(1, 'Give at least one reminder.').max(500, 'At most 500 reminders at once.') }).strict(),
    { writes: ['reminders'] },
  ),
};
