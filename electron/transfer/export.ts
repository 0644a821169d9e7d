// Spreadsheets out: programs and applications (with their status history) as CSV or XLSX,
// and empty templates. The headers are the import's own labels, so an exported file
// imports back unchanged.
import Papa from 'papaparse';
import type { Db } from '../db/open';
import { createApplicationsRepo } from '../db/repos/applications-repo';
import { createProgramsRepo } from '../db/repos/programs-repo';
import { APPLICATION_FIELDS, PROGRAM_FIELDS, triCell, type ImportField } from '../../shared/domain/import-fields';
import { APPLICATION_STATUS_LABELS, type ApplicationEvent } from '../../shared/domain/application';
import { PROGRAM_LABELS, type Program } from '../../shared/domain/program';
import type { ExportedFile } from '../../shared/api/transfer-api';
import { neutraliseCell } from '../../shared/import/formula-cells';
import { recordsByApplication } from './invitation-import';

type Cell = string | number;
interface Table {
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Shown in the XLSX only. */
  widths?: number[];
}

const MIME = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', json: 'application/json' } as const;

/** Program columns in the order of the import fields, J-1/H-1B folded into Visa. */
const PROGRAM_EXPORT_FIELDS = PROGRAM_FIELDS.filter((f) => f.key !== 'j1' && f.key !== 'h1b' && f.key !== 'cityState');
const VISA_CELL = { j1: 'J-1', h1b: 'H-1B', both: 'Both', none: 'None', unknown: 'Unknown' } as const;
const SETTING_CELL = { community: 'Community', community_university_affiliated: 'Community university-affiliated', university: 'University', top_academic: 'Top academic', unknown: 'Unknown' } as const;
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const num = (n: number | null): Cell => (n === null ? '' : n);

function programCell(p: Program, key: (typeof PROGRAM_EXPORT_FIELDS)[number]['key']): Cell {
  const i = p.institution;
  switch (key) {
    case 'institution': return i.name;
    case 'track': return PROGRAM_LABELS.track[p.track];
    case 'nrmpCode': return p.nrmpCode;
    case 'erasProgramId': return p.erasProgramId;
    case 'city': return i.city;
    case 'state': return i.state;
    case 'setting': return SETTING_CELL[i.setting];
    case 'visa': return VISA_CELL[i.visaSponsorship];
    case 'acgmeId': return i.acgmeId;
    case 'minStep2ck': return p.noStep2ckCutoff ? 'None' : num(p.minStep2ck);
    case 'minStep2ckKind': return p.minStep2ck === null || !p.minStep2ckKindStated ? '' : p.minStep2ckKind === 'strict' ? 'Strict' : 'Preference';
    case 'minStep1': return num(p.minStep1);
    case 'minStep1Kind': return p.minStep1Kind === 'strict' ? 'Strict' : 'Preference';
    case 'imgSharePct': return num(i.imgSharePct);
    case 'nonUsImgResidents': return triCell(i.nonUsImgResidents);
    case 'imgFriendliness': return i.imgFriendliness === 'unknown' ? '' : PROGRAM_LABELS.imgFriendliness[i.imgFriendliness];
    case 'maxYearsSinceGraduation': return p.minGraduationYear !== null ? `${p.minGraduationYear}+` : p.noGraduationLimit ? 'No limit' : num(p.maxYearsSinceGraduation);
    case 'usceRequired': return p.uscePreferred ? 'Preferred' : triCell(p.usceRequired);
    case 'applicationsReceived': return num(p.applicationsReceived);
    case 'pgy1Salary': return num(i.pgy1Salary);
    case 'usceMonthsRequired': return num(p.usceMonthsRequired);
    case 'firstAttemptOnly': return triCell(p.firstAttemptOnly);
    case 'positionsOffered': return num(p.positionsOffered);
    case 'unfilledHistory':
      if (p.unfilledHistory.length > 0) return p.unfilledHistory.map((u) => `${u.year}: ${u.unfilled}`).join('; ');
      if (p.unfilledYears.length > 0) return `SOAP ${p.unfilledYears.join(', ')}`;
      return p.unfilledCount !== null && p.unfilledWindow !== null ? `${p.unfilledCount}/${p.unfilledWindow}` : '';
    case 'website': return i.website;
    case 'pdName': return i.pdName;
    case 'pdEmail': return i.pdEmail;
    case 'coordinatorName': return i.coordinatorName;
    case 'coordinatorEmail': return i.coordinatorEmail;
    case 'researchHeavy': return yesNo(i.researchHeavy);
    case 'internalConnection': return yesNo(i.internalConnection);
    case 'acceptsSignals': return triCell(i.acceptsSignals);
    case 'signalSent': return yesNo(i.signalSent);
    case 'onList': return yesNo(p.onList);
    case 'tags': return p.tags.join('; ');
    case 'notes': return p.notes;
    case 'dataSource': return i.dataSource;
    case 'lastVerified': return i.lastVerified ?? '';
  }
}

function programsTable(db: Db): Table {
  const programs = createProgramsRepo(db).list();
  return {
    name: 'Programs',
    headers: PROGRAM_EXPORT_FIELDS.map((f) => f.label),
    rows: programs.map((p) => PROGRAM_EXPORT_FIELDS.map((f) => programCell(p, f.key))),
    widths: PROGRAM_EXPORT_FIELDS.map((f) => (f.key === 'institution' ? 40 : f.key === 'notes' ? 40 : 16)),
  };
}

