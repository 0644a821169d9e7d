import { Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { isAllowedExternalUrl } from '../external-links';

export function buildAppMenu(getWindow: () => BrowserWindow | null, dataDir: string): Menu {
  const isMac = process.platform === 'darwin';
  const go = (hash: string) => () => {
    const win = getWindow();
    if (win) void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
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
            if (isAllowedExternalUrl(url)) void shell.openExternal(url);
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
