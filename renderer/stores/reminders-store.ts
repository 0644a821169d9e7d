// Reminders due now (browser mode shows them as notifications; the desktop app shows them
// from the main process). They are computed from the same dated items as the agenda.
import type { Domain } from '../../shared/api/domains';
import type { DueReminder } from '../../shared/api/reminders-api';
import { api } from '../api/client';
import { DASHBOARD_READS } from './dashboard-store';

/** What the reminders are computed from (their own "shown" log excepted: marking them shown must not ask again). */
export const REMINDER_READS: readonly Domain[] = DASHBOARD_READS;

export const reminderActions = {
  /** Due within the user's window, not done, not shown today. */
  due: (): Promise<DueReminder[]> => api('reminders.due'),
  /** Records them as shown today. */
  async markShown(keys: string[]): Promise<void> {
    await api('reminders.markShown', { keys });
  },
};
