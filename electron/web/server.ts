// Browser mode: serves the built renderer and the same handler map on 127.0.0.1.
// Any page the user visits can send requests to localhost, so every API call must carry
// a random per-launch token that only the served page receives, and the Host and Origin
// headers must name this server; anything else gets 403.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import { EVENTS_PATH, type ChangeEvent } from '../../shared/api/domains';
import { createEventStreams } from './events';
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
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const indexFile = path.join(options.staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    return Promise.reject(new Error(`The renderer is not built (${indexFile} is missing). Run "npm run build" first.`));
  }
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const events = createEventStreams({ token, ...(options.onChange ? { subscribe: options.onChange } : {}), headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' } });

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (!allowedHosts().has(host) || (origin !== undefined && !allowedOrigins().has(origin))) {
      return forbidden(res, 'This server only answers the Prelim Tracker page it served.');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === API_PATH) return handleApi(req, res);
    if (url.pathname === EVENTS_PATH) return events.handle(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    return serveStatic(url.pathname, res);
  });

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse): void {
    const given = req.headers[TOKEN_HEADER];
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST');
    if (typeof given !== 'string' || !safeEqual(given, token)) return forbidden(res, 'Missing or wrong token.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain; charset=utf-8', 'Send JSON');
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (tooBig) {
        return sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: `The file is larger than ${IMPORT_MB} MB; split it into smaller files.` } });
      }
      let body: { method?: unknown; input?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { method?: unknown; input?: unknown };
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
      }
      options
        .dispatch(body.method, body.input)
        .then((result) => sendJson(res, 200, result))
        .catch((err: unknown) => sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(err) } }));
    });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const rel = decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(options.staticDir, rel === '' ? 'index.html' : rel);
    if (!file.startsWith(path.resolve(options.staticDir) + path.sep) && file !== path.resolve(options.staticDir)) {
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    if (file === indexFile || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      // The index page carries the token; every unknown path gets the app (client-side routes).
      const html = fs.readFileSync(indexFile, 'utf8').replace('<head>', `<head>\n    <meta name="prelim-token" content="${token}">`);
      return send(res, 200, CONTENT_TYPES['.html']!, html, { 'Cache-Control': 'no-store' });
    }
    send(res, 200, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
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

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'Cache-Control': 'no-store' });
}

function forbidden(res: http.ServerResponse, why: string): void {
  send(res, 403, 'text/plain; charset=utf-8', `403 Forbidden: ${why}`);
}
