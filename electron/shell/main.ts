// The desktop shell: thin on purpose. It owns the window, the menu and the IPC channel;
// everything else (database, handlers) comes from services that run under plain Node.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { registerPrintToPdf } from './print-pdf';
import { IPC_CHANNEL } from '../../shared/api/contract';
import { CHANGE_CHANNEL, type ChangeEvent } from '../../shared/api/domains';
import { isAllowedExternalUrl, isAppPageUrl } from '../external-links';
import { DATABASE_FILE, defaultDataDir } from '../paths';
import { openServices, type AppServices } from '../services';
import { DEFAULT_SIZE, MIN_SIZE, fitToDisplays, loadWindowState, saveWindowState } from '../window-state';
import { CONTENT_SECURITY_POLICY } from '../web/server';
import { buildAppMenu } from './menu';
import { startDesktopReminders } from './reminders';

const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
const windowStateFile = path.join(dataDir, 'window-state.json');
/** The app's one page; IPC answers only it, and no frame may navigate anywhere else. */
const APP_PAGE_URL = pathToFileURL(path.join(__dirname, '..', 'renderer', 'index.html')).href;
let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;
let stopReminders: (() => void) | null = null;

/** better-sqlite3 built for this Electron version by scripts/start.mjs (dev); packaged apps are rebuilt by electron-builder. */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(app.getAppPath(), '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start, (err: unknown) => fatal(err));
}

function start(): void {
  try {
    const binding = electronNativeBinding();
    services = openServices({
      databasePath: path.join(dataDir, DATABASE_FILE),
      mode: 'desktop',
      backupDir: path.join(dataDir, 'backups'),
      ...(binding ? { nativeBinding: binding } : {}),
    });
  } catch (err) {
    fatal(err);
    return;
  }
  const dispatch = services.dispatch;
  // Every successful write is announced to the app's page, whose stores reload what changed.
  services.onChange((event: ChangeEvent) => {
    const contents = mainWindow?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(CHANGE_CHANNEL, event);
  });
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!event.senderFrame || !event.senderFrame.url.startsWith('file://')) {
      return { ok: false, error: { code: 'unknown_method', message: 'Refused: the request did not come from the app.' } };
    }
    return dispatch(method, input);
  });

  // Deny every permission request (camera, notifications are asked for explicitly later).
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  registerPrintToPdf(() => mainWindow);
  buildWindow();
  Menu.setApplicationMenu(buildAppMenu(() => mainWindow, dataDir, () => dispatch('backups.create', undefined)));
  stopReminders = startDesktopReminders(dispatch, () => mainWindow);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) buildWindow();
  });
}

function buildWindow(): void {
  const saved = loadWindowState(windowStateFile);
  const fitted = saved ? fitToDisplays(saved.bounds, screen.getAllDisplays().map((d) => d.workArea)) : null;
  const win = new BrowserWindow({
    ...(fitted ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Prelim Tracker',
    show: false,
    webPreferences: {
      // electronegativity: PRELOAD_JS_CHECK — the preload exposes only invoke/onChanged of the typed API (preload.ts), sandboxed.
      preload: path.join(__dirname, 'preload.cjs'),
      // Middle-click (auxclick) cannot open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  mainWindow = win;
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // No navigation away from the app, no new windows; https/mailto links open outside.
  win.webContents.setWindowOpenHandler(({ url }) => {
    // electronegativity: OPEN_EXTERNAL_JS_CHECK — only https:/mailto: URLs reach openExternal (isAllowedExternalUrl, tested).
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppPageUrl(url, APP_PAGE_URL)) {
      event.preventDefault();
      // electronegativity: OPEN_EXTERNAL_JS_CHECK — only https:/mailto: URLs reach openExternal (isAllowedExternalUrl, tested).
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    }
  });

  // The page cancels beforeunload while it holds unsaved edits (renderer/stores/unsaved.ts):
  // Electron then keeps the window open silently, so ask here, and leave if the user says so
  // (preventDefault lets the unload go on; Electron's documented way).
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Leave without saving', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'You have changes you have not saved.',
      detail: 'Leave without saving them? Choose Stay to go back and save them.',
    });
    if (choice === 0) event.preventDefault();
  });

  const remember = () => {
    if (win.isDestroyed()) return;
    saveWindowState(windowStateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', remember);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });

  void win.loadURL(APP_PAGE_URL);
}

function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox('Prelim Tracker cannot start', message);
  app.exit(1);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  stopReminders?.();
  services?.close();
});
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No frame (main or sub) navigates or is redirected away from the app's page; links that
  // may leave go through will-navigate / the window-open handler to the system browser.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppPageUrl(event.url, APP_PAGE_URL)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppPageUrl(event.url, APP_PAGE_URL)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // electronegativity: OPEN_EXTERNAL_JS_CHECK — only https:/mailto: URLs reach openExternal (isAllowedExternalUrl, tested).
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});