function applicationTables(db: Db): Table[] {
  const programs = new Map(createProgramsRepo(db).list().map((p) => [p.id, p]));
  const repo = createApplicationsRepo(db);
  const history = new Map<number, ApplicationEvent[]>();
  for (const e of repo.allHistory()) history.set(e.applicationId, [...(history.get(e.applicationId) ?? []), e]);
  const apps = repo.list().sort((a, b) => {
    const pa = programs.get(a.programId)!;
    const pb = programs.get(b.programId)!;
    return pa.institution.name.localeCompare(pb.institution.name) || pa.track.localeCompare(pb.track);
  });
  // The invite and interview days: the invitation and interview recorded (the inbox, the Interviews tab), else the history's.
  const recordsOf = recordsByApplication(db);
  const dayOf = (a: { id: number }, records: ReturnType<typeof recordsOf>, status: 'interview_invited' | 'interviewed'): string =>
    (status === 'interview_invited' ? records.invitation?.receivedAt : records.interview?.localStart)?.slice(0, 10) ?? (history.get(a.id) ?? []).find((e) => e.status === status)?.date ?? '';
  const programCells = (id: number): Cell[] => {
    const p = programs.get(id)!;
    return [p.institution.name, PROGRAM_LABELS.track[p.track], p.nrmpCode];
  };
  const main: Table = {
    name: 'Applications',
    headers: [...APPLICATION_FIELDS.map((f) => f.label), 'History'],
    rows: apps.map((a) => [
      ...programCells(a.programId),
      APPLICATION_STATUS_LABELS[a.status],
      a.statusDate,
      a.submittedOn ?? '',
      a.notes,
      dayOf(a, recordsOf(a.id), 'interview_invited'),
      dayOf(a, recordsOf(a.id), 'interviewed'),
      (history.get(a.id) ?? []).map((e) => `${e.date} ${APPLICATION_STATUS_LABELS[e.status]}${e.note ? ` (${e.note})` : ''}`).join('; '),
    ]),
    widths: [40, 14, 12, 18, 12, 12, 30, 12, 12, 60],
  };
  const events: Table = {
    name: 'Status history',
    headers: ['Institution', 'Track', 'NRMP code', 'Date', 'From', 'To', 'Note', 'Recorded at'],
    rows: apps.flatMap((a) =>
      (history.get(a.id) ?? []).map((e) => [...programCells(a.programId), e.date, e.fromStatus ? APPLICATION_STATUS_LABELS[e.fromStatus] : '', APPLICATION_STATUS_LABELS[e.status], e.note, e.recordedAt]),
    ),
    widths: [40, 14, 12, 12, 18, 18, 30, 26],
  };
  return [main, events];
}

/** A template: the columns with one example row (it imports as it is), and a sheet explaining each column (XLSX). */
function templateTables(fields: readonly ImportField[], name: string): Table[] {
  return [
    { name, headers: fields.map((f) => f.label), rows: [fields.map((f) => f.example)], widths: fields.map(() => 18) },
    { name: 'How to fill', headers: ['Column', 'What to write', 'Example', 'Also recognised as'], rows: fields.map((f) => [f.label, f.hint, f.example, f.aliases.join(', ')]), widths: [28, 60, 28, 70] },
  ];
}

/** Text cells that a spreadsheet would run as a formula get an apostrophe first (OWASP CSV Injection); numbers stay numbers. */
function safeRows(t: Table): Cell[][] {
  return t.rows.map((r) => r.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c)));
}

function toCsv(t: Table): Buffer {
  // A BOM so that Excel reads the file as UTF-8.
  return Buffer.from(`\uFEFF${Papa.unparse({ fields: t.headers.map(neutraliseCell), data: safeRows(t) }, { newline: '\r\n' })}\r\n`, 'utf8');
}

async function toXlsx(tables: Table[]): Promise<Buffer> {
  // Loaded on first use: exceljs costs ~20 MB of memory, and most sessions never write a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prelim Tracker';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.headers.map(neutraliseCell)).font = { bold: true };
    // exceljs writes strings as text cells; the same prefix keeps them inert if the sheet is later saved as CSV.
    for (const r of safeRows(t)) ws.addRow(r);
    t.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const day = (now: Date) => now.toISOString().slice(0, 10);

export async function exportFile(db: Db, what: 'programs' | 'applications' | 'programs-template' | 'applications-template', format: 'csv' | 'xlsx', now: Date): Promise<ExportedFile> {
  const tables =
    what === 'programs' ? [programsTable(db)] : what === 'applications' ? applicationTables(db) : what === 'programs-template' ? templateTables(PROGRAM_EXPORT_FIELDS, 'Programs') : templateTables(APPLICATION_FIELDS, 'Applications');
  const base = what.endsWith('template') ? `prelim-tracker-${what}` : `prelim-tracker-${what}-${day(now)}`;
  const bytes = format === 'csv' ? toCsv(tables[0]!) : await toXlsx(tables);
  return { fileName: `${base}.${format}`, mimeType: MIME[format], base64: bytes.toString('base64') };
}

export function exportJsonFile(json: unknown, now: Date): ExportedFile {
  return { fileName: `prelim-tracker-export-${day(now)}.json`, mimeType: MIME.json, base64: Buffer.from(JSON.stringify(json), 'utf8').toString('base64') };
}
