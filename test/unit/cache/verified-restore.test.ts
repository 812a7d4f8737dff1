import { mkdtemp, mkdir, readFile, rm, stat, writeFile, chmod, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobKey } from '../../../src/ids/brands.js';
import { buildManifest } from '../../../src/cache/manifest.js';
import { restoreVerified } from '../../../src/cache/verified-restore.js';

describe('restoreVerified', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-restore-'));
    await mkdir(join(dir, 'src/sub'), { recursive: true });
    await writeFile(join(dir, 'src/small.txt'), 'small');
    await writeFile(join(dir, 'src/sub/big.bin'), Buffer.alloc(9 * 1024 * 1024, 7));
    await writeFile(join(dir, 'src/sub/tool'), '#!/bin/sh\n');
    await chmod(join(dir, 'src/sub/tool'), 0o755);
    await symlink('sub/tool', join(dir, 'src/link'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const manifest = async () => {
    const m = await buildManifest(
      join(dir, 'src'),
      'k'.repeat(40) as JobKey,
      1,
      Buffer.alloc(0),
      Buffer.alloc(0),
    );
    if (!m.ok) throw new Error(m.error);
    return m.value;
  };

  it('copies small and large files, modes and symlinks exactly', async () => {
    const r = await restoreVerified(join(dir, 'src'), join(dir, 'dest'), await manifest());
    expect(r).toEqual({ ok: true, value: undefined });
    expect(await readFile(join(dir, 'dest/small.txt'), 'utf8')).toBe('small');
    expect((await readFile(join(dir, 'dest/sub/big.bin'))).equals(Buffer.alloc(9 * 1024 * 1024, 7))).toBe(
      true,
    );
    expect((await stat(join(dir, 'dest/sub/tool'))).mode & 0o777).toBe(0o755);
    expect(await readFile(join(dir, 'dest/link'), 'utf8')).toBe('#!/bin/sh\n');
  });

  for (const [what, tamper] of [
    [
      'a changed byte of a large file',
      () => writeFile(join(dir, 'src/sub/big.bin'), Buffer.alloc(9 * 1024 * 1024, 8)),
    ],
    ['a changed byte of a small file', () => writeFile(join(dir, 'src/small.txt'), 'smalL')],
    ['an extra file', () => writeFile(join(dir, 'src/sub/extra'), '')],
    ['a missing file', () => rm(join(dir, 'src/small.txt'))],
    [
      'a retargeted symlink',
      async () => {
        await rm(join(dir, 'src/link'));
        await symlink('small.txt', join(dir, 'src/link'));
      },
    ],
  ] as const) {
    it(`refuses ${what}`, async () => {
      const m = await manifest();
      await tamper();
      const r = await restoreVerified(join(dir, 'src'), join(dir, 'dest'), m);
      expect(r.ok).toBe(false);
    });
  }
});
