import { join } from 'node:path';
import { appendFile, readFile, rm, symlink } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rig } from '../helpers/rig.js';

/** Two root tasks: `app` reads `lib`'s in-place output and names an env variable. */
const config = {
  tasks: {
    lib: {
      command: 'mkdir -p out && cat lib.txt > out/lib.txt',
      inputs: ['lib.txt'],
      outputs: ['out/lib.txt'],
    },
    app: {
      command: 'cat out/lib.txt app.txt > out/app.txt',
      inputs: ['app.txt'],
      outputs: ['out/app.txt'],
      deps: ['lib'],
      env: ['FLAVOUR'],
    },
  },
};

describe('disbuild explain and run -v', () => {
  let rig: Rig;
  const cli = (args: string[], env: Record<string, string> = {}): ReturnType<Rig['run']> =>
    rig.run([...args, '--cache-dir', rig.cacheDir], { env });

  beforeAll(async () => {
    rig = await Rig.create();
    await rig.write({ 'disbuild.json': JSON.stringify(config), 'lib.txt': 'lib 1\n', 'app.txt': 'app 1\n' });
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('says "never built" on a fresh cache, and nothing once built', async () => {
    const r = await cli(['explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('app: never built\nlib: never built\n');
    const run = await cli(['run']);
    expect(run.code, run.stderr).toBe(0);
    expect(await rig.read('src/out/app.txt')).toBe('lib 1\napp 1\n');
    expect((await cli(['explain'])).stdout).toBe('nothing would run: all 2 jobs are cached\n');
  });

  it('names the edited input with its old and new digest', async () => {
    await rig.write({ 'app.txt': 'app 2\n' });
    const r = await cli(['explain']);
    expect(r.stdout).toMatch(/^app: input app\.txt changed \([0-9a-f]{12} -> [0-9a-f]{12}\)\n$/);
    expect((await cli(['run'])).code).toBe(0);
  });

  it('names the dependency, down to its changed input', async () => {
    await rig.write({ 'lib.txt': 'lib 2\n' });
    const r = await cli(['explain', 'app']);
    expect(r.stdout).toMatch(
      /^app: dependency "lib" changed: input lib\.txt changed \([0-9a-f]{12} -> [0-9a-f]{12}\)\nlib: input lib\.txt changed .*\n$/,
    );
    const run = await cli(['run', '-v']);
    expect(run.stdout).toContain('why lib: input lib.txt changed');
    expect(run.stdout).toContain('why app: dependency "lib" changed: input lib.txt changed');
  });

  it('names an env variable, never its value', async () => {
    const r = await cli(['explain'], { FLAVOUR: 'secret-value' });
    expect(r.stdout).toBe('app: env FLAVOUR added\n');
    const run = await cli(['run', '-v'], { FLAVOUR: 'secret-value' });
    expect(run.stdout).toContain('why app: env FLAVOUR added');
    expect(run.stdout + run.stderr).not.toContain('secret-value');
    expect(await readFile(rig.path('src/out/app.txt'), 'utf8')).toBe('lib 2\napp 2\n');
  });

  it('explains against no records, with a warning, when the cache directory cannot be used', async () => {
    const dangling = rig.path('gone-cache');
    await symlink(rig.path('nowhere/at/all'), dangling);
    const r = await rig.run(['explain', '--cache-dir', dangling]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('app: never built\nlib: never built\n');
    expect(r.stderr).toMatch(/^disbuild explain: the local cache in .* cannot be used \(ENOENT/);
    expect(r.stderr).not.toMatch(/ at /);
  });

  it('names the root cause after the dependency was rebuilt on its own', async () => {
    await rig.write({ 'lib.txt': 'lib 3\n' });
    expect((await cli(['run', 'lib'], { FLAVOUR: 'secret-value' })).code).toBe(0);
    const r = await cli(['explain'], { FLAVOUR: 'secret-value' });
    expect(r.stdout).toMatch(
      /^app: dependency "lib" changed: input lib\.txt changed \([0-9a-f]{12} -> [0-9a-f]{12}\)\n$/,
    );
    const run = await cli(['run', '-v'], { FLAVOUR: 'secret-value' });
    expect(run.stdout).toMatch(/why app: dependency "lib" changed: input lib\.txt changed/);
  });

  it('takes a record it cannot read for the one before it, or none', async () => {
    const journal = join(rig.cacheDir, 'explain-v2', 'records.jsonl');
    await appendFile(journal, '\n"app"\t{"version":1,"name":"app","key":"k"}\n');
    await rig.write({ 'app.txt': 'app 4\n' });
    const r = await cli(['explain'], { FLAVOUR: 'secret-value' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^app: input app\.txt changed/);
    await appendFile(
      journal,
      '"lib"\t{"version":1,"name":"lib","key":"k","salt":"s","inputs":{"lib.txt":"bogus"},"cmds":[],"deps":{},"outputs":[]}\n',
    );
    const run = await cli(['run', '-v'], { FLAVOUR: 'secret-value' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/why app: input app\.txt changed/);
    expect(run.stdout).toMatch(/disbuild: 2 jobs: 1 cached, 1 built/);
  });
});

describe('disbuild explain along a chain', () => {
  let rig: Rig;
  afterAll(async () => {
    await rig.cleanup();
  });

  it('tells each cause once: a dependency explained in the same output is referred to', async () => {
    rig = await Rig.create();
    const task = (deps: string[]): object => ({ command: 'true', inputs: ['x.txt'], deps });
    await rig.write({
      'x.txt': '',
      'a.txt': '1\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          a: { command: 'true', inputs: ['a.txt'] },
          b: task(['a']),
          c: task(['b']),
          d: task(['b', 'c']),
        },
      }),
    });
    expect((await rig.run(['run', '--cache-dir', rig.cacheDir])).code).toBe(0);
    await rig.write({ 'a.txt': '2\n' });
    const r = await rig.run(['explain', '--cache-dir', rig.cacheDir]);
    const change = /input a\.txt changed \([0-9a-f]{12} -> [0-9a-f]{12}\)/.exec(r.stdout)![0];
    // Before: every job below repeated the whole chain under it.
    expect(r.stdout).toBe(
      [
        `a: ${change}`,
        `b: dependency "a" changed: ${change}`,
        `c: dependency "b" changed: dependency "a" changed: ${change}`,
        `d: dependency "b" changed: dependency "a" changed: ${change} (+1 more)`,
        '    dependency "b" changed (see b)',
        '    dependency "c" changed (see c)',
        '',
      ].join('\n'),
    );
  });
});

describe('disbuild.json problems', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.create();
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it("run in a package's directory, points at the disbuild.json above it", async () => {
    await rig.write({ 'disbuild.json': JSON.stringify({ tasks: {} }), 'pkg/a.txt': '' });
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir], { cwd: join(rig.src, 'pkg') });
    expect(r.code).toBe(2);
    // Before: `describe the build in <src>/pkg/disbuild.json`, a file that would shadow the real one.
    expect(r.stderr).toBe(
      `disbuild: no graph here: ${join(rig.src, 'disbuild.json')} describes the build of ${rig.src}; run disbuild there, or pass --source-dir ${rig.src}\n`,
    );
  });

  it("graph in a package's directory points at the disbuild.json above it", async () => {
    await rig.write({ 'disbuild.json': JSON.stringify({ tasks: {} }), 'pkg/a.txt': '' });
    const r = await rig.run(['graph'], { cwd: join(rig.src, 'pkg') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `disbuild graph: no disbuild.json in ${join(rig.src, 'pkg')}: ${join(rig.src, 'disbuild.json')} describes the build of ${rig.src}; run disbuild graph there, or pass --source-dir ${rig.src}\n`,
    );
  });

  it('with a turbo.json and no disbuild.json, says that the import writes one', async () => {
    const dir = rig.path('turbo-only');
    await rig.write({ 'turbo-only/turbo.json': '{"tasks":{}}' }, rig.root);
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir, '--source-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `disbuild: no graph: pass --graph FILE, or describe the build in ${join(dir, 'disbuild.json')} ('disbuild import turbo' writes one from turbo.json)\n`,
    );
    const graph = await rig.run(['graph', '--source-dir', dir]);
    expect(graph.code).toBe(2);
    expect(graph.stderr).toBe(
      `disbuild graph: no disbuild.json in ${dir} ('disbuild import turbo' writes one from turbo.json)\n`,
    );
  });

  it('exit 2, every problem naming file, task and field', async () => {
    await rig.write({
      'a.txt': '',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: { command: 'true', deps: ['compile'], inputs: ['src/**/*.ts'] },
          test: { command: ['vitest'], deps: ['lint'], env: 'CI' },
          lint: { command: 'eslint', deps: ['test'] },
          docs: { command: 'true', deps: ['docs'] },
        },
      }),
    });
    // Every problem at once: the field of the wrong type does not hide the compile's problems until it is fixed.
    for (const cmd of [['run', '--cache-dir', rig.cacheDir], ['graph'], ['ids']]) {
      const r = await rig.run(cmd);
      expect(r.code, cmd.join(' ')).toBe(2);
      expect(r.stderr, cmd.join(' ')).toBe(
        [
          'disbuild: invalid configuration (5 problems):',
          '  disbuild.json task "test" env: must be a list of strings, got string "CI"',
          '  disbuild.json task "build" inputs[0]: "src/**/*.ts" matches no file',
          '  disbuild.json task "build" deps[0]: unknown task "compile"',
          '  disbuild.json task "docs" deps[0]: a task cannot depend on itself',
          '  disbuild.json task "lint" deps: dependency cycle: lint -> test -> lint',
          '',
        ].join('\n'),
      );
    }
  });

  it('disbuild graph prints the compiled graph; import turbo writes a config', async () => {
    await rig.write({
      'disbuild.json': JSON.stringify({ tasks: { hello: { command: 'echo hi', inputs: ['a.txt'] } } }),
    });
    const g = await rig.run(['graph']);
    expect(g.code, g.stderr).toBe(0);
    const graph = JSON.parse(g.stdout) as { Jobs: { Name: string; Inputs: string[] }[] };
    expect(graph.Jobs).toMatchObject([{ Name: 'hello', Inputs: ['a.txt'] }]);
    await rig.write({
      'package.json': JSON.stringify({ name: 'one', scripts: { build: 'true' } }),
      'turbo.json': JSON.stringify({ tasks: { build: { outputs: ['dist/**'] }, dev: { persistent: true } } }),
    });
    const i = await rig.run(['import', 'turbo', '--stdout']);
    expect(i.code, i.stderr).toBe(0);
    expect(JSON.parse(i.stdout)).toMatchObject({
      tasks: { build: { script: 'build', outputs: ['dist/**'] } },
    });
    expect(i.stderr).toContain('dev: persistent (long-running) task left out');
    // As Turborepo reads it: comments, trailing commas, a byte order mark.
    await rig.write({
      'turbo.json':
        '\uFEFF{\n  // the build\n  "tasks": { "build": { "outputs": ["dist/**",], }, /* done */ },\n}\n',
    });
    const c = await rig.run(['import', 'turbo', '--stdout']);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({
      tasks: { build: { script: 'build', outputs: ['dist/**'] } },
    });
    await rig.write({ 'sub/turbo.json': '{ "extends": ["//"] }' });
    const nested = await rig.run(['import', 'turbo', '--stdout']);
    expect(nested.stderr).toContain("sub/turbo.json: a package's own configuration not translated");
    // turbo.jsonc, as Turborepo 2 reads it, when there is no turbo.json (before: "cannot read turbo.json").
    await rm(join(rig.src, 'turbo.json'));
    await rig.write({ 'turbo.jsonc': '{ // jsonc\n "tasks": { "build": { "outputs": ["lib/**"] } } }' });
    const jsonc = await rig.run(['import', 'turbo', '--stdout']);
    expect(jsonc.code, jsonc.stderr).toBe(0);
    expect(JSON.parse(jsonc.stdout)).toMatchObject({
      tasks: { build: { script: 'build', outputs: ['lib/**'] } },
    });
    await rm(join(rig.src, 'turbo.jsonc'));
    await rig.write({ 'turbo.json': '\uFEFF{ "tasks": { "build": { "outputs": ["dist/**"] } } }' });
    // Turborepo accepts an input matching nothing, and a field of the wrong type it ignores: the first is left out
    // (before, the config written did not compile), the second said (before, dropped without a word).
    await rig.write({
      'turbo.json': JSON.stringify({
        tasks: { build: { inputs: ['src/**', 'test/**'], outputs: 'dist/**', dependsOn: '^build' } },
      }),
      'src/a.ts': '',
    });
    const empty = await rig.run(['import', 'turbo', '--force']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stderr).toContain(
      'build: input "test/**" matches no file of a package with the script; left out',
    );
    expect(empty.stderr).toContain('build: outputs: must be a list, got "dist/**"; not translated');
    expect(empty.stderr).toContain('build: dependsOn: must be a list, got "^build"; not translated');
    expect(empty.stderr).not.toContain('To fix');
    expect(JSON.parse(await rig.read('src/disbuild.json'))).toMatchObject({
      tasks: { build: { script: 'build', inputs: ['src/**'] } },
    });
    expect((await rig.run(['graph'])).code).toBe(0);
    // A translation that cannot run as it is (Turborepo refuses this cycle too) is written, and said with exit 1
    // (before: exit 0, as if `disbuild run` could follow; 2 says nothing was written).
    await rig.write({
      'package.json': JSON.stringify({ name: 'one', scripts: { build: 'true', test: 'true' } }),
      'turbo.json': JSON.stringify({
        tasks: { build: { dependsOn: ['test'] }, test: { dependsOn: ['build'] } },
      }),
    });
    const cycle = await rig.run(['import', 'turbo', '--force']);
    expect(cycle.code, cycle.stderr).toBe(1);
    expect(cycle.stderr).toContain('To fix before it runs:');
    expect(cycle.stderr).toContain('dependency cycle: one#build -> one#test -> one#build');
    expect(JSON.parse(await rig.read('src/disbuild.json'))).toMatchObject({
      tasks: { build: { deps: ['test'] } },
    });
    await rig.write({ 'turbo.json': '{ "tasks": { "build": } }' });
    const bad = await rig.run(['import', 'turbo', '--stdout']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot read .*turbo\.json: .* \(line 1, column 23\)/);
  });
});
