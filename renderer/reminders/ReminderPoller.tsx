// Browser mode's reminders: polls the main side for reminders due and shows them with the
// browser's Notification API (the desktop app shows them from the main process instead).
// The decision (what is due, not done, not shown today) is made by the engine behind
// reminders.due; this only displays and records what it displayed. It looks again every few
// minutes and after each change of what reminders are computed from.
import { useEffect } from 'react';
import { reminderNotices, type ReminderFormat } from '../../shared/engine/agenda';
import { EASTERN } from '../../shared/domain/eastern-time';
import { formatDate, formatTimeInZone } from '../components/format';
import { liveLoader } from '../stores/live';
import { REMINDER_READS, reminderActions } from '../stores/reminders-store';
import { openSection } from '../stores/route-query';
import { SECTION_IDS, type SectionId } from '../stores/route-store';

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

function isDesktop(): boolean {
  return typeof (globalThis as { prelim?: unknown }).prelim !== 'undefined';
}

/** Days and times in the user's locale, as every screen writes them (NRMP's times in Eastern time). */
const FORMAT: ReminderFormat = { date: formatDate, easternTime: (instant) => formatTimeInZone(new Date(instant), EASTERN) };

export async function showDueReminders(): Promise<number> {
  if (!notificationsSupported() || Notification.permission !== 'granted') return 0;
  const due = await reminderActions.due();
  if (due.length === 0) return 0;
  for (const n of reminderNotices(due, FORMAT)) {
    const notification = new Notification(n.title, { body: n.body, tag: n.tag });
    notification.onclick = () => {
      window.focus();
      if ((SECTION_IDS as readonly string[]).includes(n.section)) openSection(n.section as SectionId);
    };
  }
  await reminderActions.markShown(due.map((d) => d.key));
  return due.length;
}

export function ReminderPoller({ intervalMs = 5 * 60_000 }: { intervalMs?: number }) {
  useEffect(() => {
    if (isDesktop()) return undefined;
    const reminders = liveLoader(REMINDER_READS, showDueReminders, () => undefined, () => undefined);
    const unwatch = reminders.watch();
    const timer = setInterval(() => void reminders.load(), intervalMs);
    return () => {
      clearInterval(timer);
      unwatch();
    };
  }, [intervalMs]);
  return null;
}
