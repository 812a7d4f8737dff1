import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullyCachedRuns, JOBS } from '../helpers/fully-cached-runs.js';
import { Rig } from '../helpers/rig.js';

/** Every file under `dir`, with its mode and bytes, by path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const st = statSync(join(dir, path));
      if (st.isDirectory()) {
        out[`${path}/`] = (st.mode & 0o777).toString(8);
        walk(path);
      } else out[path] = `${(st.mode & 0o777).toString(8)} ${readFileSync(join(dir, path), 'utf8')}`;
    }
  };
  walk('');
  return out;
}

/** The stored output file `o` that holds `content`, in the cache's entries. */
function storedFile(cacheDir: string, content: string): string {
  const entries = join(cacheDir, 'v1', 'entries');
  for (const shard of readdirSync(entries)) {
    for (const key of readdirSync(join(entries, shard))) {
      const o = join(entries, shard, key, 'out', 'o');
      if (existsSync(o) && readFileSync(o, 'utf8') === content) return o;
    }
  }
  throw new Error(`no stored file holds ${JSON.stringify(content)}`);
}

/**
 * The `--out-dir` of a run the record answers (src/cli/fully-cached-out-dir.ts): the targets are placed as the full
 * path places them, into whichever directory the run names, and any trouble hands the run to the full path.
 */
