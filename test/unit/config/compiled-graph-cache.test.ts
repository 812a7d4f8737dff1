import { execFileSync } from 'node:child_process';
import type { Stats } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, rename, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileConfig, readConfigSource } from '../../../src/config/load-config.js';
import { compilerIdentity } from '../../../src/config/compiled-graph-cache.js';
import { statKey } from '../../../src/util/settled-stat.js';
import { listRepoFiles, startRepoFiles } from '../../../src/config/repo-files.js';
import { startWorkTreeListings } from '../../../src/ids/file-digest.js';
import type { Graph } from '../../../src/graph/model.js';

let base: string;
let dir: string;
let cacheFile: string;
let validatedFile: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'disbuild-compiled-'));
  dir = join(base, 'repo');
  cacheFile = join(base, 'state', 'compiled.json');
  validatedFile = join(base, 'state', 'validated.json');
  await write({
    'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
    'packages/a/package.json': { name: '@x/a', scripts: { build: 'tsc' } },
    'packages/a/src/index.ts': 'export const a = 1;',
    'packages/b/package.json': { name: '@x/b', scripts: { build: 'tsc' }, dependencies: { '@x/a': '*' } },
    'packages/b/src/index.ts': 'export const b = 2;',
    'packages/c/package.json': { name: '@x/c', scripts: { test: 'true' } },
    'packages/c/src/index.ts': '',
    '.gitignore': 'dist/\npackages/a/src/hidden.ts\n',
    'disbuild.json': {
      tasks: {
        build: { script: 'build', outputs: ['dist/**'], deps: ['^build'], env: ['BUILD_MODE'] },
        lint: { command: 'eslint .', inputs: ['packages/*/src/**/*.ts'] },
      },
    },
  });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

function git(...args: string[]): void {
  execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
}

async function write(files: Record<string, unknown>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), typeof content === 'string' ? content : JSON.stringify(content));
  }
}

/** As `disbuild run` compiles: the file list from the run's git listings, through the cache. */
async function throughCache(
  env: NodeJS.ProcessEnv = {},
  now?: () => number,
): Promise<{ json: unknown; cached: boolean }> {
  const { json, cached } = await compiledThroughCache(env, now);
  return { json, cached };
}

async function compiledThroughCache(
  env: NodeJS.ProcessEnv = {},
  now?: () => number,
): Promise<{ json: unknown; cached: boolean; graph: Graph }> {
  const source = await readConfigSource(dir);
  if (!source?.ok || source.value.kind !== 'tasks') throw new Error(JSON.stringify(source));
  const files = startRepoFiles(dir, startWorkTreeListings(dir, { untracked: true }));
  const shortcuts = { files, cacheFile, validatedFile, ...(now ? { now } : {}) };
  const r = await compileConfig(dir, source.value.config, env, shortcuts);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { json: r.value.json, cached: r.value.cached, graph: r.value.graph };
}

/** The reference: compiled afresh, the files listed by the compile's own means. */
async function fresh(env: NodeJS.ProcessEnv = {}): Promise<unknown> {
  return (await freshCompiled(env)).json;
}

