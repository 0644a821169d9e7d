// Browser mode's change announcements over server-sent events, with a real HTTP client.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { createEventStreams, type EventStreams } from '../../electron/web/events';
import { EVENTS_PATH, type ChangeEvent } from '../../shared/api/domains';
import { writesOf } from '../../shared/api/contract';
import { seedExampleProfile } from '../fixtures';
import { openTestServices, tempDir } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(): Promise<WebServer> {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  const { services } = openTestServices();
  const server = await startWebServer({ dispatch: services.dispatch, onChange: services.onChange, staticDir });
  cleanups.push(() => server.close());
  return server;
}

interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Resolves with the text received so far once it contains `text`. */
  waitFor(text: string): Promise<string>;
  received(): string;
  close(): void;
}

/** Opens an event stream with Node's HTTP client (so Host and Origin are exactly what we say). */
function openStream(port: number, opts: { path?: string; headers?: Record<string, string>; method?: string } = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? EVENTS_PATH, headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let text = '';
        const waiting: { text: string; resolve: (s: string) => void }[] = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          for (const w of waiting.splice(0)) {
            if (text.includes(w.text)) w.resolve(text);
            else waiting.push(w);
          }
        });
        res.on('error', () => {});
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          waitFor: (t) => (text.includes(t) ? Promise.resolve(text) : new Promise((r) => waiting.push({ text: t, resolve: r }))),
          received: () => text,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
    req.end();
  });
}

function invoke(port: number, token: string, method: string, input: unknown): Promise<{ ok: boolean }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ method, input });
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/invoke', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-prelim-token': token } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(JSON.parse(text) as { ok: boolean }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const dataLines = (text: string): ChangeEvent[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('data: '))
    .map((l) => JSON.parse(l.slice('data: '.length)) as ChangeEvent);

describe('browser-mode change events (SSE)', () => {
  it('streams a write’s declared domains to every open client with the token', async () => {
    const s = await start();
    const a = await openStream(s.port, { path: `${EVENTS_PATH}?token=${encodeURIComponent(s.token)}` });
    const b = await openStream(s.port, { path: `${EVENTS_PATH}?token=${encodeURIComponent(s.token)}`, headers: { origin: `http://127.0.0.1:${s.port}` } });
    cleanups.push(() => a.close(), () => b.close());
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(a.headers['cache-control']).toBe('no-store');
    await a.waitFor(': connected');
    await b.waitFor(': connected');

    // A read announces nothing; a write announces exactly its domains.
    expect((await invoke(s.port, s.token, 'profile.get', undefined)).ok).toBe(true);
    expect((await invoke(s.port, s.token, 'profile.save', seedExampleProfile())).ok).toBe(true);
    const textA = await a.waitFor('data: ');
    const textB = await b.waitFor('data: ');
    expect(dataLines(textA)).toEqual([{ domains: [...writesOf('profile.save')] }]);
    expect(dataLines(textB)).toEqual([{ domains: ['profile'] }]);
  });

  it('refuses a missing or wrong token, another Host or Origin, and other methods', async () => {
    const s = await start();
    const wrong = await openStream(s.port, { path: `${EVENTS_PATH}?token=not-the-token` });
    expect(wrong.status).toBe(403);
    const none = await openStream(s.port);
    expect(none.status).toBe(403);
    const host = await openStream(s.port, { path: `${EVENTS_PATH}?token=${s.token}`, headers: { host: `evil.example:${s.port}` } });
    expect(host.status).toBe(403);
    const origin = await openStream(s.port, { path: `${EVENTS_PATH}?token=${s.token}`, headers: { origin: 'https://evil.example' } });
    expect(origin.status).toBe(403);
    const post = await openStream(s.port, { path: `${EVENTS_PATH}?token=${s.token}`, method: 'POST' });
    expect(post.status).toBe(405);
    for (const r of [wrong, none, host, origin, post]) expect(r.headers['content-type']).not.toMatch(/event-stream/);
  });
});

describe('event streams', () => {
  async function serve(heartbeatMs: number): Promise<{ port: number; streams: EventStreams; publish: (e: ChangeEvent) => void }> {
    let listener: ((e: ChangeEvent) => void) | null = null;
    const streams = createEventStreams({
      token: 't0ken',
      heartbeatMs,
      subscribe: (l) => {
        listener = l;
        return () => (listener = null);
      },
    });
    const server = http.createServer((req, res) => streams.handle(req, res, new URL(req.url ?? '/', 'http://x')));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          streams.close();
          server.closeAllConnections();
          server.close(() => r());
        }),
    );
    return { port: (server.address() as AddressInfo).port, streams, publish: (e) => listener?.(e) };
  }

  it('sends heartbeats on an idle stream', async () => {
    const { port } = await serve(20);
    const c = await openStream(port, { path: `${EVENTS_PATH}?token=t0ken` });
    cleanups.push(() => c.close());
    await c.waitFor(': ping');
    expect(dataLines(c.received())).toEqual([]);
  });

  it('forgets a client whose connection closed, and keeps serving the others', async () => {
    const { port, streams, publish } = await serve(60_000);
    const a = await openStream(port, { path: `${EVENTS_PATH}?token=t0ken` });
    const b = await openStream(port, { path: `${EVENTS_PATH}?token=t0ken` });
    cleanups.push(() => b.close());
    await a.waitFor(': connected');
    await b.waitFor(': connected');
    expect(streams.size()).toBe(2);
    a.close();
    // The server learns of the closed socket asynchronously: publish until it has dropped it.
    while (streams.size() > 1) await new Promise((r) => setImmediate(r));
    publish({ domains: ['letters'] });
    expect(dataLines(await b.waitFor('data: '))).toEqual([{ domains: ['letters'] }]);
    expect(streams.size()).toBe(1);
  });

  it('stops listening and ends every stream on close', async () => {
    const { port, streams } = await serve(60_000);
    const a = await openStream(port, { path: `${EVENTS_PATH}?token=t0ken` });
    await a.waitFor(': connected');
    streams.close();
    expect(streams.size()).toBe(0);
  });
});
