import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

/**
 * Outputs globs that say more than they seem to: escapes that spell `..`, and globs that choose every path as
 * `**` does. Stale outputs are removed before a task runs, so either would remove files that are not the task's.
 */
describe('outputs globs spelled another way', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });
  const run = (): ReturnType<Rig['run']> => rig.run(['run', '--cache-dir', rig.cacheDir]);
  const commit = (): void => {
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
  };

  it('refuses escapes that spell `..`, and removes nothing outside the task or the repository', async () => {
    // Before: both globs were accepted; the run removed the tracked files of packages/b and a file outside the
    // checkout (`dist/../../b` walked from packages/a, `x/../../outside` from the root).
    await rig.write({ 'precious.txt': 'keep\n' }, rig.path('outside'));
    await rig.write({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/a/package.json': JSON.stringify({
        name: 'a',
        scripts: { build: 'mkdir -p dist && echo a > dist/o' },
      }),
      'packages/b/package.json': JSON.stringify({
        name: 'b',
        scripts: { build: 'mkdir -p dist && echo b > dist/o' },
      }),
      'packages/b/src/x.txt': 'b\n',
      '.gitignore': 'dist\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: { script: 'build', outputs: ['dist/**', 'dist\\/..\\/..\\/b/**'] },
          gen: { command: 'true', inputs: ['package.json'], outputs: ['x\\/..\\/..\\/outside/**'] },
        },
      }),
    });
    commit();
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'task "build" outputs[1]: must stay inside its directory, got "dist\\\\/..\\\\/..\\\\/b/**"',
    );
    expect(r.stderr).toContain('task "gen" outputs[0]: must stay inside its directory');
    expect(await rig.read('outside/precious.txt')).toBe('keep\n');
    expect(await rig.read('src/packages/b/src/x.txt')).toBe('b\n');
  });

  it('refuses `**/**` as it refuses `**`, and leaves untracked files alone', async () => {
    // Before: `**/**` was accepted, and the run removed the ignored `.env` and the untracked notes as stale outputs.
    await rig.write({
      '.gitignore': '.env\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          gen: { command: 'mkdir -p out && echo x > out/o', inputs: ['disbuild.json'], outputs: ['**/**'] },
        },
      }),
    });
    commit();
    await rig.write({ '.env': 'SECRET\n', 'notes/today.txt': 'mine\n' });
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('task "gen" outputs[0]: must not be the whole repository, got "**/**"');
    expect(await rig.read('src/.env')).toBe('SECRET\n');
    expect(await rig.read('src/notes/today.txt')).toBe('mine\n');
  });
});
