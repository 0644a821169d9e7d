// One writer per database file (issue 11): real processes on one file. The second is refused
// with a message naming the first and how to close it; once the first is gone (even killed),
// the file opens again.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services';
import { DatabaseInUseError, lockNoteFile } from '../../electron/db/open';
import { bundleHost, startHost, stopHost, type HostBundle, type RunningHost } from './host-process';
import { tempDir } from './helpers';

let bundle: HostBundle | null = null;
const running: RunningHost[] = [];

beforeAll(async () => {
  bundle = await bundleHost();
}, 120_000);

afterAll(async () => {
  for (const h of running) await stopHost(h.child, 'SIGKILL');
  if (bundle) fs.rmSync(bundle.dir, { recursive: true, force: true });
});

describe('one writer per database file', () => {
  it('refuses a second host on the same file, naming the first and how to stop it', async () => {
    const db = path.join(tempDir(), 'shared.db');
    const first = await startHost(bundle!, db);
    running.push(first);
    const second = await startHost(bundle!, db).then(
      (h) => {
        running.push(h);
        return null;
      },
      (err: { exitCode?: number; stderr?: string }) => err,
    );
    expect(second).not.toBeNull();
    expect(second!.exitCode).toBe(1);
    expect(second!.stderr).toContain('is already in use, and only one program may write to it at a time');
    expect(second!.stderr).toContain(`Prelim Tracker in browser mode (process ${first.child.pid}`);
    expect(second!.stderr).toContain('Ctrl+C');
    expect(first.child.exitCode).toBeNull(); // the first keeps running
  }, 120_000);

  it('refuses this process while a host holds the file, and opens it once the host was killed (-9)', async () => {
    const db = path.join(tempDir(), 'killed.db');
    const host = await startHost(bundle!, db);
    running.push(host);
    let refused: unknown = null;
    try {
      openServices({ databasePath: db, mode: 'desktop' }).close();
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DatabaseInUseError);
    expect((refused as DatabaseInUseError).holder).toMatchObject({ pid: host.child.pid, mode: 'browser' });
    expect((refused as Error).message).toContain(`(process ${host.child.pid}, started `);

    await stopHost(host.child, 'SIGKILL'); // no clean-up runs: the OS releases the lock
    expect(fs.existsSync(lockNoteFile(db))).toBe(true); // the stale note is left behind…
    const services = openServices({ databasePath: db, mode: 'desktop' }); // …and does not block
    expect((await services.dispatch('app.info', undefined)).ok).toBe(true);
    services.close();
    expect(fs.existsSync(lockNoteFile(db))).toBe(false);
  }, 120_000);

  it('lets the host start once the desktop side closed the file, and names the desktop app while it is open', async () => {
    const db = path.join(tempDir(), 'desktop.db');
    const desktop = openServices({ databasePath: db, mode: 'desktop' });
    const refused = await startHost(bundle!, db).then(
      () => null,
      (err: { stderr?: string }) => err,
    );
    expect(refused?.stderr).toContain(`The Prelim Tracker desktop app (process ${process.pid}`);
    expect(refused?.stderr).toContain('Quit it (File › Quit)');
    desktop.close();
    const host = await startHost(bundle!, db);
    running.push(host);
    expect(host.port).toBeGreaterThan(0);
  }, 120_000);
});
