// The single entry point for every API call, whatever the transport (Electron IPC or the
// browser-mode HTTP host): rejects unknown methods, parses the input with the contract's
// schema, runs the handler and returns an ApiResult instead of throwing. After a successful
// call of a method that writes, it announces the domains the contract declares for it, and
// names them in the answer too (`writes`).
//
// Write calls run one at a time, in the order they came: a write waits until the one before
// it has finished (a long import writes in one transaction opened across event-loop turns,
// electron/db/open.ts inOpenTransaction, and nothing may join or interleave with it). Reads
// are never held: they are answered while a write runs.
import os from 'node:os';
import { contract, isMethod, writesOf, type Handlers, type Method } from '../../shared/api/contract';
import { describeIssues, fieldIssues, type ApiResult } from '../../shared/api/define';
import type { Domain } from '../../shared/api/domains';
import { endedInRollback } from '../db/open';
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
  const oneWriteAtATime = serialQueue();
  return async (method, input) => {
    if (!isMethod(method)) {
      const named = typeof method === 'string' && method.length <= 60 ? ` ${JSON.stringify(method)}` : '';
      return { ok: false, error: { code: 'unknown_method', message: `Unknown API method${named}.` } };
    }
    if (nestedDeeperThan(input, MAX_INPUT_DEPTH)) {
      return { ok: false, error: { code: 'invalid_input', message: `The input is nested deeper than ${MAX_INPUT_DEPTH} levels.` } };
    }
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message: describeIssues(issues), issues } };
    }
    const writes = writesOf(method);
    let value: unknown;
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      value = writes.length > 0 ? await oneWriteAtATime(() => handler(parsed.data)) : await handler(parsed.data);
    } catch (err) {
      // Rolled back after reads could see its rows: the screens that read them reload.
      if (endedInRollback(err)) announce(method, writes);
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: publicText(err.message) } };
      onUnexpected(err, method);
      // The cause (SQLite's text, a stack) goes to the log, not to the screen.
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${method}; nothing was saved.` } };
    }
    announce(method, writes);
    return writes.length > 0 ? { ok: true, value, writes } : { ok: true, value };
  };

  function announce(method: Method, domains: readonly Domain[]): void {
    if (domains.length === 0 || !options.onChange) return;
    try {
      options.onChange([...domains]);
    } catch (err) {
      // The write is done: a failing listener must not turn it into an error.
      console.error(`[api] announcing the change of ${method} failed:`, err);
    }
  }
}

/**
 * Runs the functions given to it one at a time, each after the previous one's promise has
 * settled (fulfilled or not), in the order they were given; when none is running, at once
 * (synchronously, so a write and a read called right after it keep their order).
 */
function serialQueue(): <T>(fn: () => T | Promise<T>) => Promise<T> {
  let tail: Promise<unknown> | null = null;
  return <T>(fn: () => T | Promise<T>) => {
    const start = () => {
      try {
        return Promise.resolve(fn());
      } catch (err) {
        return Promise.reject(err as Error);
      }
    };
    const result = tail ? tail.then(start) : start();
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    tail = settled;
    // The last one settled and nothing came after it: the queue is idle again.
    void settled.then(() => {
      if (tail === settled) tail = null;
    });
    return result;
  };
}

/** Deepest nesting of objects/arrays an input may have (the contract's schemas need far less); checked before zod recurses. */
export const MAX_INPUT_DEPTH = 32;

/** Whether value nests objects/arrays deeper than max; iterative, so no input can exhaust the stack. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let visited = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > max || ++visited > 1_000_000) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A message without the user's home folder (shown as ~). */
export function publicText(message: string): string {
  const home = os.homedir();
  return home.length > 1 ? message.split(home).join('~') : message;
}

function defaultLog(err: unknown, method: string): void {
  console.error(`[api] ${method} failed:`, err);
}

export type { Method };
