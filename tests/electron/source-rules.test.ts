// Rules about the source tree that the compiler and the linter cannot see: SQL only in
// electron/db/, and every domain-rule reference pointing to a section of docs/DOMAIN.md
// that exists (nothing refers to documents outside the repository).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', 'release', '.native', 'test-results', '.git', '.vite']);

function files(dir: string, exts: RegExp): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const rel = dir === '.' ? entry.name : path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(rel, exts));
    else if (exts.test(entry.name)) out.push(rel);
  }
  return out;
}

const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
/** SQL as the code writes it: statements in upper case, or a call that runs SQL. */
const SQL = /\b(SELECT\s+[\w*"]|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)\s|ALTER\s+TABLE\s|DROP\s+TABLE\s|PRAGMA\s+\w)|\.prepare\(|\.exec\(\s*['"`]/;

describe('SQL lives in electron/db only', () => {
  it('finds no SQL in the app outside electron/db/', () => {
    const offenders: string[] = [];
    for (const file of [...files('electron', SOURCE), ...files('shared', SOURCE), ...files('renderer', SOURCE)]) {
      if (file.startsWith('electron/db/')) continue;
      fs.readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (SQL.test(line) && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself sees SQL (so it cannot pass by accident)', () => {
    expect(SQL.test("db.prepare('SELECT * FROM program')")).toBe(true);
    expect(SQL.test('`UPDATE application SET notes = @notes`')).toBe(true);
    expect(SQL.test('Select the programs to update')).toBe(false);
  });
});

describe('one clock in the main process', () => {
  /** The machine's time or zone read directly, instead of the handler context's clock. */
  const OWN_CLOCK = /\bnew Date\(\)|\bDate\.now\(\)|\bsystemTimeZone\(|\blocalDateOf\(/;
  it('handlers and repositories take now, the zone and today from the clock (electron/clock.ts)', () => {
    const offenders: string[] = [];
    for (const file of [...files('electron/api', SOURCE), ...files('electron/db/repos', SOURCE), ...files('electron/transfer', SOURCE)]) {
      fs.readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // A line may say why it is not a date (e.g. a random seed): "// not a date".
          if (OWN_CLOCK.test(line) && !/^\s*(\/\/|\*)/.test(line) && !/not a date|zone shown/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself sees a clock read (so it cannot pass by accident)', () => {
    expect(OWN_CLOCK.test('const at = new Date();')).toBe(true);
    expect(OWN_CLOCK.test("localDateOf(now(), 'UTC')")).toBe(true);
    expect(OWN_CLOCK.test('clock.today()')).toBe(false);
  });
});

describe('domain-rule references', () => {
  const domain = fs.readFileSync(path.join(ROOT, 'docs/DOMAIN.md'), 'utf8');
  /** Section numbers of docs/DOMAIN.md: "## 4. Rules" gives 4, "### 4.1 Scores" gives 4.1. */
  const sections = new Set([...domain.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]!));

  it('docs/DOMAIN.md has numbered sections', () => {
    expect(sections.has('4')).toBe(true);
    expect(sections.has('4.1')).toBe(true);
  });

  it('every "DOMAIN §" reference in the code names docs/DOMAIN.md and a section it has', () => {
    const bad: string[] = [];
    let count = 0;
    for (const file of [...files('electron', SOURCE), ...files('shared', SOURCE), ...files('renderer', SOURCE), ...files('tests', SOURCE), ...files('scripts', SOURCE)]) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/([\w./-]*DOMAIN(?:\.md)?) ?§ ?(\d+(?:\.\d+)?)/g)) {
        count += 1;
        if (m[1] !== 'docs/DOMAIN.md') bad.push(`${file}: "${m[0]}" must say docs/DOMAIN.md`);
        else if (!sections.has(m[2]!)) bad.push(`${file}: ${m[0]} is not a section of docs/DOMAIN.md`);
      }
    }
    expect(bad).toEqual([]);
    expect(count).toBeGreaterThan(50);
  });

  it('nothing points to documents outside the repository', () => {
    const outside = /\.\.\/shared\/(DOMAIN|ARCHITECTURE|seed|corpus)|\/work\/shared|(^|[^\w./])shared\/(DOMAIN|ARCHITECTURE)\.md/m;
    const hits = [...files('.', /\.(ts|tsx|js|mjs|cjs|md|json)$/)]
      .filter((f) => f !== 'tests/electron/source-rules.test.ts' && f !== 'package-lock.json')
      .filter((f) => outside.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(hits).toEqual([]);
  });
});
