import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/config-file.js';
import { importTurbo } from '../../../src/config/import-turbo.js';
import { compileConfig } from '../../../src/config/load-config.js';
import { listRepoFiles } from '../../../src/config/repo-files.js';
import { readWorkspace } from '../../../src/config/workspaces.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disbuild-turbo-'));
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

const scripts = { build: 'tsc', test: 'vitest', lint: 'eslint .', typecheck: 'tsc --noEmit', dev: 'vite' };

const turbo = {
  $schema: 'https://turbo.build/schema.json',
  globalEnv: ['CI'],
  globalDependencies: ['.env'],
  tasks: {
    build: {
      dependsOn: ['^build'],
      inputs: ['src/**', 'tsconfig.json', '$TURBO_ROOT$/tsconfig.base.json'],
      outputs: ['dist/**'],
      env: ['NODE_ENV'],
    },
    test: { dependsOn: ['build'], inputs: ['$TURBO_DEFAULT$', '!README.md'] },
    lint: {},
    typecheck: { dependsOn: ['^build'], outputLogs: 'errors-only' },
    deploy: { dependsOn: ['build', 'test', 'web#e2e'], cache: false },
    dev: { persistent: true, cache: false },
  },
};

const handWritten = {
  tasks: {
    build: {
      script: 'build',
      deps: ['^build'],
      inputs: ['src/**', 'tsconfig.json', '//tsconfig.base.json', '//.env'],
      outputs: ['dist/**'],
      env: ['CI', 'NODE_ENV'],
    },
    test: { script: 'test', deps: ['build'], inputs: ['**', '!README.md', '//.env'], env: ['CI'] },
    lint: { script: 'lint', inputs: ['**', '//.env'], env: ['CI'] },
    typecheck: { script: 'typecheck', deps: ['^build'], inputs: ['**', '//.env'], env: ['CI'] },
    deploy: { script: 'deploy', deps: ['build', 'test'], inputs: ['**', '//.env'], env: ['CI'] },
  },
};

