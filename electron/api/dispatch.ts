// The single entry point for every API call, whatever the transport (Electron IPC or the
// browser-mode HTTP host): rejects unknown methods, parses the input with the contract's
// schema, runs the handler and returns an ApiResult instead of throwing.
import { contract, isMethod, type Handlers, type Method } from '../../shared/api/contract';
import { describeIssues, fieldIssues, type ApiResult } from '../../shared/api/define';
import { AppError } from '../errors';

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

export function createDispatcher(handlers: Handlers, onUnexpected: (err: unknown, method: string) => void = defaultLog): Dispatch {
  return async (method, input) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown API method ${JSON.stringify(method)}.` } };
    }
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message: describeIssues(issues), issues } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
      onUnexpected(err, method);
      return {
        ok: false,
        error: { code: 'internal', message: `Something went wrong in ${method}; nothing was saved. (${err instanceof Error ? err.message : String(err)})` },
      };
    }
  };
}

function defaultLog(err: unknown, method: string): void {
  console.error(`[api] ${method} failed:`, err);
}

export type { Method };
