import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdtemp, rm, symlink, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  blobId,
  chooseDigests,
  chooseDigestSource,
  commitTreeDigests,
  streamDigests,
  startWorkTreeListings,
  unchangedIndexedFiles,
  workingTreeDigests,
} from '../../../src/ids/file-digest.js';
import { writeTree } from '../../helpers/graph-builder.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd, encoding: 'utf8' });

const FILES = {
  'a.txt': 'alpha\n',
  'dir/b.txt': 'beta\n',
  'dir/run.sh': '#!/bin/sh\n',
  'big.bin': 'x'.repeat(3 * 1024 * 1024 + 7), // above the one-read limit: streamed
  'é 字.txt': 'unicode name\n',
};
const PATHS = [...Object.keys(FILES), 'link', 'absent.txt', 'dir'];

describe('digest sources', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-digests-'));
    await writeTree(dir, FILES);
    await chmod(join(dir, 'dir/run.sh'), 0o755);
    await symlink('dir/b.txt', join(dir, 'link'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const commitAll = (): void => {
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'c');
  };

  it('stream git blob IDs, modes and missing paths', async () => {
    const d = await streamDigests(dir, PATHS);
    expect(d.get('a.txt')).toEqual({ mode: 'regular', digest: blobId('alpha\n') });
    expect(d.get('dir/run.sh')).toMatchObject({ mode: 'executable' });
    // A link: what reading it yields, plus its own text.
    expect(d.get('link')).toEqual({ mode: 'regular', digest: blobId('beta\n'), link: blobId('dir/b.txt') });
    expect(d.get('absent.txt')).toEqual({ missing: true });
    expect(d.get('dir')).toEqual({ problem: 'input dir is a directory; list its files' });
    const hashed = git(dir, 'hash-object', '--', 'a.txt', 'big.bin', 'é 字.txt').split('\n');
    expect([d.get('a.txt'), d.get('big.bin'), d.get('é 字.txt')]).toEqual(
      hashed.slice(0, 3).map((h) => expect.objectContaining({ digest: h })),
    );
  });

  it('agree between the git index, the streaming fallback and the commit tree', async () => {
    commitAll();
    const streamed = await streamDigests(dir, PATHS);
    expect(await workingTreeDigests(dir, PATHS)).toEqual({ ok: true, value: streamed });
    expect(await commitTreeDigests(dir, 'HEAD', PATHS)).toEqual({ ok: true, value: streamed });
  });

  it('read modified, untracked, deleted, re-moded and re-linked files from disk', async () => {
    commitAll();
    await writeFile(join(dir, 'a.txt'), 'changed\n');
    await writeFile(join(dir, 'new.txt'), 'untracked\n');
    await unlink(join(dir, 'dir/b.txt'));
    await chmod(join(dir, 'dir/run.sh'), 0o644);
    await unlink(join(dir, 'link'));
    await symlink('a.txt', join(dir, 'link'));
    const paths = [...PATHS, 'new.txt'];
    const wt = await workingTreeDigests(dir, paths);
    expect(wt).toEqual({ ok: true, value: await streamDigests(dir, paths) });
    expect(wt.ok && wt.value.get('a.txt')).toEqual({ mode: 'regular', digest: blobId('changed\n') });
    expect(wt.ok && wt.value.get('dir/b.txt')).toEqual({ missing: true });
    expect(wt.ok && wt.value.get('dir/run.sh')).toMatchObject({ mode: 'regular' });
    // The commit tree does not see any of it.
    const tree = await commitTreeDigests(dir, 'HEAD', paths);
    expect(tree.ok && tree.value.get('a.txt')).toEqual({ mode: 'regular', digest: blobId('alpha\n') });
    expect(tree.ok && tree.value.get('new.txt')).toEqual({ missing: true });
  });

  it('read files that git does not compare with the working tree: assume-unchanged and skip-worktree', async () => {
    commitAll();
    git(dir, 'update-index', '--assume-unchanged', 'a.txt');
    git(dir, 'update-index', '--skip-worktree', 'dir/b.txt');
    // Edits git status never reports, and a file a sparse checkout would leave out.
    await writeFile(join(dir, 'a.txt'), 'edited behind git\n');
    await unlink(join(dir, 'dir/b.txt'));
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const wt = await workingTreeDigests(dir, PATHS);
    expect(wt).toEqual({ ok: true, value: await streamDigests(dir, PATHS) });
    expect(wt.ok && wt.value.get('a.txt')).toEqual({
      mode: 'regular',
      digest: blobId('edited behind git\n'),
    });
    expect(wt.ok && wt.value.get('dir/b.txt')).toEqual({ missing: true });
  });

  it('know which inputs are files without looking: indexed, compared with the work tree, unchanged', async () => {
    expect(await unchangedIndexedFiles(startWorkTreeListings(dir))).toBeUndefined();
    commitAll();
    git(dir, 'update-index', '--assume-unchanged', 'a.txt');
    await unlink(join(dir, 'dir/b.txt'));
    await writeFile(join(dir, 'untracked.txt'), 'new\n');
    const known = await unchangedIndexedFiles(startWorkTreeListings(dir));
    // Not the link: what it leads to is not git's to vouch for.
    const every = [...git(dir, 'ls-files', '-z').split('\0').filter(Boolean), 'untracked.txt', 'nope'];
    expect(every.filter((p) => known?.has(p)).sort()).toEqual(['big.bin', 'dir/run.sh', 'é 字.txt']);
  });

  it('use the index for a staged change and see a change made after staging', async () => {
    commitAll();
    await writeFile(join(dir, 'a.txt'), 'staged\n');
    git(dir, 'add', 'a.txt');
    const staged = await workingTreeDigests(dir, ['a.txt']);
    expect(staged.ok && staged.value.get('a.txt')).toEqual({ mode: 'regular', digest: blobId('staged\n') });
    await writeFile(join(dir, 'a.txt'), 'after staging\n');
    const after = await workingTreeDigests(dir, ['a.txt']);
    expect(after.ok && after.value.get('a.txt')).toEqual({
      mode: 'regular',
      digest: blobId('after staging\n'),
    });
  });

  it('see a same-size change made in the same second as the index (racy git), keep a touched file’s digest', async () => {
    commitAll();
    // Same size and, most likely, the same mtime second as the index entry: git must compare contents.
    await writeFile(join(dir, 'a.txt'), 'ALPHA\n');
    const changed = await workingTreeDigests(dir, ['a.txt']);
    expect(changed.ok && changed.value.get('a.txt')).toEqual({ mode: 'regular', digest: blobId('ALPHA\n') });
    // Touched, unchanged: stale stat data, the same digest.
    const later = new Date(Date.now() + 3600_000);
    await utimes(join(dir, 'dir/b.txt'), later, later);
    expect(git(dir, 'diff-files', '--name-only')).toContain('dir/b.txt');
    const touched = await workingTreeDigests(dir, ['dir/b.txt']);
    expect(touched.ok && touched.value.get('dir/b.txt')).toEqual({
      mode: 'regular',
      digest: blobId('beta\n'),
    });
    // The index is left as it was (its stat data stale), for git's own commands to refresh under their lock.
    expect(git(dir, 'diff-files', '--name-only')).toContain('dir/b.txt');
  });

  it('work from a source directory below the repository root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'disbuild-digests-root-'));
    try {
      await cp(dir, join(root, 'sub'), { recursive: true, verbatimSymlinks: true });
      await writeTree(root, { 'a.txt': 'outside the source dir\n' });
      git(root, 'init', '-q');
      git(root, 'add', '-A');
      git(root, 'commit', '-qm', 'c');
      await writeFile(join(root, 'sub/dir/b.txt'), 'beta 2\n');
      const sub = join(root, 'sub');
      const expected = await streamDigests(sub, PATHS);
      expect(await workingTreeDigests(sub, PATHS)).toEqual({ ok: true, value: expected });
      const tree = await commitTreeDigests(sub, 'HEAD', ['a.txt', 'dir/b.txt']);
      expect(tree.ok && tree.value.get('a.txt')).toEqual({ mode: 'regular', digest: blobId('alpha\n') });
      expect(tree.ok && tree.value.get('dir/b.txt')).toEqual({ mode: 'regular', digest: blobId('beta\n') });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('choose git inside a work tree and streaming outside', async () => {
    expect((await chooseDigestSource(dir)).kind).toBe('stream');
    expect(await workingTreeDigests(dir, ['a.txt'])).toMatchObject({ ok: false });
    expect(await chooseDigests(dir, PATHS)).toEqual(await streamDigests(dir, PATHS));
    commitAll();
    expect((await chooseDigestSource(dir)).kind).toBe('git-index');
    expect(await chooseDigests(dir, PATHS)).toEqual(await streamDigests(dir, PATHS));
  });

  it('report an unknown commit as an error', async () => {
    commitAll();
    expect(await commitTreeDigests(dir, 'no-such-ref', ['a.txt'])).toMatchObject({ ok: false });
    expect(await commitTreeDigests(dir, '--output=x', ['a.txt'])).toMatchObject({ ok: false });
  });
});
