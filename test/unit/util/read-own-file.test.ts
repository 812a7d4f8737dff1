import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOwnFile } from '../../../src/util/read-own-file.js';

describe('readOwnFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-own-'));

  it('reads a regular file of this user that only this user may write', () => {
    const file = join(dir, 'mine');
    writeFileSync(file, 'state', { mode: 0o600 });
    expect(readOwnFile(file)).toBe('state');
    chmodSync(file, 0o644);
    expect(readOwnFile(file)).toBe('state');
  });

  it('does not read a file of this user that its group or others may write', () => {
    const file = join(dir, 'shared');
    writeFileSync(file, 'state');
    chmodSync(file, 0o664);
    expect(readOwnFile(file)).toBeUndefined();
    chmodSync(file, 0o646);
    expect(readOwnFile(file)).toBeUndefined();
  });

  it("does not read another user's file", () => {
    if (process.getuid?.() !== 0)
      throw new Error('this test gives a file away: it needs root (CI runs as root)');
    const file = join(dir, 'theirs');
    writeFileSync(file, 'state', { mode: 0o600 });
    chownSync(file, 65534, 65534);
    expect(readOwnFile(file)).toBeUndefined();
  });

  it('does not wait on a FIFO put in its place', () => {
    const file = join(dir, 'fifo');
    execFileSync('mkfifo', [file]);
    expect(readOwnFile(file)).toBeUndefined();
  });

  it("does not follow a link at its name, even to this user's own file", () => {
    const target = join(dir, 'target');
    writeFileSync(target, 'state', { mode: 0o600 });
    const link = join(dir, 'link');
    symlinkSync(target, link);
    expect(() => readOwnFile(link)).toThrow(/ELOOP/);
  });

  it('throws as open does for a missing file', () => {
    expect(() => readOwnFile(join(dir, 'none'))).toThrow(/ENOENT/);
  });
});
