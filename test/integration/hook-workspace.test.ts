import { existsSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
    // No worktree left but the one kept for the next push, and nothing its links led to was touched.
    expect(readdirSync(rig.path('clone/.git/disbuild-worktrees'))).toEqual(['kept']);
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

describe('the pre-push hook with installed packages in the checkout', () => {
  let rig: PushRig;
  /** The top of an npm workspace over packages/*, git ignoring node_modules and dist. */
  const workspaceRoot = {
    'package.json': JSON.stringify({ name: 'fx', private: true, workspaces: ['packages/*'] }),
    '.gitignore': 'node_modules/\ndist/\n',
    '.npmrc': 'update-notifier=false\n',
  };
  /** A package of it built by `build` into dist/. */
  const pkg = (name: string, build: string, deps: Record<string, string> = {}): string =>
    JSON.stringify({ name, version: '1.0.0', main: 'dist/index.js', scripts: { build }, dependencies: deps });
  beforeEach(async () => {
    rig = await PushRig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  for (const [dir, outputs] of [
    ['.cache/x', 'node_modules/.cache/x/**'],
    ['gen', 'node_modules/gen/*.txt'],
  ] as const) {
    it(`writes a job's outputs (${outputs}) in its worktree, never in the checkout's node_modules`, async () => {
      await rig.commit({
        'package.json': JSON.stringify({ name: 'app', private: true }),
        '.gitignore': 'node_modules/\n',
        'src.txt': 'one\n',
        'disbuild.json': JSON.stringify({
          tasks: {
            gen: {
              command: `mkdir -p node_modules/${dir} && cat src.txt > node_modules/${dir}/out.txt`,
              inputs: ['src.txt'],
              outputs: [outputs],
            },
          },
        }),
      });
      // Installed already in the checkout: the directory the job writes in.
      await mkdir(rig.path('clone/node_modules', dir), { recursive: true });
      expect((await rig.cli('hook', 'install')).code).toBe(0);
      const r = await rig.push('-q', 'origin', 'main');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/warning/);
      expect(existsSync(rig.path('clone/node_modules', dir, 'out.txt'))).toBe(false);
      // What the hook built is cached with its file: the checkout's run restores it.
      const run = await rig.cli('run');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/1 cached, 0 built/);
      expect(readFileSync(rig.path('clone/node_modules', dir, 'out.txt'), 'utf8')).toBe('one\n');
    }, 60_000);
  }

  it('builds a workspace package with packages of its own (a nested conflicting version) against them, and skips a manifest that is not an object', async () => {
    await rig.commit({
      ...workspaceRoot,
      'packages/a/package.json': pkg('@fx/a', 'mkdir -p dist && cp src/index.js dist/index.js'),
      'packages/a/src/index.js': "module.exports = 'a+' + require('dep');\n",
      'packages/b/package.json': pkg(
        '@fx/b',
        `mkdir -p dist && node -e 'console.log(require("@fx/a"))' > dist/out.txt`,
        { '@fx/a': '1.0.0' },
      ),
      'packages/b/src.txt': 'one\n',
      'tools/gen/package.json': 'null\n',
      'disbuild.json': JSON.stringify({
        tasks: { build: { script: 'build', outputs: ['dist/**'], deps: ['^build'] } },
      }),
    });
    // As npm leaves a version that conflicts with the root's: nested in the package that needs it.
    await mkdir(rig.path('clone/packages/a/node_modules/dep'), { recursive: true });
    writeFileSync(rig.path('clone/packages/a/node_modules/dep/index.js'), "module.exports = 'dep1';\n");
    await mkdir(rig.path('clone/node_modules/@fx'), { recursive: true });
    symlinkSync('../../packages/a', rig.path('clone/node_modules/@fx/a'));
    symlinkSync('../tools/gen', rig.path('clone/node_modules/gen'));
    const built = await rig.cli('run');
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(rig.path('clone/packages/b/dist/out.txt'), 'utf8')).toBe('a+dep1\n');
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    await rig.commit({ 'packages/b/src.txt': 'two\n' });
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    await rm(rig.path('clone/packages/b/dist'), { recursive: true });
    const run = await rig.cli('run');
    expect(run.stdout).toMatch(/2 cached, 0 built/);
    expect(readFileSync(rig.path('clone/packages/b/dist/out.txt'), 'utf8')).toBe('a+dep1\n');
  }, 60_000);

  it("gives the worktree the packages' own node_modules (pnpm's layout), with the workspace package it builds", async () => {
    await rig.commit({
      ...workspaceRoot,
      'packages/a/package.json': pkg('@fx/a', 'mkdir -p dist && cp src/index.js dist/index.js', {
        dep: '1.0.0',
      }),
      'packages/a/src/index.js': "module.exports = 'a+' + require('dep');\n",
      'packages/b/package.json': pkg(
        '@fx/b',
        'mkdir -p dist node_modules/.cache && node -e \'console.log(require("@fx/a"))\' > dist/out.txt && cat src.txt >> dist/out.txt' +
          ' && echo x > node_modules/.cache/made && echo x > node_modules/.bin/made',
        { '@fx/a': '1.0.0' },
      ),
      'packages/b/src.txt': 'one\n',
      'disbuild.json': JSON.stringify({
        tasks: { build: { script: 'build', outputs: ['dist/**'], deps: ['^build'] } },
      }),
    });
    // As pnpm installs a workspace (npm's `install-strategy=nested` too): each package's dependencies in a
    // node_modules of its own, links into the root's store, and a workspace dependency as a link to the package's
    // directory. The checkout never built `a`.
    await mkdir(rig.path('clone/node_modules/.pnpm/dep@1.0.0/node_modules/dep'), { recursive: true });
    writeFileSync(
      rig.path('clone/node_modules/.pnpm/dep@1.0.0/node_modules/dep/index.js'),
      "module.exports = 'dep1';\n",
    );
    await mkdir(rig.path('clone/packages/a/node_modules'), { recursive: true });
    symlinkSync(
      '../../../node_modules/.pnpm/dep@1.0.0/node_modules/dep',
      rig.path('clone/packages/a/node_modules/dep'),
    );
    await mkdir(rig.path('clone/packages/b/node_modules/@fx'), { recursive: true });
    await mkdir(rig.path('clone/packages/b/node_modules/.cache'), { recursive: true });
    await mkdir(rig.path('clone/packages/b/node_modules/.bin'), { recursive: true });
    symlinkSync('../../../a', rig.path('clone/packages/b/node_modules/@fx/a'));
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(rig.path('clone/packages/a/dist'))).toBe(false);
    // Nothing written through to the checkout, nothing of it changed, and the worktree gone.
    expect(existsSync(rig.path('clone/packages/b/node_modules/.cache/made'))).toBe(false);
    expect(readdirSync(rig.path('clone/packages/b/node_modules/.bin'))).toEqual([]);
    expect(readlinkSync(rig.path('clone/packages/b/node_modules/@fx/a'))).toBe('../../../a');
    expect(readdirSync(rig.path('clone/packages/a/node_modules'))).toEqual(['dep']);
    expect(readdirSync(rig.path('clone/.git/disbuild-worktrees'))).toEqual(['kept']);
    // What the hook built is what the checkout builds.
    const run = await rig.cli('run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/2 cached, 0 built/);
    expect(readFileSync(rig.path('clone/packages/b/dist/out.txt'), 'utf8')).toBe('a+dep1\none\n');
    // b alone built by the hook, against a restored from the cache: a's own node_modules goes with it.
    await rig.commit({ 'packages/b/src.txt': 'two\n' });
    const again = await rig.push('-q', 'origin', 'main');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/1 built/);
    const after = await rig.cli('run');
    expect(after.stdout).toMatch(/2 cached, 0 built/);
    expect(readFileSync(rig.path('clone/packages/b/dist/out.txt'), 'utf8')).toBe('a+dep1\ntwo\n');
  }, 60_000);

  it("gives the worktree every package's own node_modules, whichever the jobs run in; a package that is a file in the checkout is passed over", async () => {
    await rig.commit({
      ...workspaceRoot,
      'tools/gen/package.json': JSON.stringify({ name: 'gen', version: '1.0.0' }),
      'tools/gen/gen.js': "console.log('gen+' + require('dep'));\n",
      'x/package.json': JSON.stringify({ name: 'x', version: '1.0.0' }),
      'packages/b/package.json': JSON.stringify({
        name: '@fx/b',
        version: '1.0.0',
        scripts: {
          build: 'mkdir -p dist && node ../../tools/gen/gen.js > dist/out.txt && cat src.txt >> dist/out.txt',
        },
      }),
      'packages/b/src.txt': 'one\n',
      'disbuild.json': JSON.stringify({
        tasks: { build: { script: 'build', outputs: ['dist/**'] } },
      }),
    });
    await mkdir(rig.path('clone/tools/gen/node_modules/dep'), { recursive: true });
    writeFileSync(rig.path('clone/tools/gen/node_modules/dep/index.js'), "module.exports = 'dep1';\n");
    await rm(rig.path('clone/x'), { recursive: true });
    writeFileSync(rig.path('clone/x'), 'not a directory\n');
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(rig.path('clone/packages/b/dist'))).toBe(false);
    await rm(rig.path('clone/x'));
    await rig.git(rig.clone, 'checkout', '--', 'x');
    const run = await rig.cli('run');
    expect(run.stdout).toMatch(/1 cached, 0 built/);
    expect(readFileSync(rig.path('clone/packages/b/dist/out.txt'), 'utf8')).toBe('gen+dep1\none\n');
  }, 60_000);

  it("leaves a package's own node_modules entries an output glob may match to the build: none is the checkout's", async () => {
    await rig.commit({
      ...workspaceRoot,
      'packages/b/package.json': pkg(
        '@fx/b',
        'mkdir -p node_modules/gen-x && cp src.txt node_modules/gen-x/out.txt',
      ),
      'packages/b/src.txt': 'one\n',
      'disbuild.json': JSON.stringify({
        tasks: { build: { script: 'build', outputs: ['node_modules/gen-*/out.txt'] } },
      }),
    });
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const built = await rig.cli('run');
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(rig.path('clone/packages/b/node_modules/gen-x/out.txt'), 'utf8')).toBe('one\n');
    await rig.commit({ 'packages/b/src.txt': 'two\n' });
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
    // The checkout's file is as its own run left it; its next run restores what the hook built.
    expect(readFileSync(rig.path('clone/packages/b/node_modules/gen-x/out.txt'), 'utf8')).toBe('one\n');
    const run = await rig.cli('run');
    expect(run.stdout).toMatch(/1 cached, 0 built/);
    expect(readFileSync(rig.path('clone/packages/b/node_modules/gen-x/out.txt'), 'utf8')).toBe('two\n');
  }, 60_000);

  it("leaves a workspace package whose importers' files the graph does not build as the checkout has it (its dist/ from npm install)", async () => {
    await rig.commit({
      'package.json': JSON.stringify({ name: 'fx', private: true, workspaces: ['packages/*'] }),
      '.gitignore': 'node_modules/\ndist/\ncoverage/\n',
      'packages/a/package.json': JSON.stringify({
        name: '@fx/a',
        version: '1.0.0',
        main: 'dist/index.js',
        scripts: { test: 'mkdir -p coverage && echo ok > coverage/lcov.info' },
      }),
      'packages/b/package.json': JSON.stringify({
        name: '@fx/b',
        version: '1.0.0',
        scripts: { test: `node -e "require('@fx/a')"` },
        dependencies: { '@fx/a': '1.0.0' },
      }),
      '.npmrc': 'update-notifier=false\n',
      // a's job has in-place outputs, but not the files its importers read.
      'disbuild.json': JSON.stringify({ tasks: { test: { script: 'test', outputs: ['coverage/**'] } } }),
    });
    // As `npm install` leaves it, a's `prepare` having made its dist/.
    await mkdir(rig.path('clone/packages/a/dist'), { recursive: true });
    writeFileSync(rig.path('clone/packages/a/dist/index.js'), 'module.exports = 1;\n');
    await mkdir(rig.path('clone/node_modules/@fx'), { recursive: true });
    symlinkSync('../../packages/a', rig.path('clone/node_modules/@fx/a'));
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);
});

describe('the pre-push hook on an npm workspace built by one root task', () => {
  let rig: PushRig;
  beforeAll(async () => {
    rig = await PushRig.create();
    await rig.commit(
      {
        ...npmWorkspaceFiles,
        'disbuild.json': JSON.stringify({
          tasks: {
            build: {
              command: 'cd packages/a && tsc -p . && cd ../b && tsc -p .',
              inputs: ['packages/*/src/**', 'packages/*/package.json', 'packages/*/tsconfig.json'],
              outputs: ['packages/*/dist/**'],
            },
          },
        }),
      },
      'fixture',
    );
    await linkModules(rig.clone);
    expect((await rig.cli('hook', 'install')).code).toBe(0);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it("builds against the workspace package as pushed, the checkout's never built, whatever globs name its files", async () => {
    const r = await rig.push('-q', 'origin', 'main');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(rig.path('clone/packages/a/dist'))).toBe(false);
  }, 60_000);
});
