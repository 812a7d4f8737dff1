import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { CLI, runProcess } from '../helpers/rig.js';

/** A project whose disbuild.json lives in `web/` of its repository, pushed with `git config disbuild.sourceDir web`. */
describe('the pre-push hook with disbuild.json in a subdirectory', () => {
  let rig: PushRig;
  let log: string;
  const runs = async (): Promise<string[]> =>
    (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).sort();
  const tasks = (check: string): string =>
    JSON.stringify({
      tasks: {
        gen: {
          command: `echo gen >> ${log}; mkdir -p out; cat src/a.txt > out/a`,
          inputs: ['src/**'],
          outputs: ['out/**'],
        },
        check: { command: `echo check >> ${log}; ${check}`, inputs: ['src/**'], deps: ['gen'] },
      },
    });

  beforeAll(async () => {
    rig = await PushRig.create();
    log = rig.path('runs.log');
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it("builds the pushed commit's web/disbuild.json in web/, and blocks a failing task", async () => {
    await rig.commit({
      'web/disbuild.json': tasks('grep -q one out/a'),
      'web/src/a.txt': 'one\n',
      'web/.gitignore': 'out/\n',
      'README.md': 'the repository\n',
    });
    await rig.git(rig.clone, 'config', 'disbuild.sourceDir', 'web');
    const installed = await rig.cli('hook', 'install');
    expect(installed.code).toBe(0);
    expect(installed.stderr).toBe('');
    const pushed = await rig.push('-q', 'origin', 'main');
    // Before: "no graph configured", and the push went through with nothing built.
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await runs()).toEqual(['check', 'gen']);
    await rig.commit({ 'web/disbuild.json': tasks('grep -q two out/a') });
    const blocked = await rig.push('-q', 'origin', 'main');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain('push blocked: 1 job failed');
  });

  it('runs nothing for a commit a run in web/ built, nor for a change outside web/', async () => {
    await rig.commit({ 'web/disbuild.json': tasks('grep -q three out/a'), 'web/src/a.txt': 'three\n' });
    await rm(log, { force: true });
    // As CI (or a developer) runs it, in the project's directory, with the cache the hook reads.
    const built = await runProcess(process.execPath, [CLI, 'run', '-q'], {
      cwd: join(rig.clone, 'web'),
      env: rig.env,
    });
    expect(built.code, built.stderr).toBe(0);
    expect(await runs()).toEqual(['check', 'gen']);
    await rm(log, { force: true });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await runs()).toEqual([]);
    await rig.commit({ 'README.md': 'the repository, again\n' });
    const outside = await rig.push('-q', 'origin', 'main');
    expect(outside.code, outside.stderr).toBe(0);
    expect(outside.stderr).toBe('');
    expect(await runs()).toEqual([]);
    await rig.commit({ 'web/src/a.txt': 'three, and more\n' });
    const inside = await rig.push('-q', 'origin', 'main');
    expect(inside.code, inside.stderr).toBe(0);
    expect(await runs()).toEqual(['check', 'gen']);
  });

  it('refuses a push while disbuild.sourceDir names no directory of the checkout, and install says so', async () => {
    for (const [value, why] of [
      ['../elsewhere', 'must be a directory inside the repository, relative to its top'],
      ['/etc', 'must be a directory inside the repository, relative to its top'],
      ['nope', 'no such directory in this checkout'],
      ['README.md', 'is not a directory'],
    ]) {
      await rig.git(rig.clone, 'config', 'disbuild.sourceDir', value!);
      await rig.commit({ 'web/src/a.txt': `three, ${value}\n` });
      const pushed = await rig.push('-q', 'origin', 'main');
      expect(pushed.code).not.toBe(0);
      expect(pushed.stderr).toContain(`git config disbuild.sourceDir ${JSON.stringify(value)}: ${why}`);
      const installed = await rig.cli('hook', 'install');
      expect(installed.stderr).toContain(`${why}: the hook refuses pushes until it is mended`);
    }
    await rig.git(rig.clone, 'config', 'disbuild.sourceDir', 'web/');
    const mended = await rig.push('-q', 'origin', 'main');
    expect(mended.code, mended.stderr).toBe(0);
  });

  it('warns as it is installed when the directory it names has no disbuild.json in git', async () => {
    await rig.commit({ 'api/readme.txt': 'no tasks here\n' });
    await rig.git(rig.clone, 'config', 'disbuild.sourceDir', 'api');
    const installed = await rig.cli('hook', 'install');
    expect(installed.stderr).toBe(
      "disbuild: warning: no disbuild.json in api (git config disbuild.sourceDir) (web/disbuild.json is not read: 'git config disbuild.sourceDir DIR' names the directory whose file is), nor 'git config disbuild.graph': until there is one, the hook lets every push through unchecked\n",
    );
    await rig.commit({ 'api/readme.txt': 'still none\n' });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stderr).toContain('no api/disbuild.json (git config disbuild.sourceDir)');
    await rig.git(rig.clone, 'config', 'disbuild.sourceDir', 'web');
  });
  it("reads a graph file disbuild.json names relative to web/, with the graph's paths from there", async () => {
    const graph = JSON.stringify({
      Jobs: [
        {
          ID: '1'.repeat(40),
          Name: 'checked',
          Inputs: ['src/a.txt'],
          Cmds: [{ Exec: ['sh', '-c', `echo graph >> ${log}; grep -q ok src/a.txt`] }],
        },
      ],
    });
    await rig.commit({
      'web/disbuild.json': JSON.stringify({ graph: 'build/graph.json' }),
      'web/build/graph.json': graph,
      'web/src/a.txt': 'ok\n',
    });
    await rm(log, { force: true });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await runs()).toEqual(['graph']);
    await rig.commit({ 'README.md': 'outside web\n' });
    const outside = await rig.push('-q', 'origin', 'main');
    expect(outside.code, outside.stderr).toBe(0);
    expect(await runs()).toEqual(['graph']);
    await rig.commit({ 'web/src/a.txt': 'not so\n' });
    const blocked = await rig.push('-q', 'origin', 'main');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain('push blocked: 1 job failed');
  });
  it('refuses a push whose disbuild.sourceDir is a symbolic link in the pushed commit', async () => {
    await rig.git(rig.clone, 'checkout', '-q', '-b', 'linked');
    await rig.git(rig.clone, 'rm', '-rq', 'web');
    await rm(join(rig.clone, 'web'), { recursive: true, force: true });
    await rig.write({ 'app/disbuild.json': JSON.stringify({ tasks: { t: { command: 'exit 3' } } }) });
    await symlink('app', join(rig.clone, 'web'));
    await rig.commit({});
    await rig.git(rig.clone, 'checkout', '-q', 'main');
    const pushed = await rig.push('-q', 'origin', 'linked');
    // Before: "no web/disbuild.json", and the push went through unchecked.
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain('disbuild: web is a symbolic link at ');
    expect(pushed.stderr).toContain('git config disbuild.sourceDir names a directory');
  });

  it('rebuilds what a change of web/pnpm-workspace.yaml adds to the workspace', async () => {
    // pnpm as far as `pnpm run <script>` goes, through npm.
    const shim = rig.path('shim');
    await mkdir(shim, { recursive: true });
    await writeFile(join(shim, 'pnpm'), '#!/bin/sh\n[ "$1" = run ] && shift\nexec npm run --silent "$@"\n', {
      mode: 0o755,
    });
    rig.extraEnv = { PATH: `${shim}:${process.env.PATH ?? '/usr/bin:/bin'}` };
    const project = {
      'web/package.json': JSON.stringify({ name: 'root', private: true }),
      'web/pnpm-workspace.yaml': 'packages:\n  - pkgs/a\n',
      'web/pkgs/a/package.json': JSON.stringify({ name: 'a', scripts: { build: 'echo a' } }),
      'web/pkgs/b/package.json': JSON.stringify({ name: 'b', scripts: { build: 'echo b fails; exit 7' } }),
      'web/disbuild.json': JSON.stringify({
        tasks: { build: { command: 'node -e 0', inputs: ['package.json'] } },
      }),
    };
    await rig.commit(project);
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    await rig.commit({
      'web/disbuild.json': JSON.stringify({ tasks: { build: { script: 'build' } } }),
      'web/pkgs/a/package.json': JSON.stringify({
        name: 'a',
        scripts: { build: 'echo a' },
        version: '1.0.0',
      }),
    });
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    await rig.commit({ 'web/pnpm-workspace.yaml': 'packages:\n  - pkgs/a\n  - pkgs/b\n' });
    const added = await rig.push('-q', 'origin', 'main');
    // Before: the remote's commit was taken to compile alike (web/pnpm-workspace.yaml is not the top's), and b's
    // failing build never ran.
    expect(added.code).not.toBe(0);
    expect(added.stderr).toContain('push blocked: 1 job failed');
    expect(added.stderr).toContain('b#build');
  });
});
