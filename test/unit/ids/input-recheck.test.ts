import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamDigests, workingTreeDigests } from '../../../src/ids/file-digest.js';
import { InputRecheck } from '../../../src/ids/input-recheck.js';
import { writeTree } from '../../helpers/graph-builder.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd, encoding: 'utf8' });

describe('the check of inputs before saving', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-recheck-'));
    await writeTree(dir, { 'a.txt': 'a\n', 'b.txt': 'b\n' });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('sees an input read from disk change (same size, same mtime), and not one left alone', async () => {
    const since = Date.now();
    const digests = await streamDigests(dir, ['a.txt', 'b.txt']);
    const recheck = new InputRecheck(dir, digests, since);
    expect(await recheck.changed(['a.txt', 'b.txt'])).toEqual([]);
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dir, 'a.txt'), old, old);
    const before = await new InputRecheck(dir, await streamDigests(dir, ['a.txt']), since).changed(['a.txt']);
    expect(before).toEqual([]);
    const keyed = new InputRecheck(dir, await streamDigests(dir, ['a.txt', 'b.txt']), since);
    await writeFile(join(dir, 'a.txt'), 'A\n');
    await utimes(join(dir, 'a.txt'), old, old); // the mtime put back: ctime still moved
    expect(await keyed.changed(['a.txt', 'b.txt'])).toEqual(['a.txt']);
  });

  it('sees an input keyed from git’s index change, and lets a touched, unchanged one through', async () => {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'c');
    const since = Date.now();
    const digests = await workingTreeDigests(dir, ['a.txt', 'b.txt']);
    if (!digests.ok) throw new Error(digests.error);
    const recheck = new InputRecheck(dir, digests.value, since);
    const now = new Date();
    await utimes(join(dir, 'b.txt'), now, now); // touched: ctime moves, the bytes do not
    expect(await recheck.changed(['a.txt', 'b.txt'])).toEqual([]);
    await writeFile(join(dir, 'a.txt'), 'A\n');
    expect(await recheck.changed(['a.txt', 'b.txt'])).toEqual(['a.txt']);
    await rm(join(dir, 'b.txt'));
    expect(await recheck.changed(['a.txt', 'b.txt'])).toEqual(['a.txt', 'b.txt']);
  });
});
