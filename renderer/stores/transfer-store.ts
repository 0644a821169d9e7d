// Import & export: every api call of the Import & export screen, and the column mappings
// the user chose, remembered per set of headers (the same file, or one with the same
// headers, comes back with the user's choices, not the guesses).
import type { ExportedFile, ImportPlan, ImportPreview, ImportResult, JsonImportResult } from '../../shared/api/transfer-api';
import type { ImportKind } from '../../shared/domain/import-fields';
import { api } from '../api/client';

export interface ImportSource {
  name: string;
  base64: string;
}

export interface ImportOptions {
  sheet?: string;
  cells?: { row: number; col: number; raw: string }[];
  keep?: string[];
}

export const previewImport = (kind: ImportKind, file: ImportSource, sheet?: string): Promise<ImportPreview> =>
  api('import.preview', sheet === undefined ? { kind, file: { name: file.name, base64: file.base64 } } : { kind, file: { name: file.name, base64: file.base64 }, sheet });

export const checkImport = (kind: ImportKind, file: ImportSource, mapping: (string | null)[], options: ImportOptions = {}): Promise<ImportPlan> =>
  api('import.check', { kind, file: { name: file.name, base64: file.base64 }, mapping, ...options });

export const runImport = (kind: ImportKind, file: ImportSource, mapping: (string | null)[], skipInvalid: boolean, options: ImportOptions = {}): Promise<ImportResult> =>
  api('import.run', { kind, file: { name: file.name, base64: file.base64 }, mapping, skipInvalid, ...options });

export const exportFile = (what: 'programs' | 'applications' | 'programs-template' | 'applications-template', format: 'csv' | 'xlsx'): Promise<ExportedFile> => api('export.file', { what, format });
export const exportAll = (): Promise<ExportedFile> => api('export.all');
export const loadAll = (file: ImportSource, dryRun: boolean): Promise<JsonImportResult> => api('import.all', { file, dryRun });

/** Text pasted from a web page or a sheet, as a file the import reads (UTF-8; tabs, commas or aligned columns). */
export function pastedSource(text: string): ImportSource {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: 'pasted table.txt', base64: btoa(bin) };
}

const KEY = 'prelim-tracker.import-mappings';

const headersKey = (kind: ImportKind, headers: readonly string[]) => `${kind}|${headers.map((h) => h.toLowerCase()).join('\u0001')}`;

function stored(): Record<string, (string | null)[]> {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, (string | null)[]>) : {};
  } catch {
    return {};
  }
}

/** The mapping the user last chose for these headers, if any (and only if it still fits them). */
export function rememberedMapping(kind: ImportKind, headers: readonly string[]): (string | null)[] | null {
  const m = stored()[headersKey(kind, headers)];
  return Array.isArray(m) && m.length === headers.length ? m : null;
}

export function rememberMapping(kind: ImportKind, headers: readonly string[], mapping: readonly (string | null)[]): void {
  try {
    const key = headersKey(kind, headers);
    // Keep the last 30 sets of headers (the newest last).
    const entries = Object.entries(stored()).filter(([k]) => k !== key);
    entries.push([key, [...mapping]]);
    globalThis.localStorage?.setItem(KEY, JSON.stringify(Object.fromEntries(entries.slice(-30))));
  } catch {
    // Storage full or disabled: the guesses still work.
  }
}
