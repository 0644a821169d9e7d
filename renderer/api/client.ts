// The renderer's one typed API client. It does not know whether it talks to Electron's
// preload (desktop) or to the browser-mode host over HTTP: a transport is picked once.
import type { InputOf, Method, OutputOf } from '../../shared/api/contract';
import type { ApiError, ApiResult } from '../../shared/api/define';

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
}

function preloadTransport(): Transport | null {
  const bridge = (globalThis as { prelim?: PreloadBridge }).prelim;
  return bridge ? (method, input) => bridge.invoke(method, input) : null;
}

function httpTransport(): Transport | null {
  if (typeof document === 'undefined') return null;
  const token = document.querySelector<HTMLMetaElement>('meta[name="prelim-token"]')?.content;
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

export function setTransport(t: Transport | null): void {
  transport = t;
}

function currentTransport(): Transport {
  transport ??= preloadTransport() ?? httpTransport();
  if (!transport) throw new ApiCallError({ code: 'internal', message: 'Prelim Tracker could not reach its data. Start it with "npm start".' });
  return transport;
}

export async function api<M extends Method>(method: M, ...args: undefined extends InputOf<M> ? [input?: InputOf<M>] : [input: InputOf<M>]): Promise<OutputOf<M>> {
  const result = await currentTransport()(method, args[0]);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as OutputOf<M>;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
