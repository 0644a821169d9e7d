// Browser mode's first screen drawn by the host (docs/ARCHITECTURE.md, "The first screen").
//
// The page the host sends carries the Dashboard already drawn, so the browser shows it as soon
// as the page and its stylesheet are read, before any of the app's JavaScript has run; the
// app then takes the drawing over (React hydration) instead of drawing it again. The drawing
// is made by the renderer's own code, built for Node by `npm run build` into
// dist/first-screen/ (renderer/first-screen-server.tsx): the host loads that file, it does not
// import the renderer's sources. The host answers the Dashboard's first calls through the
// dispatcher (the same answers the page would ask for) and puts them into the page, so the
// page's stores start from exactly what was drawn (renderer/first-screen.ts).
//
// The URL's #fragment (the screen the address shows) never reaches the host: a small script
// in the page's head (INLINE_SCRIPT, allowed by its hash in the Content-Security-Policy) marks
// the page "drawn" or "elsewhere" before anything is shown; app.css hides the drawing of an
// address that shows another screen, and the app draws that screen instead.
//
// Anything that goes wrong (the file missing or not what is expected, a refused call, an error
// while drawing) gives the page without a drawing, which the browser draws as before.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Dispatch } from '../api/dispatch';
import { FIRST_SCREEN_ATTRIBUTE, FIRST_SCREEN_CALLS, FIRST_SCREEN_DATA_ID } from '../../shared/api/first-screen';

/** What dist/first-screen/first-screen-server.js exports (checked when it is loaded). */
interface DrawingModule {
  ready: Promise<void>;
  drawFirstScreen(answers: Record<string, unknown>, locale: string | undefined): string;
}

export interface FirstScreen {
  /** The app's markup, to put inside <div id="root">. */
  html: string;
  /** The answers it was drawn from, as the text of a <script type="application/json"> element (no "<" in it). */
  answersJson: string;
}

/** Draws the first screen for a page request (its Accept-Language header); null: send the page without a drawing. */
export type DrawFirstScreen = (acceptLanguage: string | undefined) => Promise<FirstScreen | null>;

/**
 * Runs in the page's head before anything is drawn: "drawn" when the address shows the
 * Dashboard (no fragment, "#/", "#/dashboard…"), else "elsewhere".
 */
export const INLINE_SCRIPT = `(function(){var id=location.hash.replace(/^#\\/?/,'').split(/[/?]/)[0];document.documentElement.setAttribute('${FIRST_SCREEN_ATTRIBUTE}',id===''||id==='dashboard'?'drawn':'elsewhere');})();`;

const sha256 = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The Content-Security-Policy source that allows INLINE_SCRIPT and nothing else inline. */
export const INLINE_SCRIPT_SOURCE = sha256(INLINE_SCRIPT);

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
const unescapeAttribute = (value: string) =>
  value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? whole),
  );

/**
 * The sources that allow the drawing's style attributes (a progress bar's width, a chart's
 * height): the page's policy allows styles from the app's own files only, and a style
 * attribute in the page's markup is kept only when its hash is allowed ('unsafe-hashes'; once
 * the app has taken the page over, React sets styles through the DOM, which the policy allows).
 */
export function styleAttributeSources(html: string): string[] {
  const values = new Set<string>();
  for (const m of html.matchAll(/\sstyle="([^"]*)"/g)) values.add(unescapeAttribute(m[1]!));
  return values.size === 0 ? [] : ["'unsafe-hashes'", ...[...values].map(sha256)];
}

/** A Content-Security-Policy with the page's inline script, and the drawing's style attributes, allowed. */
export function policyWithFirstScreen(policy: string, html: string): string {
  const styles = styleAttributeSources(html);
  return policy
    .replace("script-src 'self'", () => `script-src 'self' ${INLINE_SCRIPT_SOURCE}`)
    .replace("style-src 'self'", () => ["style-src 'self'", ...styles].join(' '));
}

function isDrawingModule(value: unknown): value is DrawingModule {
  const m = value as Partial<DrawingModule> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof m.drawFirstScreen === 'function' &&
    m.ready instanceof Promise
  );
}

