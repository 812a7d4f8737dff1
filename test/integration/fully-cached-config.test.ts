import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesOpened, JOBS, SETTLE_MS, sleep } from '../helpers/fully-cached-runs.js';
import { graphJson } from '../helpers/graph-json.js';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

/**
 * The record of a fully cached run (src/cli/fully-cached.ts) for runs of disbuild.json's tasks with outputs in
 * place: believed only while the kept compiled graph stands as its files vouched for it (the manifests' stat data,
 * the links), and while every in-place output is as the check by stat data found it. Each test makes a record,
 * changes one thing, and checks that the next run takes the full path (it reads disbuild.json) and answers what
 * the full path answers.
 */
describe('the record of a fully cached run of disbuild.json', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  /** `disbuild run` as a user runs it; whether it read disbuild.json (the full path) or not (the record). */
  const run = async (
    env: Record<string, string> = {},
    extra: string[] = [],
  ): Promise<{ code: number | null; stdout: string; stderr: string; readConfig: boolean }> => {
    const r = await filesOpened(rig).run(
      ['run', '--cache-dir', rig.cacheDir, '-q', '-j', '2', ...extra],
      env,
    );
    return {
      ...r,
      readConfig: r.opened.some((p) => p.endsWith('disbuild.json') || p.endsWith('graph.json')),
    };
  };

  const summary = (cached: number, built: number): RegExp =>
    new RegExp(
      `^disbuild: ${cached + built} jobs: ${cached} cached, ${built} built, 0 failed, 0 skipped in `,
      'm',
    );

  const pkg = (i: number, build = 'mkdir -p dist && cp src/in.txt dist/out.txt'): string =>
    JSON.stringify({ name: `p${i}`, private: true, scripts: { build } });

  /**
   * A workspace of JOBS packages, each copying src/in.txt into dist/ (disbuild.json and `extra` left untracked when
   * `untracked`); built, run through the full path until it records, and answered by the record.
   */
  const recorded = async (
    extra: Record<string, string> = {},
    untracked = false,
    beforeRuns?: () => void,
  ): Promise<void> => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['p*'] }),
      '.gitignore': 'dist/\n',
    };
    for (let i = 0; i < JOBS; i++) {
      files[`p${i}/package.json`] = pkg(i);
      files[`p${i}/src/in.txt`] = `input ${i}\n`;
    }
    const config = {
      'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build', outputs: ['dist/**'] } } }),
    };
    await rig.write(untracked ? files : { ...files, ...config, ...extra });
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'init');
    if (untracked) await rig.write({ ...config, ...extra });
    beforeRuns?.();
    const cold = await run();
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stdout).toMatch(summary(0, JOBS));
    // The first fully cached run finds the outputs in full and notes their stat data, and the cache's lookup memo is
    // written; once those settled, the next run records.
    await run();
    await sleep(SETTLE_MS);
    const full = await run();
    expect(full.code, full.stderr).toBe(0);
    expect(full.readConfig).toBe(true);
    expect(readdirSync(join(rig.cacheDir, 'fully-cached-v1'))).toHaveLength(1);
    const fast = await run();
    expect(fast.code, fast.stderr).toBe(0);
    expect(fast.stderr).toBe('');
    expect(fast.readConfig).toBe(false);
  };
  const out = (i: number): string => rig.path('src', `p${i}`, 'dist', 'out.txt');
  /** Every file the local cache's entries hold. */
  const storedFiles = (): string[] =>
    readdirSync(join(rig.cacheDir, 'v1', 'entries'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));

  it('answers a fully cached run without the compile or the engine, and puts back an output changed or removed', async () => {
    await recorded();
    // Changed in place, to bytes of the same size.
    writeFileSync(out(3), 'INPUT 3\n');
    const changed = await run();
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toMatch(summary(JOBS, 0));
    expect(changed.readConfig).toBe(true);
    expect(readFileSync(out(3), 'utf8')).toBe('input 3\n');

    rmSync(out(4));
    const removed = await run();
    expect(removed.stdout).toMatch(summary(JOBS, 0));
    expect(removed.readConfig).toBe(true);
    expect(readFileSync(out(4), 'utf8')).toBe('input 4\n');

    rmSync(rig.path('src', 'p5', 'dist'), { recursive: true });
    const gone = await run();
    expect(gone.stdout).toMatch(summary(JOBS, 0));
    expect(gone.readConfig).toBe(true);
    expect(readFileSync(out(5), 'utf8')).toBe('input 5\n');
  });

  it('writes back outputs removed whole from the cache, and leaves a damaged stored file to the full path', async () => {
    await recorded();
    for (let i = 0; i < JOBS; i++) rmSync(rig.path('src', `p${i}`, 'dist'), { recursive: true });
    const back = await run();
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(summary(JOBS, 0));
    expect(back.readConfig).toBe(false);
    for (let i = 0; i < JOBS; i++) expect(readFileSync(out(i), 'utf8')).toBe(`input ${i}\n`);
    // Written moments ago: the next run checks them in full; once they settled, a run records them again.
    expect((await run()).readConfig).toBe(true);
    await sleep(SETTLE_MS);
    expect((await run()).readConfig).toBe(true);
    expect((await run()).readConfig).toBe(false);

    // p2's stored file damaged in the cache, its dist/ removed: the record's write-back fails its check, and the
    // full path says so and builds it.
    const stored = storedFiles().find((f) => f.endsWith(join('.in-place', 'p2', 'dist', 'out.txt')))!;
    chmodSync(dirname(stored), 0o755);
    chmodSync(stored, 0o644);
    writeFileSync(stored, 'INPUT 2\n');
    rmSync(rig.path('src', 'p2', 'dist'), { recursive: true });
    const damaged = await run();
    expect(damaged.code, damaged.stderr).toBe(0);
    expect(damaged.stdout).toMatch(summary(JOBS - 1, 1));
    expect(damaged.stdout + damaged.stderr).toMatch(/could not be restored/);
    expect(damaged.readConfig).toBe(true);
    expect(readFileSync(out(2), 'utf8')).toBe('input 2\n');
  });

  it('is not believed once a file is added beside the outputs, or their directory is reached through a link', async () => {
    await recorded();
    writeFileSync(rig.path('src', 'p6', 'dist', 'new.txt'), 'n\n');
    const added = await run();
    expect(added.code, added.stderr).toBe(0);
    expect(added.readConfig).toBe(true);

    // p7's dist/ moved away, a link to it in its place: the same files, by the same stat data.
    renameSync(rig.path('src', 'p7', 'dist'), rig.path('elsewhere'));
    symlinkSync(rig.path('elsewhere'), rig.path('src', 'p7', 'dist'));
    const linked = await run();
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.readConfig).toBe(true);
  });

  it("is not believed once an untracked package's manifest or an untracked disbuild.json changed", async () => {
    // A package without a build script: no job of its own, but the compile reads its manifest.
    await recorded(
      { 'pq/package.json': JSON.stringify({ name: 'q', private: true }), 'pq/src/in.txt': 'q\n' },
      true,
    );
    // Listed as before (git lists untracked files by name): only the stat data tell.
    writeFileSync(rig.path('src', 'pq', 'package.json'), pkg(JOBS));
    const script = await run();
    expect(script.code, script.stderr).toBe(0);
    expect(script.stdout).toMatch(summary(JOBS, 1));
    expect(script.readConfig).toBe(true);
    expect(readFileSync(rig.path('src', 'pq', 'dist', 'out.txt'), 'utf8')).toBe('q\n');

    writeFileSync(rig.path('src', 'pq', 'package.json'), JSON.stringify({ name: 'q', private: true }));
    await run();
    await sleep(SETTLE_MS);
    await run();
    expect((await run()).readConfig).toBe(false);
    const config = rig.path('src', 'disbuild.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('dist/**', 'dist/*'));
    const edited = await run();
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.readConfig).toBe(true);
  });

  it('is not believed once an untracked link the compile took for a file leads to a directory', async () => {
    await recorded();
    symlinkSync('package.json', rig.path('src', 'link'));
    await run();
    await sleep(SETTLE_MS);
    await run();
    expect((await run()).readConfig).toBe(false);
    rmSync(rig.path('src', 'link'));
    symlinkSync('p1', rig.path('src', 'link'));
    const retargeted = await run();
    expect(retargeted.code, retargeted.stderr).toBe(0);
    expect(retargeted.stdout).toMatch(summary(JOBS, 0));
    expect(retargeted.readConfig).toBe(true);
    expect(readdirSync(join(rig.cacheDir, 'fully-cached-v1'))).toHaveLength(1);
  });

  /** The runs up to a record, when nothing else changes: the record's file is then there, or not. */
  const settledRuns = async (env: Record<string, string> = {}, extra: string[] = []): Promise<boolean> => {
    await run(env, extra);
    await sleep(SETTLE_MS);
    await run(env, extra);
    return existsSync(join(rig.cacheDir, 'fully-cached-v1'));
  };

  it('writes back outputs gone whole only where the full path does: never a file git tracks', async () => {
    // A graph file whose jobs write p<i>/dist/out.txt in place; p1's is then committed, and assumed unchanged
    // (git's status says nothing of its deletion).
    const jobs = [];
    const files: Record<string, string> = { '.gitignore': 'dist/\n' };
    for (let i = 0; i < JOBS; i++) {
      files[`p${i}/src/in.txt`] = `input ${i}\n`;
      jobs.push({
        name: `j${i}`,
        inputs: [`p${i}/src/in.txt`],
        cmds: [{ exec: ['sh', '-c', `mkdir -p p${i}/dist && cp p${i}/src/in.txt p${i}/dist/out.txt`] }],
      });
    }
    const graph = JSON.parse(graphJson(jobs)) as { Jobs: Record<string, unknown>[] };
    graph.Jobs.forEach((j, i) => (j.Outputs = [`p${i}/dist/**`]));
    files['graph.json'] = JSON.stringify(graph);
    await rig.write(files);
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'init');
    const graphRun = ['--graph', 'graph.json'];
    expect((await run({}, graphRun)).stdout).toMatch(summary(0, JOBS));
    git(rig.src, 'add', '-f', 'p1/dist/out.txt');
    git(rig.src, 'commit', '-qm', 'out');
    git(rig.src, 'update-index', '--assume-unchanged', 'p1/dist/out.txt');
    expect(await settledRuns({}, graphRun)).toBe(true);
    expect((await run({}, graphRun)).readConfig).toBe(false);

    // Before: the record wrote p1's back; the full path leaves a file git tracks alone.
    rmSync(rig.path('src', 'p1', 'dist'), { recursive: true });
    const removed = await run({}, graphRun);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(summary(JOBS, 0));
    expect(existsSync(rig.path('src', 'p1', 'dist', 'out.txt'))).toBe(false);
  });

  it("writes back outputs gone whole after the full path's lookup, with the lookup memo", async () => {
    await recorded();
    // p1's entry's meta.json damaged in place: the lookup memo still vouches for the entry (its shard's stat data
    // did not move), and the stored file is sound.
    const stored = storedFiles().find((f) => f.endsWith(join('.in-place', 'p1', 'dist', 'out.txt')))!;
    const meta = join(stored.slice(0, stored.indexOf(`${sep}out${sep}`)), 'meta.json');
    chmodSync(meta, 0o644);
    writeFileSync(meta, 'garbage');
    rmSync(rig.path('src', 'p1', 'dist'), { recursive: true });
    // Before: the record looked p1's key up alone, without the memo, found the entry damaged, removed it and
    // built p1; the full path answers every job cached.
    const back = await run();
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(summary(JOBS, 0));
    expect(back.stdout + back.stderr).not.toMatch(/damaged/);
    expect(readFileSync(out(1), 'utf8')).toBe('input 1\n');
  });

  it("is never written while the file list depends on more than git's answers: skip-worktree, submodules", async () => {
    await recorded();
    // A skip-worktree package whose files are absent (a sparse checkout's): brought back, it builds.
    git(rig.src, 'update-index', '--skip-worktree', 'p9/package.json', 'p9/src/in.txt');
    rmSync(rig.path('src', 'p9'), { recursive: true });
    rmSync(join(rig.cacheDir, 'fully-cached-v1'), { recursive: true });
    expect(await settledRuns()).toBe(false);
    await rig.write({ 'p9/package.json': pkg(9), 'p9/src/in.txt': 'input 9\n' });
    // Before: the record was written, and answered "all cached" for one job less.
    const back = await run();
    expect(back.stdout).toMatch(summary(JOBS, 0));
    expect(back.readConfig).toBe(true);
    git(rig.src, 'update-index', '--no-skip-worktree', 'p9/package.json', 'p9/src/in.txt');
    expect(await settledRuns()).toBe(true);

    // A package of the workspace in a submodule: its files are listed by a git call of their own.
    const lib = rig.path('lib');
    mkdirSync(join(lib, 'q', 'src'), { recursive: true });
    writeFileSync(join(lib, 'q', 'package.json'), JSON.stringify({ name: 'q', private: true }));
    writeFileSync(join(lib, 'q', 'src', 'in.txt'), 'q\n');
    git(lib, 'init', '-q');
    git(lib, 'add', '-A');
    git(lib, 'commit', '-qm', 'lib');
    writeFileSync(
      rig.path('src', 'package.json'),
      JSON.stringify({ name: 'root', private: true, workspaces: ['p*', 'sub/*'] }),
    );
    git(rig.src, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'sub');
    git(rig.src, 'commit', '-qam', 'sub');
    rmSync(join(rig.cacheDir, 'fully-cached-v1'), { recursive: true });
    expect(await settledRuns()).toBe(false);
    // Before: the record was written, and a build script given in the submodule's work tree built nothing.
    writeFileSync(rig.path('src', 'sub', 'q', 'package.json'), pkg(JOBS));
    const edited = await run();
    expect(edited.stdout).toMatch(summary(JOBS, 1));
  });

  it('is never written when a task names a variable the record leaves out of its environment', async () => {
    await recorded();
    const config = rig.path('src', 'disbuild.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"outputs"', '"env":["OLDPWD"],"outputs"'));
    rmSync(join(rig.cacheDir, 'fully-cached-v1'), { recursive: true });
    await run({ OLDPWD: '/a' });
    expect(await settledRuns({ OLDPWD: '/a' })).toBe(false);
    // Before: the record answered "all cached" for another value, which is in every key.
    const other = await run({ OLDPWD: '/b' });
    expect(other.stdout).toMatch(summary(0, JOBS));
  });
});
