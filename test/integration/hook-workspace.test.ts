import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushRig } from '../helpers/git-repo.js';
import { linkModules, npmWorkspaceFiles } from '../helpers/npm-workspace.js';

/**
 * The hook builds the pushed commit in a worktree of its own: a package importing another of the workspace
 * (`@fx/b` imports `@fx/a`) must get that package as the pushed commit has it, built there, never the checkout's.
 */
describe('the pre-push hook on an npm workspace', () => {
  let rig: PushRig;
  beforeAll(async () => {
    rig = await PushRig.create();
    await rig.commit(npmWorkspaceFiles, 'fixture');
    await linkModules(rig.clone);
    expect((await rig.cli('hook', 'install')).code).toBe(0);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it("builds a package against its workspace dependency as pushed, with the checkout's never built", async () => {
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(rig.path('clone/packages/a/dist'))).toBe(false);
    // The worktree went with its links, and nothing they led to.
    expect(readdirSync(rig.path('clone/.git/disbuild-worktrees'))).toEqual([]);
    expect(readlinkSync(rig.path('clone/node_modules/@fx/a'))).toBe('../../packages/a');
    expect(existsSync(rig.path('clone/node_modules/.bin/tsc'))).toBe(true);
    expect(existsSync(rig.path('clone/node_modules/typescript/package.json'))).toBe(true);
  }, 60_000);

  it("builds a package against its workspace dependency as pushed, with the checkout's built from another commit", async () => {
    expect((await rig.cli('run')).code).toBe(0);
    // `a` renamed in the commit pushed; the checkout's packages/a/dist still has the old name.
    await rig.commit({
      'packages/a/src/index.ts': "export const a2 = (): string => 'a';\n",
      'packages/b/src/index.ts': "import { a2 } from '@fx/a';\nexport const b = (): string => a2() + 'b';\n",
    });
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);
});
