import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../electron/web/server';
import { MAX_IMPORT_BYTES } from '../../shared/domain/import-fields';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { openTestServices, tempDir } from './helpers';

let server: WebServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start() {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(staticDir, 'assets', 'index-Bb8lKfuH.js'), 'console.log(2)');
  const { services } = openTestServices();
  server = await startWebServer({ dispatch: services.dispatch, staticDir });
  return server;
}

/** Raw HTTP so we control the Host and Origin headers exactly (fetch would set them). */
function request(port: number, opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const invoke = (port: number, headers: Record<string, string>, body = JSON.stringify({ method: 'app.info' })) =>
  request(port, { method: 'POST', path: '/api/invoke', headers: { 'content-type': 'application/json', host: `127.0.0.1:${port}`, ...headers }, body });

describe('browser-mode host', () => {
  it('serves the page with the per-launch token and a strict CSP', async () => {
    const s = await start();
    const res = await request(s.port, { headers: { host: `127.0.0.1:${s.port}` } });
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<meta name="prelim-token" content="${s.token}">`);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect(s.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers an API call with the token', async () => {
    const s = await start();
    const res = await invoke(s.port, { 'x-prelim-token': s.token, origin: `http://127.0.0.1:${s.port}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { mode: 'browser', schemaVersion: LATEST_SCHEMA_VERSION } });
  });

  it('answers 403 without the token, with a wrong token, a foreign Origin or a foreign Host', async () => {
    const s = await start();
    expect((await invoke(s.port, {})).status).toBe(403);
    expect((await invoke(s.port, { 'x-prelim-token': 'guess' })).status).toBe(403);
    expect((await invoke(s.port, { 'x-prelim-token': s.token, origin: 'https://evil.example' })).status).toBe(403);
    expect((await invoke(s.port, { 'x-prelim-token': s.token, host: 'evil.example' })).status).toBe(403);
    // DNS rebinding: a page on attacker.example resolving to 127.0.0.1 sends its own Host.
    expect((await request(s.port, { headers: { host: `attacker.example:${s.port}` } })).status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    const s = await start();
    const res = await request(s.port, { path: '/../../../../etc/passwd', headers: { host: `127.0.0.1:${s.port}` } });
    expect(res.body).not.toMatch(/root:/);
    const asset = await request(s.port, { path: '/assets/app.js', headers: { host: `127.0.0.1:${s.port}` } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('lets the browser keep a built asset named after its content, never the page', async () => {
    const s = await start();
    const get = (p: string) => request(s.port, { path: p, headers: { host: `127.0.0.1:${s.port}` } });
    // Vite names each built file after its content: the name never changes meaning.
    expect((await get('/assets/index-Bb8lKfuH.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Anything else is checked again each time; the page (it carries the token) is never kept.
    expect((await get('/assets/app.js')).headers['cache-control']).toBe('no-cache');
    expect((await get('/')).headers['cache-control']).toBe('no-store');
    expect((await get('/#/dashboard')).headers['cache-control']).toBe('no-store');
  });

  it('takes a body holding the largest import file, and names the file limit for a larger one', async () => {
    const s = await start();
    const headers = { 'x-prelim-token': s.token, origin: `http://127.0.0.1:${s.port}` };
    const largest = JSON.stringify({ method: 'app.info', input: { file: { name: 'big.csv', base64: 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4) } } });
    expect(largest.length).toBeLessThan(MAX_BODY_BYTES);
    expect((await invoke(s.port, headers, largest)).status).not.toBe(413);
    const fifty = JSON.stringify({ method: 'app.info', input: { file: { name: 'huge.csv', base64: 'A'.repeat(50 * 1024 * 1024) } } });
    const res = await invoke(s.port, headers, fifty);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The file is larger than 20 MB; split it into smaller files.' } });
  });

  it('returns a clear error for a body that is not JSON', async () => {
    const s = await start();
    const res = await invoke(s.port, { 'x-prelim-token': s.token }, '{not json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('sends a large answer in chunks as it is made, and a small one with its length', async () => {
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    const rows = Array.from({ length: 30000 }, (_, i) => ({ id: i, name: `Hôpital ${i}`, notes: 'x'.repeat(40) }));
    server = await startWebServer({ dispatch: (method) => Promise.resolve(method === 'big' ? { ok: true, value: { rows } } : { ok: true, value: 'small' }), staticDir });
    const port = server.port;
    const call = (method: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, method: 'POST', path: '/api/invoke', headers: { 'content-type': 'application/json', host: `127.0.0.1:${port}`, 'x-prelim-token': server!.token } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ method }));
      });
    const big = await call('big');
    expect(big.headers['transfer-encoding']).toBe('chunked');
    expect(big.headers['content-length']).toBeUndefined();
    expect(big.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(big.body).toBe(JSON.stringify({ ok: true, value: { rows } }));
    const small = await call('small');
    expect(small.headers['content-length']).toBe(String(Buffer.byteLength(small.body)));
    expect(JSON.parse(small.body)).toEqual({ ok: true, value: 'small' });
  });
});
