// Hostile HTTP corpus (issue 11): the real browser-mode host runs as a child process and
// gets malformed paths, headers and bodies over raw sockets. Every request must get its
// documented answer (README, "Browser mode"), the process must keep running, nothing may be
// written, and no answer may carry an absolute path or stack text.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services';
import { bundleHost, startHost, stopHost } from './host-process';
import { institution, track } from '../fixtures';

let bundleDir = '';
let dataDir = '';
let dbFile = '';
let host: ChildProcess | null = null;
let port = 0;
let token = '';
let stderr: () => string = () => '';
let before = '';

interface Answer {
  status: number;
  body: string;
}

/** Sends bytes on a fresh connection and reads the whole answer (the server closes, or 'Connection: close'). */
function raw(data: Buffer | string): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const at = text.indexOf('\r\n\r\n');
      resolve({ status: m ? Number(m[1]) : 0, body: at >= 0 ? text.slice(at + 4) : '' });
    };
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', finish);
    socket.on('error', () => undefined); // a reset after the answer is fine; the answer is what counts
    socket.setTimeout(20_000, () => socket.destroy());
    socket.end(data);
  });
}

const hostHeader = () => `Host: 127.0.0.1:${port}`;
const get = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\n${hostHeader()}\r\n${extra}Connection: close\r\n\r\n`;
function post(body: Buffer | string, headers: Record<string, string> = {}): Buffer {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const h = { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'X-Prelim-Token': token, 'Content-Length': String(b.length), Connection: 'close', ...headers };
  const lines = Object.entries(h)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  return Buffer.concat([Buffer.from(`POST /api/invoke HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1'), b]);
}
const call = (method: unknown, input?: unknown) => post(JSON.stringify(input === undefined ? { method } : { method, input }));
const nested = (open: string, close: string, depth: number, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

type Expect = { status: number; code?: string; includes?: string; excludes?: string };
type Case = [name: string, request: () => Buffer | string, expected: Expect];

const cases: Case[] = [
  // Paths that cannot be decoded: 400 (these used to throw an uncaught URIError and exit)
  ['GET /%', () => get('/%'), { status: 400 }],
  ['GET /%zz', () => get('/%zz'), { status: 400 }],
  ['GET /%ff', () => get('/%ff'), { status: 400 }],
  ['GET /%c0%af', () => get('/%c0%af'), { status: 400 }],
  ['GET /%e0%80%af', () => get('/%e0%80%af'), { status: 400 }],
  ['GET /assets/%', () => get('/assets/%'), { status: 400 }],
  ['GET /%00', () => get('/%00'), { status: 400 }],
  ['GET /index.html%00.js', () => get('/index.html%00.js'), { status: 400 }],
  ['a path over 2,048 characters', () => get(`/${'a'.repeat(3000)}`), { status: 400 }],
  ['absolute-form target', () => get('http://evil.example/'), { status: 400 }],
  ['OPTIONS *', () => `OPTIONS * HTTP/1.1\r\n${hostHeader()}\r\nConnection: close\r\n\r\n`, { status: 400 }],
  // Paths outside the renderer folder, hidden files and source maps: 404
  ['raw ../ traversal', () => get('/../../../../etc/passwd'), { status: 404, excludes: 'root:' }],
  ['encoded ../ traversal', () => get('/%2e%2e/%2e%2e/%2e%2e/etc/passwd'), { status: 404, excludes: 'root:' }],
  ['encoded slash traversal', () => get('/assets/..%2f..%2f..%2fetc%2fpasswd'), { status: 404, excludes: 'root:' }],
  ['backslash traversal', () => get('/..%5c..%5cwindows%5cwin.ini'), { status: 404 }],
  ['a source map', () => get('/assets/app.js.map'), { status: 404, excludes: 'mappings' }],
  ['a source map in upper case', () => get('/assets/APP.JS.MAP'), { status: 404 }],
  ['a dot file', () => get('/.env'), { status: 404 }],
  ['a dot folder', () => get('/.git/config'), { status: 404 }],
  ['a missing asset', () => get('/assets/missing.js'), { status: 404 }],
  ['a Windows drive path', () => get('/C:/Windows/win.ini'), { status: 404 }],
  // Paths that are the app's client-side routes: the page
  ['double slash', () => get('//etc/passwd'), { status: 200, excludes: 'root:' }],
  ['a query that is not decodable', () => get('/x?%'), { status: 200 }],
  ['an emoji path', () => get('/%F0%9F%98%80'), { status: 200 }],
  ['the page', () => get('/'), { status: 200, includes: 'prelim-token' }],
  ['an asset', () => get('/assets/app.js'), { status: 200, includes: 'console.log' }],
  ['HEAD /', () => `HEAD / HTTP/1.1\r\n${hostHeader()}\r\nConnection: close\r\n\r\n`, { status: 200 }],
  ['DELETE /', () => `DELETE / HTTP/1.1\r\n${hostHeader()}\r\nConnection: close\r\n\r\n`, { status: 405 }],
  ['PUT an asset', () => `PUT /assets/app.js HTTP/1.1\r\n${hostHeader()}\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx`, { status: 405 }],
  // Headers
  ['no Host (HTTP/1.0)', () => 'GET / HTTP/1.0\r\n\r\n', { status: 403 }],
  ['a foreign Host', () => `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`, { status: 403 }],
  ['DNS rebinding Host', () => `GET / HTTP/1.1\r\nHost: attacker.example:${port}\r\nConnection: close\r\n\r\n`, { status: 403 }],
  ['Host with another port', () => `GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n`, { status: 403 }],
  ['Origin: null', () => get('/', 'Origin: null\r\n'), { status: 403 }],
  ['a foreign Origin', () => get('/', 'Origin: https://evil.example\r\n'), { status: 403 }],
  ['20 KB of headers', () => get('/', `X-Big: ${'a'.repeat(20_000)}\r\n`), { status: 431 }],
  ['a NUL in a header', () => get('/', 'X-Bad: a\u0000b\r\n'), { status: 400 }],
  ['a garbage request line', () => 'GARBAGE\r\n\r\n', { status: 400 }],
  ['an unknown HTTP version', () => `GET / HTTP/9.9\r\n${hostHeader()}\r\n\r\n`, { status: 400 }],
  ['Content-Length and chunked together', () => `POST /api/invoke HTTP/1.1\r\n${hostHeader()}\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, { status: 400 }],
  ['a bad chunk size', () => `POST /api/invoke HTTP/1.1\r\n${hostHeader()}\r\nContent-Type: application/json\r\nX-Prelim-Token: ${token}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n`, { status: 400 }],
  ['Content-Length not a number', () => post('{}', { 'Content-Length': 'abc' }), { status: 400 }],
  // The API's door: method, token, content type, size
  ['GET the API', () => get('/api/invoke'), { status: 405 }],
  ['the event stream without a token', () => get('/api/events'), { status: 403 }],
  ['the event stream with an undecodable token', () => get('/api/events?token=%'), { status: 403 }],
  ['POST to the event stream', () => `POST /api/events HTTP/1.1\r\n${hostHeader()}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`, { status: 405 }],
  ['no token', () => post(JSON.stringify({ method: 'app.info' }), { 'X-Prelim-Token': '' }), { status: 403 }],
  ['a wrong token', () => post(JSON.stringify({ method: 'app.info' }), { 'X-Prelim-Token': 'guess' }), { status: 403 }],
  ['the token twice', () => post(JSON.stringify({ method: 'app.info' }), { 'X-Prelim-Token': `${token}\r\nX-Prelim-Token: ${token}` }), { status: 403 }],
  ['a 100 KB token', () => post(JSON.stringify({ method: 'app.info' }), { 'X-Prelim-Token': 'a'.repeat(100_000) }), { status: 431 }],
  ['text/plain', () => post(JSON.stringify({ method: 'app.info' }), { 'Content-Type': 'text/plain' }), { status: 415 }],
  ['no content type', () => post(JSON.stringify({ method: 'app.info' }), { 'Content-Type': '' }), { status: 415 }],
  ['application/jsonp', () => post(JSON.stringify({ method: 'app.info' }), { 'Content-Type': 'application/jsonp' }), { status: 415 }],
  ['a declared 300 MB body', () => post('{}', { 'Content-Length': String(300 * 1024 * 1024) }), { status: 413, includes: 'larger than 20 MB' }],
  ['a 30 MB chunked body', () => chunked('{"method":"app.info","input":"' + 'a'.repeat(30 * 1024 * 1024) + '"}'), { status: 413, includes: 'larger than 20 MB' }],
  // Bodies that are not a call
  ['body null', () => post('null'), { status: 400, code: 'invalid_input' }],
  ['body true', () => post('true'), { status: 400, code: 'invalid_input' }],
  ['body 1', () => post('1'), { status: 400, code: 'invalid_input' }],
  ['body a string', () => post('"app.info"'), { status: 400, code: 'invalid_input' }],
  ['body []', () => post('[]'), { status: 400, code: 'invalid_input' }],
  ['body {}', () => post('{}'), { status: 400, code: 'invalid_input' }],
  ['empty body', () => post(''), { status: 400, code: 'invalid_input' }],
  ['method null', () => call(null), { status: 400, code: 'invalid_input' }],
  ['method a number', () => call(123), { status: 400, code: 'invalid_input' }],
  ['method an array', () => call(['app.info']), { status: 400, code: 'invalid_input' }],
  ['method nested 100,000 deep', () => post(`{"method":${nested('[', ']', 100_000)}}`), { status: 400, code: 'invalid_input', includes: 'nested deeper' }],
  ['a 20 MB method name', () => call('x'.repeat(20 * 1024 * 1024)), { status: 400, code: 'invalid_input', excludes: 'xxxxxxxxxx' }],
  ['input nested 100,000 deep', () => post(`{"method":"app.info","input":${nested('[', ']', 100_000)}}`), { status: 400, code: 'invalid_input' }],
  ['objects nested 5,000 deep', () => post(`{"method":"app.info","input":${nested('{"a":', '}', 5000)}}`), { status: 400, code: 'invalid_input' }],
  ['truncated JSON', () => post('{"method":"app.info"'), { status: 400, code: 'invalid_input' }],
  ['invalid UTF-8', () => post(Buffer.from([0xff, 0xfe, 0x7b, 0x7d])), { status: 400, code: 'invalid_input' }],
  ['a byte-order mark', () => post('\uFEFF{"method":"app.info"}'), { status: 400, code: 'invalid_input' }],
  ['brackets inside strings do not count as depth', () => post(JSON.stringify({ method: 'nope', input: '['.repeat(1000) })), { status: 200, code: 'unknown_method' }],
  // Calls the dispatcher refuses: 200 with ok: false
  ['method constructor', () => call('constructor'), { status: 200, code: 'unknown_method' }],
  ['method __proto__', () => call('__proto__'), { status: 200, code: 'unknown_method' }],
  ['method toString', () => call('toString'), { status: 200, code: 'unknown_method' }],
  ['an unknown method', () => call('programs.drop'), { status: 200, code: 'unknown_method', includes: 'programs.drop' }],
  ['__proto__ in the input', () => post('{"method":"profile.save","input":{"__proto__":{"polluted":1}}}'), { status: 200, code: 'invalid_input' }],
  ['input where none is taken', () => call('programs.list', 'x'), { status: 200, code: 'invalid_input' }],
  ['a million-element input', () => post(`{"method":"app.info","input":[${'0,'.repeat(999_999)}0]}`), { status: 200, code: 'invalid_input' }],
  ['a NUL-only institution name', () => call('institutions.save', { institution: institution({ name: '\u0000' }), tracks: [track('preliminary')] }), { status: 200, code: 'invalid_input', excludes: 'CHECK' }],
  ['a control-character-only writer name', () => call('writers.save', { name: '\u0000\u0001\u007f', location: 'us', isSurgeon: true }), { status: 200, code: 'invalid_input', includes: 'name' }],
  ['a date of 9999-12-31', () => call('letters.setStage', { id: 1, stage: 'asked', date: '9999-12-31' }), { status: 200, code: 'invalid_input', includes: '2100' }],
  ['a restore of a file that is not a backup', () => call('backups.restore', { file: '/etc/passwd' }), { status: 200, code: 'invalid_input' }],
  ['a restore of a missing .db', () => call('backups.restore', { file: '/nonexistent/folder/x.db' }), { status: 200, excludes: '/nonexistent' }],
  ['a restore with a relative path', () => call('backups.restore', { file: '../../x.db' }), { status: 200, code: 'invalid_input' }],
];

function chunked(body: string): Buffer {
  const head = `POST /api/invoke HTTP/1.1\r\n${hostHeader()}\r\nContent-Type: application/json\r\nX-Prelim-Token: ${token}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
  const parts: Buffer[] = [Buffer.from(head)];
  const b = Buffer.from(body);
  for (let i = 0; i < b.length; i += 1024 * 1024) {
    const piece = b.subarray(i, i + 1024 * 1024);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

function snapshot(): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const bundle = await bundleHost();
  bundleDir = bundle.dir;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-hostile-'));
  dbFile = path.join(dataDir, 'hostile.db');
  const seed = openServices({ databasePath: dbFile, mode: 'browser' });
  const saved = await seed.dispatch('institutions.save', { institution: institution({ name: 'Lakeview Regional' }), tracks: [track('preliminary')] });
  expect(saved.ok).toBe(true);
  seed.close();
  before = snapshot(); // the host holds the database's lock while it runs: read it before and after
  const running = await startHost(bundle, dbFile);
  host = running.child;
  port = running.port;
  stderr = running.stderr;
  const page = await raw(get('/'));
  token = /name="prelim-token" content="([^"]+)"/.exec(page.body)![1]!;
}, 120_000);

