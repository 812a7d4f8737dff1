import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rig } from '../helpers/rig.js';

/** In-place outputs are never listed, removed or written through a symbolic link out of the checkout. */
describe('in-place outputs behind a symbolic link', () => {
  let rig: Rig;
  let outside: string;
  beforeEach(async () => {
    rig = await Rig.create();
    outside = rig.path('outside');
    await mkdir(join(outside, 'sub'), { recursive: true });
    await writeFile(join(outside, 'sub', 'keep.txt'), 'precious\n');
  });
  afterEach(async () => {
    await rig.cleanup();
  });
  const run = (): ReturnType<Rig['run']> => rig.run(['run', '--cache-dir', rig.cacheDir]);

  it('removes nothing outside the checkout when a directory above the globs is a link', async () => {
    await symlink(outside, rig.path('src/out'));
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: {
            command: 'mkdir -p out/sub && cp a.txt out/sub/gen.txt',
            inputs: ['a.txt'],
            outputs: ['out/sub/**'],
          },
        },
      }),
    });
    const r = await run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect((await readdir(join(outside, 'sub'))).sort()).toEqual(['gen.txt', 'keep.txt']);
  });

  it('writes nothing through a link that took the place of an output directory', async () => {
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({
        tasks: {
          build: { command: 'mkdir -p dist && cp a.txt dist/a.js', inputs: ['a.txt'], outputs: ['dist/**'] },
        },
      }),
    });
    expect((await run()).code).toBe(0);
    await rm(rig.path('src/dist'), { recursive: true });
    await symlink(join(outside, 'sub'), rig.path('src/dist'));
    const r = await run();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // The restore refuses to write through the link, and the job is built instead. The link itself is in the
    // outputs' place (`dist/**` matches `dist`): cleared as a stale output before the build, as a file would be.
    expect(r.stdout).toMatch(/dist\/a\.js would be written through dist/);
    expect(r.stdout).toMatch(/1 built/);
    expect(await readdir(join(outside, 'sub'))).toEqual(['keep.txt']);
    expect(await rig.read('src/dist/a.js')).toBe('a\n');
  });
});