describe('importTurbo', () => {
  it('translates a five-task turbo.json into a config whose graph equals a hand-written one', async () => {
    await write({
      'package.json': { name: 'root', workspaces: ['apps/*', 'packages/*'] },
      '.env': 'A=1',
      'tsconfig.base.json': '{}',
      'packages/ui/package.json': { name: 'ui', scripts },
      'packages/ui/src/index.ts': '',
      'packages/ui/tsconfig.json': '{}',
      'packages/ui/README.md': '',
      'apps/web/package.json': {
        name: 'web',
        scripts: { ...scripts, deploy: 'vercel' },
        dependencies: { ui: '*' },
      },
      'apps/web/src/main.ts': '',
      'apps/web/tsconfig.json': '{}',
    });
    const problems: never[] = [];
    const ws = await readWorkspace(dir, await listRepoFiles(dir), problems);
    const imported = importTurbo(turbo, ws);
    expect(imported.notes).toEqual([
      'deploy: dependsOn "web#e2e" (a package-specific task) not translated',
      'deploy: "cache": false not translated; disbuild caches every task by its inputs, command and env',
      'dev: persistent (long-running) task left out: a build graph only runs tasks that finish',
    ]);
    // What the command writes is a valid disbuild.json.
    const written = parseConfigText(JSON.stringify(imported.config));
    const expected = parseConfigText(JSON.stringify(handWritten));
    if (!written.ok || !expected.ok) throw new Error('invalid config');
    const env = { CI: '1', NODE_ENV: 'production' };
    const a = await compileConfig(dir, { tasks: written.value.tasks! }, env);
    const b = await compileConfig(dir, { tasks: expected.value.tasks! }, env);
    if (!a.ok || !b.ok) throw new Error(JSON.stringify([a, b]));
    expect(a.value.json).toEqual(b.value.json);
    // Files at the repository's root (`//`, Turborepo's `$TURBO_ROOT$/` and globalDependencies) are inputs.
    expect(a.value.json.Jobs.find((j) => j.Name === 'web#build')!.Inputs).toEqual([
      '.env',
      'apps/web/package.json',
      'apps/web/src/main.ts',
      'apps/web/tsconfig.json',
      'tsconfig.base.json',
    ]);
    expect(a.value.json.Jobs.map((j) => j.Name)).toEqual([
      'ui#build',
      'ui#lint',
      'ui#test',
      'ui#typecheck',
      'web#build',
      'web#deploy',
      'web#lint',
      'web#test',
      'web#typecheck',
    ]);
  });

  it("drops a dependency on a task left out, and keeps the package's files under exclusions alone", async () => {
    await write({
      'package.json': { name: 'root', workspaces: ['packages/*'] },
      'packages/a/package.json': { name: 'a', scripts: { build: 'tsc', lint: 'eslint .' } },
      'packages/a/src/index.ts': '',
      'packages/a/README.md': '',
    });
    const ws = await readWorkspace(dir, await listRepoFiles(dir), []);
    const imported = importTurbo(
      {
        tasks: {
          build: { dependsOn: ['dev', '^codegen'] },
          dev: { persistent: true },
          lint: { inputs: ['!**/*.md'] },
        },
      },
      ws,
    );
    expect(imported.config.tasks).toEqual({
      build: { script: 'build' },
      lint: { script: 'lint', inputs: ['**', '!**/*.md'] },
    });
    expect(imported.notes).toContain('build: dependsOn "dev" names a task left out above; dropped');
    expect(imported.notes).toContain('build: dependsOn "^codegen" names a task left out above; dropped');
    // And the compiler takes what the import wrote.
    const written = parseConfigText(JSON.stringify(imported.config));
    if (!written.ok) throw new Error('invalid config');
    const compiled = await compileConfig(dir, { tasks: written.value.tasks! }, {});
    expect(compiled.ok, JSON.stringify(compiled)).toBe(true);
  });

  it("takes Turborepo 1's `$NAME` among globalDependencies as an environment variable of every task", async () => {
    // Before: it became the input `//$GITHUB_TOKEN`, dropped as matching no file, and the variable keyed nothing.
    await write({
      'package.json': { name: 'root', workspaces: ['packages/*'] },
      'packages/a/package.json': { name: 'a', scripts: { build: 'tsc' } },
    });
    const ws = await readWorkspace(dir, await listRepoFiles(dir), []);
    const imported = importTurbo(
      {
        globalEnv: ['CI'],
        globalDependencies: ['$GITHUB_TOKEN', 'tsconfig.json'],
        pipeline: { build: { dependsOn: ['$NODE_ENV'] } },
      },
      ws,
    );
    expect(imported.config.tasks).toEqual({
      build: { script: 'build', inputs: ['**', '//tsconfig.json'], env: ['CI', 'GITHUB_TOKEN', 'NODE_ENV'] },
    });
    // A name that is no variable's is said and left out, as in globalEnv (before: written, and the graph refused).
    const bad = importTurbo(
      { globalDependencies: ['$other-bad', '$'], pipeline: { build: { dependsOn: ['$a-b'] } } },
      ws,
    );
    expect(bad.config.tasks).toEqual({ build: { script: 'build' } });
    expect(bad.notes).toEqual([
      'globalDependencies $ "other-bad" not translated (disbuild names variables one by one)',
      'globalDependencies $ "" not translated (disbuild names variables one by one)',
      'build: dependsOn $ "a-b" not translated (disbuild names variables one by one)',
    ]);
  });

  it('says what it leaves out of a turbo.json holding both `tasks` and `pipeline`, or a task that is not an object', async () => {
    await write({
      'package.json': { name: 'root', workspaces: ['packages/*'] },
      'packages/a/package.json': {
        name: 'a',
        scripts: { build: 'tsc', lint: 'x', test: 'y', typecheck: 'z' },
      },
    });
    const ws = await readWorkspace(dir, await listRepoFiles(dir), []);
    const imported = importTurbo(
      { pipeline: { test: {} }, tasks: { build: {}, lint: true, typecheck: null } },
      ws,
    );
    expect(Object.keys(imported.config.tasks)).toEqual(['build']);
    expect(imported.notes).toEqual([
      'pipeline: not translated (Turborepo reads "tasks" when both are there)',
      'lint: not an object; left out',
      'typecheck: not an object; left out',
    ]);
    expect(importTurbo({ tasks: [] }, ws).notes).toEqual(['tasks: not an object; not translated']);
  });
});
