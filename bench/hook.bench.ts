import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchRow } from './harness.js';
import { generateWorkspace, toGraphJson } from './workspace.js';

/** Pre-push hook overhead on a push that needs no job (1,000 jobs, 20,000 files) against a bare `git push`. */
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
  ctx.log('pushes with and without the hook');
  const withHook: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 7; i++) {
    bare.push(pushTimed(2 * i, false));
    withHook.push(pushTimed(2 * i + 1, true));
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const added = median(withHook) - median(bare);
  return [
    {
      benchmark: 'pre-push hook, push needing no job (1,000 jobs / 20,000 files)',
      measure: 'added to git push (median of 7)',
      value: `${(added / 1000).toFixed(3)} s`,
      reference: `bare git push ${(median(bare) / 1000).toFixed(3)} s`,
      target: '≤ 0.5 s added',
      pass: added <= 500,
    },
  ];
}
