// The preload exposes exactly two functions: the typed API's invoke, and onChanged, which
// hands the page each change announcement (ChangeEvent, shared/api/domains.ts) and returns
// the function that stops listening. Nothing else of Electron or Node reaches the renderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Same as shared/api/contract.ts and shared/api/domains.ts (kept literal so the preload bundles alone).
const IPC_CHANNEL = 'prelim:invoke';
const CHANGE_CHANNEL = 'prelim:changed';
const PRINT_PDF_CHANNEL = 'prelim:print-pdf';

contextBridge.exposeInMainWorld('prelim', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, method, input),
  /** Saves the page as a PDF (its print stylesheet) where the user chooses; desktop only. */
  printToPdf: (suggestedName: string): Promise<unknown> => ipcRenderer.invoke(PRINT_PDF_CHANNEL, suggestedName),
  onChanged: (listener: (event: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, change: unknown) => listener(change);
    ipcRenderer.on(CHANGE_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(CHANGE_CHANNEL, forward);
    };
  },
});
