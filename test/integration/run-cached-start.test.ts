import { createHash } from 'node:crypto';
import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

describe("a fully cached run's start", () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it("loads none of Node's modules that only a miss or a huge graph needs (perf_hooks, v8)", async () => {
    await rig.write({
      'a.txt': 'alpha',
      'graph.json': graphJson([
        { name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
      ]),
      // Node's own modules the CLI's process loaded beyond those of its start, written at exit by a preloaded
      // script (not by the launcher's process, which inherits NODE_OPTIONS).
      'preload.cjs': `const base = new Set(process.moduleLoadList);
if (process.argv[1].endsWith('index.js')) process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULE_LIST,
  process.moduleLoadList.filter((m) => !base.has(m)).join('\\n')));`,
    });
    const loaded = async (name: string): Promise<string[]> => {
      const list = rig.path(name);
      const env = { NODE_OPTIONS: `--require ${rig.path('src', 'preload.cjs')}`, MODULE_LIST: list };
      const r = await rig.runGraph([], env);
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(list, 'utf8').split('\n');
    };
    expect(await loaded('cold.txt')).toContain('NativeModule perf_hooks');
    const cached = await loaded('cached.txt');
    expect(cached).toContain('NativeModule child_process');
    for (const m of ['perf_hooks', 'v8']) expect(cached).not.toContain(`NativeModule ${m}`);
  });

  it("reuses a graph file's kept validation, and believes none from another user's or a damaged file", async () => {
    await rig.write({
      'a.txt': 'alpha',
      'graph.json': graphJson([
        { name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'echo real > <out>/a'] }] },
      ]),
    });
    const first = await rig.runGraph();
    expect(first.code, first.stderr).toBe(0);
    const kept = join(
      rig.cacheDir,
      'validated-graph-v1',
      `slot-${createHash('sha1').update(rig.path('src', 'graph.json')).digest('hex')[0]}.json`,
    );
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    // The key, the payload's digest, then the payload (itself of two lines: the jobs, then SourceFiles).
    const text = readFileSync(kept, 'utf8');
    const key = text.slice(0, text.indexOf('\n'));
    const payload = text.slice(text.indexOf('\n', key.length + 1) + 1);

    // A kept validation that says another thing, written as a run writes it: the run believes it (so it is used).
    const planted = payload.replace('echo real', 'echo planted');
    expect(planted).not.toBe(payload);
    const plant = (): void =>
      writeFileSync(kept, `${key}\n${createHash('sha256').update(planted).digest('hex')}\n${planted}`, {
        mode: 0o600,
      });
    plant();
    const believed = await rig.runGraph();
    expect(believed.code, believed.stderr).toBe(0);
    expect(believed.jobs.get('a')?.status).toBe('built');
    expect(believed.jobs.get('a')?.key).not.toBe(first.jobs.get('a')?.key);

    // The same file owned by another user: the graph file is validated again; the real job is a hit.
    plant();
    chownSync(kept, 65534, 65534);
    const foreign = await rig.runGraph();
    expect(foreign.code, foreign.stderr).toBe(0);
    expect(foreign.jobs.get('a')?.status).toBe('cached');
    expect(foreign.jobs.get('a')?.key).toBe(first.jobs.get('a')?.key);
    // And replaced by this user's own.
    expect(statSync(kept).uid).toBe(process.getuid?.());

    // This user's file with the payload changed under its digest: not believed either.
    writeFileSync(kept, readFileSync(kept, 'utf8').replace('echo real', 'echo planted'), { mode: 0o600 });
    const damaged = await rig.runGraph();
    expect(damaged.code, damaged.stderr).toBe(0);
    expect(damaged.jobs.get('a')?.status).toBe('cached');
    expect(damaged.jobs.get('a')?.key).toBe(first.jobs.get('a')?.key);
  });
  it.each(['a git work tree', 'a plain directory'])(
    'keeps the keys of an unchanged checkout (%s), and every edit, salt or graph change still changes them',
    async (where) => {
      await rig.write({
        'a.txt': 'alpha',
        'b.txt': 'beta',
        'graph.json': graphJson([
          { name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
          {
            name: 'b',
            inputs: ['b.txt'],
            deps: ['a'],
            cmds: [{ exec: ['sh', '-c', 'cat b.txt > <out>/b'] }],
          },
        ]),
      });
      if (where === 'a git work tree') {
        git(rig.src, 'init', '-q');
        git(rig.src, 'add', '-A');
        git(rig.src, 'commit', '-qm', 'init');
      }
      const keys = (r: { jobs: Map<string, { key: string; status: string }> }): string[] =>
        ['a', 'b'].map((n) => `${n} ${r.jobs.get(n)?.status} ${r.jobs.get(n)?.key}`);
      const first = await rig.runGraph();
      expect(first.code, first.stderr).toBe(0);
      const memo = join(
        rig.cacheDir,
        'keys-memo-v1',
        `slot-${createHash('sha1').update(rig.src).digest('hex')[0]}`,
      );
      expect(statSync(memo).mode & 0o777).toBe(0o600);
      const built = keys(first);
      const cached = built.map((k) => k.replace(' built ', ' cached '));
      expect(keys(await rig.runGraph())).toEqual(cached);

      // An edit of a dependency's input, uncommitted: both keys change, as without a memo.
      await rig.write({ 'a.txt': 'alpha 2' });
      const edited = await rig.runGraph();
      expect(edited.jobs.get('a')?.status).toBe('built');
      expect(edited.jobs.get('b')?.status).toBe('built');
      for (const n of ['a', 'b']) expect(edited.jobs.get(n)?.key).not.toBe(first.jobs.get(n)?.key);
      // Back as it was: the first keys again, whichever keys the memo holds now.
      await rig.write({ 'a.txt': 'alpha' });
      expect(keys(await rig.runGraph())).toEqual(cached);

      // An executable bit, a salt, a changed command: new keys each time.
      chmodSync(rig.path('src', 'a.txt'), 0o755);
      expect((await rig.runGraph()).jobs.get('a')?.status).toBe('built');
      chmodSync(rig.path('src', 'a.txt'), 0o644);
      expect(keys(await rig.runGraph())).toEqual(cached);
      expect((await rig.runGraph(['--salt', 'v2'])).jobs.get('a')?.status).toBe('built');
      await rig.write({
        'graph.json': graphJson([
          { name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt a.txt > <out>/a'] }] },
          {
            name: 'b',
            inputs: ['b.txt'],
            deps: ['a'],
            cmds: [{ exec: ['sh', '-c', 'cat b.txt > <out>/b'] }],
          },
        ]),
      });
      const changed = await rig.runGraph();
      expect(changed.jobs.get('a')?.status).toBe('built');
      expect(changed.jobs.get('b')?.status).toBe('built');
    },
  );
});
