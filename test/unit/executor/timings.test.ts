import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTimings } from '../../../src/executor/timings.js';

describe('timings kept between runs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-timings-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('are read back by the next run, and a write a killed run left half-done is removed', async () => {
    const file = join(dir, 'cache', 'timings-v1.json');
    expect(FileTimings.read(file).empty).toBe(true);
    const first = FileTimings.read(file);
    first.record('a', 1234.4);
    await first.flush();
    // What a run killed between its write and its rename leaves (2147483646: no such process), and somebody else's.
    await writeFile(join(dir, 'cache', 'draft.2147483646.1700000000.tmp'), 'precious');
    await writeFile(`${file}.2147483646.1700000000.tmp`, '{"half');
    const second = FileTimings.read(file);
    expect(second.get('a')).toBe(1234);
    second.record('b', 5);
    await second.flush();
    expect(FileTimings.read(file).get('b')).toBe(5);
    // Only its own leftovers: other files of the cache directory, whatever their names, are not its to remove.
    expect((await readdir(join(dir, 'cache'))).sort()).toEqual([
      'draft.2147483646.1700000000.tmp',
      'timings-v1.json',
    ]);
  });

  it('are rewritten for news only: a new job, or a time that moved by more than a quarter and 50 ms', async () => {
    const file = join(dir, 'timings-v1.json');
    const first = FileTimings.read(file);
    first.record('a', 1000);
    await first.flush();
    // Each write is a new file renamed over the old one: a new inode.
    const written = (): number => lstatSync(file).ino;
    const before = written();
    const second = FileTimings.read(file);
    second.record('a', 1240);
    await second.flush();
    expect(written()).toBe(before);
    second.record('a', 1300);
    second.record('b', 7);
    await second.flush();
    expect(written()).not.toBe(before);
    const third = FileTimings.read(file);
    expect([third.get('a'), third.get('b')]).toEqual([1300, 7]);
  });

  it('start afresh from a damaged file, and from a FIFO put in its place without waiting on it', async () => {
    const file = join(dir, 'timings-v1.json');
    await writeFile(file, 'not json');
    expect(FileTimings.read(file).empty).toBe(true);
    const fifo = join(dir, 'fifo-timings.json');
    execFileSync('mkfifo', [fifo]);
    expect(FileTimings.read(fifo).empty).toBe(true);
  });
});
