import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatConfigProblem, parseConfigText } from '../../../src/config/config-file.js';
import { compileConfig, readConfigSource } from '../../../src/config/load-config.js';
import { taskLabel } from '../../../src/config/compile.js';
import { compileOutputGlobs } from '../../../src/executor/output-globs.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disbuild-config-'));
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

const pkg = (name: string, deps: Record<string, string> = {}, scripts = { build: 'tsc' }): unknown => ({
  name,
  scripts,
  dependencies: deps,
});

async function compile(env: NodeJS.ProcessEnv = {}): Promise<ReturnType<typeof compileConfig>> {
  const source = await readConfigSource(dir);
  if (!source?.ok || source.value.kind !== 'tasks') throw new Error(JSON.stringify(source));
  return compileConfig(dir, source.value.config, env);
}

async function errors(): Promise<string[]> {
  const r = await compile();
  if (r.ok) throw new Error('expected problems');
  return r.error.map(formatConfigProblem);
}

const workspace = {
  'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
  'packages/a/package.json': pkg('@x/a'),
  'packages/a/src/index.ts': 'export const a = 1;',
  'packages/b/package.json': pkg('@x/b', { '@x/a': '*' }),
  'packages/b/src/index.ts': 'export const b = 2;',
  'packages/c/package.json': pkg('@x/c', {}, { test: 'true' } as never),
  'packages/c/src/index.ts': '',
};