describe('the record of a fully cached run with --out-dir', () => {
  let rig: Rig;
  let runs: ReturnType<typeof fullyCachedRuns>;
  beforeEach(async () => {
    rig = await Rig.create();
    runs = fullyCachedRuns(rig);
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('places every target without reading the graph, in any directory, as the full path does', async () => {
    const { run, summary, recorded } = runs;
    await recorded();
    const full = await run(['--out-dir', rig.path('out-a')]);
    expect(full.code, full.stderr).toBe(0);
    expect(full.readGraph).toBe(true);
    const placedByFullPath = tree(rig.path('out-a'));
    expect(Object.keys(placedByFullPath).filter((p) => p.endsWith('/'))).toHaveLength(JOBS);

    // Another directory, with a target in the way (a file of its own, other bytes) and a tree a killed run left.
    mkdirSync(rig.path('out-b', 'j3'), { recursive: true });
    writeFileSync(rig.path('out-b', 'j3', 'o'), 'stale\n');
    writeFileSync(rig.path('out-b', 'j3', 'extra'), 'stale\n');
    mkdirSync(rig.path('out-b', 'j4.disbuild-999999999-0123456789ab'));
    const fast = await run(['--out-dir', rig.path('out-b')]);
    expect(fast.code, fast.stderr).toBe(0);
    expect(fast.readGraph).toBe(false);
    expect(fast.stdout).toMatch(summary(JOBS, 0));
    expect(fast.stdout.replace(/ in \S+$/m, '')).toBe(full.stdout.replace(/ in \S+$/m, ''));
    expect(fast.stderr).toBe(full.stderr);
    expect(tree(rig.path('out-b'))).toEqual(placedByFullPath);

    // Relative to the working directory, as the full path takes it.
    const relative = await run(['--out-dir', '../out-c']);
    expect(relative.readGraph).toBe(false);
    expect(tree(rig.path('out-c'))).toEqual(placedByFullPath);

    // Some targets (33, enough for the lookup memo that vouches for the hits): recorded apart, as other
    // arguments, then placed alone.
    const some = ['--targets', 'j1*,j2*,j3*'];
    await run(['--out-dir', rig.path('out-d'), ...some]);
    const placedSome = await run(['--out-dir', rig.path('out-e'), ...some]);
    expect(placedSome.readGraph).toBe(false);
    expect(placedSome.stdout).toMatch(summary(33, 0));
    expect(tree(rig.path('out-e'))).toEqual(tree(rig.path('out-d')));
    expect(readdirSync(rig.path('out-e'))).toHaveLength(33);
  });

  it('hands a damaged entry to the full path, which says so, builds the job and places what it built', async () => {
    const { run, summary, recorded } = runs;
    await recorded();
    await run(['--out-dir', rig.path('out-a')]);
    // The record answers such runs now: the trouble below is the record's to find, then the full path's.
    expect((await run(['--out-dir', rig.path('out-0')])).readGraph).toBe(false);
    // The stored output of j5, changed in place (same size): only a restore's check can tell.
    const stored = storedFile(rig.cacheDir, 'input 5\n');
    chmodSync(stored, 0o644);
    writeFileSync(stored, 'input X\n');
    chmodSync(stored, 0o444);

    const r = await run(['--out-dir', rig.path('out-b')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.readGraph).toBe(true);
    expect(r.stdout).toMatch(summary(JOBS - 1, 1));
    expect(r.stdout).toMatch(/cached output of "?j5"? could not be restored .*damaged/);
    expect(r.stdout.match(/could not be restored/g)).toHaveLength(1);
    expect(readFileSync(rig.path('out-b', 'j5', 'o'), 'utf8')).toBe('input 5\n');
    expect(tree(rig.path('out-b'))).toEqual(tree(rig.path('out-a')));
    // No tree left beside a target.
    expect(readdirSync(rig.path('out-b')).filter((n) => n.includes('.disbuild-'))).toEqual([]);
  });

  it('hands an out dir it cannot make to the full path, which fails the run and says why', async () => {
    const { run, recorded } = runs;
    await recorded();
    await run(['--out-dir', rig.path('out-a')]);
    expect((await run(['--out-dir', rig.path('out-0')])).readGraph).toBe(false);
    writeFileSync(rig.path('not-a-dir'), 'a file\n');
    const r = await run(['--out-dir', rig.path('not-a-dir')]);
    expect(r.code).toBe(1);
    expect(r.readGraph).toBe(true);
    expect(`${r.stdout}${r.stderr}`).toMatch(/cannot place the outputs of j0/);
  });

  it('is never written for two targets with one key, which the full path restores once', async () => {
    const { run, recorded } = runs;
    await recorded({
      edit: (g) => {
        Object.assign(g.Jobs[6]!, { Inputs: g.Jobs[5]!.Inputs, Cmds: g.Jobs[5]!.Cmds });
      },
    });
    await run(['--out-dir', rig.path('out-a')]);
    const again = await run(['--out-dir', rig.path('out-b')]);
    expect(again.readGraph).toBe(true);
    expect(tree(rig.path('out-b'))).toEqual(tree(rig.path('out-a')));
  });

  it('looks up what the full path does: a target whose dependencies make the lookup one of the memo', async () => {
    // Two rigs alike, one run answered by the record, the other by the full path (another variable). j0 depends on
    // every other job: the run selects 40 keys, whose lookup the lookup memo serves, for one target. An entry made
    // writable by anyone is damage to a lookup that reads it, and none to the memo's.
    const rigs = [rig, await Rig.create()];
    try {
      const answers = await Promise.all(
        rigs.map(async (r, i) => {
          const rs = i === 0 ? runs : fullyCachedRuns(r);
          await rs.recorded({
            edit: (g) => {
              g.Jobs[0]!.Deps = g.Jobs.slice(1).map((j) => j.ID);
            },
          });
          const target = ['--targets', 'j0'];
          await rs.run(['--out-dir', r.path('out-a'), ...target]);
          const stored = storedFile(r.cacheDir, 'input 0\n');
          chmodSync(join(stored, '..', '..', 'meta.json'), 0o666);
          return rs.run(['--out-dir', r.path('out-b'), ...target], i === 0 ? {} : { FULL_PATH: '1' });
        }),
      );
      expect(answers.map((a) => a.readGraph)).toEqual([false, true]);
      expect(answers[0]!.stdout.replace(/ in \S+$/m, '')).toBe(answers[1]!.stdout.replace(/ in \S+$/m, ''));
      expect(answers[0]!.stderr).toBe(answers[1]!.stderr);
    } finally {
      await rigs[1]!.cleanup();
    }
  });

  it('lets runs place into one out dir at once, the record and the full path alike: each target whole', async () => {
    const { run, summary, recorded } = runs;
    await recorded();
    await run(['--out-dir', rig.path('out')]);
    for (let round = 0; round < 4; round++) {
      // Two answered by the record, two by the full path (another variable each).
      const rs = await Promise.all(
        ([{}, {}, { FULL_PATH: '1' }, { FULL_PATH: '2' }] as Record<string, string>[]).map((env) =>
          run(['--out-dir', rig.path('out')], env),
        ),
      );
      for (const r of rs) {
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout).toMatch(summary(JOBS, 0));
        expect(r.stdout).not.toMatch(/warning/);
      }
      const names = readdirSync(rig.path('out'));
      expect(names.filter((n) => n.includes('.disbuild-'))).toEqual([]);
      expect(names).toHaveLength(JOBS);
      for (let i = 0; i < JOBS; i++) {
        expect(readdirSync(rig.path('out', `j${i}`))).toEqual(['o']);
        expect(readFileSync(rig.path('out', `j${i}`, 'o'), 'utf8')).toBe(`input ${i}\n`);
      }
    }
  });
});
