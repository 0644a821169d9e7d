// Browser mode's change announcements: server-sent events at EVENTS_PATH. Each successful
// write's ChangeEvent goes to every open stream as one default ("message") event whose data
// is the event's JSON: `data: {"domains":["programs"]}`. EventSource cannot send headers, so
// the per-launch token comes as `?token=`; the server checks Host and Origin before it routes
// here, as for the API. A comment line every `heartbeatMs` keeps idle connections open and
// finds the closed ones; a stream is dropped as soon as its connection closes.
import crypto from 'node:crypto';
import type http from 'node:http';
import type { ChangeEvent } from '../../shared/api/domains';

export interface EventStreamOptions {
  token: string;
  /** Registers the listener for change announcements; returns the function that removes it. */
  subscribe?: (listener: (event: ChangeEvent) => void) => () => void;
  /** Default 15 s. */
  heartbeatMs?: number;
  /** Headers every response of the server carries (CSP, nosniff…). */
  headers?: Record<string, string>;
}

export interface EventStreams {
  /** Answers a request for EVENTS_PATH (any method; only GET with the right token streams). */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void;
  /** Sends the event to every open stream. */
  broadcast(event: ChangeEvent): void;
  /** How many streams are open. */
  size(): number;
  /** Ends every stream and stops listening. */
  close(): void;
}

export function createEventStreams(options: EventStreamOptions): EventStreams {
  const clients = new Set<http.ServerResponse>();
  const heartbeatMs = options.heartbeatMs ?? 15_000;

  const write = (res: http.ServerResponse, chunk: string) => {
    if (res.writableEnded || res.destroyed) {
      clients.delete(res);
      return;
    }
    res.write(chunk);
  };

  const broadcast = (event: ChangeEvent) => {
    const chunk = `data: ${JSON.stringify({ domains: event.domains })}\n\n`;
    for (const res of [...clients]) write(res, chunk);
  };

  const unsubscribe = options.subscribe?.(broadcast);
  const heartbeat = setInterval(() => {
    for (const res of [...clients]) write(res, ': ping\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  function refuse(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, { ...options.headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
    res.end(text);
  }

  return {
    handle(req, res, url) {
      if (req.method !== 'GET') return refuse(res, 405, 'Use GET', { Allow: 'GET' });
      const given = url.searchParams.get('token');
      if (given === null || !safeEqual(given, options.token)) return refuse(res, 403, '403 Forbidden: Missing or wrong token.');
      res.writeHead(200, {
        ...options.headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // Retry after 2 s if the connection drops; the comment line flushes the headers at once.
      res.write('retry: 2000\n: connected\n\n');
      clients.add(res);
      const drop = () => clients.delete(res);
      req.on('close', drop);
      res.on('close', drop);
      res.on('error', drop);
    },
    broadcast,
    size: () => clients.size,
    close() {
      clearInterval(heartbeat);
      unsubscribe?.();
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
