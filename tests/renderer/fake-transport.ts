// A fake transport for renderer tests: handlers answer in memory, calls are recorded.
import { setTransport } from '../../renderer/api/client';
import type { ApiResult } from '../../shared/api/define';

export type FakeHandler = (input: unknown) => unknown;

export function installFakeTransport(handlers: Record<string, FakeHandler>) {
  const calls: { method: string; input: unknown }[] = [];
  setTransport(async (method, input): Promise<ApiResult<unknown>> => {
    calls.push({ method, input });
    const h = handlers[method];
    if (!h) return { ok: false, error: { code: 'unknown_method', message: `no fake for ${method}` } };
    try {
      const value = await h(input);
      if (value && typeof value === 'object' && 'ok' in value && (value as { ok: unknown }).ok === false) return value as ApiResult<unknown>;
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: String(err) } };
    }
  });
  return { calls, methods: () => calls.map((c) => c.method) };
}
