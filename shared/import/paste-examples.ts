// The example text shown in the Import screen's paste box: it must import as it is
// (tests/electron/transfer.test.ts reads it through import.preview/check).
import type { ImportKind } from '../domain/import-fields';

export const PASTE_EXAMPLE: Record<ImportKind, string> = {
  programs: 'Program name\tLocation\tNRMP Code(s)\tVisa sponsorship\tStep 2 cutoff\nLakeview Regional Medical Center\tDayton, Ohio\t1234440C0, 1234440P0\tJ-1\t220+',
  applications: 'NRMP code\tStatus\tApplied on\n1234440P0\tInterview invite\t9/2/2026',
};
