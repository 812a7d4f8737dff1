import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configRecordRuns } from '../helpers/config-record-runs.js';
import { JOBS } from '../helpers/fully-cached-runs.js';
import { graphJson } from '../helpers/graph-json.js';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';
/**
 * The record of a fully cached run (src/cli/fully-cached.ts) with outputs in place, at its edges: where the full
 * path would write back, look up or compile otherwise than the record, the record is never written, or hands the
 * run to the full path.
 */
type Runs = Awaited<ReturnType<typeof configRecordRuns>>;

describe('the record of a fully cached run with outputs in place, at its edges', () => {
  let rig: Rig;
  let run: Runs['run'];
  let summary: Runs['summary'];
  let pkg: Runs['pkg'];
  let recorded: Runs['recorded'];
  let out: Runs['out'];
  let storedFiles: Runs['storedFiles'];
  let settledRuns: Runs['settledRuns'];
  beforeEach(async () => {
    rig = await Rig.create();
    ({ run, summary, pkg, recorded, out, storedFiles, settledRuns } = await configRecordRuns(rig));
  });
  afterEach(async () => {
    await rig.cleanup();
  });

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

  it('answers runs of a task whose outputs name a file, and writes that file back once gone', async () => {
    // Before: a file named as an output had no listing kept (it is no directory), no check of its job was
    // remembered, and every run took the full path.
    const extra: Record<string, string> = {
      'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build', outputs: ['out.txt'] } } }),
      '.gitignore': 'out.txt\n',
    };
    for (let i = 0; i < JOBS; i++) extra[`p${i}/package.json`] = pkg(i, 'cp src/in.txt out.txt');
    await recorded(extra);
    const file = rig.path('src', 'p3', 'out.txt');
    rmSync(file);
    const back = await run();
    expect(back.stdout).toMatch(summary(JOBS, 0));
    expect(back.readConfig).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('input 3\n');
    // A directory in its place: the full path puts the file back.
    rmSync(file);
    mkdirSync(file);
    const replaced = await run();
    expect(replaced.stdout).toMatch(summary(JOBS, 0));
    expect(replaced.readConfig).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('input 3\n');
  });
});
