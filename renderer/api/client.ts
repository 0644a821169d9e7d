// The renderer's one typed API client. It does not know whether it talks to Electron's
// preload (desktop) or to the browser-mode host over HTTP: a transport is picked once.
// It also carries the main process's change announcements (onChanged) to the stores.
// Types only: the contract's schemas (zod) stay out of the first load; the main process checks every input.
import type { InputOf, Method, OutputOf } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/define';
import { ALL_DOMAINS, DOMAINS, EVENTS_PATH, type Domain } from '../../shared/api/domains';

export type Transport = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

/** Thrown by api() when the main process answers { ok: false }. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Calls the listener with each ChangeEvent the main process sends; returns the unsubscribe. */
  onChanged?(listener: (event: unknown) => void): () => void;
}

function bridge(): PreloadBridge | undefined {
  return (globalThis as { prelim?: PreloadBridge }).prelim;
}

function pageToken(): string | null {
  if (typeof document === 'undefined') return null;
  return document.querySelector<HTMLMetaElement>('meta[name="prelim-token"]')?.content || null;
}

function preloadTransport(): Transport | null {
  const b = bridge();
  return b ? (method, input) => b.invoke(method, input) : null;
}

function httpTransport(): Transport | null {
  const token = pageToken();
  if (!token) return null;
  return async (method, input) => {
    let res: Response;
    try {
      res = await fetch('api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Prelim-Token': token },
        body: JSON.stringify({ method, input }),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Prelim Tracker is not running any more: start it again with "npm start" and reload this page.' } };
    }
    if (res.status === 403) return { ok: false, error: { code: 'internal', message: 'The app refused this page (its access token changed). Reload the page.' } };
    return (await res.json()) as ApiResult<unknown>;
  };
}

let transport: Transport | null = null;

/**
 * Replaces the transport (tests). `changes` replaces where change announcements come from
 * (a fake transport's emitter); without it the preload bridge or the page's event stream is used.
 */
export function setTransport(t: Transport | null, changes?: ChangeSource): void {
  transport = t;
  resetChanges(changes ?? null);
}

function currentTransport(): Transport {
  transport ??= preloadTransport() ?? httpTransport();
  if (!transport) throw new ApiCallError({ code: 'internal', message: 'Prelim Tracker could not reach its data. Start it with "npm start".' });
  return transport;
}

export async function api<M extends Method>(method: M, ...args: undefined extends InputOf<M> ? [input?: InputOf<M>] : [input: InputOf<M>]): Promise<OutputOf<M>> {
  const result = await currentTransport()(method, args[0]);
  if (!result.ok) throw new ApiCallError(result.error);
  if (unannounced && result.writes) for (const d of result.writes) unannounced.add(d);
  return result.value as OutputOf<M>;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// ---- Change announcements -------------------------------------------------------------

export type ChangeListener = (domains: readonly Domain[]) => void;
/** Subscribes one listener to change announcements; returns the unsubscribe. */
export type ChangeSource = (listener: ChangeListener) => () => void;

const KNOWN = new Set<string>(DOMAINS);

/**
 * While the page's event stream is connecting, the domains this page wrote: their
 * announcements went out before the stream was there, so they are passed on when it opens.
 */
let unannounced: Set<Domain> | null = null;

/**
 * The domains named by an announcement (a ChangeEvent, or its JSON text from the event
 * stream). Unknown names are dropped; something that cannot be read at all counts as
 * "everything may have changed", so a store never stays stale because of a bad message.
 */
export function changedDomains(event: unknown): readonly Domain[] {
  let value = event;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return ALL_DOMAINS;
    }
  }
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? (value as { domains?: unknown }).domains : undefined;
  if (!Array.isArray(list)) return ALL_DOMAINS;
  return list.filter((d): d is Domain => typeof d === 'string' && KNOWN.has(d));
}

/** Browser mode: one EventSource on the events path. After a reconnect everything may have changed (events were missed). */
function eventStreamSource(token: string): ChangeSource {
  return (emit) => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let delay = 1000;
    let opened = false;
    let closed = false;
    const connect = () => {
      retry = null;
      if (!opened) unannounced ??= new Set();
      source = new EventSource(`${EVENTS_PATH.replace(/^\//, '')}?token=${encodeURIComponent(token)}`);
      source.onopen = () => {
        delay = 1000;
        if (opened) {
          emit(ALL_DOMAINS);
          return;
        }
        opened = true;
        const missed = [...(unannounced ?? [])];
        unannounced = null;
        if (missed.length > 0) emit(missed);
      };
      source.onmessage = (e: MessageEvent<unknown>) => emit(changedDomains(e.data));
      source.onerror = () => {
        // The browser retries by itself unless the stream is closed (e.g. the server answered 403
        // or stopped): then try again later, a little less often each time.
        if (closed || !source || source.readyState !== EventSource.CLOSED) return;
        source.close();
        source = null;
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30_000);
      };
    };
    connect();
    return () => {
      closed = true;
      unannounced = null;
      if (retry) clearTimeout(retry);
      source?.close();
    };
  };
}

function defaultChangeSource(): ChangeSource | null {
  const b = bridge();
  if (b?.onChanged) {
    const subscribe = b.onChanged.bind(b);
    return (emit) => subscribe((event) => emit(changedDomains(event)));
  }
  if (b) return null;
  const token = pageToken();
  return token && typeof EventSource !== 'undefined' ? eventStreamSource(token) : null;
}

const listeners = new Set<ChangeListener>();
let changeSource: ChangeSource | null = null;
let disconnect: (() => void) | null = null;

function connectChanges(): void {
  if (disconnect) return;
  const source = changeSource ?? defaultChangeSource();
  if (source) disconnect = source(broadcast);
}

function resetChanges(source: ChangeSource | null): void {
  disconnect?.();
  disconnect = null;
  changeSource = source;
  if (listeners.size > 0) connectChanges();
}

function broadcast(domains: readonly Domain[]): void {
  if (domains.length === 0) return;
  for (const l of [...listeners]) l(domains);
}

/**
 * Calls `listener` with the domains of every write the main process announces (from this
 * window or any other). Returns the unsubscribe. The connection opens with the first
 * listener and stays open for the page's life.
 */
export function onChanged(listener: ChangeListener): () => void {
  listeners.add(listener);
  connectChanges();
  return () => {
    listeners.delete(listener);
  };
}
