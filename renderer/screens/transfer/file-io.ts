// Files in and out of the renderer: a chosen file is read as base64 (with progress) to go
// through the API; an exported file comes back as base64 and is saved as a download.
import type { ExportedFile } from '../../../shared/api/transfer-api';
import { MAX_IMPORT_BYTES } from '../../../shared/domain/import-fields';

export const MAX_MB = MAX_IMPORT_BYTES / (1024 * 1024);

/** Why a file cannot be imported before reading it, or null. */
export function fileSizeProblem(file: File): string | null {
  if (file.size === 0) return `${file.name} is empty. Choose the file you exported from your spreadsheet (CSV or XLSX).`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `${file.name} is ${(file.size / (1024 * 1024)).toFixed(1)} MB; import at most ${MAX_MB} MB at a time. Split the file or remove columns you do not need.`;
  }
  return null;
}

/** Reads a file as base64, reporting progress from 0 to 1. */
export function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read (${reader.error?.message ?? 'unknown error'}). Choose it again.`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      onProgress(1);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Saves an exported file through the browser's download (a save dialog in the desktop app). */
export function download(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