async function freshCompiled(env: NodeJS.ProcessEnv = {}): Promise<{ json: unknown; graph: Graph }> {
  const source = await readConfigSource(dir);
  if (!source?.ok || source.value.kind !== 'tasks') throw new Error(JSON.stringify(source));
  const r = await compileConfig(dir, source.value.config, env);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** Warms the cache, applies `change`, and expects a compile afresh that equals the reference. */
async function expectRecompiled(
  change: () => Promise<void>,
  env: { before?: NodeJS.ProcessEnv; after?: NodeJS.ProcessEnv } = {},
): Promise<void> {
  await throughCache(env.before);
  const warm = await throughCache(env.before);
  expect(warm.cached).toBe(true);
  const before = warm.json;
  await change();
  const after = await throughCache(env.after);
  expect(after.json).toEqual(await fresh(env.after));
  expect(after.json).not.toEqual(before);
  expect(after.cached).toBe(false);
  // And the new graph is the one kept.
  expect(await throughCache(env.after)).toEqual({ json: after.json, cached: true });
}

/**
 * After `change`, the graph through the cache is the one a fresh compile makes, and is kept: for changes that may
 * or may not change the graph (a link to a directory is an input as a link to a file is, by what it leads to).
 */
async function expectAsFresh(change: () => Promise<void>): Promise<void> {
  await throughCache();
  expect((await throughCache()).cached).toBe(true);
  await change();
  const after = await throughCache();
  expect(after.json).toEqual(await fresh());
  expect((await throughCache()).json).toEqual(after.json);
}

describe('the compiled-graph cache', () => {
  it('reuses the graph when nothing the compile reads changed, even after edits to other files', async () => {
    const first = await throughCache();
    expect(first.cached).toBe(false);
    expect(first.json).toEqual(await fresh());
    await write({ 'packages/a/src/index.ts': 'export const a = 2;', 'README.md': 'x' });
    git('add', 'README.md');
    await unlink(join(dir, 'README.md'));
    const second = await throughCache();
    expect(second).toEqual({ json: first.json, cached: true });
  });

  it('validates a kept graph once: later runs take the validation kept beside it', async () => {
    await throughCache();
    const second = await compiledThroughCache();
    expect(second.cached).toBe(true);
    const written = await lstat(validatedFile);
    const third = await compiledThroughCache();
    const reference = await freshCompiled();
    expect(third).toEqual({ ...reference, cached: true });
    expect(second.graph).toEqual(reference.graph);
    // Read, not written again.
    expect((await lstat(validatedFile)).mtimeMs).toBe(written.mtimeMs);
    // A validation of another text is not believed: after an edit the new graph is validated (and kept) anew.
    await write({ 'packages/c/package.json': { name: '@x/c', scripts: { build: 'tsc' } } });
    await throughCache();
    const edited = await compiledThroughCache();
    expect(edited).toEqual({ ...(await freshCompiled()), cached: true });
  });

  it('believes no cache file but its own: one of another user, or a FIFO in its place, compiles afresh', async () => {
    await throughCache();
    // Another user's file would be taken at its word: its commands are what the run would start.
    const text = await readFile(cacheFile, 'utf8');
    await writeFile(cacheFile, text.replace('"tsc"', '"touch pwned"'));
    execFileSync('chown', ['65534:65534', cacheFile]);
    const foreign = await throughCache();
    expect(foreign).toEqual({ json: await fresh(), cached: false });
    expect(JSON.stringify(foreign.json)).not.toContain('pwned');
    // A FIFO is not waited for.
    await rm(cacheFile);
    execFileSync('mkfifo', [cacheFile]);
    expect((await throughCache()).cached).toBe(false);
  });

  it('compiles again after an edit of disbuild.json', async () => {
    const config = await readFile(join(dir, 'disbuild.json'), 'utf8');
    await expectRecompiled(() =>
      writeFile(join(dir, 'disbuild.json'), config.replace('eslint .', 'tslint .')),
    );
  });

  it('compiles again after an edit of a package.json', async () => {
    await expectRecompiled(() =>
      write({ 'packages/c/package.json': { name: '@x/c', scripts: { build: 'tsc', test: 'true' } } }),
    );
  });

  it('compiles again when a new untracked file matches an input glob', async () => {
    await expectRecompiled(() => write({ 'packages/b/src/extra.ts': 'export {};' }));
  });

  it('compiles again when .gitignore stops hiding a file', async () => {
    await write({ 'packages/a/src/hidden.ts': 'export {};' });
    await expectRecompiled(() => write({ '.gitignore': 'dist/\n' }));
  });

  it('keeps the graph of a fresh compile when a link among the files is retargeted from a directory to a file, and back', async () => {
    // Once: the listing (paths, tracked or not) was the same, so the kept graph was reused: without the link
    // among the lint task's inputs once it led to a file (its edits rebuilt nothing), and with it, as an input that
    // is a directory, once it led to one again (every run failed). A link to a directory is an input now too.
    await write({ 'shared/file.ts': 'x', 'shared/dir/d.ts': 'd' });
    await symlink('../../../shared/dir', join(dir, 'packages/a/src/extra.ts'));
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'link');
    const link = join(dir, 'packages/a/src/extra.ts');
    await expectAsFresh(async () => {
      await unlink(link);
      await symlink('../../../shared/file.ts', link);
    });
    await expectAsFresh(async () => {
      await unlink(link);
      await symlink('../../../shared/dir', link);
    });
    expect(JSON.stringify((await throughCache()).json)).toContain('"packages/a/src/extra.ts"');
  });

  for (const step of ['in the work tree', 'staged', 'committed'] as const) {
    it(`keeps the graph of a fresh compile when a tracked file is replaced by a link to a directory, ${step}, and back`, async () => {
      // Once: the file list was the same (git status says ` T`, then `T ` once staged, and nothing once
      // committed), so the kept graph was reused with the link among the lint task's inputs, and every run failed
      // on an input that is a directory. It is an input now, by where it leads.
      await write({ 'shared/dir/d.ts': 'd' });
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'shared');
      const file = join(dir, 'packages/a/src/index.ts');
      const record = (): void => {
        if (step !== 'in the work tree') git('add', '-A');
        if (step === 'committed') git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'step');
      };
      await expectAsFresh(async () => {
        await unlink(file);
        await symlink('../../../shared/dir', file);
        record();
      });
      await expectAsFresh(async () => {
        await unlink(file);
        await writeFile(file, 'export const a = 1;');
        record();
      });
    });
  }

  it('compiles once, not on every run, when the index holds a link the work tree lacks', async () => {
    // Before (with the check of the index's links): a tracked link deleted and not staged, or left out by a
    // sparse checkout, was never among the links recorded, and every run compiled the graph again.
    await write({ 'shared/file.ts': 'x' });
    await symlink('../../../shared/file.ts', join(dir, 'packages/a/src/link.ts'));
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'link');
    await throughCache();
    expect((await throughCache()).cached).toBe(true);
    await unlink(join(dir, 'packages/a/src/link.ts'));
    expect((await throughCache()).cached).toBe(false);
    expect(await throughCache()).toMatchObject({ cached: true });
  });

  it('keeps the graph of a fresh compile when an untracked file is replaced by a link to a directory', async () => {
    await write({ 'shared/dir/d.ts': 'd', 'packages/a/src/new.ts': 'n' });
    git('add', 'shared');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'shared');
    const file = join(dir, 'packages/a/src/new.ts');
    await expectAsFresh(async () => {
      await unlink(file);
      await symlink('../../../shared/dir', file);
    });
  });

  it('compiles again when a tracked input is deleted', async () => {
    await expectRecompiled(() => unlink(join(dir, 'packages/b/src/index.ts')));
  });

  it('compiles again when a workspace package appears', async () => {
    await expectRecompiled(() =>
      write({
        'packages/d/package.json': { name: '@x/d', scripts: { build: 'tsc' }, dependencies: { '@x/b': '*' } },
      }),
    );
  });

  it('compiles again when a variable named by a task env changes, or is unset', async () => {
    await expectRecompiled(async () => undefined, {
      before: { BUILD_MODE: 'a' },
      after: { BUILD_MODE: 'b' },
    });
    await expectRecompiled(async () => undefined, { before: { BUILD_MODE: 'b' }, after: {} });
  });

  it('compiles again over a damaged cache file', async () => {
    await throughCache();
    await writeFile(cacheFile, 'not a graph');
    expect((await throughCache()).cached).toBe(false);
    expect((await throughCache()).cached).toBe(true);
  });

  it('removes what a write killed midway left, never the write of a live process', async () => {
    await throughCache();
    // The pid of a process that has exited.
    const dead = execFileSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).trim();
    const leftover = `${cacheFile}.${dead}.1700000000000.tmp`;
    const live = `${cacheFile}.${process.ppid}.1700000000000.tmp`;
    await writeFile(leftover, 'half a gra');
    await writeFile(live, 'under way');
    await write({ 'packages/a/src/new.ts': '' });
    expect((await throughCache()).cached).toBe(false);
    await expect(lstat(leftover)).rejects.toThrow();
    expect((await lstat(live)).isFile()).toBe(true);
  });

  describe('vouching for package.json files by their stat data', () => {
    /** A clock for which every file written so far changed long enough ago for its stat data to vouch. */
    const later = (): number => Date.now() + 10_000;
    const keptStats = async (): Promise<Record<string, string>> =>
      (JSON.parse((await readFile(cacheFile, 'utf8')).split('\n')[0]!) as { stats: Record<string, string> })
        .stats;
    /** Sets the file's mtime to the nanosecond (utimes takes a double, which cannot hold every one). */
    const putBackMtime = (file: string, ns: bigint): void => {
      const d = `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`;
      execFileSync('touch', ['-m', '-d', d, file]);
    };
    const PACKAGES = [
      'package.json',
      'packages/a/package.json',
      'packages/b/package.json',
      'packages/c/package.json',
    ];

    it('never vouches by the stat data of a file whose inode number is above 2^53', async () => {
      const st = await lstat(join(dir, 'package.json'));
      expect(statKey(st)).toBeDefined();
      // Node's double cannot tell such inodes apart (some network and overlay file systems).
      expect(statKey(Object.assign(Object.create(st) as Stats, { ino: 2 ** 53 + 2 }))).toBeUndefined();
    });

    it('keeps the stat data of settled files only, and reuses the graph on it', async () => {
      // Just written: the stat data of none of them may vouch (a write in the same tick would leave it unchanged).
      expect((await throughCache()).cached).toBe(false);
      expect(Object.keys(await keptStats())).toEqual([]);
      expect((await throughCache()).cached).toBe(true);
      // Settled: every file the compile read is kept with its stat data, and the graph is reused on it.
      await rm(cacheFile);
      expect((await throughCache({}, later)).cached).toBe(false);
      expect(Object.keys(await keptStats()).sort()).toEqual(PACKAGES);
      expect((await throughCache({}, later)).cached).toBe(true);
    });

    it('sees a package.json rewritten with the same size and its mtime put back', async () => {
      await throughCache({}, later);
      expect((await throughCache({}, later)).cached).toBe(true);
      const file = join(dir, 'packages/c/package.json');
      const before = await readFile(file, 'utf8');
      const st = await lstat(file, { bigint: true });
      // The same length, another script: only the ctime (and the bytes) tell.
      const edited = before.replace('"test":"true"', '"build":"tsc"');
      expect(edited).not.toEqual(before);
      expect(edited.length).toBe(before.length);
      const kept = await throughCache({}, later);
      await writeFile(file, edited);
      putBackMtime(file, st.mtimeNs);
      const now = await lstat(file, { bigint: true });
      // Only the ctime tells (and the bytes).
      expect([now.ino, now.size, now.mtimeNs]).toEqual([st.ino, st.size, st.mtimeNs]);
      const after = await throughCache({}, later);
      expect(after.cached).toBe(false);
      expect(after.json).toEqual(await fresh());
      expect(after.json).not.toEqual(kept.json);
    });

    it('sees a package.json edited again within the same second, with the same size, after its graph was kept', async () => {
      // With the real clock: kept right after the files were written, as a quick edit-run-edit-run does.
      await throughCache();
      const file = join(dir, 'packages/c/package.json');
      const before = await readFile(file, 'utf8');
      const st = await lstat(file, { bigint: true });
      await writeFile(file, before.replace('"test":"true"', '"build":"tsc"'));
      putBackMtime(file, st.mtimeNs);
      const after = await throughCache();
      expect(after.cached).toBe(false);
      expect(after.json).toEqual(await fresh());
    });

    it('reads the bytes when the stat data changed but they did not, and keeps the new stat data', async () => {
      await throughCache({}, later);
      const file = join(dir, 'packages/b/package.json');
      const old = (await keptStats())['packages/b/package.json'];
      await writeFile(file, await readFile(file));
      expect((await throughCache({}, later)).cached).toBe(true);
      const renewed = (await keptStats())['packages/b/package.json'];
      expect(renewed).toBeDefined();
      expect(renewed).not.toEqual(old);
      expect((await throughCache({}, later)).cached).toBe(true);
    });

    it('compiles again, without failing, when a package directory became a file after its graph was kept', async () => {
      await throughCache({}, later);
      expect((await throughCache({}, later)).cached).toBe(true);
      // The kept stat data names packages/a/package.json: its lstat now fails with ENOTDIR, not ENOENT.
      await rm(join(dir, 'packages/a'), { recursive: true });
      await writeFile(join(dir, 'packages/a'), 'a file now');
      const after = await throughCache({}, later);
      expect(after.cached).toBe(false);
      expect(after.json).toEqual(await fresh());
    });

    it('sees a package.json replaced by a link to one with other bytes', async () => {
      await write({ 'other.json': { name: '@x/c', scripts: { build: 'tsc', test: 'true' } } });
      await expectRecompiled(async () => {
        const file = join(dir, 'packages/c/package.json');
        await unlink(file);
        execFileSync('ln', ['-s', '../../other.json', file]);
      });
    });
  });

  it('lists the same files from the run git listings as on its own, below the repository root too', async () => {
    await write({ 'lib/x.ts': 'x' });
    git('add', 'lib/x.ts');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'lib');
    await write({
      'packages/a/src/hidden.ts': 'ignored',
      'packages/a/src/new.ts': 'untracked',
      'packages/b/dist/index.js': 'ignored',
      'packages/c/src/index.ts': 'edited',
    });
    await unlink(join(dir, 'packages/b/src/index.ts'));
    git('rm', '-q', '--cached', 'packages/c/package.json');
    await write({ 'packages/b/conflicted.ts': 'both' });
    // A tracked directory replaced by a link: git status calls its files deleted (beyond a link), `ls-files
    // --deleted` does not (they are there through it). Both keep them: the graph's checks then refuse the link.
    await rename(join(dir, 'lib'), join(base, 'lib-elsewhere'));
    await symlink(join(base, 'lib-elsewhere'), join(dir, 'lib'));
    // Entries git tags other than `H`: assumed unchanged, skipped in the work tree, and a conflict (stages 1-3).
    git('update-index', '--assume-unchanged', 'packages/a/package.json');
    git('update-index', '--skip-worktree', 'packages/b/package.json');
    const blob = execFileSync('git', ['hash-object', '-w', '.gitignore'], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
    execFileSync('git', ['update-index', '--index-info'], {
      cwd: dir,
      input: ['packages/a/conflicted.ts', 'packages/b/conflicted.ts']
        .flatMap((p) => [1, 2, 3].map((stage) => `100644 ${blob} ${stage}\t${p}\n`))
        .join(''),
    });
    for (const where of [dir, join(dir, 'packages')]) {
      const expected = await listRepoFiles(where);
      // With untracked files from git status, or from a call of its own.
      for (const untracked of [true, false]) {
        expect(await startRepoFiles(where, startWorkTreeListings(where, { untracked }))).toEqual(expected);
      }
    }
    // The status the keys (and the launcher's early start) read still holds the tracked files' changes only.
    expect(await startWorkTreeListings(dir, { untracked: true }).status).toEqual(
      await startWorkTreeListings(dir).status,
    );
    const shared = await startRepoFiles(dir, startWorkTreeListings(dir, { untracked: true }));
    expect(shared).toContain('lib/x.ts');
    expect(shared).toContain('packages/a/src/new.ts');
    expect(shared).toContain('packages/c/package.json');
    expect(shared).not.toContain('packages/b/src/index.ts');
    expect(shared).not.toContain('packages/a/src/hidden.ts');
    for (const p of ['packages/a/package.json', 'packages/b/package.json', 'packages/b/conflicted.ts']) {
      expect(shared).toContain(p);
    }
    // A conflict whose file is not in the work tree is as a deleted file.
    expect(shared).not.toContain('packages/a/conflicted.ts');
    // Outside a work tree there is no shared listing: the compile walks the directory.
    const outside = join(base, 'plain');
    await mkdir(outside);
    expect(await startRepoFiles(outside, startWorkTreeListings(outside))).toBeUndefined();
  });

  it('lists a conflicted file as the disk has it, whichever side deleted it, and under a path now a file', async () => {
    const blob = execFileSync('git', ['hash-object', '-w', '.gitignore'], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
    const stages = (path: string, ...ns: number[]): string =>
      ns.map((n) => `100644 ${blob} ${n}\t${path}\n`).join('');
    // `UD` (deleted by them: our file stays), `DU` (deleted by us: theirs is written), each present or not, and
    // a conflict below a directory that is a file in the work tree now (lstat fails with ENOTDIR).
    execFileSync('git', ['update-index', '--index-info'], {
      cwd: dir,
      input:
        stages('packages/b/ud.ts', 1, 2) +
        stages('packages/b/ud-gone.ts', 1, 2) +
        stages('packages/b/du.ts', 1, 3) +
        stages('packages/b/du-gone.ts', 1, 3) +
        stages('packages/q/x.ts', 1, 2, 3),
    });
    await write({ 'packages/b/ud.ts': 'ours', 'packages/b/du.ts': 'theirs', 'packages/q': 'a file' });
    const expected = await listRepoFiles(dir);
    expect(expected).toContain('packages/b/ud.ts');
    expect(expected).toContain('packages/b/du.ts');
    expect(expected).not.toContain('packages/b/ud-gone.ts');
    expect(expected).not.toContain('packages/q/x.ts');
    expect(await startRepoFiles(dir, startWorkTreeListings(dir, { untracked: true }))).toEqual(expected);
  });

  it('compiles a sparse checkout from the packages it has, and again when the checkout widens', async () => {
    await throughCache();
    git('sparse-checkout', 'set', '--no-cone', '/*', '!/packages/c/');
    // packages/c/package.json is in the index (skip-worktree), not on the disk: not a file the compile can read.
    const expected = await listRepoFiles(dir);
    expect(expected).not.toContain('packages/c/package.json');
    expect(await startRepoFiles(dir, startWorkTreeListings(dir, { untracked: true }))).toEqual(expected);
    const sparse = await throughCache();
    expect(sparse.cached).toBe(false);
    expect(sparse.json).toEqual(await fresh());
    git('sparse-checkout', 'disable');
    const full = await throughCache();
    expect(full.cached).toBe(false);
    expect(full.json).toEqual(await fresh());
    // The lint task's inputs take packages/c's sources back.
    expect(full.json).not.toEqual(sparse.json);
  });

  it('takes the compiler for another when a file beside its module changed: the compile may be bundled there', async () => {
    // As a bundle: this module in one chunk, the compile in another that an upgrade or a `git pull` rewrote alone.
    const bundle = join(base, 'bundle');
    await mkdir(bundle);
    await writeFile(join(bundle, '1.index.js'), 'export const cache = 1;');
    await writeFile(join(bundle, '2.index.js'), 'export const compile = 1;');
    const self = join(bundle, '1.index.js');
    const before = compilerIdentity(self);
    expect(compilerIdentity(self)).toEqual(before);
    await unlink(join(bundle, '2.index.js'));
    await writeFile(join(bundle, '2.index.js'), 'export const compile = 2;');
    expect(compilerIdentity(self)).not.toEqual(before);
  });
});
