import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdoptRequest } from '../../../src/cache/adopt-archive.js';
import type { ManifestEntry } from '../../../src/cache/cache.js';
import { RestoreQueue } from '../../../src/cache/restore-helper.js';
import { removeTree } from '../../../src/util/remove-tree.js';

/** The bundled helper thread, as a run of the bundle starts it (the test setup builds dist/). */
const PROGRAM = resolve(import.meta.dirname, '../../../dist/cli/restore-worker.js');

describe('archives committed on the helper thread (RestoreQueue.adopt)', () => {
  let dir: string;
  let queue: RestoreQueue;
  let seq = 0;
  beforeEach(async () => {
    if (!existsSync(PROGRAM)) throw new Error(`${PROGRAM} is missing: run npm run build`);
    dir = await mkdtemp(join(tmpdir(), 'disbuild-restore-thread-'));
    await mkdir(join(dir, 'tmp'));
    queue = new RestoreQueue(undefined, PROGRAM);
  });
  afterEach(async () => {
    queue.close();
    await removeTree(dir);
  });

  /** An archive of one file of `size` random bytes, in memory of its own (owned: it may move to the thread). */
  function request(size: number): { request: AdoptRequest; entry: string; bytes: Buffer } {
    const bytes = randomBytes(size);
    const archive = new Uint8Array(new ArrayBuffer(size));
    archive.set(bytes);
    const entries: ManifestEntry[] = [
      {
        path: 'f',
        type: 'file',
        mode: 0o644,
        size,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    ];
    const n = seq++;
    const entry = join(dir, 'entries', String(n % 16), String(n));
    return {
      request: {
        archive,
        owned: true,
        encoding: 'identity',
        entries,
        temp: join(dir, 'tmp', String(n)),
        entry,
        meta: JSON.stringify({ manifest: { entries } }),
        logs: [],
      },
      entry,
      bytes,
    };
  }

  /** Adopts every archive at once; answers how many this thread committed itself (their memory never moved). */
  async function adoptAll(sizes: number[]): Promise<number> {
    let here = 0;
    const made = sizes.map((size) => request(size));
    const outcomes = await Promise.all(
      made.map(({ request: r }) => {
        const own = r.archive.buffer;
        return queue.adopt(r, (memory) => {
          if (memory === own) here++;
        });
      }),
    );
    expect(outcomes.every((o) => o.ok && o.committed)).toBe(true);
    // Compared as bytes: a deep equality of a megabyte takes vitest seconds.
    for (const m of made) expect((await readFile(join(m.entry, 'out/f'))).equals(m.bytes)).toBe(true);
    return here;
  }

  it('counts an archive out of the thread by the bytes it sent, not by its view here (empty once moved)', async () => {
    // 32 MB through the thread: before, the bytes sent never left the count, which from 16 MB on read as a full
    // thread. The thread then got one archive at a time, and this thread committed the rest, big ones too.
    await adoptAll(Array.from({ length: 400 }, () => 80 * 1024));
    // Eight archives of 1 MB fit the thread's window (16 MB): all go there, none is written here.
    expect(await adoptAll(Array.from({ length: 8 }, () => 1024 * 1024))).toBe(0);
  });

  it('answers every archive the thread holds when the queue is closed, none left waiting for ever', async () => {
    // Enough to start the thread and have it answer.
    await adoptAll(Array.from({ length: 16 }, () => 64 * 1024));
    // Big ones: the thread is hashing and writing them when the queue closes.
    const held = Array.from({ length: 8 }, () => queue.adopt(request(2 * 1024 * 1024).request));
    await new Promise((r) => setImmediate(r));
    queue.close();
    let timer: NodeJS.Timeout | undefined;
    const settled = Promise.allSettled(held).then(() => 'settled');
    const waiting = new Promise((r) => {
      timer = setTimeout(() => r('still waiting after 5 s'), 5000);
    });
    expect(await Promise.race([settled, waiting])).toBe('settled');
    clearTimeout(timer);
  });
});
