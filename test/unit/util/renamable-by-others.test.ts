import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownDirectoryTightened, renamableByOthers } from '../../../src/util/renamable-by-others.js';

describe('renamableByOthers', () => {
  let base: string;
  beforeEach(() => {
    if (process.geteuid?.() !== 0)
      throw new Error('this test gives directories to other users: it needs root');
    base = mkdtempSync(join(tmpdir(), 'disbuild-renamable-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("takes this user's and root's directories, under a directory another user owns", () => {
    const above = join(base, 'above');
    mkdirSync(join(above, 'cache', 'v1'), { recursive: true });
    chownSync(above, 2001, 2001);
    expect(renamableByOthers(join(above, 'cache'), ['v1'])).toBeUndefined();
  });

  it('names the first directory another user owns, the cache directory or one below it', () => {
    const cache = join(base, 'cache');
    mkdirSync(join(cache, 'v1', 'tmp'), { recursive: true });
    chownSync(join(cache, 'v1', 'tmp'), 2001, 2001);
    expect(renamableByOthers(cache, ['v1', 'v1/tmp'])).toBe(
      `${cache}/v1/tmp belongs to another user (uid 2001)`,
    );
    chownSync(cache, 2002, 2002);
    expect(renamableByOthers(cache, ['v1', 'v1/tmp'])).toBe(`${cache} belongs to another user (uid 2002)`);
  });

  it('follows a link to the cache directory, not one below it', () => {
    const real = join(base, 'real');
    mkdirSync(join(real, 'v1'), { recursive: true });
    symlinkSync(real, join(base, 'link'));
    expect(renamableByOthers(join(base, 'link'), ['v1'])).toBeUndefined();
    rmSync(join(real, 'v1'), { recursive: true });
    symlinkSync(base, join(real, 'v1'));
    expect(renamableByOthers(real, ['v1'])).toBe(`${real}/v1 is not a directory`);
  });
});

describe('ownDirectoryTightened', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'disbuild-tightened-'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it("takes others' write bits off this user's directory, the group's unless kept, never a sticky one's", () => {
    const mode = (d: string): number => statSync(d).mode & 0o7777;
    const [loose, team, sticky] = ['loose', 'team', 'sticky'].map((n) => join(base, n)) as [
      string,
      string,
      string,
    ];
    for (const d of [loose, team, sticky]) mkdirSync(d);
    chmodSync(loose, 0o777);
    chmodSync(team, 0o2775);
    chmodSync(sticky, 0o1777);
    ownDirectoryTightened(loose);
    ownDirectoryTightened(team, true);
    ownDirectoryTightened(sticky);
    expect(mode(loose)).toBe(0o755);
    expect(mode(team)).toBe(0o2775);
    expect(mode(sticky)).toBe(0o1777);
  });
});
