/**
 * compileAtCommit must answer the graph a clean checkout of the commit compiles, or needsCheckout. In the first
 * cases below git rewrites a file the compile reads on checkout (the attributes were matched by hand before, and
 * these answered a graph a checkout does not compile); the last ones are files and manifests a checkout writes as
 * they are stored, odd as they are.
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

describe('compileAtCommit against a fresh checkout of the same commit', () => {
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

  /** Both sides: compileAtCommit from the objects, and compileConfig in a new worktree (what the hook did before). */
  const both = async (sha: string, env: NodeJS.ProcessEnv = {}) => {
    // As the hook does: disbuild.json read from the commit's blob.
    const hook = await readHookConfig(dir, sha);
    if (!hook.ok || hook.value.graph.kind !== 'tasks') throw new Error('no tasks at the commit');
    const atCommit = await compileAtCommit(dir, sha, hook.value.graph.config, env);
    git('worktree', 'add', '-q', '--detach', wt, sha);
    const inWt = await readConfigSource(wt);
    const inCheckout =
      inWt?.ok && inWt.value.kind === 'tasks'
        ? await compileConfig(wt, inWt.value.config, env)
        : { ok: false as const, error: inWt?.ok === false ? inWt.error : [] };
    return { atCommit, inCheckout };
  };

  /** The contract: needsCheckout, or exactly what the checkout compiles. */
  const expectSameOrCheckout = async (sha: string): Promise<void> => {
    const { atCommit, inCheckout } = await both(sha);
    if ('needsCheckout' in atCommit) return;
    expect(atCommit.ok, 'compiles from objects iff it compiles in a checkout').toBe(inCheckout.ok);
    if (atCommit.ok && inCheckout.ok) expect(atCommit.value.graph).toEqual(inCheckout.value.graph);
  };

  /** Compiled from the objects (no checkout asked for) to exactly what the checkout compiles; whether it compiled. */
  const same = async (sha: string): Promise<boolean> => {
    const { atCommit, inCheckout } = await both(sha, { MODE: 'm' });
    if ('needsCheckout' in atCommit) throw new Error(atCommit.needsCheckout);
    expect(atCommit.ok).toBe(inCheckout.ok);
    if (atCommit.ok && inCheckout.ok) expect(atCommit.value.graph).toEqual(inCheckout.value.graph);
    if (!atCommit.ok && !inCheckout.ok) expect(atCommit.error).toEqual(inCheckout.error);
    return atCommit.ok;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-review-'));
    wt = `${dir}-wt`;
    git('init', '-q');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(wt, { recursive: true, force: true });
  });

  const pkg = (attributes: string) => ({
    '.gitattributes': attributes,
    // `ident` expands $Id$ on checkout: the package's name, so the job's name, differs (a stand-in for any filter,
    // e.g. git-crypt, whose blob is not the JSON a checkout holds).
    'package.json': JSON.stringify({ name: '$Id$', scripts: { build: 'make' } }),
    'src.txt': 'x\n',
    'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build' } } }),
  });

  it('asks for a checkout when a plain pattern (*.json) rewrites a manifest', async () => {
    await write(pkg('*.json ident\n'));
    const sha = commit();
    const { atCommit } = await both(sha);
    expect('needsCheckout' in atCommit).toBe(true);
  });

  // gitattributes patterns are wildmatch: `[!...]` is a negated class there.
  it('a negated bracket pattern ([!.]*) that matches package.json', async () => {
    await write(pkg('[!.]*.json ident\n'));
    await expectSameOrCheckout(commit());
  });

  // core.ignorecase (git's default on macOS and Windows) makes attribute patterns match case-insensitively.
  it('core.ignorecase=true and a pattern of other case (*.JSON)', async () => {
    git('config', 'core.ignorecase', 'true');
    await write(pkg('*.JSON ident\n'));
    await expectSameOrCheckout(commit());
  });

  // A checkout compiles the disbuild.json it holds; from the objects, the blob's text is compiled.
  it('disbuild.json rewritten on checkout (ident): the command differs', async () => {
    await write({
      '.gitattributes': 'disbuild.json ident\n',
      'a.txt': '',
      'disbuild.json': JSON.stringify({ tasks: { stamp: { command: 'echo $Id$', inputs: ['a.txt'] } } }),
    });
    await expectSameOrCheckout(commit());
  });

  it('disbuild.json checked out as UTF-16: a checkout cannot read it, the objects compile it', async () => {
    await write({
      '.gitattributes': 'disbuild.json working-tree-encoding=UTF-16LE-BOM\n',
      'a.txt': '',
      // git stores it as UTF-8 (the blob readHookConfig reads); a checkout writes UTF-16, which disbuild cannot read.
      'disbuild.json': Buffer.from(
        '\ufeff' + JSON.stringify({ tasks: { t: { command: 'true', inputs: ['a.txt'] } } }),
        'utf16le',
      ),
    });
    await expectSameOrCheckout(commit());
  });

  it('asks for a checkout when paths equal but for case meet a file system that folds case', async () => {
    await write({ ...pkg(''), 'docs/README': 'a\n', 'docs/readme': 'b\n' });
    const sha = commit();
    const hook = await readHookConfig(dir, sha);
    if (!hook.ok || hook.value.graph.kind !== 'tasks') throw new Error('no tasks at the commit');
    expect('needsCheckout' in (await compileAtCommit(dir, sha, hook.value.graph.config, {}))).toBe(false);
    git('config', 'core.ignorecase', 'true');
    const folded = await compileAtCommit(dir, sha, hook.value.graph.config, {});
    expect('needsCheckout' in folded && folded.needsCheckout).toBe(
      'docs/README and docs/readme differ only in case',
    );
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
