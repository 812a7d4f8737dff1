import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../../src/cache/cache.js';
import type { PlaceFile } from '../../../src/cache/place-files.js';
import { fileReads, fromDisk, ReadAhead, type ReadAheadParts } from '../../../src/cache/read-ahead.js';
import { RestoreQueue } from '../../../src/cache/restore-helper.js';

/** Reads that end when the test says, recording what was asked and how much was in flight at once. */
function fakeReads(cameFromDisk: boolean) {
  const read: string[] = [];
  const waiting: (() => void)[] = [];
  let active = 0;
  let mostAtOnce = 0;
  const probed: string[][] = [];
  const parts: ReadAheadParts = {
    probe(paths) {
      probed.push([...paths]);
      return cameFromDisk;
    },
    readLater(path, done) {
      read.push(path);
      mostAtOnce = Math.max(mostAtOnce, ++active);
      waiting.push(() => {
        active--;
        done();
      });
    },
  };
  return {
    parts,
    read,
    probed,
    get mostAtOnce() {
      return mostAtOnce;
    },
    /** Ends the reads under way (those they start in turn wait for the next call). */
    finishAll() {
      for (const end of waiting.splice(0)) end();
    },
  };
}

const paths = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `f${from + i}`);

describe('reading stored files ahead of a restore', () => {
  it('tells a file read from memory from one read from disk by the time it took', () => {
    // From the page cache: an open, a read and a close of 80 kB take 25–35 µs.
    expect(fromDisk(35_000, 80_000)).toBe(false);
    // From a virtual disk, 150–250 µs; from an NVMe drive, about 100 µs.
    expect(fromDisk(150_000, 80_000)).toBe(true);
    expect(fromDisk(100_000, 80_000)).toBe(true);
    // Small files: the fixed part decides.
    expect(fromDisk(15_000, 100)).toBe(false);
    expect(fromDisk(90_000, 100)).toBe(true);
  });

  it('reads nothing more when the first files came from memory', () => {
    const fake = fakeReads(false);
    const ahead = new ReadAhead(fake.parts);
    ahead.add(paths(3));
    expect(ahead.reading).toBeUndefined();
    expect(fake.probed).toEqual([]);
    ahead.add(paths(100, 3));
    expect(fake.probed).toEqual([paths(4)]);
    expect(ahead.reading).toBe(false);
    ahead.add(paths(100, 103));
    expect(fake.read).toEqual([]);
  });

  it('reads every other file once, in order, a bounded number at a time, when they came from disk', () => {
    const fake = fakeReads(true);
    const ahead = new ReadAhead(fake.parts);
    ahead.add(paths(50));
    expect(ahead.reading).toBe(true);
    ahead.add(paths(50, 50));
    for (let i = 0; i < 10 && fake.read.length < 96; i++) fake.finishAll();
    // The first four were read by the probe itself.
    expect(fake.read).toEqual(paths(96, 4));
    expect(fake.mostAtOnce).toBe(16);
  });

  it('starts no read once stopped', () => {
    const fake = fakeReads(true);
    const ahead = new ReadAhead(fake.parts);
    ahead.add(paths(100));
    expect(fake.read.length).toBe(16);
    ahead.stop();
    fake.finishAll();
    ahead.add(paths(10, 100));
    expect(fake.read.length).toBe(16);
  });

  it('reads real files and passes over what it cannot read, never blocking and closing every file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'disbuild-read-ahead-'));
    try {
      const files = paths(30).map((p) => join(dir, p));
      await Promise.all(files.map((f) => writeFile(f, Buffer.alloc(80_000, 7))));
      // What a damaged cache could hold instead of a stored file: a FIFO no one writes (opening it to read would
      // wait for a writer), a link, a directory (opens, then fails to read), and a path that does not exist.
      execFileSync('mkfifo', [join(dir, 'fifo')]);
      await symlink(files[0]!, join(dir, 'link'));
      await mkdir(join(dir, 'dir'));
      const odd = ['fifo', 'link', 'dir', 'missing'].map((n) => join(dir, n));
      const openFiles = (): number => readdirSync('/proc/self/fd').length;
      const before = openFiles();
      // Told they came from disk, the real reads go through every path after the first four.
      const real = fileReads();
      const wanted = [...files, ...odd];
      let ended = 0;
      await new Promise<void>((resolve) => {
        const ahead = new ReadAhead({
          probe: () => true,
          readLater: (path, done) =>
            real.readLater(path, () => {
              done();
              if (++ended === wanted.length - 4) resolve();
            }),
        });
        ahead.add(wanted);
      });
      expect(openFiles()).toBe(before);
      // And the probe's own reads, of the odd ones too.
      expect(typeof real.probe(odd)).toBe('boolean');
      expect(openFiles()).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A read-ahead that only records what it is given. */
class RecordingAhead extends ReadAhead {
  readonly added: string[][] = [];
  stopped = false;
  override add(paths: readonly string[]): void {
    this.added.push([...paths]);
  }
  override stop(): void {
    this.stopped = true;
  }
}

describe('the restore queue reading ahead', () => {
  const placing = (i: number, size = 10): PlaceFile => ({
    path: `p${i}`,
    stored: `/nonexistent/stored/${i}`,
    to: `/nonexistent/to/${i}`,
    size,
    mode: 0o644,
    sha256: '0'.repeat(64),
  });

  it('starts once 256 restores wait: theirs first, in queue order, then each new one; files only, none over 4 MiB', async () => {
    let made = 0;
    const ahead = new RecordingAhead();
    const queue = new RestoreQueue(() => {
      made++;
      return ahead;
    });
    const asked: Promise<unknown>[] = [];
    for (let i = 0; i < 255; i++) asked.push(queue.place([placing(i)]));
    expect(made).toBe(0);
    asked.push(queue.place([placing(255), placing(256, 5 * 1024 * 1024)]));
    expect(made).toBe(1);
    expect(ahead.added.flat()).toEqual(Array.from({ length: 256 }, (_, i) => `/nonexistent/stored/${i}`));
    const entries: ManifestEntry[] = [
      { path: 'd', type: 'dir', mode: 0o755, size: 0, sha256: '' },
      { path: 'd/a', type: 'file', mode: 0o644, size: 3, sha256: '0'.repeat(64) },
      { path: 'd/l', type: 'symlink', mode: 0o777, size: 1, sha256: '0'.repeat(64), target: 'a' },
      { path: 'd/big', type: 'file', mode: 0o644, size: 5 * 1024 * 1024, sha256: '0'.repeat(64) },
    ];
    asked.push(queue.restore('/nonexistent/src', '/nonexistent/dest', entries));
    expect(ahead.added.at(-1)).toEqual(['/nonexistent/src/d/a']);
    queue.close();
    expect(ahead.stopped).toBe(true);
    expect(made).toBe(1);
    await Promise.allSettled(asked);
  });

  it('starts at once for a run that announces as many restores, and only once', async () => {
    let made = 0;
    const ahead = new RecordingAhead();
    const queue = new RestoreQueue(() => {
      made++;
      return ahead;
    });
    queue.expect(255);
    expect(made).toBe(0);
    queue.expect(1000);
    expect(made).toBe(1);
    const asked = [queue.place([placing(1)])];
    queue.expect(1000);
    expect(made).toBe(1);
    expect(ahead.added).toEqual([['/nonexistent/stored/1']]);
    queue.close();
    await Promise.allSettled(asked);
  });
});
