// Hostile import files (issue 11): zip bombs (size, shared strings, ratio, a directory that
// lies), too many parts, rows, columns or characters in a cell, damaged and disguised files,
// and full JSON exports that are not what the app wrote. Each is refused with its documented
// message, or (formula cells) taken as plain text; nothing is written by a refused file.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { institution, track } from '../fixtures';
import { dumpDb, openTestServices } from './helpers';

type Outcome = { refused: RegExp } | { accepted: true };
interface HostileFile {
  name: string;
  kind: 'sheet' | 'json';
  file: () => Promise<{ name: string; bytes: Buffer }> | { name: string; bytes: Buffer };
  expect: Outcome;
}

async function realXlsx(rows: (string | number)[][] = [['Institution', 'NRMP Code', 'City', 'State'], ['Lakeview', '1234440P0', 'Dayton', 'OH']]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Programs');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A real workbook with parts replaced or added (JSZip, DEFLATE). */
async function workbookWith(parts: Record<string, string | Buffer>, base?: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base ?? (await realXlsx()));
  for (const [p, content] of Object.entries(parts)) zip.file(p, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Sets the uncompressed size of one part in both its local header and the central directory (a directory that lies). */
function lieAboutSize(zip: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(part);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + out.readUInt16LE(i + 26)).equals(name)) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + out.readUInt16LE(i + 28)).equals(name)) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

const sheetXml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
const csv = (text: string) => Buffer.from(text, 'utf8');
const BOMB = /zip bomb/;

let exportText = '';
const exportWith = (edit: (e: { formatVersion: number; schemaVersion: number; tables: Record<string, { columns: string[]; rows: unknown[][] }> } & Record<string, unknown>) => void) => {
  const data = JSON.parse(exportText) as Parameters<typeof edit>[0];
  edit(data);
  return { name: 'prelim-tracker-export.json', bytes: csv(JSON.stringify(data)) };
};
const col = (data: { tables: Record<string, { columns: string[] }> }, table: string, column: string) => data.tables[table]!.columns.indexOf(column);

