// Import and export: one-shot actions with no state kept between screens (the Import &
// export screen holds the file being imported). An import announces what it wrote, so the
// stores that read programs, applications… reload themselves.
import type { InputOf } from '../../shared/api/contract';
import type { ExportedFile, ImportPlan, ImportPreview, ImportResult, JsonImportResult } from '../../shared/api/transfer-api';
import { api } from '../api/client';

type ImportFile = InputOf<'import.preview'>['file'];

export const transferActions = {
  /** Reads the file's header and guesses each column. */
  preview: (input: InputOf<'import.preview'>): Promise<ImportPreview> => api('import.preview', input),
  /** The dry run: what the import would do, every problem by row and column. Writes nothing. */
  check: (input: InputOf<'import.check'>): Promise<ImportPlan> => api('import.check', input),
  /** Backs up, then imports in one transaction. */
  run: (input: InputOf<'import.run'>): Promise<ImportResult> => api('import.run', input),
  exportFile: (input: InputOf<'export.file'>): Promise<ExportedFile> => api('export.file', input),
  exportAll: (): Promise<ExportedFile> => api('export.all'),
  /** Checks a full JSON export against an empty database without writing. */
  checkAll: (file: ImportFile): Promise<JsonImportResult> => api('import.all', { file, dryRun: true }),
  /** Loads a full JSON export; every store reloads through the change announcement. */
  loadAll: (file: ImportFile): Promise<JsonImportResult> => api('import.all', { file }),
};
