import path from 'node:path';
import { dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { ApiResult } from '../../shared/api/define';
import type { BackupInfo } from '../../shared/api/backup-api';
import { isAllowedExternalUrl } from '../external-links';

export function buildAppMenu(getWindow: () => BrowserWindow | null, dataDir: string, backupNow: () => Promise<ApiResult<unknown>>): Menu {
  const isMac = process.platform === 'darwin';
  const go = (hash: string) => () => {
    const win = getWindow();
    if (win) void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  };
  const backUp = async () => {
    const r = await backupNow();
    const win = getWindow();
    const options = r.ok
      ? { type: 'info' as const, message: 'Backup saved', detail: `${(r.value as BackupInfo).file} in ${path.join(dataDir, 'backups')}` }
      : { type: 'error' as const, message: 'The backup failed', detail: r.error.message };
    if (win) void dialog.showMessageBox(win, options);
    else void dialog.showMessageBox(options);
    // The backup went through the dispatcher, which announced it: an open Settings screen reloads its list.
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Back Up Now', click: () => void backUp() },
        { label: 'Restore…', click: go('#/settings') },
        { type: 'separator' },
        { label: 'Import…', click: go('#/data') },
        { label: 'Export…', click: go('#/data') },
        { type: 'separator' },
        { label: 'Show Data Folder', click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: [
        { label: 'Dashboard', accelerator: 'CmdOrCtrl+1', click: go('#/dashboard') },
        { label: 'Profile', accelerator: 'CmdOrCtrl+2', click: go('#/profile') },
        { label: 'Programs', accelerator: 'CmdOrCtrl+3', click: go('#/programs') },
        { label: 'Applications', accelerator: 'CmdOrCtrl+4', click: go('#/applications') },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: go('#/settings') },
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'NRMP Match Calendar',
          click: () => {
            const url = 'https://www.nrmp.org/';
            // electronegativity: OPEN_EXTERNAL_JS_CHECK — a fixed https: URL, checked by isAllowedExternalUrl.
            if (isAllowedExternalUrl(url)) void shell.openExternal(url);
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
