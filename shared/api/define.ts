// Building blocks of the API contract: a method is a zod schema for its input, a phantom
// type for its output and the data domains it writes. The main process parses every input
// with the schema and, after a successful write, announces its domains; the renderer gets
// the types.
import { z } from 'zod';
import type { Domain } from './domains';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Never read at run time: carries the output type. */
  output: O;
  /** The domains a successful call may change (empty for reads). Announced after each successful call. */
  writes: readonly Domain[];
}

export interface MethodOptions {
  /** Every domain the call may change, cascades included (a deleted program takes its applications with it). */
  writes: readonly Domain[];
}

/**
 * `method<Output>()(inputSchema)` for a read, `method<Output>()(inputSchema, { writes: [...] })`
 * for a call that changes data.
 */
export function method<O>() {
  return <I extends z.ZodType>(input: I, options?: MethodOptions): MethodSpec<I, O> => {
    if (options && options.writes.length === 0) throw new Error('A write declares at least one domain; leave the options out for a read.');
    return { input, output: undefined as O, writes: Object.freeze([...new Set(options?.writes ?? [])]) };
  };
}

/** A method that takes no input. */
export const noInput = z.undefined().or(z.object({}).strict()).transform(() => undefined);

export const idInput = z.object({ id: z.number().int().positive() }).strict();

export const ERROR_CODES = ['unknown_method', 'invalid_input', 'not_found', 'conflict', 'database', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. "tracks.0.nrmpCode". */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/**
 * A call's answer. `writes`: the domains a successful write changed (left out for reads), the
 * same the change announcement names; a page whose announcement stream was still connecting
 * when it wrote passes them on itself (renderer/api/client.ts).
 */
export type ApiResult<T> = { ok: true; value: T; writes?: readonly Domain[] } | { ok: false; error: ApiError };

/** Turns zod issues into messages a person can act on, keyed by field path. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function describeIssues(issues: FieldIssue[]): string {
  const first = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `Please fix: ${first.join('; ')}${more}`;
}
