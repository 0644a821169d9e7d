// The preload exposes exactly one function: the typed API's invoke. Nothing else of
// Electron or Node reaches the renderer.
import { contextBridge, ipcRenderer } from 'electron';

const IPC_CHANNEL = 'prelim:invoke'; // same as shared/api/contract.ts (kept literal so the preload bundles alone)

contextBridge.exposeInMainWorld('prelim', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, method, input),
});
