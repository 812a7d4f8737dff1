/**
 * compileAtCommit answers what a fresh checkout of the commit compiles: the same graph, or the same problems.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileAtCommit } from '../../../src/config/compile-at-commit.js';
import { compileConfig, readConfigSource } from '../../../src/config/load-config.js';
import { readHookConfig } from '../../../src/hook/config.js';

const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };

describe('compileAtCommit equals a fresh checkout', () => {
  let dir: string;
  let wt: string;
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t',
      },
    }).toString();
  const write = async (files: Record<string, string | Buffer>): Promise<void> => {
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await writeFile(join(dir, rel), text);
    }
  };
  const commit = (): string => {
    git('add', '-A', '-f');
    git('commit', '-qm', 'c');
    return git('rev-parse', 'HEAD').trim();
  };
  const same = async (sha: string): Promise<boolean> => {
    const hook = await readHookConfig(dir, sha);
    if (!hook.ok || hook.value.graph.kind !== 'tasks') throw new Error('no tasks');
    const atCommit = await compileAtCommit(dir, sha, hook.value.graph.config, { MODE: 'm' });
    if ('needsCheckout' in atCommit) throw new Error(atCommit.needsCheckout);
    git('worktree', 'add', '-q', '--detach', wt, sha);
    const src = await readConfigSource(wt);
    if (!src?.ok || src.value.kind !== 'tasks') throw new Error('no tasks in checkout');
    const inCheckout = await compileConfig(wt, src.value.config, { MODE: 'm' });
    expect(atCommit.ok).toBe(inCheckout.ok);
    if (atCommit.ok && inCheckout.ok) expect(atCommit.value.graph).toEqual(inCheckout.value.graph);
    if (!atCommit.ok && !inCheckout.ok) expect(atCommit.error).toEqual(inCheckout.error);
    return atCommit.ok;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-review-eq-'));
    wt = `${dir}-wt`;
    git('init', '-q');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(wt, { recursive: true, force: true });
  });

  const tasks = {
    build: { script: 'build', outputs: ['dist/**'], deps: ['^build'], env: ['MODE'] },
    all: { command: 'x', inputs: ['**'] },
  };

  it('odd names, exec bits, empty files, tracked node_modules/ignored/outputs, nested packages, BOM+CRLF, autocrlf', async () => {
    git('config', 'core.autocrlf', 'true');
    await write({
      '.gitignore': 'ignored.txt\ndist/\n',
      'ignored.txt': 'tracked anyway',
      'package.json':
        '\ufeff' +
        JSON.stringify({ name: 'root', workspaces: ['packages/*', 'packages/*/inner'] }, null, 2).replace(
          /\n/g,
          '\r\n',
        ),
      'packages/a/package.json': JSON.stringify({ name: 'a', scripts: { build: 'b' } }),
      'packages/a/dist/out.js': 'tracked output',
      'packages/a/inner/package.json': JSON.stringify({
        name: 'inner',
        scripts: { build: 'b' },
        dependencies: { a: '*' },
      }),
      'packages/a/inner/x.ts': '',
      'packages/a/new\nline.ts': '',
      'packages/a/tab\there.ts': '',
      'packages/a/"quoted".ts': '',
      'packages/a/ü-nfc.ts': '',
      'packages/a/u\u0308-nfd.ts': '',
      'packages/a/back\\slash.ts': '',
      'packages/a/-dash.ts': '',
      'packages/a/sp ace.ts': '',
      'packages/a/Case.ts': '',
      'packages/a/case.ts': '',
      'packages/a/empty': '',
      'packages/a/run.sh': '#!/bin/sh\n',
      'node_modules/dep/package.json': JSON.stringify({ name: 'dep' }),
      'node_modules/dep/index.js': '',
      'disbuild.json': JSON.stringify({ tasks }),
    });
    await chmod(join(dir, 'packages/a/run.sh'), 0o755);
    await same(commit());
  });

  it('pnpm-workspace.yaml with CRLF and excludes', async () => {
    await write({
      'pnpm-workspace.yaml': 'packages:\r\n  - "libs/*"\r\n  - "!libs/skip"\r\n',
      'package.json': JSON.stringify({ name: 'root' }),
      'libs/x/package.json': JSON.stringify({ name: 'x', scripts: { build: 'b' } }),
      'libs/skip/package.json': JSON.stringify({ name: 'skip', scripts: { build: 'b' } }),
      'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build' } } }),
    });
    await same(commit());
  });

  it('inputs that match nothing, an unreadable manifest, a duplicate name: the same problems', async () => {
    await write({
      'package.json': JSON.stringify({ name: 'root', workspaces: ['p/*'] }),
      'p/a/package.json': '{ nope',
      'p/b/package.json': JSON.stringify({ name: 'c', scripts: { build: 'b' } }),
      'p/c/package.json': JSON.stringify({ name: 'c', scripts: { build: 'b' } }),
      'disbuild.json': JSON.stringify({
        tasks: { build: { script: 'build' }, l: { command: 'l', inputs: ['nothing/**', 'none.txt'] } },
      }),
    });
    expect(await same(commit())).toBe(false);
  });
});
