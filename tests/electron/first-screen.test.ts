// The browser-mode host draws the Dashboard into the page (electron/web/first-screen.ts) with
// the renderer's build for Node (dist/first-screen, made by `npm run build`, which `npm test`
// runs first). Real SQLite file, real HTTP, the real drawing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { FIRST_SCREEN_CALLS, FIRST_SCREEN_DATA_ID } from '../../shared/api/first-screen';
import { firstScreenDrawer, INLINE_SCRIPT, localeOfAcceptLanguage, pageWithFirstScreen, scriptJson, styleAttributeSources, type DrawFirstScreen } from '../../electron/web/first-screen';
import type { Dispatch } from '../../electron/api/dispatch';
import { institution, seedExampleProfile, track } from '../fixtures';
import { openTestServices, tempDir } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');
const RENDERER_DIR = path.join(root, 'dist', 'renderer');
const MODULE = path.join(root, 'dist', 'first-screen', 'first-screen-server.js');

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** The page's text as the browser shows it: React's markers between adjacent texts left out. */
const text = (html: string) => html.replace(/<!-- -->/g, '');

function get(port: number, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: '/', headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function seeded() {
  const t = openTestServices();
  await t.call('profile.save', seedExampleProfile());
  const saved = await t.call('institutions.save', { institution: institution(), tracks: [track('preliminary'), track('categorical')] });
  const ids = saved.programs.map((p) => p.id);
  await t.call('programs.setOnList', { ids, onList: true });
  await t.call('applications.create', { programIds: ids.slice(0, 1), status: 'submitted', date: '2026-11-20' });
  return t;
}

async function startWith(dispatch: Dispatch, drawFirstScreen?: DrawFirstScreen) {
  server = await startWebServer({ dispatch, staticDir: RENDERER_DIR, ...(drawFirstScreen ? { drawFirstScreen } : {}) });
  return server;
}

const sha = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const answersIn = (page: string): Record<string, unknown> => {
  const m = new RegExp(`<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">([^<]*)</script>`).exec(page);
  if (!m) throw new Error('no answers in the page');
  return JSON.parse(m[1]!) as Record<string, unknown>;
};

describe('the first screen drawn by the host', () => {
  it('sends the Dashboard drawn from the same answers the page gets, and the policy that lets exactly its inline parts run', async () => {
    expect(fs.existsSync(MODULE), 'dist/first-screen is built by npm run build').toBe(true);
    const t = await seeded();
    const s = await startWith(t.services.dispatch, firstScreenDrawer(t.services.dispatch, MODULE));
    const res = await get(s.port, { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(res.status).toBe(200);
    const page = res.body;
    const summary = await t.call('dashboard.summary');
    const shown = text(page);
    // The drawing: the Dashboard's grid with its numbers, inside the root element.
    expect(page).toMatch(/<div id="root"><div class="app">.*class="dash-grid"/s);
    expect(shown).toContain(`${summary.programCount} programs · ${summary.onListCount} on your list`);
    expect(shown).toContain(`${summary.applicationCount} in all`);
    // The answers it was drawn from: exactly what the page would get by asking.
    const answers = answersIn(page);
    expect(Object.keys(answers).sort()).toEqual([...FIRST_SCREEN_CALLS].sort());
    for (const method of FIRST_SCREEN_CALLS) expect(answers[method]).toEqual(await t.call(method));
    // One inline script (the head's), allowed by its hash in the header and in the page's meta;
    // every style attribute of the drawing allowed by its hash, nothing else inline.
    const inline = [...page.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1]);
    expect(inline).toEqual([INLINE_SCRIPT]);
    const styles = [...new Set([...page.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]!))];
    expect(styles.length).toBeGreaterThan(0); // the readiness bar's width at least
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)![1]!;
    for (const policy of [String(res.headers['content-security-policy']), meta]) {
      const scriptSrc = /script-src ([^;]*)/.exec(policy)![1]!.split(' ');
      expect(scriptSrc).toEqual(["'self'", sha(INLINE_SCRIPT)]);
      const styleSrc = /style-src ([^;]*)/.exec(policy)![1]!.split(' ');
      expect(styleSrc).toEqual(["'self'", "'unsafe-hashes'", ...styles.map(sha)]);
      expect(policy).not.toContain('unsafe-inline');
    }
  });

  it("draws dates in the browser's language, and any Accept-Language header is taken without harm", async () => {
    const t = await seeded();
    const s = await startWith(t.services.dispatch, firstScreenDrawer(t.services.dispatch, MODULE));
    const summary = await t.call('dashboard.summary');
    const entry = [...summary.overdue, ...summary.nextDeadlines][0];
    expect(entry, 'the seeded season has something due').toBeDefined();
    const [y, m, d] = entry!.userDate.split('-').map(Number);
    const day = new Date(y!, m! - 1, d!, 12);
    const german = new Intl.DateTimeFormat('de-DE', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(day);
    const english = new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(day);
    expect((await get(s.port, { 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' })).body).toContain(german);
    expect((await get(s.port, { 'Accept-Language': 'en-US' })).body).toContain(english);
    for (const header of ['!!!', '*', 'x'.repeat(500), 'en-US;q=abc,,,', 'zz-ZZZZZZZZZ-1']) {
      const res = await get(s.port, { 'Accept-Language': header });
      expect(res.status).toBe(200);
      expect(res.body).toContain('class="dash-grid"');
    }
    expect(localeOfAcceptLanguage('de-de,de;q=0.9')).toBe('de-DE');
    expect(localeOfAcceptLanguage('!!!')).toBeUndefined();
    expect(localeOfAcceptLanguage(undefined)).toBeUndefined();
  });

  it('draws what is in the database now: a change shows in the next page', async () => {
    const t = await seeded();
    const s = await startWith(t.services.dispatch, firstScreenDrawer(t.services.dispatch, MODULE));
    expect(text((await get(s.port)).body)).toContain('1 in all');
    const programs = await t.call('programs.list');
    await t.call('applications.create', { programIds: [programs[1]!.id], status: 'considering', date: '2026-11-21' });
    const page = (await get(s.port)).body;
    expect(text(page)).toContain('2 in all');
    expect((answersIn(page)['dashboard.summary'] as { applicationCount: number }).applicationCount).toBe(2);
  });

  it('sends the page without a drawing (and its policy unchanged) when the drawing is missing, not what is expected, fails, or a call is refused', async () => {
    const t = await seeded();
    const plain = async (drawFirstScreen: DrawFirstScreen, dispatch: Dispatch = t.services.dispatch, method = 'GET') => {
      const s = await startWith(dispatch, drawFirstScreen);
      const res = await get(s.port, {}, method);
      await server?.close();
      server = null;
      expect(res.status).toBe(200);
      if (method === 'GET') {
        expect(res.body).not.toContain('dash-grid');
        expect(res.body).toContain('<div id="root"></div>');
        expect(res.body).not.toContain(FIRST_SCREEN_DATA_ID);
      }
      expect(res.headers['content-security-policy']).toContain("script-src 'self';");
      return res;
    };
    const logged: unknown[] = [];
    const log = (...args: unknown[]) => void logged.push(args);
    const dir = tempDir();
    // Missing (npm run dev, or not built): nothing logged, the browser draws.
    await plain(firstScreenDrawer(t.services.dispatch, path.join(dir, 'none.js'), { log }));
    expect(logged).toHaveLength(0);
    // Not the module expected.
    fs.writeFileSync(path.join(dir, 'other.js'), 'export const something = 1;');
    await plain(firstScreenDrawer(t.services.dispatch, path.join(dir, 'other.js'), { log }));
    expect(String(logged.flat()[0])).toMatch(/not the first-screen drawing/);
    // A drawing that throws.
    fs.writeFileSync(path.join(dir, 'throws.js'), 'export const ready = Promise.resolve(); export function drawFirstScreen() { throw new Error("boom"); }');
    await plain(firstScreenDrawer(t.services.dispatch, path.join(dir, 'throws.js'), { log }));
    expect(logged.flat().some((x) => x instanceof Error && x.message === 'boom')).toBe(true);
    // A module that fails to load.
    fs.writeFileSync(path.join(dir, 'broken.js'), 'export const = ;');
    await plain(firstScreenDrawer(t.services.dispatch, path.join(dir, 'broken.js'), { log }));
    // One of the first calls refused.
    const refusing: Dispatch = async (method, input) => (method === 'costs.summary' ? { ok: false, error: { code: 'internal', message: 'no' } } : t.services.dispatch(method, input));
    await plain(firstScreenDrawer(refusing, MODULE, { log }), refusing);
    // Answers that take longer than the budget: the page goes out without waiting for them.
    const slow: Dispatch = (method, input) => (method === 'dashboard.summary' ? new Promise(() => undefined) : t.services.dispatch(method, input));
    await plain(firstScreenDrawer(slow, MODULE, { log, budgetMs: 50 }), slow);
    // A HEAD request is answered without drawing.
    await plain(firstScreenDrawer(t.services.dispatch, MODULE, { log }), t.services.dispatch, 'HEAD');
  });
});

describe('putting the drawing into the page', () => {
  const page = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'"><title>t</title></head><body><div id="root"></div></body></html>`;

  it('keeps the drawing as it is ($ signs and all) and the answers unreadable as markup', () => {
    const answers = { note: '</script><script>alert(1)</script> <!-- \u2028 $& $1' };
    const html = '<p style="width:5%">$& $1 $$ costs $1,250</p>';
    const out = pageWithFirstScreen(page, { html, answersJson: scriptJson(answers) })!;
    expect(out).toContain(`<div id="root">${html}</div>`);
    expect(out.match(/<\/script>/g)).toHaveLength(2); // the head script's and the answers' own ends
    expect(out).not.toContain('<!--');
    expect(JSON.parse(/id="prelim-first-screen">([^<]*)</.exec(out)![1]!)).toEqual(answers);
    expect(out).toContain(`style-src 'self' 'unsafe-hashes' ${sha('width:5%')}`);
  });

  it('hashes a style attribute as the browser reads it (entities decoded), and adds nothing without one', () => {
    expect(styleAttributeSources('<a style="font-family:&quot;A&amp;B&quot;">')).toEqual(["'unsafe-hashes'", sha('font-family:"A&B"')]);
    expect(styleAttributeSources('<a class="x">')).toEqual([]);
  });

  it('leaves a page it does not recognise alone', () => {
    expect(pageWithFirstScreen('<html><head></head><body></body></html>', { html: '<p>x</p>', answersJson: '{}' })).toBeNull();
    expect(pageWithFirstScreen(page.replace("script-src 'self'", "script-src 'none'"), { html: '<p>x</p>', answersJson: '{}' })).toBeNull();
  });
});
