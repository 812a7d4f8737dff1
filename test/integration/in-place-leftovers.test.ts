import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rig } from '../helpers/rig.js';

/**
 * A run killed while it puts outputs in place leaves the file it was writing beside its place, under a name of
 * its own (`<name>.disbuild-<pid>-…`) that the task's globs need not match (`dist/**\/*.txt`): no later clear or
 * restore would ever remove it, and a task reading the directory would take it for an input.
 */
describe('placement leftovers of a killed run', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('are removed by the next run that looks at the outputs; those of a live process are left', async () => {
    await rig.write({
      'disbuild.json': JSON.stringify({
        tasks: {
          gen: {
            command: 'mkdir -p dist/d && cp src/a.txt dist/d/a.txt',
            inputs: ['src/**'],
            outputs: ['dist/**/*.txt'],
          },
        },
      }),
      'src/a.txt': 'one\n',
    });
    const run = (): ReturnType<Rig['run']> => rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect((await run()).code).toBe(0);
    // A process that has exited: its pid is nobody's now.
    const dead = spawnSync('sh', ['-c', 'echo $$'], { encoding: 'utf8' }).stdout.trim();
    await rig.write({
      [`dist/d/a.txt.disbuild-${dead}-0badc0de-7`]: 'half of one',
      [`dist/d/b.txt.disbuild-${dead}-0badc0de`]: 'half of another',
      [`dist/d/a.txt.disbuild-${process.pid}-0badc0de-8`]: 'a live writer of this place',
    });
    const next = await run();
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(existsSync(rig.path(`src/dist/d/a.txt.disbuild-${dead}-0badc0de-7`))).toBe(false);
    expect(existsSync(rig.path(`src/dist/d/b.txt.disbuild-${dead}-0badc0de`))).toBe(false);
    expect(existsSync(rig.path(`src/dist/d/a.txt.disbuild-${process.pid}-0badc0de-8`))).toBe(true);
    expect(await rig.read('src/dist/d/a.txt')).toBe('one\n');
  });
});
