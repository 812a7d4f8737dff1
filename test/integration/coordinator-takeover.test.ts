import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoordinatorClient } from '../../src/coordinator/client.js';
import { type CoordinatorServer, startCoordinatorServer } from '../../src/coordinator/server.js';
import { withTakeoverLock } from '../../src/coordinator/takeover-lock.js';

const helper = (name: string): string => resolve(import.meta.dirname, '../helpers', name);

/** A pid that no process has: a child that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

describe('taking over the coordinator', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-takeover-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("lets one holder at a time take a dead owner's lock, however many find it stale at the same moment", async () => {
    const dead = await deadPid();
    // Rounds of 50 contenders in one process: their file operations interleave on the thread pool, which
    // makes the window between "the owner is dead" and "remove the lock" wide enough to be hit.
    for (let round = 0; round < 8; round++) {
      const lock = join(dir, `takeover-${round}.lock`);
      await writeFile(lock, `${dead} 0123456789abcdef`);
      let inside = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 50 }, () =>
          withTakeoverLock(lock, async () => {
            most = Math.max(most, ++inside);
            await new Promise((r) => setTimeout(r, 2));
            inside--;
          }),
        ),
      );
      expect(most, `round ${round}`).toBe(1);
    }
    // Nothing is left behind: no lock, no marker, no candidate file.
    expect((await readdir(dir)).filter((f) => f.includes('.lock'))).toEqual([]);
  });

  describe('leases', () => {
    let server: CoordinatorServer;
    const LEASE_MS = 400;
    beforeEach(async () => {
      const started = await startCoordinatorServer({
        storeDir: join(dir, 'store'),
        bearer: 'b',
        listen: { socketPath: join(dir, 'sock') },
        leaseMs: LEASE_MS,
        publishRoots: [dir],
      });
      if (!started.ok) throw new Error(started.error);
      server = started.value;
    });
    afterEach(async () => {
      await server.close();
    });

    it('keeps its renewals on schedule while the holder hashes a large output', async () => {
      // 64 files of 4 MiB: 256 MiB that a synchronous hash would take far longer than one lease to get through.
      const out = join(dir, 'out');
      const chunk = Buffer.alloc(4 * 1024 * 1024, 7);
      await mkdir(out);
      await Promise.all(Array.from({ length: 64 }, (_, i) => writeFile(join(out, `f${i}`), chunk)));
      const key = 'ab'.repeat(20);
      const holder = spawn(
        process.execPath,
        ['--import', 'tsx', helper('hash-holder.ts'), server.address, 'b', key, out, String(LEASE_MS)],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      await new Promise<void>((r) => holder.stdout.on('data', () => r()));
      const client = new CoordinatorClient(server.address, 'b');
      const waited = await client.start(key);
      client.close();
      await new Promise((r) => holder.on('exit', r));
      // The holder's own answer, not the key handed to this waiter after a lost lease.
      expect(waited).toEqual({ ok: false, error: { reason: 'build-failed', message: 'hashed 64 files' } });
    });
  });
});
