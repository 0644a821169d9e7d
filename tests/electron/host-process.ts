// Runs the real browser-mode host (electron/web/host.ts, bundled) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleEntry } from './bundle';

export interface HostBundle {
  dir: string;
  file: string;
}

/** Bundles the host to <dir>/web/host.mjs next to a tiny renderer in <dir>/renderer (remove dir when done). */
export async function bundleHost(): Promise<HostBundle> {
  const { dir, file } = await bundleEntry('electron/web/host.ts', 'host', 'web');
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js.map'), '{"version":3,"mappings":"AAAA"}');
  fs.writeFileSync(path.join(renderer, '.env'), 'SECRET=1');
  return { dir, file };
}

export interface RunningHost {
  child: ChildProcess;
  port: number;
  stderr(): string;
}

/** Starts the host on dbFile; resolves when it prints its address, rejects if it exits first (with its stderr). */
export function startHost(bundle: HostBundle, dbFile: string): Promise<RunningHost> {
  const child = spawn(process.execPath, [bundle.file, '--db', dbFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve({ child, port: Number(m[1]), stderr: () => err });
    });
    child.once('exit', (code) => reject(Object.assign(new Error(`host exited (${String(code)}): ${err}`), { exitCode: code, stderr: err })));
  });
}

/** Stops a host and waits for it to exit. */
export function stopHost(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
