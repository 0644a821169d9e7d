// Browser mode: serves the built renderer and the same handler map on 127.0.0.1.
// Any page the user visits can send requests to localhost, so every API call must carry
// a random per-launch token that only the served page receives, and the Host and Origin
// headers must name this server; anything else gets 403.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Dispatch } from '../api/dispatch';
import { EVENTS_PATH, type ChangeEvent } from '../../shared/api/domains';
import { createEventStreams } from './events';
import { pageWithFirstScreen, policyWithFirstScreen, type DrawFirstScreen } from './first-screen';
import { jsonChunks } from './json-pieces';
import { MAX_IMPORT_BYTES } from '../../shared/domain/import-fields';

export const TOKEN_HEADER = 'x-prelim-token';
export const API_PATH = '/api/invoke';
const IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);
/** The largest import file (MAX_IMPORT_BYTES) sent as base64 (4 characters per 3 bytes), plus 1 MB for the JSON around it. */
export const MAX_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface WebServerOptions {
  dispatch: Dispatch;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
  /** Change announcements to stream at EVENTS_PATH (electron/web/events.ts). */
  onChange?: (listener: (event: ChangeEvent) => void) => () => void;
  /** Draws the first screen into the page (electron/web/first-screen.ts); without it the browser draws every screen. */
  drawFirstScreen?: DrawFirstScreen;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  const indexFile = path.join(staticRoot, 'index.html');
  if (!fs.existsSync(indexFile)) {
    return Promise.reject(new Error(`The renderer is not built (${indexFile} is missing). Run "npm run build" first.`));
  }
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const events = createEventStreams({ token, ...(options.onChange ? { subscribe: options.onChange } : {}), headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' } });

  const server = http.createServer((req, res) => {
    // Nothing a request carries may stop the process: every path ends in an answer.
    req.on('error', () => req.destroy());
    res.on('error', () => res.destroy());
    try {
      route(req, res);
    } catch (err) {
      console.error('[web] request failed:', err);
      if (!res.headersSent) sendText(res, 500, 'Something went wrong; nothing was saved.');
      else res.destroy();
    }
  });
  // Malformed HTTP (bad request line, oversized headers…) never reaches the handler: answer and close.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (socket.writable && err.code !== 'ECONNRESET') {
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\nBad request.`);
    } else socket.destroy();
  });

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (!allowedHosts().has(host) || (origin !== undefined && !allowedOrigins().has(origin))) {
      return forbidden(res, 'This server only answers the Prelim Tracker page it served.');
    }
    const pathname = requestPath(req.url ?? '/');
    if (pathname === null) return sendText(res, 400, 'Bad request: the address is not valid.');
    if (pathname === API_PATH) return handleApi(req, res);
    if (pathname === EVENTS_PATH) {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://127.0.0.1');
      } catch {
        return sendText(res, 400, 'Bad request: the address is not valid.');
      }
      return events.handle(req, res, url);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    return serveStatic(pathname, req, res);
  }

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse): void {
    const given = req.headers[TOKEN_HEADER];
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST.');
    if (typeof given !== 'string' || !safeEqual(given, token)) return forbidden(res, 'Missing or wrong token.');
    if (!/^application\/json(\s*;|$)/i.test(req.headers['content-type'] ?? '')) return sendText(res, 415, 'Send JSON (Content-Type: application/json).');
    const declared = req.headers['content-length'];
    if (declared !== undefined && !/^\d{1,15}$/.test(declared)) return sendText(res, 400, 'Bad request: Content-Length is not a number.');
    if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) return tooLarge(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        // Cut off as the bytes arrive: nothing more is kept, the answer goes out now.
        done = true;
        chunks.length = 0;
        tooLarge(req, res);
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const parsed = parseBody(Buffer.concat(chunks));
      if (!parsed.ok) return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: parsed.message } });
      options
        .dispatch(parsed.method, parsed.input)
        .then((result) => sendJson(res, 200, result))
        .catch((err: unknown) => {
          console.error('[web] dispatch failed:', err);
          sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong; nothing was saved.' } });
        });
    });
  }

  function serveStatic(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const rel = pathname.replace(/^\/+/, '');
    // Source maps are not served; no dot-files, no parent segments, no backslashes or NULs.
    const segments = rel.split('/');
    if (rel.includes('\\') || rel.includes('\0') || segments.some((s) => s === '..' || s.startsWith('.')) || rel.toLowerCase().endsWith('.map')) {
      return sendText(res, 404, 'Not found.');
    }
    const file = path.resolve(staticRoot, rel === '' ? 'index.html' : rel);
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) return sendText(res, 404, 'Not found.');
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (file === indexFile || !stat?.isFile()) {
      // A missing file with an extension is a 404; any other path gets the app (the page carries the token).
      if (file !== indexFile && path.extname(file) !== '') {
        // Browsers ask for /favicon.ico on their own: "no icon" is not an error worth logging.
        if (rel === 'favicon.ico') return send(res, 204, 'image/x-icon', '');
        return sendText(res, 404, 'Not found.');
      }
      const html = fs.readFileSync(indexFile, 'utf8').replace('<head>', `<head>\n    <meta name="prelim-token" content="${token}">`);
      const sendPage = (page: string, extra: Record<string, string> = {}) => send(res, 200, CONTENT_TYPES['.html']!, page, { 'Cache-Control': 'no-store', ...extra });
      if (!options.drawFirstScreen || req.method !== 'GET') return sendPage(html);
      return void options.drawFirstScreen(req.headers['accept-language']).then(
        (drawn) => {
          const page = drawn ? pageWithFirstScreen(html, drawn) : null;
          if (!drawn || !page) return sendPage(html);
          sendPage(page, { 'Content-Security-Policy': policyWithFirstScreen(CONTENT_SECURITY_POLICY, drawn.html) });
        },
        (err: unknown) => {
          console.error('[web] drawing the first screen failed:', err);
          sendPage(html);
        },
      );
    }
    // Vite names every built asset after its content (assets/name-HASH.ext): a name never
    // changes meaning, so the browser may keep it (and its compiled code) for good.
    const immutable = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(rel);
    send(res, 200, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file), immutable ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : { 'Cache-Control': 'no-cache' });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            events.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The decoded path of a request target, or null when it cannot be decoded (e.g. "/%", "/%c0%af"). */
export function requestPath(target: string): string | null {
  const raw = target.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/') || raw.length > 2048) return null;
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/** Deepest nesting of objects/arrays allowed in a request body; the API's inputs need far less. */
export const MAX_JSON_DEPTH = 32;
/** The longest method name accepted (the real ones are under 40 characters). */
const MAX_METHOD_LENGTH = 100;

type ParsedBody = { ok: true; method: string; input: unknown } | { ok: false; message: string };

/** Parses {method, input} without recursion risks: depth is measured on the raw text before JSON.parse. */
export function parseBody(body: Buffer): ParsedBody {
  const text = body.toString('utf8');
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, message: `The request is nested deeper than ${MAX_JSON_DEPTH} levels.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The request body must be a JSON object with a "method" and an "input".' };
  }
  const { method, input } = value as { method?: unknown; input?: unknown };
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    return { ok: false, message: 'The request needs "method": the name of an API method.' };
  }
  return { ok: true, method, input };
}

