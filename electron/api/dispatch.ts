// The single entry point for every API call, whatever the transport (Electron IPC or the
// browser-mode HTTP host): rejects unknown methods, parses the input with the contract's
// schema, runs the handler and returns an ApiResult instead of throwing. After a successful
// call of a method that writes, it announces the domains the contract declares for it.
import { contract, isMethod, writesOf, type Handlers, type Method } from '../../shared/api/contract';
import { describeIssues, fieldIssues, type ApiResult } from '../../shared/api/define';
import type { Domain } from '../../shared/api/domains';
import { AppError } from '../errors';

export type Dispatch = (method: unknown, input: unknown) => Promise<ApiResult<unknown>>;

export interface DispatchOptions {
  /** Called after each successful write with the domains it changed (never for reads or failed calls). */
  onChange?: (domains: Domain[]) => void;
  /** Called when a handler throws something that is not an AppError (a bug). */
  onUnexpected?: (err: unknown, method: string) => void;
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const onUnexpected = options.onUnexpected ?? defaultLog;
  return async (method, input) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown API method ${JSON.stringify(method)}.` } };
    }
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message: describeIssues(issues), issues } };
    }
    let value: unknown;
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      value = await handler(parsed.data);
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
      onUnexpected(err, method);
      return {
        ok: false,
        error: { code: 'internal', message: `Something went wrong in ${method}; nothing was saved. (${err instanceof Error ? err.message : String(err)})` },
      };
    }
    announce(method);
    return { ok: true, value };
  };

  function announce(method: Method): void {
    const domains = writesOf(method);
    if (domains.length === 0 || !options.onChange) return;
    try {
      options.onChange([...domains]);
    } catch (err) {
      // The write is done: a failing listener must not turn it into an error.
      console.error(`[api] announcing the change of ${method} failed:`, err);
    }
  }
}

function defaultLog(err: unknown, method: string): void {
  console.error(`[api] ${method} failed:`, err);
}

export type { Method };
