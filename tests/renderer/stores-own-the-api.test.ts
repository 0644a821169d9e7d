// Screens read stores and call store actions: every renderer call of the API client's
// api() lives in renderer/stores/ or renderer/api/, and nothing reloads the page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const RENDERER = path.join(root, 'renderer');
const ALLOWED = [path.join(RENDERER, 'stores') + path.sep, path.join(RENDERER, 'api') + path.sep];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Calls of api (also `api<…>(` and `(api as …)(`) and imports of it from the client. */
const API_CALL = /(?<![\w.$])api\s*(?:<[^>()]*>)?\s*\(|\(\s*api\s+as\b/;
const API_IMPORT = /import\s*{[^}]*\bapi\b[^}]*}\s*from\s*['"][^'"]*api\/client['"]/;
const PAGE_RELOAD = /location\.reload\s*\(/;

function offenders(pattern: RegExp, files: string[]): string[] {
  return files.flatMap((f) =>
    fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${path.relative(root, f)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('the renderer calls the API only from its stores', () => {
  const all = sourceFiles(RENDERER);
  const outside = all.filter((f) => !ALLOWED.some((a) => f.startsWith(a)));

  it('finds what it looks for (the check itself)', () => {
    expect(API_CALL.test("const r = await api('programs.list');")).toBe(true);
    expect(API_CALL.test('api<M>(method, input)')).toBe(true);
    expect(API_CALL.test('(api as (m: string) => Promise<unknown>)(method)')).toBe(true);
    expect(API_CALL.test('useRankListStore.getState().api(x); openApi(); rapid(1)')).toBe(false);
    expect(API_IMPORT.test("import { api, errorMessage } from '../../api/client';")).toBe(true);
    expect(outside.length).toBeGreaterThan(20);
    expect(all.some((f) => f.startsWith(ALLOWED[0]!))).toBe(true);
  });

  it('no api( call and no import of api outside renderer/stores/ and renderer/api/', () => {
    expect(offenders(API_CALL, outside)).toEqual([]);
    expect(offenders(API_IMPORT, outside)).toEqual([]);
  });

  it('no location.reload(): a restore or an import refreshes the stores through the change announcements', () => {
    expect(offenders(PAGE_RELOAD, all)).toEqual([]);
  });
});