/** The deepest bracket nesting in a JSON text (brackets inside strings do not count); linear, no recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function tooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: `The file is larger than ${IMPORT_MB} MB; split it into smaller files.` } }, { Connection: 'close' });
  // Stop reading: whatever else arrives is dropped, not kept, and the connection closes.
  req.removeAllListeners('data');
  req.resume();
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    ...SECURITY_HEADERS,
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

/**
 * An answer in JSON. A small one goes out in one piece with its length; a large one (the
 * program table at 50,000 programs is ~80 MB) goes out in chunks as it is made
 * (electron/web/json-pieces.ts), each written when the socket has taken the last, so the
 * host never holds the whole text.
 */
function sendJson(res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const chunks = jsonChunks(value);
  const first = chunks.next();
  const type = 'application/json; charset=utf-8';
  const headers = { 'Cache-Control': 'no-store', ...extra };
  if (first.done) return send(res, status, type, '', headers);
  const second = chunks.next();
  if (second.done) return send(res, status, type, first.value, headers);
  res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS, ...headers });
  let next: IteratorResult<string, void> = second;
  const pump = (): void => {
    try {
      while (!res.destroyed) {
        if (next.done) {
          res.end();
          return;
        }
        const ok = res.write(next.value);
        next = chunks.next();
        if (!ok) {
          res.once('drain', pump);
          return;
        }
      }
    } catch (err) {
      // The headers are out: all that is left is to cut the answer short.
      console.error('[web] answer failed:', err);
      res.destroy();
    }
  };
  res.write(first.value);
  pump();
}

function sendText(res: http.ServerResponse, status: number, message: string): void {
  send(res, status, 'text/plain; charset=utf-8', message);
}

function forbidden(res: http.ServerResponse, why: string): void {
  sendText(res, 403, `403 Forbidden: ${why}`);
}