afterAll(async () => {
  if (host) await stopHost(host, 'SIGKILL');
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the browser-mode host under hostile requests (a real child process)', () => {
  it(`answers each of ${cases.length} hostile requests as documented, keeps running and writes nothing`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const wrong: string[] = [];
    for (const [name, request, expected] of cases) {
      const answer = await raw(request());
      const problems: string[] = [];
      if (answer.status !== expected.status) problems.push(`status ${answer.status}, expected ${expected.status}`);
      if (expected.code) {
        let code = '';
        try {
          code = (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code ?? '';
        } catch {
          code = '(not JSON)';
        }
        if (code !== expected.code) problems.push(`code ${code}, expected ${expected.code}`);
      }
      if (expected.includes && !answer.body.includes(expected.includes)) problems.push(`answer lacks "${expected.includes}"`);
      if (expected.excludes && answer.body.includes(expected.excludes)) problems.push(`answer has "${expected.excludes}"`);
      // No absolute path, no stack text, no SQLite internals in any answer.
      for (const leak of [dataDir, os.homedir(), bundleDir, '    at ', 'SQLITE_', 'sqlite_master', 'Maximum call stack']) {
        if (answer.body.includes(leak)) problems.push(`answer leaks "${leak}"`);
      }
      if (host!.exitCode !== null) problems.push(`the host exited (${String(host!.exitCode)})`);
      if (problems.length > 0) wrong.push(`${name}: ${problems.join('; ')} — ${answer.body.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    expect(host!.exitCode).toBeNull();
    // Still serving, and the data is exactly as before.
    const info = await raw(call('app.info'));
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { mode: 'browser', databasePath: 'hostile.db' } });
    expect(stderr()).not.toMatch(/Maximum call stack|URIError/);
    await stopHost(host!);
    expect(snapshot()).toBe(before);
  }, 300_000);
});