describe('compileConfig', () => {
  it('takes `inputs: []` as a task that reads no file', async () => {
    await write({
      'a.txt': '',
      'disbuild.json': { tasks: { hello: { command: 'echo hello', inputs: [] } } },
    });
    const r = await compile();
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.json.Jobs[0]!.Inputs).toEqual([]);
  });

  it("takes `cwd` as a directory, not a glob: `sub/`, `./sub` and `sub` are the same, `.` is the task's own", async () => {
    const tasks = {
      a: { command: 'true', cwd: 'sub/' },
      b: { command: 'true', cwd: './sub' },
      c: { command: 'true', cwd: 'sub' },
      d: { command: 'true', cwd: '.' },
    };
    await write({
      'sub/x.txt': '',
      'disbuild.json': { tasks: { ...tasks, e: { command: 'true', cwd: '../up' } } },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "e" cwd: must stay inside its directory, got "../up"',
    ]);
    await write({ 'disbuild.json': { tasks } });
    const r = await compile();
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.json.Jobs.map((j) => j.Cmds[0]!.WorkingDirectory)).toEqual(['sub', 'sub', 'sub', '']);
  });

  it("refuses outputs inside .git and a command task's outputs of the whole repository, as written", async () => {
    // Before: `.git/hooks/**` was accepted, and clearing and restoring it deleted git's own hooks; `"."` was
    // reported as the compiled graph's `Outputs[0]` with the value "**".
    await write({
      'a.txt': '',
      'disbuild.json': {
        tasks: {
          hooks: { command: 'true', inputs: ['a.txt'], outputs: ['.git/hooks/**', 'sub/.GIT/x', '!.git'] },
          all: { command: 'true', inputs: ['a.txt'], outputs: ['.'] },
          stars: { command: 'true', inputs: ['a.txt'], outputs: ['**/*', '!**'] },
        },
      },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "all" outputs[0]: must not be the whole repository, got "."',
      'disbuild.json task "hooks" outputs[0]: must not be inside .git (git\'s own files), got ".git/hooks/**"',
      'disbuild.json task "hooks" outputs[1]: must not be inside .git (git\'s own files), got "sub/.GIT/x"',
      'disbuild.json task "hooks" outputs[2]: must not be inside .git (git\'s own files), got "!.git"',
      'disbuild.json task "stars" outputs[0]: must not be the whole repository, got "**/*"',
    ]);
  });

  it('keys a task with the files of the packages its `^task` passes through, which lack the script', async () => {
    // Before: app#build read none of types' files (types has no build script: it is consumed from source), so an
    // edit of types, or of its package.json, left app's key, and its dist/, as they were.
    await write({
      'package.json': { name: 'root', private: true, workspaces: ['packages/*'] },
      'packages/app/package.json': { name: 'app', dependencies: { types: '*' }, scripts: { build: 'x' } },
      'packages/app/src/main.ts': '',
      'packages/types/package.json': { name: 'types', dependencies: { core: '*' } },
      'packages/types/src/index.ts': '',
      'packages/types/README.md': '',
      'packages/core/package.json': { name: 'core', scripts: { build: 'x' } },
      'packages/core/src/core.ts': '',
      'packages/lone/package.json': { name: 'lone', dependencies: { types: '*' }, scripts: { test: 'x' } },
      'disbuild.json': {
        tasks: {
          build: { script: 'build', inputs: ['src/**'], deps: ['^build'] },
          test: { script: 'test', inputs: ['**'] },
        },
      },
    });
    const r = await compile();
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const job = (name: string): { ID: string; Inputs: string[]; Deps: string[] } =>
      r.value.json.Jobs.find((j) => j.Name === name)!;
    expect(job('app#build').Inputs).toEqual([
      'packages/app/package.json',
      'packages/app/src/main.ts',
      'packages/types/package.json',
      'packages/types/src/index.ts',
    ]);
    expect(job('app#build').Deps).toEqual([job('core#build').ID]);
    expect(job('core#build').Inputs).toEqual(['packages/core/package.json', 'packages/core/src/core.ts']);
    // A task without `^` reads its own package alone.
    expect(job('lone#test').Inputs).toEqual(['packages/lone/package.json']);
  });

  it("rebases a package's outputs onto its directory as a path, characters a glob reads included", async () => {
    await write({
      'package.json': { name: 'root', private: true, workspaces: ['apps/*'] },
      'apps/(marketing)/package.json': pkg('mkt'),
      'apps/(marketing)/src/index.ts': '',
      'apps/plain/package.json': pkg('plain'),
      'apps/plain/src/index.ts': '',
      'apps/ui{old}/package.json': pkg('old'),
      'apps/ui{old}/src/index.ts': '',
      'disbuild.json': { tasks: { build: { script: 'build', outputs: ['dist/**', '!dist/tmp/**'] } } },
    });
    const r = await compile();
    if (!r.ok) throw new Error(r.error.map(formatConfigProblem).join('\n'));
    const [mkt, old, plain] = r.value.json.Jobs;
    // Its directory is walked, not the whole pattern taken for a path (picomatch's scan of an escaped brace).
    expect(compileOutputGlobs(old!.Outputs!).bases).toEqual(['apps/ui{old}/dist']);
    // Before: `apps/(marketing)/dist/**` matched none of its own files (picomatch reads `(…)` as a group).
    expect(mkt!.Outputs).toEqual(['apps/\\(marketing\\)/dist/**', '!apps/\\(marketing\\)/dist/tmp/**']);
    const globs = compileOutputGlobs(mkt!.Outputs!);
    expect(globs.bases).toEqual(['apps/(marketing)/dist']);
    expect(globs.matches('apps/(marketing)/dist/x.js')).toBe(true);
    expect(globs.matches('apps/(marketing)/dist/tmp/x.js')).toBe(false);
    expect(globs.matches('apps/marketing/dist/x.js')).toBe(false);
    // A plain directory keeps its outputs as they were (and its keys).
    expect(plain!.Outputs).toEqual(['apps/plain/dist/**', '!apps/plain/dist/tmp/**']);
  });

  it('compiles workspace and root tasks to a deterministic graph', async () => {
    await write({
      ...workspace,
      'eslint.config.js': '',
      'packages/a/dist/index.js': 'generated',
      'disbuild.json': {
        tasks: {
          build: { script: 'build', outputs: ['dist/**'], deps: ['^build'], env: ['NODE_ENV', 'UNSET'] },
          lint: { command: 'eslint .', inputs: ['**/*.ts', 'eslint.config.js'], deps: ['build'] },
        },
      },
    });
    const r = await compile({ NODE_ENV: 'production' });
    if (!r.ok) throw new Error(r.error.map(formatConfigProblem).join('\n'));
    const jobs = r.value.json.Jobs;
    expect(jobs.map((j) => j.Name)).toEqual(['@x/a#build', '@x/b#build', 'lint']);
    const [a, b, lint] = jobs;
    expect(a!.ID).toBe(taskLabel('build', '@x/a'));
    // Outputs never count as inputs, and a script task reads its package.json.
    expect(a!.Inputs).toEqual(['packages/a/package.json', 'packages/a/src/index.ts']);
    expect(a!.Outputs).toEqual(['packages/a/dist/**']);
    expect(a!.Cmds).toEqual([
      { Exec: ['npm', 'run', 'build'], Environ: ['NODE_ENV=production'], WorkingDirectory: 'packages/a' },
    ]);
    expect(b!.Deps).toEqual([a!.ID]);
    expect(lint!.Deps).toEqual([a!.ID, b!.ID].sort());
    expect(lint!.Inputs).toEqual([
      'eslint.config.js',
      'packages/a/src/index.ts',
      'packages/b/src/index.ts',
      'packages/c/src/index.ts',
    ]);
    expect(lint!.Cmds[0]!.Exec).toEqual(['sh', '-c', 'eslint .']);
    const again = await compile({ NODE_ENV: 'production' });
    expect(JSON.stringify(again.ok && again.value.json)).toBe(JSON.stringify(r.value.json));
  });

  it("makes the root's lock files inputs of every script task, whatever its inputs", async () => {
    await write({
      ...workspace,
      'package-lock.json': '{}',
      'yarn.lock': '',
      'disbuild.json': {
        tasks: {
          build: { script: 'build', inputs: ['src/**'] },
          lint: { command: 'true', inputs: ['packages/*/src/**'] },
        },
      },
    });
    const r = await compile();
    if (!r.ok) throw new Error(r.error.map(formatConfigProblem).join('\n'));
    const [a, b, lint] = r.value.json.Jobs;
    // Before: upgrading a dependency changed no key, and every package's build stayed cached.
    expect(a!.Inputs).toEqual([
      'package-lock.json',
      'packages/a/package.json',
      'packages/a/src/index.ts',
      'yarn.lock',
    ]);
    expect(b!.Inputs).toContain('package-lock.json');
    // A command task reads what its globs say.
    expect(lint!.Inputs).not.toContain('package-lock.json');
  });

  it("makes the package managers' settings inputs of every script task: the root's, and the package's .npmrc", async () => {
    await write({
      ...workspace,
      '.npmrc': 'build-mode=debug\n',
      '.yarnrc.yml': 'nodeLinker: node-modules\n',
      'bunfig.toml': '',
      'packages/b/.npmrc': 'script-shell=/bin/bash\n',
      'disbuild.json': {
        tasks: {
          build: { script: 'build', inputs: ['src/**'] },
          lint: { command: 'true', inputs: ['packages/*/src/**'] },
        },
      },
    });
    const r = await compile();
    if (!r.ok) throw new Error(r.error.map(formatConfigProblem).join('\n'));
    const [a, b, lint] = r.value.json.Jobs;
    // Before: a setting its script reads (npm_config_build_mode) changed no key.
    expect(a!.Inputs).toEqual([
      '.npmrc',
      '.yarnrc.yml',
      'bunfig.toml',
      'packages/a/package.json',
      'packages/a/src/index.ts',
    ]);
    expect(b!.Inputs).toContain('packages/b/.npmrc');
    expect(lint!.Inputs).not.toContain('.npmrc');
  });

  it('does not make a lock file some task writes an input of the script tasks', async () => {
    await write({
      ...workspace,
      'package-lock.json': '{}',
      'disbuild.json': {
        tasks: {
          lock: { command: 'npm install', inputs: ['package.json'], outputs: ['package-lock.json'] },
          build: { script: 'build', inputs: ['src/**'], deps: ['lock'] },
        },
      },
    });
    const r = await compile();
    if (!r.ok) throw new Error(r.error.map(formatConfigProblem).join('\n'));
    // Before: outputs are never inputs, but the lock file was, and every run rebuilt every package.
    expect(r.value.json.Jobs[0]!.Inputs).toEqual(['packages/a/package.json', 'packages/a/src/index.ts']);
  });

  it("says that a command's inputs are relative to the repository root when one with a cwd matches nothing", async () => {
    await write({
      ...workspace,
      'lib/l.txt': 'l',
      'disbuild.json': {
        tasks: {
          lib: { command: 'cp l.txt out/', cwd: 'lib', inputs: ['l.txt'], outputs: ['lib/out/**'] },
          top: { command: 'true', inputs: ['nothing.txt'] },
        },
      },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "lib" inputs[0]: "l.txt" matches no file (inputs are relative to the directory of disbuild.json, not to the task\'s cwd "lib")',
      'disbuild.json task "top" inputs[0]: "nothing.txt" matches no file',
    ]);
  });

  it('says that an input naming a directory takes no file, and what does', async () => {
    await write({
      ...workspace,
      'lib/l.txt': 'l',
      'disbuild.json': {
        tasks: {
          top: { command: 'true', inputs: ['lib'] },
          build: { script: 'build', inputs: ['src'] },
        },
      },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "build" inputs[0]: "src" matches no file in any package with the script "build"; it is a directory: "src/**" takes its files',
      'disbuild.json task "top" inputs[0]: "lib" matches no file; it is a directory: "lib/**" takes its files',
    ]);
  });

  it('reads inputs beginning with // from the repository root, for any task', async () => {
    await write({
      ...workspace,
      'tsconfig.base.json': '{}',
      'config/a.json': '{}',
      'config/b.json': '{}',
      'disbuild.json': {
        tasks: {
          build: {
            script: 'build',
            inputs: ['src/**', '//tsconfig.base.json', '//config/*.json', '!//config/b.json'],
          },
          lint: { command: 'true', inputs: ['//missing/**', 'packages/a/src/**', '//nothing.json'] },
        },
      },
    });
    // Before: `must be relative` — a file every package's build reads could enter no key but through a root task.
    expect(await errors()).toEqual([
      'disbuild.json task "lint" inputs[0]: "//missing/**" matches no file',
      'disbuild.json task "lint" inputs[2]: "//nothing.json" matches no file',
    ]);
    await write({ 'missing/x': '', 'nothing.json': '' });
    const r = await compile();
    if (!r.ok) throw new Error(r.error.map(formatConfigProblem).join('\n'));
    const [a, , lint] = r.value.json.Jobs;
    expect(a!.Inputs).toEqual([
      'config/a.json',
      'packages/a/package.json',
      'packages/a/src/index.ts',
      'tsconfig.base.json',
    ]);
    expect(lint!.Inputs).toEqual(['missing/x', 'nothing.json', 'packages/a/src/index.ts']);
    // `!//…` excludes from every glob's files; and a `//` glob stays inside the repository.
    await write({
      'disbuild.json': {
        tasks: {
          docs: { command: 'true', inputs: ['config/**', '!//config/b.json'] },
          up: { command: 'true', inputs: ['///x', '//../x'] },
        },
      },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "up" inputs[0]: must stay inside the repository, got "///x"',
      'disbuild.json task "up" inputs[1]: must stay inside the repository, got "//../x"',
    ]);
    await write({
      'disbuild.json': { tasks: { docs: { command: 'true', inputs: ['config/**', '!//config/b.json'] } } },
    });
    const docs = await compile();
    expect(docs.ok && docs.value.json.Jobs[0]!.Inputs).toEqual(['config/a.json']);
  });

  it('names every file declaring a package name twice, and makes up no cycle through either', async () => {
    await write({
      'package.json': { name: 'root', workspaces: ['apps/*', 'packages/*'] },
      'apps/web/package.json': pkg('web', { ui: '*' }),
      // A copy of `web` that kept the name of `core`: before, it took the name, and `ui` -> `core` -> `ui` was a
      // cycle.
      'apps/web2/package.json': pkg('core', { ui: '*' }),
      'packages/core/package.json': pkg('core'),
      'packages/ui/package.json': pkg('ui', { core: '*' }),
      'disbuild.json': { tasks: { build: { script: 'build', deps: ['^build'] } } },
    });
    expect(await errors()).toEqual([
      'packages/core/package.json name: package core is declared twice: in apps/web2/package.json, packages/core/package.json',
    ]);
  });

  it('reports a `workspaces` field of the wrong type, and nothing that follows from it', async () => {
    await write({
      'package.json': { name: 'root', workspaces: 'packages/*' },
      'packages/a/package.json': pkg('a'),
      'disbuild.json': { tasks: { build: { script: 'build' } } },
    });
    // Before: only `the root package.json has no a script "build"`, then that and the field's problem; the
    // packages were never read, so no package lacking the script is a problem of its own.
    expect(await errors()).toEqual([
      'package.json workspaces: must be a list of globs, or an object whose "packages" is one',
    ]);
  });

  it('says when an input path matches no file because git ignores the file there', async () => {
    // Before: `".env.local" matches no file`, of a file the user could see.
    await write({
      '.gitignore': '.env*.local\n',
      'package.json': { name: 'root', workspaces: ['apps/*'] },
      'apps/web/package.json': pkg('web'),
      'apps/web/.env.local': 'A=1\n',
      'disbuild.json': {
        tasks: {
          build: { script: 'build', inputs: ['**', '.env.local'] },
          root: {
            command: 'true',
            inputs: ['//apps/web/.env.local', 'nothing-here.txt', '.git/HEAD', 'out/s.txt'],
          },
        },
      },
    });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    // There but not ignored: under .git, and beyond a link to a directory (before: "git ignores it" of both).
    await mkdir(join(dir, 'real'));
    await writeFile(join(dir, 'real', 's.txt'), '');
    await symlink('real', join(dir, 'out'));
    const ignored =
      ': "apps/web/.env.local" is there, but git ignores it (inputs are the files git tracks, and those it would add)';
    expect(await errors()).toEqual([
      'disbuild.json task "root" inputs[1]: "nothing-here.txt" matches no file',
      'disbuild.json task "root" inputs[2]: ".git/HEAD" matches no file',
      'disbuild.json task "root" inputs[3]: "out/s.txt" matches no file',
      `disbuild.json task "root" inputs[0]: "//apps/web/.env.local" matches no file${ignored}`,
      `disbuild.json task "build" inputs[1]: ".env.local" matches no file in any package with the script "build"${ignored}`,
    ]);
  });

  it('says no package has the script only when every manifest was read', async () => {
    // Before: beside the real problem, "no workspace package has a script" (two packages named a, both with it)
    // and "the root package.json has no script" (the root package.json was not JSON).
    await write({
      'package.json': { name: 'root', workspaces: ['p/*'] },
      'p/a/package.json': pkg('a'),
      'p/b/package.json': pkg('a'),
      'disbuild.json': { tasks: { build: { script: 'build' } } },
    });
    expect(await errors()).toEqual([
      'p/b/package.json name: package a is declared twice: in p/a/package.json, p/b/package.json',
    ]);
    await write({ 'package.json': '{ "name": "root", "workspaces": ["p/*"], }' });
    const broken = await errors();
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^package\.json: cannot be read/);
  });

  it('reports fields of a package.json the compile reads when their type is wrong', async () => {
    await write({
      ...workspace,
      'packages/a/package.json': { name: 5, scripts: { build: 'tsc' } },
      'packages/b/package.json': { name: '@x/b', scripts: { build: 'tsc' }, dependencies: '@x/a' },
      'disbuild.json': { tasks: { build: { script: 'build' } } },
    });
    // Before: `a` was known by its directory, and `b` had no dependencies, without a word.
    expect(await errors()).toEqual([
      'packages/a/package.json name: must be a string',
      'packages/b/package.json dependencies: must be an object',
    ]);
  });

  it('reads pnpm-workspace.yaml and follows ^task through packages without the script', async () => {
    await write({
      'package.json': { name: 'root' },
      'pnpm-workspace.yaml': "packages:\n  - 'libs/*'\n  - '!libs/skip'\n",
      'libs/a/package.json': pkg('a'),
      'libs/mid/package.json': pkg('mid', { a: '1' }, {} as never),
      'libs/top/package.json': pkg('top', { mid: '1' }),
      'libs/skip/package.json': pkg('skip'),
      'disbuild.json': { tasks: { build: { script: 'build', deps: ['^build'] } } },
    });
    const r = await compile();
    if (!r.ok) throw new Error(r.error.map(formatConfigProblem).join('\n'));
    const [a, top] = r.value.json.Jobs;
    expect(r.value.json.Jobs.map((j) => j.Name)).toEqual(['a#build', 'top#build']);
    expect(top!.Deps).toEqual([a!.ID]);
    expect(a!.Cmds[0]!.Exec[0]).toBe('pnpm');
  });

  it('reports every problem at once with file, task and field', async () => {
    await write({
      ...workspace,
      'disbuild.json': {
        tasks: {
          build: { script: 'build', deps: ['^build', 'compile'], inputs: ['src/**', 'nothing/*.md'] },
          lint: { command: 'eslint', deps: ['test'] },
          test: { command: 'vitest', deps: ['lint'] },
        },
      },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "build" inputs[1]: "nothing/*.md" matches no file in any package with the script "build"',
      'disbuild.json task "build" deps[1]: unknown task "compile"',
      'disbuild.json task "lint" deps: dependency cycle: lint -> test -> lint',
    ]);
  });

  it('says which task a misspelt dependency likely meant, that one package’s task cannot be named, that a task cannot depend on itself (once, not per package), and where JSON breaks', async () => {
    await write({
      ...workspace,
      'disbuild.json': {
        tasks: {
          build: { script: 'build', deps: ['^buidl', 'build'] },
          lint: { command: 'eslint', deps: ['@x/a#build'] },
        },
      },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "build" deps[0]: unknown task "buidl"; did you mean "build"?',
      'disbuild.json task "build" deps[1]: a task cannot depend on itself; "^build" is the same task of its workspace dependencies',
      'disbuild.json task "lint" deps[0]: unknown task "@x/a#build": deps name a task ("build"), not one package\'s',
    ]);
    const r = parseConfigText('{\n  "tasks": {\n    build: {}\n  }\n}\n');
    expect(!r.ok && r.error.map(formatConfigProblem)).toEqual([
      expect.stringMatching(/^disbuild.json: is not valid JSON: .* \(line 3, column 5\)$/),
    ]);
  });

  it('reads comments, trailing commas and a byte order mark, as turbo.json and tsconfig.json allow them', () => {
    const r = parseConfigText(
      '{\n  // what CI runs\n  "tasks": {\n    /* the library */\n    "build": { "command": "tsc", },\n  },\n}\n',
    );
    expect(r.ok && [...r.value.tasks!.keys()]).toEqual(['build']);
    // With the byte order mark some editors write first.
    const bom = parseConfigText('\uFEFF{ "tasks": { "build": { "command": "tsc" } } }');
    expect(bom.ok && [...bom.value.tasks!.keys()]).toEqual(['build']);
    const bad = parseConfigText('{\n  // what CI runs\n  "tasks": { "build": { "command": "tsc" } ]\n}\n');
    expect(!bad.ok && bad.error.map(formatConfigProblem)).toEqual([
      "disbuild.json: is not valid JSON: Expected ',' or '}' after property value in JSON at position 63 (line 3, column 44)",
    ]);
    // A message of JSON.parse's that quotes the text instead of saying where: the tokenizer says where.
    const quoted = parseConfigText('{\n  "tasks": { "build": } }');
    expect(!quoted.ok && formatConfigProblem(quoted.error[0]!)).toMatch(
      /is not valid JSON: .* \(line 2, column 23\)$/,
    );
    // A key named `__proto__` is a key, with a comment or without (a tolerant parser's values made it the
    // object's prototype, and the tasks it held were read as the file's).
    const proto = '{ "__proto__": { "tasks": { "t": { "command": "true" } } } }';
    for (const text of [proto, `// c\n${proto}`]) {
      const p = parseConfigText(text);
      expect(!p.ok && p.error.map(formatConfigProblem), text).toEqual([
        'disbuild.json __proto__: unknown key',
      ]);
    }
    // Deeper than the tokenizer goes: read as JSON.parse reads it, unscanned.
    const deep = `{ "tasks": { "t": { "command": "true", "description": ${'['.repeat(20_000)}${']'.repeat(20_000)} } } }`;
    expect(parseConfigText(deep).ok).toBe(true);
  });

  it('names a key written twice, which JSON would silently read as its last value', () => {
    const r = parseConfigText(
      '{\n  "tasks": {\n    "build": { "command": "tsc" },\n    "lint": { "command": "a", "command": "b" },\n' +
        '    "build": { "command": "tsc -b" }\n  },\n  "salt": "1"\n}\n',
    );
    // Reported with the compile's problems, as any other of the file's shape (the hook then refuses the push).
    expect(r.ok && r.value.shapeProblems?.map(formatConfigProblem)).toEqual([
      'disbuild.json task "lint" command: written more than once (line 4); JSON keeps only the last, keep one',
      'disbuild.json task "build": written more than once (lines 3, 5); JSON keeps only the last, keep one',
    ]);
    const nested = parseConfigText(
      '{ "tasks": { "t": { "command": "true", "inputs": [{ "a": 1, "a": 2 }] } } }',
    );
    expect(nested.ok && nested.value.shapeProblems?.map(formatConfigProblem)[0]).toBe(
      'disbuild.json task "t" inputs[0].a: written more than once (line 1); JSON keeps only the last, keep one',
    );
  });

  it('names bad field types and unknown keys', () => {
    const r = parseConfigText(
      JSON.stringify({ tasks: { build: { command: 3, inputs: 'src', deps: [1], colour: 'red' } }, extra: 1 }),
    );
    // The tasks stay compilable: these are reported with the compile's own problems (see below).
    if (!r.ok) throw new Error('expected the problems to travel with the config');
    expect(r.value.shapeProblems?.map(formatConfigProblem)).toEqual([
      'disbuild.json extra: unknown key',
      'disbuild.json task "build" colour: unknown key',
      'disbuild.json task "build" command: must be a string or a list of strings, got number 3',
      'disbuild.json task "build" inputs: must be a list of strings, got string "src"',
      'disbuild.json task "build" deps[0]: must be a string, got number 1',
    ]);
  });

  it("says what an unknown key is likely meant to be: another case or number, or Turborepo's name", () => {
    const r = parseConfigText(
      JSON.stringify({
        task: {},
        pipeline: {},
        globalEnv: [],
        tasks: { build: { command: 'true', dependsOn: ['^build'], output: ['dist'], Inputs: [], colour: 1 } },
      }),
    );
    if (!r.ok) throw new Error('expected the problems to travel with the config');
    expect(r.value.shapeProblems?.map(formatConfigProblem)).toEqual([
      'disbuild.json task: unknown key; did you mean "tasks"?',
      'disbuild.json pipeline: unknown key; did you mean "tasks" (Turborepo\'s pipeline)?',
      "disbuild.json globalEnv: unknown key (Turborepo's; 'disbuild import turbo' translates a turbo.json)",
      'disbuild.json task "build" dependsOn: unknown key; did you mean "deps" (Turborepo\'s dependsOn)?',
      'disbuild.json task "build" output: unknown key; did you mean "outputs"?',
      'disbuild.json task "build" Inputs: unknown key; did you mean "inputs"?',
      'disbuild.json task "build" colour: unknown key',
    ]);
  });

  it('names each entry of a list by its own place, after an entry that is not a string', async () => {
    await write({
      ...workspace,
      'disbuild.json': {
        tasks: { t5: { command: 'x', inputs: [1, 'nomatch/**'], deps: [3, 'nosuch'], env: [7, 'bad-name'] } },
      },
    });
    const found = await errors();
    expect(found).toContain('disbuild.json task "t5" inputs[0]: must be a string, got number 1');
    expect(found).toContain('disbuild.json task "t5" deps[0]: must be a string, got number 3');
    expect(found).toContain('disbuild.json task "t5" env[0]: must be a string, got number 7');
    // Nothing said of a later entry names it by a place it does not have.
    for (const e of found) expect(e).not.toMatch(/\[0\]: (?!must be a string)/);
  });

  it("refuses an input named by its path that another task's outputs match (the file would be that task's, and removed)", async () => {
    await write({
      'in.txt': 'in',
      'gen/config.json': '{}',
      'disbuild.json': {
        tasks: {
          a: { command: 'mkdir -p gen && echo > gen/out.js', inputs: ['in.txt'], outputs: ['gen/**'] },
          b: { command: 'cat gen/config.json', inputs: ['gen/config.json'], deps: ['a'] },
          // A glob is the task's files less every output, as before.
          c: { command: 'true', inputs: ['gen/**', 'in.txt'] },
        },
      },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "b" inputs[0]: "gen/config.json" is matched by a task\'s outputs: an output is never an input, and a file there that git does not track is that task\'s, removed before it runs (read it through deps, or keep it out of those outputs with "!")',
    ]);
  });

  it('reports problems of the file shape together with those of the compile', async () => {
    await write({
      ...workspace,
      'disbuild.json': {
        tasks: {
          build: { script: 'build', deps: ['^build', 'compile'], env: 'NODE_ENV' },
          broken: 'npm test',
          lint: { command: 'eslint', inputs: ['nothing/*.md'], deps: ['broken'], colour: 'red' },
        },
      },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "broken": must be an object, got string "npm test"',
      'disbuild.json task "build" env: must be a list of strings, got string "NODE_ENV"',
      'disbuild.json task "lint" colour: unknown key',
      'disbuild.json task "lint" inputs[0]: "nothing/*.md" matches no file',
      'disbuild.json task "build" deps[1]: unknown task "compile"',
    ]);
  });

  it('adds no problems of its own for a task whose kind cannot be told', async () => {
    await write({
      ...workspace,
      'disbuild.json': {
        tasks: {
          build: { script: 5, inputs: ['src/**'], deps: ['^build'] },
          gen: { script: '' },
          pack: null,
          test: { command: 'true', deps: ['^pack', 'gen'] },
        },
      },
    });
    expect(await errors()).toEqual([
      'disbuild.json task "build" script: must be a string, got number 5',
      'disbuild.json task "gen" script: is empty',
      'disbuild.json task "pack": must be an object, got null',
    ]);
  });

  it('keeps the problems of a source other than tasks for itself', () => {
    const r = parseConfigText(JSON.stringify({ graph: 3, extra: 1 }));
    expect(!r.ok && r.error.map(formatConfigProblem)).toEqual([
      'disbuild.json extra: unknown key',
      'disbuild.json graph: must be a string, got number 3',
    ]);
    const both = parseConfigText(JSON.stringify({ graph: 'g.json', tasks: { t: { command: 'true' } } }));
    expect(both.ok).toBe(false);
  });

  it('lists git-tracked and untracked files, not ignored ones', async () => {
    await write({
      '.gitignore': 'out/\n',
      'a.txt': 'a',
      'out/x.txt': 'x',
      'new.txt': 'n',
      'disbuild.json': { tasks: { t: { command: 'true' } } },
    });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', 'a.txt', '.gitignore'], { cwd: dir });
    const r = await compile();
    expect(r.ok && r.value.json.Jobs[0]!.Inputs).toEqual(['.gitignore', 'a.txt', 'disbuild.json', 'new.txt']);
  });
});
