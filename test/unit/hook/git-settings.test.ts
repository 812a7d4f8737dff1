import { execFileSync } from 'node:child_process';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDisbuildSettings } from '../../../src/hook/git-settings.js';

describe('readDisbuildSettings', () => {
  let dir: string;
  const git = (...args: string[]): void =>
    void execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
    });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-settings-'));
    git('init', '-q');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every disbuild key as git config --get would, from one call', async () => {
    expect((await readDisbuildSettings(dir)).size).toBe(0);
    git('config', 'disbuild.graphCommand', 'node gen.js\nsecond line');
    git('config', 'disbuild.cacheUrl', 'http://a');
    git('config', '--add', 'disbuild.cacheUrl', 'http://b');
    git('config', 'disbuild.salt', '');
    git('config', 'other.key', 'x');
    const s = await readDisbuildSettings(dir);
    expect(Object.fromEntries(s)).toEqual({
      'disbuild.graphcommand': 'node gen.js\nsecond line',
      'disbuild.cacheurl': 'http://b',
    });
  });

  // git reads a boolean without a value as true and an empty one as false; both were left out (keeping a worktree
  // on).
  it('answers as git config --type=bool does', async () => {
    git('config', 'disbuild.keepWorktree', '');
    expect((await readDisbuildSettings(dir)).get('disbuild.keepworktree')).toBe('false');
    await appendFile(join(dir, '.git', 'config'), '[disbuild]\n\tkeepWorktree\n');
    expect((await readDisbuildSettings(dir)).get('disbuild.keepworktree')).toBe('true');
    git('config', '--add', 'disbuild.keepWorktree', '00');
    expect((await readDisbuildSettings(dir)).get('disbuild.keepworktree')).toBe('false');
  });
});

// A key without a value unsets an earlier one for `git config --get`; it was skipped, and the global value came back.
describe('readDisbuildSettings and a key without a value', () => {
  let dir: string;
  let home: string;
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: home },
    }).toString();
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-settings-review-'));
    home = await mkdtemp(join(tmpdir(), 'disbuild-settings-home-'));
    git('init', '-q');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  });

  it('answers a later value-less key as git config --get does (unset), not the earlier value', async () => {
    git('config', '--global', 'disbuild.cacheUrl', 'http://global.example');
    await appendFile(join(dir, '.git', 'config'), '[disbuild]\n\tcacheUrl\n');
    const viaGet = git('config', '--get', 'disbuild.cacheUrl').trim();
    expect(viaGet).toBe('');
    const prev = process.env.HOME;
    const prevNoSystem = process.env.GIT_CONFIG_NOSYSTEM;
    process.env.HOME = home;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    try {
      const s = await readDisbuildSettings(dir);
      expect(s.get('disbuild.cacheurl')).toBe(viaGet === '' ? undefined : viaGet);
    } finally {
      process.env.HOME = prev;
      if (prevNoSystem === undefined) delete process.env.GIT_CONFIG_NOSYSTEM;
      else process.env.GIT_CONFIG_NOSYSTEM = prevNoSystem;
    }
  });
});
