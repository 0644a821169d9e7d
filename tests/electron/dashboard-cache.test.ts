// The dashboard summary is computed once per change of its inputs (the database, today, the
// minute) and shared until then: these prove a kept summary is never stale (every kind of
// write and a later minute give the fresh answer) and that an unchanged database is not
// summarised again.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/api/handlers';
import { seedExampleProfile } from '../../shared/sample/seed-profile';
import { institution, track } from '../fixtures';
import { openTestServices } from './helpers';

async function setup() {
  let now = new Date('2026-09-20T14:00:30Z');
  const t = openTestServices(undefined, () => now);
  await t.call('profile.save', seedExampleProfile());
  const saved = await t.call('institutions.save', {
    institution: institution({ name: 'Aspen General' }),
    tracks: [track('preliminary', { nrmpCode: '1000440P0' }), track('categorical', { nrmpCode: '1000440C0' })],
  });
  /** What a summary computed right now says (handlers of their own on the same connection: nothing kept). */
  const fresh = () => createHandlers({ db: t.db, databasePath: t.file, mode: 'browser', now: () => now, backupDir: path.join(os.tmpdir(), 'unused-backups') })['dashboard.summary'](undefined);
  return { ...t, ids: saved.programs.map((p) => p.id), fresh, setNow: (d: Date) => (now = d) };
}

describe('dashboard summary cache', () => {
  it('gives the same summary object while nothing changed, equal to a fresh one', async () => {
    const { call, fresh } = await setup();
    const first = await call('dashboard.summary');
    expect(await call('dashboard.summary')).toBe(first);
    expect(first).toEqual(await fresh());
  });

  it('is summarised again after a write through the API, and shows it', async () => {
    const { call, fresh, ids } = await setup();
    const before = await call('dashboard.summary');
    await call('programs.setOnList', { ids, onList: true });
    const after = await call('dashboard.summary');
    expect(after).not.toBe(before);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await fresh());
  });

  it('is summarised again after a write that did not go through a handler (any change on the connection)', async () => {
    const { call, fresh, db } = await setup();
    const before = await call('dashboard.summary');
    db.prepare(`UPDATE institution SET name = 'Birch Medical'`).run();
    const after = await call('dashboard.summary');
    expect(after).not.toBe(before);
    expect(after).toEqual(await fresh());
  });

  it('is summarised again in the next minute and on the next day', async () => {
    const { call, fresh, setNow } = await setup();
    const first = await call('dashboard.summary');
    setNow(new Date('2026-09-20T14:00:59Z'));
    expect(await call('dashboard.summary')).toBe(first);
    setNow(new Date('2026-09-20T14:01:00Z'));
    const nextMinute = await call('dashboard.summary');
    expect(nextMinute).not.toBe(first);
    expect(nextMinute).toEqual(await fresh());
    setNow(new Date('2026-10-20T14:01:00Z'));
    const later = await call('dashboard.summary');
    expect(later).toEqual(await fresh());
    expect(later).not.toEqual(first);
  });
});
