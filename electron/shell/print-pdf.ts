// The desktop app's "Save as PDF" for the advisor report: the page prints itself with its
// print stylesheet (Electron's webContents.printToPDF) into a file the user chooses.
import fs from 'node:fs/promises';
import { dialog, ipcMain, type BrowserWindow } from 'electron';

/** Same literal as the preload's (it bundles alone). */
export const PRINT_PDF_CHANNEL = 'prelim:print-pdf';

export type PrintPdfResult = { saved: false } | { saved: true; path: string };

/** A file name of letters, digits, spaces, dots and dashes only, ending in .pdf. */
export function safePdfName(name: unknown): string {
  const base = typeof name === 'string' ? name.replace(/[^A-Za-z0-9 ._-]/g, '').trim().slice(0, 80) : '';
  return `${base.replace(/\.pdf$/i, '') || 'report'}.pdf`;
}

export function registerPrintToPdf(getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, suggestedName: unknown): Promise<PrintPdfResult> => {
    const win = getWindow();
    if (!win || event.sender !== win.webContents || !event.senderFrame?.url.startsWith('file://')) throw new Error('Refused: the request did not come from the app.');
    const choice = await dialog.showSaveDialog(win, { title: 'Save the report as PDF', defaultPath: safePdfName(suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'Letter' });
    await fs.writeFile(choice.filePath, pdf);
    return { saved: true, path: choice.filePath };
  });
}
