import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../../src/cache/remote/open-remote.js';
import { RemoteTier, type RemoteTierOptions } from '../../../src/cache/remote/remote-tier.js';
import type { JobKey } from '../../../src/ids/brands.js';

/** A remote tier's options against the server at `url`, its scratch under `dir`: any warning fails the test. */
export function tierOptionsFor(
  url: string,
  dir: string,
  extra: Partial<RemoteTierOptions> = {},
): RemoteTierOptions {
  return {
    store: openStore({ kind: 'http', url, idleTimeoutMs: 10_000 }),
    mode: 'read-write',
    scratchDir: join(dir, 'scratch'),
    uploadConcurrency: 4,
    uploadWaitMs: 30_000,
    idleTimeoutMs: 10_000,
    onWarning: (m) => {
      throw new Error(`unexpected warning: ${m}`);
    },
    ...extra,
  };
}

/** Uploads one artifact per key, each a single file `data.bin` of `bytes(i)`, its stdout `stdout(i)`. */
export async function seedArtifacts(
  options: RemoteTierOptions,
  dir: string,
  keys: readonly JobKey[],
  bytes: (i: number) => Buffer,
  stdout: (i: number) => Buffer = () => Buffer.alloc(0),
): Promise<void> {
  const seed = new RemoteTier({ ...options, mode: 'read-write' });
  for (const [i, key] of keys.entries()) {
    const out = join(dir, 'outputs', String(i));
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'data.bin'), bytes(i));
    seed.upload(key, out, { outputDir: out, stdout: stdout(i), stderr: Buffer.alloc(0), durationMs: 1 });
  }
  await seed.close();
}
