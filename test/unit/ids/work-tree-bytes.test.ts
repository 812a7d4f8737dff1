/**
 * Keys see the bytes and modes a job reads (issue: conversions, core.fileMode=false, symbolic links): the git fast
 * path, the streaming fallback and a commit's tree must give one answer for one content.
 */
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  blobId,
  commitTreeDigests,
  streamDigests,
  workingTreeDigests,
  type DigestMap,
} from '../../../src/ids/file-digest.js';
import { keyGraph, keyGraphAtCommit } from '../../../src/ids/job-key.js';
import { buildGraph, writeTree } from '../../helpers/graph-builder.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd },
  });

const fast = async (dir: string, paths: string[]): Promise<DigestMap> => {
  const r = await workingTreeDigests(dir, paths);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const atCommit = async (dir: string, paths: string[], commit = 'HEAD'): Promise<DigestMap> => {
  const r = await commitTreeDigests(dir, commit, paths);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('keys of converted, re-moded and linked inputs', () => {
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'disbuild-wtbytes-'));
    dir = join(root, 'repo');
    await mkdir(dir);
    git(dir, 'init', '-q');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  /** A fresh worktree of HEAD, as the hook makes one (sharing the repository's configuration). */
  const checkout = (): string => {
    const co = join(root, `co-${Math.random().toString(36).slice(2)}`);
    git(dir, 'worktree', 'add', '-q', '--detach', co, 'HEAD');
    return co;
  };

  /** The fast path, the fallback over a copy outside git, the commit tree and a checkout all agree. */
  const expectAgreement = async (paths: string[]): Promise<DigestMap> => {
    const wt = await fast(dir, paths);
    const outside = join(root, 'outside-git');
    await rm(outside, { recursive: true, force: true });
    await cp(dir, outside, { recursive: true, verbatimSymlinks: true, filter: (s) => !s.endsWith('/.git') });
    expect(await streamDigests(outside, paths)).toEqual(wt);
    return wt;
  };

  it('digest the work-tree bytes of `text eol=crlf` files, as outside git', async () => {
    await writeTree(dir, { '.gitattributes': '* text eol=crlf\n', 'a.txt': 'a\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'c');
    await unlink(join(dir, 'a.txt'));
    git(dir, 'checkout', '--', 'a.txt');
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('a\r\n');
    const crlf = await expectAgreement(['a.txt']);
    expect(crlf.get('a.txt')).toEqual({ mode: 'regular', digest: blobId('a\r\n') });
    // The index holds `a\n` for both: keyed from the index, the CRLF and LF files shared a key.
    await writeFile(join(dir, 'a.txt'), 'a\n');
    expect((await expectAgreement(['a.txt'])).get('a.txt')).toEqual({
      mode: 'regular',
      digest: blobId('a\n'),
    });
    // The hook keys the commit as its checkout reads it.
    expect(await atCommit(dir, ['a.txt'])).toEqual(await fast(checkout(), ['a.txt']));
    expect((await atCommit(dir, ['a.txt'])).get('a.txt')).toEqual({
      mode: 'regular',
      digest: blobId('a\r\n'),
    });
  });

  it('digest the work-tree bytes with core.autocrlf=true', async () => {
    git(dir, 'config', 'core.autocrlf', 'true');
    await writeTree(dir, { 'a.txt': 'x\r\ny\r\n', 'b.bin': 'raw\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'c');
    const before = await expectAgreement(['a.txt', 'b.bin']);
    expect(before.get('a.txt')).toEqual({ mode: 'regular', digest: blobId('x\r\ny\r\n') });
    await writeFile(join(dir, 'a.txt'), 'x\ny\n');
    expect((await expectAgreement(['a.txt'])).get('a.txt')).toMatchObject({ digest: blobId('x\ny\n') });
    expect(await atCommit(dir, ['a.txt', 'b.bin'])).toEqual(await fast(checkout(), ['a.txt', 'b.bin']));
  });

  it('never share a key between a filter’s pointer and real contents (an LFS-like filter)', async () => {
    // Clean: every content becomes the same pointer in git; smudge: the pointer's content comes back as is.
    git(dir, 'config', 'filter.fake.clean', 'cat >/dev/null; echo pointer');
    git(dir, 'config', 'filter.fake.smudge', 'cat');
    await writeTree(dir, { '.gitattributes': '*.dat filter=fake\n', 'big.dat': 'real content 1\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'c');
    const one = await expectAgreement(['big.dat']);
    expect(one.get('big.dat')).toEqual({ mode: 'regular', digest: blobId('real content 1\n') });
    await writeFile(join(dir, 'big.dat'), 'real content 2\n');
    expect(git(dir, 'status', '--porcelain')).toBe(''); // the pointer did not change
    const two = await expectAgreement(['big.dat']);
    expect(two.get('big.dat')).toEqual({ mode: 'regular', digest: blobId('real content 2\n') });
    // A checkout smudges the pointer: the commit's key is that of its checkout, not of the pointer blob... which
    // here is also what the smudge writes; either way it is never the real content's.
    const tree = await atCommit(dir, ['big.dat']);
    expect(tree).toEqual(await fast(checkout(), ['big.dat']));
    expect(tree.get('big.dat')).toEqual({ mode: 'regular', digest: blobId('pointer\n') });
  });

  it('digest `ident` files as expanded on disk, for the commit as its checkout expands them', async () => {
    await writeTree(dir, { '.gitattributes': 'v.c ident\n', 'v.c': 'const char *id = "$Id$";\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'c');
    const blob = git(dir, 'rev-parse', 'HEAD:v.c').trim();
    await unlink(join(dir, 'v.c'));
    git(dir, 'checkout', '--', 'v.c');
    const expanded = `const char *id = "$Id: ${blob} $";\n`;
    expect(await readFile(join(dir, 'v.c'), 'utf8')).toBe(expanded);
    expect((await expectAgreement(['v.c'])).get('v.c')).toEqual({
      mode: 'regular',
      digest: blobId(expanded),
    });
    expect(await atCommit(dir, ['v.c'])).toEqual(await fast(checkout(), ['v.c']));
  });

  it('find attributes in a subdirectory’s .gitattributes and in info/attributes', async () => {
    await writeTree(dir, {
      'sub/.gitattributes': '*.txt text eol=crlf\n',
      'sub/a.txt': 'a\n',
      'b.txt': 'b\n',
    });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'c');
    for (const p of ['sub/a.txt', 'b.txt']) await unlink(join(dir, p));
    await writeFile(join(dir, '.git/info/attributes'), 'b.txt text eol=crlf\n');
    git(dir, 'checkout', '--', '.');
    const d = await expectAgreement(['sub/a.txt', 'b.txt']);
    expect(d.get('sub/a.txt')).toEqual({ mode: 'regular', digest: blobId('a\r\n') });
    expect(d.get('b.txt')).toEqual({ mode: 'regular', digest: blobId('b\r\n') });
    expect(await atCommit(dir, ['sub/a.txt', 'b.txt'])).toEqual(d);
  });

  it('take the commit’s own attributes, not the checkout’s', async () => {
    await writeTree(dir, { '.gitattributes': '* text eol=crlf\n', 'a.txt': 'a\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'crlf');
    await writeFile(join(dir, '.gitattributes'), '* -text\n');
    git(dir, 'commit', '-qam', 'binary');
    const crlf = await atCommit(dir, ['a.txt'], 'HEAD~1');
    expect(crlf.get('a.txt')).toEqual({ mode: 'regular', digest: blobId('a\r\n') });
    expect((await atCommit(dir, ['a.txt'])).get('a.txt')).toEqual({ mode: 'regular', digest: blobId('a\n') });
  });

  it('see `chmod +x` with core.fileMode=false', async () => {
    git(dir, 'config', 'core.fileMode', 'false');
    await writeTree(dir, { 'run.sh': 'echo hi\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'c');
    const graph = buildGraph([{ name: 'j', inputs: ['run.sh'], cmds: [{ exec: ['sh', 'run.sh'] }] }]);
    const before = await keyGraph(graph, dir, '');
    await chmod(join(dir, 'run.sh'), 0o755);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect((await fast(dir, ['run.sh'])).get('run.sh')).toMatchObject({ mode: 'executable' });
    const after = await keyGraph(graph, dir, '');
    expect(after.ok && before.ok && after.value.get(graph.jobs[0]!.label)).not.toBe(
      before.ok && before.value.get(graph.jobs[0]!.label),
    );
  });

  describe('symbolic links', () => {
    beforeEach(async () => {
      await writeTree(dir, { 'src/a.txt': 'A\n', 'src/b.txt': 'B\n', 'src/tool': '#!/bin/sh\n' });
      await chmod(join(dir, 'src/tool'), 0o755);
      await symlink('src/a.txt', join(dir, 'link'));
      await symlink('src', join(dir, 'linkdir'));
      await symlink('../src/tool', join(dir, 'src/tool-link'));
    });

    const PATHS = ['link', 'linkdir/b.txt', 'src/tool-link', 'src/a.txt'];

    it('key what reading them yields and their own text, alike in every source', async () => {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'c');
      const d = await expectAgreement(PATHS);
      expect(d.get('link')).toEqual({ mode: 'regular', digest: blobId('A\n'), link: blobId('src/a.txt') });
      expect(d.get('linkdir/b.txt')).toEqual({ mode: 'regular', digest: blobId('B\n') });
      expect(d.get('src/tool-link')).toEqual({
        mode: 'executable',
        digest: blobId('#!/bin/sh\n'),
        link: blobId('../src/tool'),
      });
      expect(await atCommit(dir, PATHS)).toEqual(d);
      expect(await fast(checkout(), PATHS)).toEqual(d);
    });

    it('change the key when the target changes and the link does not', async () => {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'c');
      const graph = buildGraph([{ name: 'j', inputs: ['link'], cmds: [{ exec: ['cat', 'link'] }] }]);
      const key = async (): Promise<string | undefined> => {
        const r = await keyGraph(graph, dir, '');
        return r.ok ? r.value.get(graph.jobs[0]!.label) : undefined;
      };
      const before = await key();
      await writeFile(join(dir, 'src/a.txt'), 'A changed\n');
      expect(await key()).not.toBe(before);
      // Committed: the hook, keying the new commit, agrees with the checkout.
      git(dir, 'commit', '-qam', 'c2');
      const atHead = await keyGraphAtCommit(graph, dir, 'HEAD', '');
      expect(atHead.ok && atHead.value.get(graph.jobs[0]!.label)).toBe(await key());
    });

    it('refuse dangling links and paths leading outside the source directory, naming Inputs[i]', async () => {
      await mkdir(join(root, 'outside'));
      await writeFile(join(root, 'outside/f.txt'), 'secret\n');
      await symlink('../outside', join(dir, 'out-dir'));
      await symlink('../outside/f.txt', join(dir, 'out-file'));
      await symlink('nowhere.txt', join(dir, 'dangling'));
      await symlink(join(dir, 'src/a.txt'), join(dir, 'absolute'));
      await symlink('loop', join(dir, 'loop'));
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'c');
      const bad = ['out-dir/f.txt', 'out-file', 'dangling', 'absolute', 'loop'];
      const graph = buildGraph([{ name: 'j', inputs: ['src/a.txt', ...bad], cmds: [{ exec: ['true'] }] }]);
      const problems = {
        ok: false,
        error: [
          {
            job: 'j',
            field: 'Inputs[0]',
            message: expect.stringMatching(/absolute symbolic link absolute ->/),
          },
          {
            job: 'j',
            field: 'Inputs[1]',
            message: 'input dangling is a dangling symbolic link (dangling -> nowhere.txt: no such file)',
          },
          { job: 'j', field: 'Inputs[2]', message: 'input loop: too many levels of symbolic links' },
          {
            job: 'j',
            field: 'Inputs[3]',
            message:
              'input out-dir/f.txt resolves outside the source directory (through out-dir -> ../outside)',
          },
          {
            job: 'j',
            field: 'Inputs[4]',
            message:
              'input out-file resolves outside the source directory (through out-file -> ../outside/f.txt)',
          },
        ],
      };
      expect(await keyGraph(graph, dir, '')).toEqual(problems);
      expect(await keyGraphAtCommit(graph, dir, 'HEAD', '')).toEqual(problems);
      const outside = join(root, 'outside-git');
      await cp(dir, outside, {
        recursive: true,
        verbatimSymlinks: true,
        filter: (s) => !s.endsWith('/.git'),
      });
      const viaStream = await keyGraph(graph, outside, '');
      expect(viaStream).toMatchObject({ ok: false });
      expect(viaStream.ok ? [] : viaStream.error.map((p) => p.field)).toEqual(
        problems.error.map((p) => p.field),
      );
    });
  });

  it("take a submodule's files from its own index, its commit's tree, or the disk alike: edited, untracked, converted, linked", async () => {
    const lib = join(root, 'lib');
    await mkdir(lib);
    git(lib, 'init', '-q');
    await writeFile(join(lib, '.gitattributes'), '*.crlf text eol=crlf\n');
    await writeFile(join(lib, 'a.txt'), 'one\n');
    await writeFile(join(lib, 'b.crlf'), 'x\ny\n');
    await writeFile(join(lib, 'tool.sh'), '#!/bin/sh\n');
    await chmod(join(lib, 'tool.sh'), 0o755);
    // Enough files that the submodule's own index is asked rather than the disk (see INDEX_WORTHWHILE).
    await mkdir(join(lib, 'many'));
    for (let i = 0; i < 500; i++) await writeFile(join(lib, `many/${i}.txt`), `${i}\n`);
    git(lib, 'add', '-A');
    git(lib, 'commit', '-qm', 'lib');
    await writeFile(join(dir, 'top.txt'), 'top\n');
    git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'vendor/lib');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'app');
    const sub = join(dir, 'vendor/lib');
    // A link inside the submodule to the repository's own file resolves as on disk.
    await symlink('../../top.txt', join(sub, 'up.txt'));
    const many = Array.from({ length: 500 }, (_, i) => `vendor/lib/many/${i}.txt`);
    const paths = [
      'vendor/lib/a.txt',
      'vendor/lib/b.crlf',
      'vendor/lib/tool.sh',
      'vendor/lib/up.txt',
      ...many,
    ];
    const plain = paths.filter((p) => !p.endsWith('up.txt'));
    const committed = await atCommit(dir, plain);
    expect(await fast(dir, plain)).toEqual(committed);
    expect(await fast(dir, paths)).toEqual(await streamDigests(dir, paths));
    expect((await fast(dir, paths)).get('vendor/lib/up.txt')).toMatchObject({ digest: blobId('top\n') });
    expect((await fast(dir, paths)).get('vendor/lib/b.crlf')).toEqual({
      mode: 'regular',
      digest: blobId('x\r\ny\r\n'),
    });
    // Edited, and a new file: the disk's bytes.
    await writeFile(join(sub, 'a.txt'), 'two\n');
    await writeFile(join(sub, 'new.txt'), 'new\n');
    const more = [...paths, 'vendor/lib/new.txt'];
    expect(await fast(dir, more)).toEqual(await streamDigests(dir, more));
    expect((await fast(dir, more)).get('vendor/lib/a.txt')).toMatchObject({ digest: blobId('two\n') });
    // The commit's tree still says what was committed.
    expect(await atCommit(dir, plain)).toEqual(committed);
  });
});
