// Desktop notifications for reminders: Electron's Notification around the Electron-free
// loop in ../reminder-loop.ts. Clicking a notification brings the window forward on the
// screen the reminder belongs to.
import { app, Notification, type BrowserWindow } from 'electron';
import type { Dispatch } from '../api/dispatch';
import { localeReminderFormat, startReminderLoop } from '../reminder-loop';

export function startDesktopReminders(dispatch: Dispatch, window: () => BrowserWindow | null): () => void {
  return startReminderLoop({
    dispatch,
    canNotify: () => Notification.isSupported(),
    // Days and times in the app's language, as its screens write them.
    format: localeReminderFormat(app.getLocale() || undefined),
    notify: (notice) => {
      const n = new Notification({ title: notice.title, body: notice.body });
      n.on('click', () => {
        const win = window();
        if (!win || win.isDestroyed()) return;
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
        if (/^[a-z]+$/.test(notice.section)) void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(`#/${notice.section}`)}`);
      });
      n.show();
    },
  });
}
