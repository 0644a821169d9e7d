// A fake transport for renderer tests: handlers answer in memory, calls are recorded, and
// after a successful call of a method that writes, the change is announced to the stores
// as the desktop app's main process does (the domains the contract declares for it).
import { setTransport, type ChangeListener } from '../../renderer/api/client';
import { contract } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/define';
import type { Domain } from '../../shared/api/domains';

export type FakeHandler = (input: unknown) => unknown;

/** The domains the contract says a method writes (none for reads). */
export function writesOf(method: string): readonly Domain[] {
  const spec = (contract as Record<string, { writes?: readonly Domain[] } | undefined>)[method];
  return spec?.writes ?? [];
}

export function installFakeTransport(handlers: Record<string, FakeHandler>, options: { announce?: boolean } = {}) {
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Set<ChangeListener>();
  const emit = (domains: readonly Domain[]) => {
    for (const l of [...listeners]) l(domains);
  };
  setTransport(
    async (method, input): Promise<ApiResult<unknown>> => {
      calls.push({ method, input });
      const h = handlers[method];
      if (!h) return { ok: false, error: { code: 'unknown_method', message: `no fake for ${method}` } };
      try {
        const value = await h(input);
        if (value && typeof value === 'object' && 'ok' in value && (value as { ok: unknown }).ok === false) return value as ApiResult<unknown>;
        // Like the main process: the change is announced before the answer arrives.
        if (options.announce !== false && writesOf(method).length > 0) emit(writesOf(method));
        return { ok: true, value };
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: String(err) } };
      }
    },
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );
  return { calls, methods: () => calls.map((c) => c.method), emit, listeners: () => listeners.size };
}
