import { readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';

describe('the pre-push hook with disbuild.json tasks', () => {
  let rig: PushRig;
  beforeAll(async () => {
    rig = await PushRig.create();
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it("compiles the pushed commit's own disbuild.json and blocks a failing task", async () => {
    const log = rig.path('runs.log');
    const tasks = (check: string): string =>
      JSON.stringify({
        tasks: {
          gen: {
            command: `echo gen >> ${log}; mkdir -p out; cat a.txt > out/a`,
            inputs: ['a.txt'],
            outputs: ['out/**'],
          },
          check: { command: `echo check >> ${log}; ${check}`, inputs: ['a.txt'], deps: ['gen'] },
        },
      });
    await rig.commit({
      'disbuild.json': tasks('grep -q one out/a'),
      'a.txt': 'one\n',
      '.gitignore': 'out/\n',
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const ok = await rig.push('-q', 'origin', 'main');
    expect(ok.code, ok.stderr).toBe(0);
    expect((await readFile(log, 'utf8')).split('\n').filter(Boolean).sort()).toEqual(['check', 'gen']);
    await rig.commit({ 'disbuild.json': tasks('grep -q two out/a') });
    const blocked = await rig.push('-q', 'origin', 'main');
    expect(blocked.code).not.toBe(0);
    expect(blocked.stderr).toContain('push blocked: 1 job failed');
    expect(blocked.stderr).toContain('check');
  });

  it('refuses a push whose disbuild.json writes a task twice', async () => {
    // Before: the hook said so and let the push through, building nothing.
    await rig.commit({
      'disbuild.json':
        '{ "tasks": {\n  "t": { "command": "true", "inputs": ["a.txt"] },\n  "t": { "command": "false", "inputs": ["a.txt"] }\n} }\n',
      'a.txt': 'three\n',
    });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain('disbuild.json task "t": written more than once (lines 2, 3)');
  });

  it('refuses a push whose disbuild.json cannot be read', async () => {
    // Before: the hook printed the problem and let the push through, building nothing; a commit without
    // disbuild.json still passes with a hint (the next test).
    await rig.commit({ 'disbuild.json': '{ "tasks": { "t": { "command": "true", } \n', 'a.txt': 'four\n' });
    const bad = await rig.push('-q', 'origin', 'main');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/disbuild\.json: is not valid JSON: .*\(line 2, column 1\)/);
    expect(bad.stderr).toContain('push blocked');
    await rig.commit({ 'disbuild.json': '{ "tasks": { "t": { "command": 5, "inputs": ["a.txt"] } } }\n' });
    const shape = await rig.push('-q', 'origin', 'main');
    expect(shape.code).not.toBe(0);
    expect(shape.stderr).toContain('command');
    expect(shape.stderr).toContain('push blocked');
    await rig.commit({ 'disbuild.json': '{ "salt": "x" }\n' });
    const empty = await rig.push('-q', 'origin', 'main');
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('needs "tasks"');
  });

  it('lets a push through, with a hint, from a repository without disbuild.json', async () => {
    await rm(join(rig.clone, 'disbuild.json'));
    await rig.commit({ 'a.txt': 'five\n' });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stderr).toContain('no graph configured');
  });

  it('warns as it is installed where it would find no graph, naming a disbuild.json below the root', async () => {
    await rig.commit({ 'frontend/disbuild.json': '{ "tasks": {} }\n' });
    const installed = await rig.cli('hook', 'install');
    expect(installed.code).toBe(0);
    // Before: "installed", and every push went through unchecked.
    expect(installed.stderr).toBe(
      "disbuild: warning: no disbuild.json at the repository root (frontend/disbuild.json is not read: 'git config disbuild.sourceDir DIR' names the directory whose file is), nor 'git config disbuild.graph': until there is one, the hook lets every push through unchecked\n",
    );
    // One the hook cannot read: in the work tree, not in git (here ignored, so never committed by `git add -A`).
    await rig.write({
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'true', inputs: ['a.txt'] } } }),
      '.git/info/exclude': 'disbuild.json\n',
    });
    const untracked = await rig.cli('hook', 'install');
    expect(untracked.stderr).toBe(
      'disbuild: warning: disbuild.json at the repository root is not in git, and the hook reads it from each pushed commit: until it is committed, the hook lets every push through unchecked\n',
    );
    await rig.write({ '.git/info/exclude': '' });
    await rig.commit({
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'true', inputs: ['a.txt'] } } }),
    });
    const again = await rig.cli('hook', 'install');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
  });
  it('reads a disbuild.json that is a symbolic link through the link, and refuses one leading out', async () => {
    const log = rig.path('linked.log');
    await rm(join(rig.clone, 'disbuild.json'));
    await rig.write({
      'config/disbuild.json': JSON.stringify({
        tasks: { t: { command: `echo t >> ${log}; grep -q ok a.txt`, inputs: ['a.txt'] } },
      }),
      'a.txt': 'ok\n',
    });
    await symlink('config/disbuild.json', join(rig.clone, 'disbuild.json'));
    await rig.commit({});
    const pushed = await rig.push('-q', 'origin', 'main');
    // Before: "disbuild.json: is not valid JSON" (the link's text), and the push was refused.
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(await readFile(log, 'utf8')).toBe('t\n');
    await rm(join(rig.clone, 'disbuild.json'));
    await symlink('../outside.json', join(rig.clone, 'disbuild.json'));
    await rig.commit({ 'a.txt': 'ok, again\n' });
    const out = await rig.push('-q', 'origin', 'main');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain(
      'disbuild: disbuild.json is a symbolic link the hook cannot read through: disbuild.json resolves outside the source directory (through disbuild.json -> ../outside.json)',
    );
    // Resolved as a checkout resolves it: `lnk/..` is lnk's target's parent, not `.`; a link to a directory is no file.
    await rm(join(rig.clone, 'disbuild.json'));
    await rig.write({
      'deep/dir/keep': '',
      'deep/cfg.json': JSON.stringify({
        tasks: { t: { command: 'echo broken; exit 3', inputs: ['a.txt'] } },
      }),
      'cfg.json': JSON.stringify({ tasks: { t: { command: 'true', inputs: ['a.txt'] } } }),
    });
    await symlink('deep/dir', join(rig.clone, 'lnk'));
    await symlink('lnk/../cfg.json', join(rig.clone, 'disbuild.json'));
    await rig.commit({ 'a.txt': 'ok, a third time\n' });
    const deep = await rig.push('-q', 'origin', 'main');
    // Before: cfg.json was read (the top's), and the push went through.
    expect(deep.code).not.toBe(0);
    expect(deep.stderr).toContain('push blocked: 1 job failed');
    await rm(join(rig.clone, 'disbuild.json'));
    await symlink('config/', join(rig.clone, 'disbuild.json'));
    await rig.commit({ 'a.txt': 'ok, a fourth time\n' });
    const toDir = await rig.push('-q', 'origin', 'main');
    // Before: the first file under config/ was read as the configuration.
    expect(toDir.code).not.toBe(0);
    expect(toDir.stderr).toContain('disbuild.json is a symbolic link the hook cannot read through');
  });
});
