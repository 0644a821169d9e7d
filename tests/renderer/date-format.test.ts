// One date format for users: every date the renderer shows goes through
// renderer/components/format.ts, in the user's locale (the weekday where a deadline is shown).
// The helpers are tested here, and a scan keeps other date printing out of the screens.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, formatDueDate, formatInZone, formatTime, formatTimeInZone } from '../../renderer/components/format';

const root = path.resolve(import.meta.dirname, '../..');
const RENDERER = path.join(root, 'renderer');
const FORMAT_FILE = path.join(RENDERER, 'components', 'format.ts');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Ways to print a date other than the helpers. */
const DATE_PRINTING: [string, RegExp][] = [
  ['toLocaleDateString / toLocaleTimeString', /\.toLocale(Date|Time)String\s*\(/],
  ['a Date printed with toLocaleString', /(new Date\([^)]*\)|\b[dD]ate\w*|\b[a-z]\w*At)\??\.toLocaleString\s*\(/],
  ['Intl.DateTimeFormat (other than reading the time zone)', /Intl\.DateTimeFormat\s*\((?![^)]*\)\s*\.resolvedOptions)/],
  ["date-fns's format", /import\s*{[^}]*\bformat\b[^}]*}\s*from\s*['"]date-fns['"]/],
  ['a date formatter of the engine', /import\s*{[^}]*\b(formatDay|formatInstant|easternTime|formatInZone)\b[^}]*}\s*from\s*['"][^'"]*shared\/engine\//],
  ['another formatDay', /import\s*{[^}]*\bformatDay\b/],
  // JSX text such as {d.dueDate} or {c.date} (not an input's value, a key or an error message).
  ['a date field printed as it is stored (e.g. 2026-11-29)', /(?<!(?:value|dateTime|key|min|max|defaultValue)=|\$)\{\s*(?!errors\.)[A-Za-z_][\w.?!]*\.(date|[a-z]\w*Date|[a-z]\w*(?<!hands)On|[a-z]\w*At)\s*\}/],
];

function offenders(files: string[]): string[] {
  return files.flatMap((f) =>
    fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (/^\s*(\/\/|\*)/.test(line) ? [] : DATE_PRINTING.filter(([, re]) => re.test(line)).map(([what]) => `${path.relative(root, f)}:${i + 1}: ${what}: ${line.trim()}`))),
  );
}

describe('dates shown to users', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are written in the user’s locale, with the weekday for due dates', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    expect(formatDate('2026-11-29')).toBe('Nov 29, 2026');
    expect(formatDueDate('2026-11-29')).toBe('Sun, Nov 29, 2026');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
    expect(formatDate('2026-11-29')).toBe('29 Nov 2026');
    expect(formatDueDate('2026-11-29')).toBe('Sun, 29 Nov 2026');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    expect(formatDate('2026-11-29')).toBe('29. Nov. 2026');
  });

  it('read a calendar date as that day wherever the user is, and a time in the zone asked for', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    // The first and last day of a year stay themselves (no UTC shift).
    expect(formatDate('2027-01-01')).toBe('Jan 1, 2027');
    expect(formatDate('2026-12-31')).toBe('Dec 31, 2026');
    // A time stamp keeps its calendar day.
    expect(formatDate('2026-11-29T23:30:00.000Z')).toBe('Nov 29, 2026');
    const at = new Date('2026-11-03T15:00:00Z');
    expect(formatInZone(at, 'America/Chicago')).toBe('Tue, Nov 3, 2026, 9:00 AM CST');
    expect(formatInZone(at, 'America/Chicago', { withYear: false })).toBe('Tue, Nov 3, 9:00 AM CST');
    expect(formatTimeInZone(new Date('2027-03-04T02:00:00Z'), 'America/New_York')).toBe('9:00 PM EST');
    expect(formatDateTime(at)).toMatch(/^Nov \d, 2026, \d{1,2}:00 (AM|PM)$/);
    expect(formatDateTime(at, { seconds: true })).toMatch(/^Nov \d, 2026, \d{1,2}:00:00 (AM|PM)$/);
    expect(formatTime(at)).toMatch(/^\d{1,2}:00 (AM|PM)$/);
  });

  it('show anything that is not a date as it is, never throwing', () => {
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDueDate('2026-13-45')).toBe('2026-13-45');
    expect(formatDateTime('garbage')).toBe('garbage');
    expect(formatTime('')).toBe('');
  });

  it('finds what it looks for (the scan itself)', () => {
    const hits = (line: string) => DATE_PRINTING.filter(([, re]) => re.test(line)).length;
    expect(hits("new Date(iso).toLocaleDateString('en-US')")).toBe(1);
    expect(hits('new Date(x).toLocaleString()')).toBe(1);
    expect(hits("const f = new Intl.DateTimeFormat('en-US', { month: 'short' });")).toBe(1);
    expect(hits("import { format } from 'date-fns';")).toBe(1);
    expect(hits("import { easternTime } from '../../../shared/engine/calendar-dates';")).toBe(1);
    expect(hits("import { formatDay } from '../applications/pipeline-format';")).toBe(1);
    expect(hits('<td>{d.dueDate}</td>')).toBe(1);
    expect(hits('<time dateTime={c.date}>{c.date}</time>')).toBe(1);
    // Allowed: numbers, the zone, inputs' values, the helpers.
    expect(hits("n.toLocaleString('en-US')")).toBe(0);
    expect(hits("{plan.update.toLocaleString('en-US')}")).toBe(0);
    expect(hits('error={errors.invitedOn}')).toBe(0);
    expect(hits('{entry.handsOn}')).toBe(0);
    expect(hits('<p>{x.submittedOn}</p>')).toBe(1);
    expect(hits('Intl.DateTimeFormat().resolvedOptions().timeZone')).toBe(0);
    expect(hits('<input type="date" value={d.dueDate} />')).toBe(0);
    expect(hits('<time dateTime={c.date}>{formatDate(c.date)}</time>')).toBe(0);
  });

  it('are printed only through renderer/components/format.ts', () => {
    const files = sourceFiles(RENDERER).filter((f) => f !== FORMAT_FILE);
    expect(files.length).toBeGreaterThan(50);
    expect(offenders(files)).toEqual([]);
  });
});
