import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigProblem } from '../../../src/config/config-file.js';
import { listRepoFiles } from '../../../src/config/repo-files.js';
import { prefetchManifests } from '../../../src/config/workspace-prefetch.js';
import { readWorkspace } from '../../../src/config/workspaces.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disbuild-workspace-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(files: Record<string, unknown>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), typeof content === 'string' ? content : JSON.stringify(content));
  }
}

describe('workspace manifests read ahead', () => {
  it('reads the manifests that plain names and one-segment wildcards find, nothing for other globs', async () => {
    await write({
      'package.json': { workspaces: ['packages/*', 'apps/web', '!packages/b', 'tools/**', 'libs/{x,y}'] },
      'packages/a/package.json': { name: 'a' },
      'packages/b/package.json': { name: 'b' },
      'packages/.hidden/package.json': { name: 'hidden' },
      'packages/node_modules/package.json': { name: 'nm' },
      'packages/none/index.js': '',
      'apps/web/package.json': { name: 'web' },
      'tools/t/package.json': { name: 't' },
      'libs/x/package.json': { name: 'x' },
    });
    // An exclusion only narrows what the listing keeps: reading one more is harmless.
    expect([...prefetchManifests(dir).keys()].sort()).toEqual([
      'apps/web/package.json',
      'package.json',
      'packages/a/package.json',
      'packages/b/package.json',
    ]);
  });

  it('reads nothing but the root manifest without workspaces, and nothing without a root manifest', async () => {
    await write({ 'package.json': '{not json', 'a/package.json': {} });
    expect([...prefetchManifests(dir).keys()]).toEqual(['package.json']);
    await rm(join(dir, 'package.json'));
    expect(prefetchManifests(dir).size).toBe(0);
  });

  it('does not wait on a FIFO where a manifest would be (git lists no such file: it was never read)', async () => {
    await write({
      'package.json': { workspaces: ['packages/*'] },
      'packages/b/package.json': { name: 'b' },
    });
    await mkdir(join(dir, 'packages/a'));
    execFileSync('mkfifo', [join(dir, 'packages/a/package.json')]);
    // In a process of its own: a read that waits for a writer would hang this one for good.
    const module = resolve('src/config/workspace-prefetch.ts');
    const code = `const { prefetchManifests } = await import(${JSON.stringify(module)});
      console.log(JSON.stringify([...prefetchManifests(${JSON.stringify(dir)}).keys()].sort()));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.signal).toBeNull();
    expect(JSON.parse(child.stdout)).toEqual(['package.json', 'packages/b/package.json']);
  });

  it('decides packages from the listing: texts read ahead stand in for listed files only', async () => {
    await write({
      'package.json': { workspaces: ['packages/*'] },
      'packages/a/package.json': { name: 'a', scripts: { build: 'x' } },
      'packages/b/package.json': { name: 'b' },
    });
    const files = await listRepoFiles(dir);
    const manifests = new Map([
      ['package.json', JSON.stringify({ workspaces: ['packages/*'], packageManager: 'yarn@4' })],
      ['packages/a/package.json', JSON.stringify({ name: 'a-ahead', scripts: { test: 'y' } })],
      // Not listed: not a package, whatever its text.
      ['packages/gone/package.json', JSON.stringify({ name: 'gone' })],
    ]);
    const problems: ConfigProblem[] = [];
    const ws = await readWorkspace(dir, files, problems, manifests);
    expect(problems).toEqual([]);
    expect(ws.manager).toBe('yarn');
    expect([...ws.packages.values()].map((p) => [p.name, p.dir, [...p.scripts.keys()]])).toEqual([
      ['a-ahead', 'packages/a', ['test']],
      ['b', 'packages/b', []],
    ]);
  });

  it('reads manifests that begin with a byte order mark, as npm does', async () => {
    const bom = (x: object): string => `\uFEFF${JSON.stringify(x)}`;
    await write({
      'package.json': bom({ workspaces: ['packages/*'] }),
      'packages/a/package.json': bom({ name: 'a', scripts: { build: 'x' } }),
    });
    const files = await listRepoFiles(dir);
    for (const manifests of [prefetchManifests(dir), undefined]) {
      const problems: ConfigProblem[] = [];
      const ws = await readWorkspace(dir, files, problems, manifests);
      expect(problems).toEqual([]);
      expect([...ws.packages.values()].map((p) => [p.name, [...p.scripts.keys()]])).toEqual([
        ['a', ['build']],
      ]);
    }
  });
});

describe('workspace dependencies', () => {
  it("follows pnpm's aliases of workspace packages to the package they name", async () => {
    // Before: `"my-a": "workspace:@org/a@*"` was known only by its key, no package's name, and b did not
    // depend on a (an edit of a rebuilt a alone).
    await write({
      'package.json': { name: 'root' },
      'pnpm-workspace.yaml': 'packages:\n  - "packages/*"\n',
      'packages/a/package.json': { name: '@org/a' },
      'packages/c/package.json': { name: 'c' },
      'packages/2fa/package.json': { name: '@acme/2fa' },
      'packages/3d/package.json': { name: '3d' },
      'packages/b/package.json': {
        name: '@org/b',
        dependencies: { 'my-a': 'workspace:@org/a@*', 'my-c': 'workspace:c@^1.0.0', x: 'workspace:*' },
        devDependencies: { c: 'workspace:^', lodash: 'npm:lodash@4', tfa: 'workspace:@acme/2fa@*' },
        optionalDependencies: { td: 'workspace:3d@^1.0.0', dot: 'workspace:.x@1', up: 'workspace:^1.0.0' },
      },
    });
    const problems: ConfigProblem[] = [];
    const ws = await readWorkspace(dir, await listRepoFiles(dir), problems);
    expect(problems).toEqual([]);
    expect(ws.packages.get('@org/b')?.deps).toEqual(['3d', '@acme/2fa', '@org/a', 'c']);
  });

  it('runs scripts with bun where the repository says bun is its package manager', async () => {
    // Before: `packageManager: "bun@1"` and bun's lock file were passed over, and scripts ran with `npm run`.
    await write({ 'package.json': { name: 'r', packageManager: 'bun@1.1.0' } });
    expect((await readWorkspace(dir, await listRepoFiles(dir), [])).manager).toBe('bun');
    await write({ 'package.json': { name: 'r' }, 'bun.lock': '{}' });
    expect((await readWorkspace(dir, await listRepoFiles(dir), [])).manager).toBe('bun');
  });
});
