import { mkdir, symlink } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

/** Paths git lists like files that are directories on disk: a submodule, a link to a directory. */
describe('a task whose directory holds a submodule or a link to a directory', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('runs, with the link among its default inputs (where it leads), and the submodule not', async () => {
    await rig.write({
      'lib/a.txt': 'a\n',
      'disbuild.json': JSON.stringify({ tasks: { build: { command: 'cat lib/a.txt > /dev/null' } } }),
    });
    await symlink('lib', rig.path('src/linked'));
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
    // A submodule as the index records it (a gitlink), checked out as a directory.
    const head = git(rig.src, 'rev-parse', 'HEAD').trim();
    await mkdir(rig.path('src/sub'));
    git(rig.src, 'update-index', '--add', '--cacheinfo', `160000,${head},sub`);
    git(rig.src, 'commit', '-qm', 'submodule');

    const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const graph = await rig.run(['graph']);
    const inputs = (JSON.parse(graph.stdout) as { Jobs: { Inputs: string[] }[] }).Jobs[0]!.Inputs;
    expect(inputs).toContain('lib/a.txt');
    expect(inputs).not.toContain('sub');
    // Once left out: retargeting it left the key as it was (a command reading through it read another directory).
    expect(inputs).toContain('linked');
  });
});
