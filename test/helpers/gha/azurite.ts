import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Azurite {
  /** e.g. http://127.0.0.1:41234 */
  endpoint: string;
  stop(): Promise<void>;
}

const MAIN = resolve(import.meta.dirname, '../../../node_modules/azurite/dist/src/blob/main.js');

/** Starts Azurite's blob service on a random loopback port. Fails loudly when it is not installed. */
export async function startAzurite(): Promise<Azurite> {
  if (!existsSync(MAIN)) throw new Error(`azurite is not installed (${MAIN}); run npm ci`);
  const location = await mkdtemp(join(tmpdir(), 'disbuild-azurite-'));
  // --skipApiVersionCheck: the storage SDK sends a newer x-ms-version than this Azurite knows.
  const child: ChildProcess = spawn(
    process.execPath,
    [
      MAIN,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--silent',
      '--disableTelemetry',
      '--skipApiVersionCheck',
      '--location',
      location,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const endpoint = await new Promise<string>((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`azurite did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    });
    child.on('exit', (code) => rej(new Error(`azurite exited with ${String(code)}: ${out}`)));
  });
  return {
    endpoint,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(location, { recursive: true, force: true });
    },
  };
}