/** The first language of an Accept-Language header as a valid locale tag, else undefined (the host's own). */
export function localeOfAcceptLanguage(header: string | undefined): string | undefined {
  const first = header?.split(',', 1)[0]?.split(';', 1)[0]?.trim();
  if (!first || first === '*' || first.length > 64) return undefined;
  try {
    return Intl.getCanonicalLocales(first)[0];
  } catch {
    return undefined;
  }
}

/** JSON safe inside a <script> element: "<" (and the two line separators JavaScript once refused) escaped. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * How long a page waits for the first screen's answers before it goes out without the drawing:
 * the Dashboard of a very large list just after a change takes the host a while (tiers of
 * 50,000 programs), and a blank window would be worse than the app's frame with its numbers
 * coming in. (The answers still made go to the host's caches, for the page's own calls.)
 */
export const FIRST_SCREEN_BUDGET_MS = 300;

export interface DrawerOptions {
  /** Reports why there is no drawing (once for the file, each time for a draw). */
  log?: (...args: unknown[]) => void;
  budgetMs?: number;
}

/** `work`'s value, or null when it takes longer than `ms` (it is left to finish on its own). */
function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The drawer for a host: loads `modulePath` now (in the background) and draws with it for each page. */
export function firstScreenDrawer(dispatch: Dispatch, modulePath: string, { log = console.error, budgetMs = FIRST_SCREEN_BUDGET_MS }: DrawerOptions = {}): DrawFirstScreen {
  const loading: Promise<DrawingModule | null> = (async () => {
    if (!fs.existsSync(modulePath)) return null; // not built (npm run dev): the browser draws
    const loaded: unknown = await import(pathToFileURL(modulePath).href);
    if (!isDrawingModule(loaded)) {
      log(`[web] ${modulePath} is not the first-screen drawing this host expects; pages are drawn by the browser.`);
      return null;
    }
    await loaded.ready;
    return loaded;
  })().catch((err: unknown) => {
    log('[web] the first screen cannot be drawn by the host; pages are drawn by the browser:', err);
    return null;
  });

  return async (acceptLanguage) => {
    const drawing = await loading;
    if (!drawing) return null;
    const results = await within(Promise.all(FIRST_SCREEN_CALLS.map((method) => dispatch(method, undefined))), budgetMs);
    if (!results) return null;
    const answers: Record<string, unknown> = {};
    for (const [i, result] of results.entries()) {
      // A refused call (e.g. the database is being restored): the page asks again itself.
      if (!result.ok) return null;
      answers[FIRST_SCREEN_CALLS[i]!] = result.value;
    }
    try {
      return { html: drawing.drawFirstScreen(answers, localeOfAcceptLanguage(acceptLanguage)), answersJson: scriptJson(answers) };
    } catch (err) {
      log('[web] drawing the first screen failed; this page is drawn by the browser:', err);
      return null;
    }
  };
}

/**
 * The page (index.html with the token) with a drawing put in: the head script, the markup, the
 * answers, and the page's Content-Security-Policy allowing the script and the drawing's style
 * attributes; null when the page is not as expected (then it goes out without a drawing).
 */
export function pageWithFirstScreen(page: string, drawn: FirstScreen): string | null {
  const root = '<div id="root"></div>';
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/;
  const policy = csp.exec(page)?.[1];
  if (!page.includes(root) || !policy?.includes("script-src 'self'") || !policy.includes("style-src 'self'") || !page.includes('</head>')) return null;
  // (Replacement functions: the drawing's text is put in as it is, "$" and all.)
  return page
    .replace(csp, () => `<meta http-equiv="Content-Security-Policy" content="${policyWithFirstScreen(policy, drawn.html)}"`)
    .replace('</head>', () => `  <script>${INLINE_SCRIPT}</script>\n  </head>`)
    .replace(root, () => `<div id="root">${drawn.html}</div>\n    <script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${drawn.answersJson}</script>`);
}
