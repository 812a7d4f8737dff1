import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileAtCommit } from '../../../src/config/compile-at-commit.js';
import { compileConfig, readConfigSource } from '../../../src/config/load-config.js';
import type { DisbuildConfig, TaskSpec } from '../../../src/config/config-file.js';

type TasksConfig = DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> };

const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };

describe('compileAtCommit', () => {
  let dir: string;
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
  const write = async (files: Record<string, string>): Promise<void> => {
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, rel)), { recursive: true });
      await writeFile(join(dir, rel), text);
    }
  };
  const commit = (): string => {
    git('add', '-A');
    git('commit', '-qm', 'c');
    return git('rev-parse', 'HEAD').trim();
  };
  const config = async (): Promise<TasksConfig> => {
    const source = await readConfigSource(dir);
    if (!source?.ok || source.value.kind !== 'tasks') throw new Error('no tasks');
    return source.value.config;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-at-commit-'));
    git('init', '-q');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const npmWorkspace = {
    'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
    'packages/a/package.json': JSON.stringify({ name: 'a', scripts: { build: 'tsc' } }),
    'packages/a/src/a.ts': 'export const a = 1;\n',
    'packages/b/package.json': JSON.stringify({
      name: 'b',
      scripts: { build: 'tsc', test: 'node t.js' },
      dependencies: { a: '*' },
    }),
    'packages/b/src/b.ts': 'export const b = 2;\n',
    'packages/b/t.js': '',
    'lint.config.js': '',
    'disbuild.json': JSON.stringify({
      tasks: {
        build: { script: 'build', outputs: ['dist/**'], deps: ['^build'], env: ['MODE'] },
        test: { script: 'test', deps: ['build'] },
        lint: { command: 'lint .', inputs: ['packages/**/*.ts', 'lint.config.js'] },
      },
    }),
  };

  it('compiles the graph a checkout of the commit compiles, without one (npm workspaces)', async () => {
    await write(npmWorkspace);
    const sha = commit();
    // The work tree moves on: only the commit counts.
    await write({ 'packages/a/src/new.ts': '', 'packages/b/package.json': '{}' });
    const atCommit = await compileAtCommit(dir, sha, await config(), { MODE: 'x' });
    if ('needsCheckout' in atCommit) throw new Error(atCommit.needsCheckout);
    if (!atCommit.ok) throw new Error(JSON.stringify(atCommit.error));
    git('stash', '-u', '-q');
    const inCheckout = await compileConfig(dir, await config(), { MODE: 'x' });
    if (!inCheckout.ok) throw new Error(JSON.stringify(inCheckout.error));
    expect(atCommit.value.graph).toEqual(inCheckout.value.graph);
    expect(atCommit.value.json).toEqual(inCheckout.value.json);
    expect(atCommit.value.graph.jobs.map((j) => j.name).sort()).toEqual([
      'a#build',
      'b#build',
      'b#test',
      'lint',
    ]);
  });

  it('compiles pnpm workspaces from the commit too, and reports the problems a checkout would', async () => {
    await write({
      'pnpm-workspace.yaml': 'packages:\n  - "libs/*"\n',
      'package.json': JSON.stringify({ name: 'root' }),
      'libs/x/package.json': JSON.stringify({ name: 'x', scripts: { build: 'b' } }),
      'libs/x/i.txt': '',
      'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build', deps: ['nope'] } } }),
    });
    const sha = commit();
    const atCommit = await compileAtCommit(dir, sha, await config(), {});
    if ('needsCheckout' in atCommit) throw new Error(atCommit.needsCheckout);
    const inCheckout = await compileConfig(dir, await config(), {});
    expect(atCommit.ok).toBe(false);
    expect(inCheckout.ok).toBe(false);
    if (!atCommit.ok && !inCheckout.ok) expect(atCommit.error).toEqual(inCheckout.error);
  });

  it('asks for a checkout when a link, a submodule or an attribute may change what it reads', async () => {
    await write(npmWorkspace);
    // A filter that leaves manifests alone (LFS for images) does not.
    await write({ '.gitattributes': '*.png filter=lfs diff=lfs merge=lfs -text\n* text=auto\n' });
    const plain = await compileAtCommit(dir, commit(), await config(), {});
    expect('needsCheckout' in plain).toBe(false);

    // Encrypted or re-encoded manifests read other bytes from a blob than from a checkout.
    for (const line of [
      '* filter=git-crypt diff=git-crypt',
      'package.json working-tree-encoding=ISO-8859-1',
      'b/* ident',
      '*.json -text filter=x',
    ]) {
      await write({ 'packages/.gitattributes': `${line}\n` });
      const r = await compileAtCommit(dir, commit(), await config(), {});
      expect('needsCheckout' in r, line).toBe(true);
    }
    await rm(join(dir, 'packages/.gitattributes'));
    const clean = commit();
    expect('needsCheckout' in (await compileAtCommit(dir, clean, await config(), {}))).toBe(false);
    await write({ '.git/info/attributes': 'package.json filter=smudged\n' });
    expect('needsCheckout' in (await compileAtCommit(dir, clean, await config(), {}))).toBe(true);
    await rm(join(dir, '.git/info/attributes'));

    await symlink('packages/a', join(dir, 'link'));
    const linked = await compileAtCommit(dir, commit(), await config(), {});
    expect('needsCheckout' in linked && linked.needsCheckout).toBe('link is not a regular file');
    await rm(join(dir, 'link'));
    git('add', '-A');
    git('update-index', '--add', '--cacheinfo', `160000,${git('rev-parse', 'HEAD').trim()},vendor/lib`);
    git('commit', '-qm', 'gitlink');
    const withGitlink = await compileAtCommit(dir, git('rev-parse', 'HEAD').trim(), await config(), {});
    expect('needsCheckout' in withGitlink && withGitlink.needsCheckout).toBe(
      'vendor/lib is not a regular file',
    );
  });
  it('compiles the disbuild.json of a subdirectory over its files, and heeds the attributes above it', async () => {
    const nested = Object.fromEntries(Object.entries(npmWorkspace).map(([p, t]) => [`web/${p}`, t]));
    // Outside the directory: a link and a manifest of another project, which its compile never reads.
    await write({ ...nested, 'tools/package.json': JSON.stringify({ name: 'tools' }) });
    await symlink('web', join(dir, 'link'));
    const sha = commit();
    const inWeb = async (): Promise<TasksConfig> => {
      const source = await readConfigSource(join(dir, 'web'));
      if (!source?.ok || source.value.kind !== 'tasks') throw new Error('no tasks');
      return source.value.config;
    };
    const atCommit = await compileAtCommit(dir, sha, await inWeb(), { MODE: 'x' }, undefined, 'web');
    if ('needsCheckout' in atCommit) throw new Error(atCommit.needsCheckout);
    if (!atCommit.ok) throw new Error(JSON.stringify(atCommit.error));
    const inCheckout = await compileConfig(join(dir, 'web'), await inWeb(), { MODE: 'x' });
    if (!inCheckout.ok) throw new Error(JSON.stringify(inCheckout.error));
    expect(atCommit.value.graph).toEqual(inCheckout.value.graph);
    expect(atCommit.value.json).toEqual(inCheckout.value.json);
    // The root's attributes apply inside web/ as a checkout reads them.
    await write({ '.gitattributes': 'package.json filter=smudged\n' });
    const filtered = await compileAtCommit(dir, commit(), await inWeb(), {}, undefined, 'web');
    expect('needsCheckout' in filtered && filtered.needsCheckout).toBe(
      'web/package.json may change on checkout',
    );
    await rm(join(dir, '.gitattributes'));
    await symlink('../tools', join(dir, 'web/tools'));
    const linked = await compileAtCommit(dir, commit(), await inWeb(), {}, undefined, 'web');
    expect('needsCheckout' in linked && linked.needsCheckout).toBe('web/tools is not a regular file');
  });
});
