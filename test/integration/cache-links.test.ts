/**
 * Symbolic links inside the cache directory, where the cache keeps directories of its own: nothing is listed,
 * changed or removed through one. Once `cache prune` took a link among the shards (`v1/entries/zz -> /etc`) for a
 * shard and removed everything there; a link at `v1/tmp` had every name there taken for a dead temp directory.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

describe('links inside the cache directory', () => {
  let rig: Rig;
  afterEach(() => rig.cleanup());

  /** A directory of someone's files, to point links at: it must come out as it went in. */
  const victim = async (name: string): Promise<() => Promise<void>> => {
    const dir = rig.path(name);
    await mkdir(join(dir, 'important'), { recursive: true });
    await writeFile(join(dir, 'important/data.txt'), 'precious\n');
    await writeFile(join(dir, 'notes.txt'), 'keep\n', { mode: 0o644 });
    return async () => {
      expect((await readdir(dir)).sort()).toEqual(['important', 'notes.txt']);
      expect(await readdir(join(dir, 'important'))).toEqual(['data.txt']);
      expect(statSync(join(dir, 'notes.txt')).mode & 0o777).toBe(0o644);
    };
  };
  const build = async (): Promise<void> => {
    await rig.write({
      'a.txt': 'a\n',
      'graph.json': graphJson([
        { name: 'j', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/o'] }] },
      ]),
    });
    expect((await rig.runGraph()).jobs.get('j')?.status).toBe('built');
  };
  const prune = (): ReturnType<Rig['run']> =>
    rig.run(['cache', 'prune', '--max-size', '0', '--cache-dir', rig.cacheDir]);

  it('are never followed by cache prune: a shard or an entry that is one is removed as itself', async () => {
    rig = await Rig.create();
    await build();
    const intact = await victim('victim');
    const shard = join(rig.cacheDir, 'v1/entries/zz');
    await symlink(rig.path('victim'), shard);
    await mkdir(join(rig.cacheDir, 'v1/entries/ab'));
    const entry = join(rig.cacheDir, 'v1/entries/ab', 'ab'.padEnd(40, '0'));
    await symlink(rig.path('victim'), entry);
    const r = await prune();
    expect(r.code, r.stderr).toBe(0);
    // Before: "removed 3 artifacts", the victim emptied (and its files' modes changed).
    expect(r.stdout).toContain('removed 1 artifact');
    await intact();
    expect(existsSync(shard) || existsSync(entry)).toBe(false);
  });

  for (const dir of ['v1/entries', 'v1/tmp']) {
    it(`are never followed where the cache keeps ${dir}: prune and runs leave what it leads to alone`, async () => {
      rig = await Rig.create();
      await build();
      const intact = await victim('victim');
      await rm(join(rig.cacheDir, dir), { recursive: true, force: true });
      await symlink(rig.path('victim'), join(rig.cacheDir, dir));
      const pruned = await prune();
      expect(pruned.stderr).toContain(
        'not a directory of its own (a symbolic link is never followed); nothing pruned',
      );
      await intact();
      // A run goes without the cache, saying why, and builds.
      const run = await rig.runGraph();
      expect(run.jobs.get('j')?.status).toBe('built');
      expect(run.stdout + run.stderr).toContain(
        'is not a directory of its own (a symbolic link?)); running without it',
      );
      await intact();
    });
  }
});
