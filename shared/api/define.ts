// Building blocks of the API contract: a method is a zod schema for its input plus a
// phantom type for its output. The main process parses every input with the schema;
// the renderer gets the types.
import { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Never read at run time: carries the output type. */
  output: O;
}

/** `method<Output>()(inputSchema)` */
export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input, output: undefined as O });
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

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Turns zod issues into messages a person can act on, keyed by field path. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function describeIssues(issues: FieldIssue[]): string {
  const first = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `Please fix: ${first.join('; ')}${more}`;
}
