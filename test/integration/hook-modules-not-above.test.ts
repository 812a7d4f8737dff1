import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { runProcess } from '../helpers/rig.js';

/**
 * The installed packages of the checkout pushing reach the hook's worktree when its top `node_modules` is not found
 * above that worktree: a push from a linked worktree (the hook's worktrees lie under the main checkout's `.git/`),
 * and a project in `disbuild.sourceDir`.
 */
describe("the hook's worktree and the installed packages of a checkout not above it", () => {
  let rig: PushRig;
  afterEach(() => rig.cleanup());

  /** A package `tool` installed by hand (as `npm install` would) in `dir`'s node_modules, saying `says`. */
  const install = async (dir: string, says: string): Promise<void> => {
    await mkdir(join(dir, 'node_modules/tool'), { recursive: true });
    await writeFile(
      join(dir, 'node_modules/tool/package.json'),
      JSON.stringify({ name: 'tool', main: 'index.js' }),
    );
    await writeFile(join(dir, 'node_modules/tool/index.js'), `module.exports = ${JSON.stringify(says)};\n`);
  };
  const project = (log: string): Record<string, string> => ({
    'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
    'packages/c/package.json': JSON.stringify({
      name: 'c',
      scripts: { build: `node -e "console.log(require('tool'))" >> ${log}` },
    }),
    'packages/c/src.txt': 'c1\n',
    '.gitignore': 'node_modules\n',
    'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build' } } }),
  });

  it("builds a push from a linked worktree with that worktree's packages", async () => {
    rig = await PushRig.create();
    const log = rig.path('tool.log');
    await rig.commit(project(log));
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    await rig.push('-q', '--no-verify', 'origin', 'main');
    const linked = rig.path('linked');
    await rig.git(rig.clone, 'worktree', 'add', '-q', '-b', 'feature', linked);
    await install(linked, 'the linked worktree');
    await writeFile(join(linked, 'packages/c/src.txt'), 'c2\n');
    await rig.git(linked, 'commit', '-qam', 'c2');
    const pushed = await runProcess('git', ['push', '-q', 'origin', 'feature'], {
      cwd: linked,
      env: rig.env,
    });
    // Before: "Cannot find module 'tool'" (the main checkout has none), and the push was refused.
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await readFile(log, 'utf8')).toBe('the linked worktree\n');
    // And not the main checkout's, which the worktree finds above it.
    await install(rig.clone, 'the main checkout');
    await rm(log);
    await writeFile(join(linked, 'packages/c/src.txt'), 'c3\n');
    await rig.git(linked, 'commit', '-qam', 'c3');
    expect(
      (await runProcess('git', ['push', '-q', 'origin', 'feature'], { cwd: linked, env: rig.env })).code,
    ).toBe(0);
    expect(await readFile(log, 'utf8')).toBe('the linked worktree\n');
  });

  it('builds a project in disbuild.sourceDir with its own packages', async () => {
    rig = await PushRig.create();
    const log = rig.path('tool.log');
    await rig.commit(Object.fromEntries(Object.entries(project(log)).map(([p, t]) => [`web/${p}`, t])));
    await install(join(rig.clone, 'web'), 'web');
    await rig.git(rig.clone, 'config', 'disbuild.sourceDir', 'web');
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const pushed = await rig.push('-q', 'origin', 'main');
    // Before: "Cannot find module 'tool'": web/node_modules was taken to be found above the worktree.
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await readFile(log, 'utf8')).toBe('web\n');
  });
});
