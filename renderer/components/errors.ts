import type { z } from 'zod';
import { fieldIssues, type FieldIssue } from '../../shared/api/define';
import { ApiCallError } from '../api/client';

export type FieldErrors = Record<string, string>;

export function toFieldErrors(issues: FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) out[i.path] ??= i.message;
  return out;
}

/** Validates with the same schema the main process uses; returns errors by field path, or the parsed value. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): { ok: true; value: z.output<S> } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: toFieldErrors(fieldIssues(r.error)) };
}

/** Field errors and a general message from a failed API call. */
export function fromApiError(err: unknown): { errors: FieldErrors; message: string } {
  if (err instanceof ApiCallError) return { errors: toFieldErrors(err.error.issues ?? []), message: err.error.message };
  return { errors: {}, message: err instanceof Error ? err.message : String(err) };
}
