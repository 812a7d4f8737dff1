import { readFile } from 'node:fs/promises';
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
});
