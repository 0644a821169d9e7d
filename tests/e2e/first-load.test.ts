// What the built renderer loads before a screen is shown (dist/renderer, built by npm test):
// the first load (index.html's scripts and module preloads) within issue 14's 450 KB, and the
// code of the Dashboard and the Programs table (the usual first screens) without the input
// schemas (zod) or the date library, which only forms and date arithmetic need (the Programs
// editor, detail and panels load after the first rows). Read from the build's own
// source maps, so a change that pulls them back in fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_DIR } from './harness';

const ASSETS = path.join(RENDERER_DIR, 'assets');

/** The files every start loads: index.html's module script and module preloads, and the app (start.tsx's chunk, imported by main.tsx) with what it imports. */
function firstLoadFiles(): string[] {
  const html = fs.readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  const page = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const app = staticGraph(chunkOf('start')).map((f) => `assets/${f}`);
  return [...new Set([...page, ...app])];
}

/** A chunk and every chunk it imports statically (what must be here before it runs). */
function staticGraph(chunk: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(ASSETS, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  visit(chunk);
  return [...seen];
}

/** The source files a chunk was built from (its source map). */
function sourcesOf(file: string): string[] {
  return (JSON.parse(fs.readFileSync(path.join(ASSETS, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
}

const chunkOf = (prefix: string) => {
  const found = fs.readdirSync(ASSETS).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
  expect(found, `one ${prefix} chunk`).toHaveLength(1);
  return found[0]!;
};

describe('the first load', () => {
  it('stays within 450 KB of JavaScript', () => {
    const files = firstLoadFiles();
    expect(files.length).toBeGreaterThan(0);
    const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(RENDERER_DIR, f)).size, 0);
    expect(bytes).toBeLessThanOrEqual(450 * 1024);
  });

  // The first screens after a start: what they need before they show anything.
  it.each([
    ['DashboardScreen', 'renderer/screens/dashboard/DashboardScreen.tsx'],
    ['ProgramsScreen', 'renderer/screens/programs/ProgramsTable.tsx'],
  ])('%s loads neither zod nor date-fns (nor recharts) before it shows its first data', (chunk, ownFile) => {
    const sources = staticGraph(chunkOf(chunk)).flatMap(sourcesOf);
    // The graph is read right: it holds the screen's own code.
    expect(sources.some((s) => s.endsWith(ownFile))).toBe(true);
    expect(sources.filter((s) => /node_modules\/(zod|date-fns|@date-fns|recharts)\//.test(s))).toEqual([]);
  });
});
