import { lstat, mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromResultFiles, resultFiles } from '../../../src/coordinator/result-files.js';

const logs = { stdout: Buffer.from('out'), stderr: Buffer.from('err'), durationMs: 12 };

describe('results through the coordinator are verified like a cache restore', () => {
  let dir: string;
  let files: Record<string, string>;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-result-files-'));
    const out = join(dir, 'out');
    await mkdir(join(out, 'sub', 'empty'), { recursive: true });
    await writeFile(join(out, 'sub', 'a b.txt'), 'a');
    await writeFile(join(out, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    await symlink('sub/a b.txt', join(out, 'link'));
    files = await resultFiles(out, join(dir, 'scratch'), logs);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** result.json rewritten by `edit`, as a misbehaving publisher would hand it out. */
  async function forged(
    edit: (meta: { entries: Record<string, unknown>[] }) => void,
  ): Promise<Record<string, string>> {
    const meta = JSON.parse(await readFile(files['result.json']!, 'utf8')) as {
      entries: Record<string, unknown>[];
    };
    edit(meta);
    const path = join(dir, 'forged.json');
    await writeFile(path, JSON.stringify(meta));
    return { ...files, 'result.json': path };
  }

  it('rebuilds the tree: files, modes, empty directories, in-tree links and logs', async () => {
    const dest = join(dir, 'dest');
    const got = await fromResultFiles(files, dest);
    expect(got).toEqual(logs);
    expect(await readFile(join(dest, 'sub', 'a b.txt'), 'utf8')).toBe('a');
    expect((await lstat(join(dest, 'run.sh'))).mode & 0o777).toBe(0o755);
    expect((await lstat(join(dest, 'sub', 'empty'))).isDirectory()).toBe(true);
    expect(await readlink(join(dest, 'link'))).toBe('sub/a b.txt');
  });

  it('refuses links and paths out of the tree, unlisted files, and content that does not match', async () => {
    const cases: [string, Record<string, string>][] = [
      ['absolute link', await forged((m) => m.entries.push({ path: 'x', type: 'symlink', target: '/etc' }))],
      [
        'escaping link',
        await forged((m) => m.entries.push({ path: 'sub/x', type: 'symlink', target: '../..' })),
      ],
      ['dot-dot path', await forged((m) => m.entries.push({ path: '../x', type: 'dir' }))],
      ['absolute path', await forged((m) => m.entries.push({ path: '/tmp/x', type: 'dir' }))],
      [
        'wrong hash',
        await forged((m) => m.entries.forEach((e) => e.type === 'file' && (e.sha256 = '0'.repeat(64)))),
      ],
      ['unlisted file', { ...files, 'out~extra': files['result.json']! }],
      ['no manifest', await forged((m) => delete (m as { entries?: unknown }).entries)],
    ];
    for (const [what, f] of cases) {
      const dest = join(dir, `dest-${what.replace(/ /g, '-')}`);
      await expect(fromResultFiles(f, dest), what).rejects.toThrow();
    }
  });

  it('publishes nothing from a tree with a link out of it', async () => {
    const out = join(dir, 'bad');
    await mkdir(out);
    await symlink('/etc/passwd', join(out, 'p'));
    await expect(resultFiles(out, join(dir, 'scratch2'), logs)).rejects.toThrow(/outside/);
  });
});
