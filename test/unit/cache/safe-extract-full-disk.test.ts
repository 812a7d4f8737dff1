import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { safeExtract } from '../../../src/cache/packs/safe-extract.js';
import { hostileArchive } from '../../helpers/gha/hostile-archive.js';

describe('safeExtract on a disk that fills up', () => {
  let base: string;
  let small: string;
  beforeEach(() => {
    if (process.getuid?.() !== 0)
      throw new Error('this test mounts a small tmpfs: it needs root (CI runs as root)');
    base = mkdtempSync(join(tmpdir(), 'disbuild-full-disk-'));
    small = join(base, 'small');
    execFileSync('mkdir', [small]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]);
  });
  afterEach(() => {
    // Lazily: a file left open on it (a write that failed) must not leave the mount behind.
    execFileSync('umount', ['-l', small]);
    rmSync(base, { recursive: true, force: true });
  });

  it('refuses the archive, leaving nothing, rather than hang with an unhandled error', async () => {
    const archive = join(base, 'pack.tzst');
    writeFileSync(
      archive,
      hostileArchive([
        { name: '.disbuild-cache/pack/big.bin', type: 'file', content: 'x'.repeat(1024 * 1024) },
      ]),
    );
    const r = await safeExtract(archive, '.disbuild-cache/pack', join(small, 'into'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/ENOSPC/);
    expect(execFileSync('ls', ['-A', small], { encoding: 'utf8' })).toBe('');
  }, 20_000);
});
