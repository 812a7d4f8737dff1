import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoordinatorClient } from '../../src/coordinator/client.js';
import { type CoordinatorServer, startCoordinatorServer } from '../../src/coordinator/server.js';

const helper = (name: string): string => resolve(import.meta.dirname, '../helpers', name);

function runNode(args: string[]): Promise<number | null> {
  return new Promise((res) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => res(code));
  });
}

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

  it("lets exactly one of 8 processes that find a dead owner's lock at the same moment hold it at a time", async () => {
    const lock = join(dir, 'takeover.lock');
    const log = join(dir, 'holders.log');
    await writeFile(lock, `${await deadPid()} 0123456789abcdef`);
    const startAt = String(Date.now() + 2500);
    const codes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runNode([helper('lock-contender.ts'), lock, log, startAt, String(i)]),
      ),
    );
    expect(codes).toEqual(Array(8).fill(0));
    const lines = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(16);
    // Holders never overlap: every "in" is followed by the "out" of the same holder.
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]).toMatch(/^in /);
      expect(lines[i + 1]).toBe(lines[i]!.replace('in', 'out'));
    }
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
