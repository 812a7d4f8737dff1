import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
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
});
