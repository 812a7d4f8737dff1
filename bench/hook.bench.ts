import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchRow } from './harness.js';
import { generateWorkspace, toGraphJson } from './workspace.js';

/**
 * Pre-push hook overhead on a push that needs no job (1,000 jobs, 20,000 files) against a bare `git push`; a push
 * that builds one job in the worktree kept between pushes against one checking its commit out afresh.
 */
export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const remote = join(ctx.workDir, 'remote.git');
  const clone = join(ctx.workDir, 'clone');
  const env = {
    PATH: process.env.PATH,
    HOME: join(ctx.workDir, 'home'),
    XDG_CACHE_HOME: join(ctx.workDir, 'xdg'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'b',
    GIT_AUTHOR_EMAIL: 'b@e',
    GIT_COMMITTER_NAME: 'b',
    GIT_COMMITTER_EMAIL: 'b@e',
  };
  mkdirSync(env.HOME, { recursive: true });
  const git = (cwd: string, ...args: string[]): void =>
    void execFileSync('git', args, { cwd, env, stdio: 'ignore' });
  git(ctx.workDir, 'init', '-q', '--bare', '-b', 'main', remote);
  mkdirSync(clone);
  git(clone, 'init', '-q', '-b', 'main');
  git(clone, 'remote', 'add', 'origin', remote);
  ctx.log('generating 1,000 jobs over 20,000 files');
  const jobs = await generateWorkspace(clone, { jobs: 1000, filesPerJob: 20, fileBytes: 2000 });
  writeFileSync(join(clone, 'graph.json'), toGraphJson(jobs));
  git(clone, 'add', '-A');
  git(clone, 'commit', '-qm', 'workspace');
  git(clone, 'config', 'disbuild.graph', 'graph.json');
  git(clone, 'push', '-q', '--no-verify', 'origin', 'main');
  execFileSync(process.execPath, [join(ctx.root, 'dist/cli/index.js'), 'hook', 'install'], {
    cwd: clone,
    env,
  });

  const pushTimed = (i: number, verify: boolean): number => {
    writeFileSync(join(clone, 'NOTES.txt'), `change ${i}\n`);
    git(clone, 'add', 'NOTES.txt');
    git(clone, 'commit', '-qm', `notes ${i}`);
    const t0 = performance.now();
    const r = spawnSync('git', ['push', '-q', ...(verify ? [] : ['--no-verify']), 'origin', 'main'], {
      cwd: clone,
      env,
    });
    if (r.status !== 0) throw new Error(`push failed: ${r.stderr.toString()}`);
    return performance.now() - t0;
  };
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  /** The time the hook adds to pushes of one commit that needs no job: 7 pairs, with and without it. */
  const series = (label: string, offset: number): BenchRow => {
    ctx.log(`${label}: pushes with and without the hook`);
    const withHook: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 7; i++) {
      bare.push(pushTimed(offset + 2 * i, false));
      withHook.push(pushTimed(offset + 2 * i + 1, true));
    }
    const added = median(withHook) - median(bare);
    return {
      benchmark: `pre-push hook, push needing no job (1,000 jobs / 20,000 files), ${label}`,
      measure: 'added to git push (median of 7)',
      value: `${(added / 1000).toFixed(3)} s`,
      reference: `bare git push ${(median(bare) / 1000).toFixed(3)} s`,
      target: '≤ 0.5 s added',
      pass: added <= 500,
    };
  };
  const rows = [series('graph.json', 0)];

  // The same packages as an npm workspace described by disbuild.json: each commit's tasks are compiled (from git's
  // objects) for the pushed commit and the remote's.
  writeFileSync(
    join(clone, 'package.json'),
    JSON.stringify({ name: 'bench-root', private: true, workspaces: ['pkg*'] }),
  );
  for (const j of jobs) {
    const script = j.script.replaceAll('OUT', 'dist').replace(/DEP(\d+)/g, '../pkg$1/dist');
    const pkg = {
      name: `pkg${j.index}`,
      private: true,
      scripts: { build: `mkdir -p dist && ${script.replaceAll(`pkg${j.index}/`, '')}` },
      dependencies: Object.fromEntries(j.deps.map((d) => [`pkg${d}`, '*'])),
    };
    writeFileSync(join(clone, `pkg${j.index}`, 'package.json'), JSON.stringify(pkg));
  }
  writeFileSync(
    join(clone, 'disbuild.json'),
    JSON.stringify({ tasks: { build: { script: 'build', outputs: ['dist/**'], deps: ['^build'] } } }),
  );
  git(clone, 'config', '--unset', 'disbuild.graph');
  git(clone, 'add', '-A');
  git(clone, 'commit', '-qm', 'disbuild.json');
  git(clone, 'push', '-q', '--no-verify', 'origin', 'main');
  rows.push(series('disbuild.json', 100));

  // A push that builds one job (a leaf package's source edited): in the worktree kept from the push before, against
  // a fresh checkout of the commit (`disbuild.keepWorktree false`). Each from a clone of its own, to a remote of its
  // own, with a cache of its own: a push without the kept worktree removes it.
  ctx.log('disbuild.json: pushes building one job, kept worktree and fresh checkouts');
  const leaf = jobs.find((j) => !jobs.some((o) => o.deps.includes(j.index)))!.index;
  const sides = ['kept', 'fresh'].map((name) => {
    const dir = join(ctx.workDir, `one-job-${name}`);
    git(ctx.workDir, 'clone', '-q', '--bare', remote, `${dir}.git`);
    git(ctx.workDir, 'clone', '-q', `${dir}.git`, dir);
    git(dir, 'checkout', '-q', '-B', 'main', 'origin/main');
    if (name === 'fresh') git(dir, 'config', 'disbuild.keepWorktree', 'false');
    const sideEnv = { ...env, XDG_CACHE_HOME: join(ctx.workDir, `xdg-${name}`) };
    execFileSync(process.execPath, [join(ctx.root, 'dist/cli/index.js'), 'hook', 'install'], {
      cwd: dir,
      env: sideEnv,
    });
    return { dir, env: sideEnv, times: [] as number[] };
  });
  const pushOneJob = (side: (typeof sides)[number], i: number): number => {
    writeFileSync(join(side.dir, `pkg${leaf}`, 'src', 'f0.txt'), `edit ${i}\n`);
    git(side.dir, 'commit', '-qam', `leaf ${i}`);
    const t0 = performance.now();
    const r = spawnSync('git', ['push', '-q', 'origin', 'main'], { cwd: side.dir, env: side.env });
    if (r.status !== 0) throw new Error(`push failed: ${r.stderr.toString()}`);
    return performance.now() - t0;
  };
  // Unmeasured: the first push builds what the empty cache lacks, and makes the worktree to keep.
  for (const side of sides) pushOneJob(side, 0);
  for (let i = 1; i <= 5; i++) {
    for (const side of i % 2 === 0 ? sides : [...sides].reverse()) side.times.push(pushOneJob(side, i));
  }
  const [kept, fresh] = sides.map((side) => median(side.times));
  rows.push({
    benchmark: 'pre-push hook, push building one job (1,000 jobs / 20,000 files), disbuild.json',
    measure: 'git push, kept worktree (median of 5 alternating pairs)',
    value: `${(kept! / 1000).toFixed(3)} s`,
    reference: `fresh checkout of the commit (disbuild.keepWorktree false) ${(fresh! / 1000).toFixed(3)} s`,
    ratio: kept! / fresh!,
    target: 'for information',
  });
  return rows;
}
