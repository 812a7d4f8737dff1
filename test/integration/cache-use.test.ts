import { stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

const job = (name: string): { name: string; cmds: { exec: string[] }[] } => ({
  name,
  cmds: [{ exec: ['sh', '-c', `echo ${name}; head -c 100000 /dev/urandom > <out>/data`] }],
});

describe('a hit is a use of its entry, for least-recently-used pruning', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('whether or not the run reads its logs: pruning keeps the entry a plain run just used', async () => {
    await rig.write({
      'graph.json': graphJson([job('hot'), job('cold')]),
      'hot.json': graphJson([job('hot')]),
    });
    const built = await rig.runGraph();
    expect(built.code, built.stderr).toBe(0);
    const entry = (name: string): string => {
      const key = built.jobs.get(name)!.key;
      return join(rig.cacheDir, 'v1', 'entries', key.slice(0, 2), key);
    };
    // Last used three and two hours ago: "hot" is the older one, until the run below uses it.
    const hoursAgo = (h: number): Date => new Date(Date.now() - h * 3600_000);
    const usedAt = async (name: string, when: Date): Promise<void> => {
      await utimes(join(entry(name), 'meta.json'), when, when);
      await utimes(entry(name), when, when);
    };
    await usedAt('hot', hoursAgo(3));
    await usedAt('cold', hoursAgo(2));

    // A plain run: no log replay, no report, so nothing reads the hit's logs.
    const used = await rig.run(['run', '--graph', 'hot.json', '--cache-dir', rig.cacheDir, '-q']);
    expect(used.code, used.stderr).toBe(0);
    expect(used.stdout).toMatch(/1 cached, 0 built/);
    expect((await stat(join(entry('hot'), 'meta.json'))).mtimeMs).toBeGreaterThan(hoursAgo(1).getTime());

    // Room for one of the two: the one used last stays.
    const prune = await rig.run(['cache', 'prune', '--max-size', '150K', '--cache-dir', rig.cacheDir]);
    expect(prune.code, prune.stdout + prune.stderr).toBe(0);
    expect(prune.stdout).toMatch(/^removed 1 artifact \(/);
    await expect(stat(entry('hot'))).resolves.toBeDefined();
    await expect(stat(entry('cold'))).rejects.toThrow(/ENOENT/);
    // Without a size: what is missing, not an empty value refused.
    const bare = await rig.run(['cache', 'prune', '--cache-dir', rig.cacheDir]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe('disbuild cache prune: --max-size is required (a size such as 500M or 2G)\n');
  });
});

describe('a cache directory inside the repository', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });
  const commitAll = (): void => {
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'a');
  };

  it('is no input of a task that reads every file: its second run is cached', async () => {
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': JSON.stringify({ tasks: { lint: { command: 'cat a.txt > /dev/null' } } }),
    });
    commitAll();
    const run = (): ReturnType<Rig['run']> => rig.run(['run', '--cache-dir', '.cache/disbuild']);
    expect((await run()).stdout).toMatch(/0 cached, 1 built/);
    // Before: the cache's own files were untracked files of the repository, inputs of the task, and changed by
    // every run, which then built it again.
    for (let i = 0; i < 2; i++) {
      const again = await run();
      expect(again.stdout + again.stderr).toMatch(/1 cached, 0 built/);
    }
    expect(git(rig.src, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it("gets no .gitignore when it is a directory of the repository's own, with names like the cache's", async () => {
    // Before: `versions/` (v1/, v2/ of sources) got a `.gitignore` of '*', and new files there were hidden from git,
    // and from the keys: a job reading versions/** stayed cached when versions/v3/c.md was added.
    await rig.write({
      'versions/v1/a.md': 'a\n',
      'versions/v2/b.md': 'b\n',
      'disbuild.json': JSON.stringify({
        tasks: { docs: { command: 'ls versions/*/*.md', inputs: ['versions/**'] } },
      }),
    });
    commitAll();
    const run = (): ReturnType<Rig['run']> => rig.run(['run', '--cache-dir', 'versions']);
    expect((await run()).code).toBe(0);
    await expect(stat(join(rig.src, 'versions', '.gitignore'))).rejects.toThrow(/ENOENT/);
    await rig.write({ 'versions/v3/c.md': 'c\n' });
    const after = await run();
    expect(after.stdout).toMatch(/0 cached, 1 built/);
  });

  it('gets no .gitignore when it holds files of other tools', async () => {
    await rig.write({ 'graph.json': graphJson([job('one')]), 'shared/notes.txt': 'mine\n' });
    const r = await rig.run(['run', '--graph', 'graph.json', '--cache-dir', 'shared']);
    expect(r.code, r.stderr).toBe(0);
    await expect(stat(join(rig.src, 'shared', '.gitignore'))).rejects.toThrow(/ENOENT/);
  });
});
