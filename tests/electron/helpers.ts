import type { ImportFile } from '../../shared/api/transfer-api';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openServices, type AppServices } from '../../electron/services';
import type { Db } from '../../electron/db/open';
import type { ApiResult } from '../../shared/api/define';
import type { InputOf, Method, OutputOf } from '../../shared/api/contract';

const dirs: string[] = [];
const opened: AppServices[] = [];

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'prelim-test-'));
  dirs.push(d);
  return d;
}

export function openTestServices(file = path.join(tempDir(), 'test.db'), now = () => new Date('2026-11-25T12:00:00Z')) {
  const services = openServices({ databasePath: file, mode: 'browser', now });
  opened.push(services);
  const call = async <M extends Method>(method: M, input?: InputOf<M>): Promise<OutputOf<M>> => {
    const r = await services.dispatch(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.value as OutputOf<M>;
  };
  const raw = (method: unknown, input?: unknown): Promise<ApiResult<unknown>> => services.dispatch(method, input);
  return { services, db: services.db, file, call, raw };
}

/**
 * Every row of every table, to prove a refused request wrote nothing. Not program_change: the
 * log of which program rows changed (migration 015) is bookkeeping that follows those tables,
 * and two databases with the same rows have different logs.
 */
export function dumpDb(db: Db): Record<string, unknown[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'program_change' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** A file as the renderer uploads it (name + base64), from text (UTF-8) or bytes. */
export function fileOf(name: string, content: string | Buffer): ImportFile {
  return { name, base64: (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64') };
}