const corpus: HostileFile[] = [
  // Zip bombs and damaged workbooks: refused from the zip directory or while streaming, before exceljs.
  { name: 'a sheet that unzips to 110 MB', kind: 'sheet', file: async () => ({ name: 'bomb.xlsx', bytes: await workbookWith({ 'xl/worksheets/sheet1.xml': sheetXml('<row r="1"/>'.padEnd(110 * 1024 * 1024, ' ')) }) }), expect: { refused: /unzips to 110 MB/ } },
  { name: 'shared strings of 40 MB', kind: 'sheet', file: async () => ({ name: 'strings.xlsx', bytes: await workbookWith({ 'xl/sharedStrings.xml': `<sst>${'<si><t>a</t></si>'.repeat(40 * 1024 * 1024 / 16)}</sst>` }) }), expect: { refused: /text cells take \d+ MB \(at most 32 MB\)/ } },
  { name: 'a part that expands 1,000 times', kind: 'sheet', file: async () => ({ name: 'ratio.xlsx', bytes: await workbookWith({ 'docProps/custom.xml': ' '.repeat(30 * 1024 * 1024) }) }), expect: { refused: /expands \d+ times/ } },
  {
    name: 'a directory that says 1 KB for 30 MB',
    kind: 'sheet',
    file: async () => ({ name: 'liar.xlsx', bytes: lieAboutSize(await workbookWith({ 'xl/worksheets/sheet1.xml': sheetXml('<row r="1"/>'.padEnd(30 * 1024 * 1024, ' ')) }), 'xl/worksheets/sheet1.xml', 1024) }),
    expect: { refused: /does not unzip to the size its directory declares/ },
  },
  { name: '3,000 parts', kind: 'sheet', file: async () => ({ name: 'parts.xlsx', bytes: await workbookWith(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`x/${i}.txt`, 'x']))) }), expect: { refused: /holds 3,0\d\d parts/ } },
  { name: '30,000 rows of XML', kind: 'sheet', file: async () => ({ name: 'rows.xlsx', bytes: await workbookWith({ 'xl/worksheets/sheet1.xml': sheetXml(Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('')) }) }), expect: { refused: /more than 21,000 rows/ } },
  { name: 'a 200,000-character cell in the sheet XML', kind: 'sheet', file: async () => ({ name: 'cell.xlsx', bytes: await workbookWith({ 'xl/worksheets/sheet1.xml': sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(200_000)}</t></is></c></row>`) }) }), expect: { refused: /cell longer than 32,767 characters/ } },
  { name: 'a workbook cut in half', kind: 'sheet', file: async () => { const b = await realXlsx(); return { name: 'half.xlsx', bytes: b.subarray(0, Math.floor(b.length / 2)) }; }, expect: { refused: /could not be read as an Excel workbook/ } },
  { name: 'a zip that is not a workbook', kind: 'sheet', file: async () => { const z = new JSZip(); z.file('readme.txt', 'hello'); return { name: 'notes.xlsx', bytes: await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) }; }, expect: { refused: /could not be read as an Excel workbook|has no rows/ } },
  { name: 'a workbook whose sheet XML is garbage', kind: 'sheet', file: async () => ({ name: 'garbage.xlsx', bytes: await workbookWith({ 'xl/worksheets/sheet1.xml': '<<<not xml' }) }), expect: { refused: /could not be read as an Excel workbook|has no rows/ } },
  { name: 'an old .xls', kind: 'sheet', file: () => ({ name: 'old.xls', bytes: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]) }), expect: { refused: /old-style Excel file/ } },
  { name: 'CSV text named .xlsx', kind: 'sheet', file: () => ({ name: 'fake.xlsx', bytes: csv('Institution,City\nA,B\n') }), expect: { refused: /named like an Excel workbook but is not one/ } },
  { name: 'a workbook with 250 columns', kind: 'sheet', file: async () => ({ name: 'wide.xlsx', bytes: await realXlsx([Array.from({ length: 250 }, (_, i) => `Col ${i}`), Array.from({ length: 250 }, () => 'x')]) }), expect: { refused: /columns; keep at most 200|more than 200 columns|200 columns/ } },
  // CSV
  { name: 'a CSV cell of 200,000 characters', kind: 'sheet', file: () => ({ name: 'long.csv', bytes: csv(`Institution,City\n${'a'.repeat(200_000)},Dayton\n`) }), expect: { refused: /cell longer than 32,767 characters/ } },
  { name: 'binary data', kind: 'sheet', file: () => ({ name: 'data.csv', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) }), expect: { refused: /binary data|not a spreadsheet/ } },
  { name: 'NUL bytes', kind: 'sheet', file: () => ({ name: 'nul.csv', bytes: Buffer.alloc(2048) }), expect: { refused: /binary data|not a spreadsheet|no rows/ } },
  { name: '25,000 rows', kind: 'sheet', file: () => ({ name: 'rows.csv', bytes: csv(`Institution,City\n${Array.from({ length: 25_000 }, (_, i) => `H${i},C`).join('\n')}\n`) }), expect: { refused: /25,000 rows; import at most 20,000/ } },
  { name: '250 columns', kind: 'sheet', file: () => ({ name: 'wide.csv', bytes: csv(`${Array.from({ length: 250 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 250 }, () => 'x').join(',')}\n`) }), expect: { refused: /250 columns; keep at most 200/ } },
  { name: 'an unclosed quote', kind: 'sheet', file: () => ({ name: 'quote.csv', bytes: csv('Institution,City\n"Lakeview,Dayton\n') }), expect: { refused: /quoted cell is not closed/ } },
  { name: 'only a byte-order mark', kind: 'sheet', file: () => ({ name: 'bom.csv', bytes: Buffer.from([0xef, 0xbb, 0xbf]) }), expect: { refused: /has no rows/ } },
  { name: 'only blank lines', kind: 'sheet', file: () => ({ name: 'blank.csv', bytes: csv('\n\n\r\n  \n') }), expect: { refused: /has no rows/ } },
  { name: 'a JSON export given to the CSV import', kind: 'sheet', file: () => ({ name: 'export.json', bytes: csv('{"format":"prelim-tracker-export"}') }), expect: { refused: /Import everything from JSON/ } },
  { name: 'formula cells', kind: 'sheet', file: () => ({ name: 'formulas.csv', bytes: csv(`Institution,NRMP Code,City,State\n"=cmd|' /C calc'!A0",1234440P0,@SUM(A1),OH\n`) }), expect: { accepted: true } },
  { name: 'UTF-16 with a BOM and control characters', kind: 'sheet', file: () => ({ name: 'u16.csv', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\u0001\u0002\u0003\u0004'.repeat(500), 'utf16le')]) }), expect: { refused: /binary data|not a spreadsheet/ } },
  // Full JSON exports that are not what the app wrote.
  { name: 'not JSON', kind: 'json', file: () => ({ name: 'x.json', bytes: csv('{"format": ') }), expect: { refused: /is not valid JSON/ } },
  { name: 'JSON nested 200,000 deep', kind: 'json', file: () => ({ name: 'deep.json', bytes: csv('['.repeat(200_000) + ']'.repeat(200_000)) }), expect: { refused: /not valid JSON|not a Prelim Tracker export|not a complete/ } },
  { name: 'another format', kind: 'json', file: () => exportWith((d) => (d.format = 'someone-else')), expect: { refused: /not a Prelim Tracker export/ } },
  { name: 'a newer export format', kind: 'json', file: () => exportWith((d) => (d.formatVersion = 99)), expect: { refused: /newer export format/ } },
  { name: 'a newer schema', kind: 'json', file: () => exportWith((d) => (d.schemaVersion = 999)), expect: { refused: /newer version of Prelim Tracker/ } },
  { name: 'an unknown table', kind: 'json', file: () => exportWith((d) => (d.tables.evil = { columns: ['x'], rows: [[1]] })), expect: { refused: /table "evil" this version of Prelim Tracker does not know/ } },
  { name: 'a table name with SQL in it', kind: 'json', file: () => exportWith((d) => (d.tables['institution"; DROP TABLE program; --'] = { columns: ['x'], rows: [] })), expect: { refused: /does not know/ } },
  { name: 'a __proto__ table', kind: 'json', file: () => ({ name: 'proto.json', bytes: csv(exportText.replace('"tables":{', '"tables":{"__proto__":{"columns":["x"],"rows":[]},')) }), expect: { refused: /does not know|not a complete/ } },
  { name: 'an unknown column', kind: 'json', file: () => exportWith((d) => d.tables.institution!.columns.push('evil')), expect: { refused: /columns this version does not know \(evil\)|values for/ } },
  { name: 'a column name with SQL in it', kind: 'json', file: () => exportWith((d) => (d.tables.institution!.columns[1] = 'name) VALUES (1); DROP TABLE program; --')), expect: { refused: /columns this version does not know/ } },
  { name: 'a row of the wrong length', kind: 'json', file: () => exportWith((d) => d.tables.institution!.rows[0]!.pop()), expect: { refused: /values for \d+ columns/ } },
  { name: 'a state the editor would not store', kind: 'json', file: () => exportWith((d) => (d.tables.institution!.rows[0]![col(d, 'institution', 'state')] = 'zz')), expect: { refused: /state/i } },
  { name: 'a NUL-only institution name', kind: 'json', file: () => exportWith((d) => (d.tables.institution!.rows[0]![col(d, 'institution', 'name')] = '\u0000')), expect: { refused: /cannot be loaded|name/i } },
  { name: 'a program of a missing institution', kind: 'json', file: () => exportWith((d) => (d.tables.program!.rows[0]![col(d, 'program', 'institution_id')] = 999)), expect: { refused: /point to missing rows/ } },
  { name: 'a letter asked on 9999-12-31', kind: 'json', file: () => exportWith((d) => (d.tables.letter!.rows[0]![col(d, 'letter', 'asked_on')] = '9999-12-31')), expect: { refused: /"9999-12-31" in "asked_on", not a date from 1960 to 2100/ } },
  { name: 'a creation time that is not a time', kind: 'json', file: () => exportWith((d) => (d.tables.institution!.rows[0]![col(d, 'institution', 'created_at')] = 'yesterday')), expect: { refused: /"yesterday" in "created_at"/ } },
  { name: 'a blob where text belongs', kind: 'json', file: () => exportWith((d) => (d.tables.institution!.rows[0]![col(d, 'institution', 'name')] = { $base64: 'AAAA' })), expect: { refused: /cannot be loaded|name|Nothing was changed/ } },
  { name: 'a number where a date belongs', kind: 'json', file: () => exportWith((d) => (d.tables.letter!.rows[0]![col(d, 'letter', 'asked_on')] = 20261201)), expect: { refused: /in "asked_on"/ } },
];

beforeAll(async () => {
  // A real full export with an institution, its track and a letter, to mutate.
  const src = openTestServices();
  await src.call('institutions.save', { institution: institution({ name: 'Lakeview Regional' }), tracks: [track('preliminary', { nrmpCode: '1234440P0' })] });
  const w = await src.call('writers.save', { name: 'Dr. Jane Smith', location: 'us', isSurgeon: true });
  const l = await src.call('letters.save', { writerId: w.id });
  await src.call('letters.setStage', { id: l.id, stage: 'asked', date: '2026-09-01' });
  const file = await src.call('export.all');
  exportText = Buffer.from(file.base64, 'base64').toString('utf8');
}, 60_000);

describe('hostile import files', () => {
  it(`answers each of ${corpus.length} hostile files as documented and writes nothing for a refused one`, async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    const t = openTestServices();
    await t.call('institutions.save', { institution: institution({ name: 'Live Hospital' }), tracks: [track('preliminary', { nrmpCode: '7777440P0' })] });
    const before = JSON.stringify(dumpDb(t.services.db));
    const fresh = openTestServices(); // an empty database for the JSON cases (a full export loads only into one)
    const freshBefore = JSON.stringify(dumpDb(fresh.services.db));
    const wrong: string[] = [];
    const timings: string[] = [];
    for (const h of corpus) {
      const { name, bytes } = await h.file();
      const upload = { name, base64: bytes.toString('base64') };
      const started = process.hrtime.bigint();
      const r = h.kind === 'json' ? await fresh.raw('import.all', { file: upload }) : await t.raw('import.preview', { kind: 'programs', file: upload });
      timings.push(`${h.name}: ${Number(process.hrtime.bigint() - started) / 1e6} ms`);
      if ('accepted' in h.expect) {
        if (!r.ok) wrong.push(`${h.name}: refused "${r.error.message}"`);
      } else if (r.ok) wrong.push(`${h.name}: accepted`);
      else if (!h.expect.refused.test(r.error.message)) wrong.push(`${h.name}: "${r.error.message.slice(0, 300)}"`);
      if (JSON.stringify(dumpDb(t.services.db)) !== before) wrong.push(`${h.name}: the database changed`);
      if (JSON.stringify(dumpDb(fresh.services.db)) !== freshBefore) wrong.push(`${h.name}: the empty database changed`);
    }
    console.log(`hostile files, time to answer:\n  ${timings.join('\n  ')}`);
    expect(wrong).toEqual([]);
  }, 300_000);

  it('bombs are refused by the content limits, before exceljs reads anything', async () => {
    const t = openTestServices();
    for (const h of corpus.slice(0, 4)) {
      const { name, bytes } = await h.file();
      const r = await t.raw('import.preview', { kind: 'programs', file: { name, base64: bytes.toString('base64') } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(BOMB);
    }
  }, 120_000);

  it('a formula cell comes in as its text', async () => {
    const t = openTestServices();
    const upload = { name: 'f.csv', base64: csv(`Institution,NRMP Code,City,State\n"=cmd|' /C calc'!A0",1234440P0,Dayton,OH\n`).toString('base64') };
    const preview = await t.call('import.preview', { kind: 'programs', file: upload });
    await t.call('import.run', { kind: 'programs', file: upload, mapping: preview.mapping });
    expect((await t.call('programs.list'))[0]!.institution.name).toBe("=cmd|' /C calc'!A0");
  });
});

