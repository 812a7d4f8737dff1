import { readFile, rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/npm-workspace.js';
import { CLI, Rig, type ReportJob } from '../helpers/rig.js';

/**
 * Jobs whose output globs may match the same files take turns from their clear to their capture (see
 * InPlaceOutputs.exclusive). A job waiting for its turn holds nothing else: no worker slot, no claim on its key.
 */
describe('turns of jobs whose outputs may be the same files', () => {
  let rig: Rig;
  afterEach(async () => {
    await rig.cleanup();
  });

  /** A committed repository whose disbuild.json holds `tasks` (`dist/` and `other/` ignored). */
  const setUp = async (tasks: () => Record<string, object>): Promise<void> => {
    rig = await Rig.create();
    await rig.write({
      '.gitignore': 'dist/\nother/\n',
      'disbuild.json': JSON.stringify({ tasks: tasks() }),
      'a.in': 'a\n',
      'b.in': 'b\n',
    });
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
  };
  /** A command that notes when it started, then does `then`. */
  const noted = (name: string, then: string): string =>
    `echo "${name} $(date +%s%3N)" >> ${rig.path('log')}; ${then}`;
  const starts = async (): Promise<Map<string, number>> =>
    new Map(
      (await readFile(rig.path('log'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => [l.split(' ')[0]!, Number(l.split(' ')[1])]),
    );
  const report = async (): Promise<Map<string, ReportJob>> =>
    new Map(
      (JSON.parse(await readFile(rig.path('report.json'), 'utf8')) as { jobs: ReportJob[] }).jobs.map((j) => [
        j.name,
        j,
      ]),
    );

  it('a tool inside a job that runs a sibling queued behind its turn does not hang the run, nor take its file', async () => {
    // `a` (`dist/**`) runs `disbuild run b` on the same cache; `b` (`dist/b.txt`) is in the outer run too. `c`
    // after `a` gives `a` the turn first.
    await setUp(() => ({
      a: {
        command: `mkdir -p dist; ${process.execPath} ${CLI} run b --cache-dir ${rig.cacheDir}; echo a > dist/a.txt`,
        inputs: ['a.in'],
        outputs: ['dist/**'],
      },
      b: {
        command: 'mkdir -p dist; sleep 0.5; cp b.in dist/b.txt',
        inputs: ['b.in'],
        outputs: ['dist/b.txt'],
      },
      c: { command: 'true', inputs: [], deps: ['a'] },
    }));
    const run = async (): Promise<Map<string, ReportJob>> => {
      const r = await rig.run([
        'run',
        '-j',
        '4',
        '--timeout',
        '30',
        '--cache-dir',
        rig.cacheDir,
        '--report',
        rig.path('report.json'),
      ]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return report();
    };
    // Before: the outer `b` claimed its key and waited for `a`'s turn, the nested run for that key: only the job
    // time-out ended it.
    const first = await run();
    expect(first.get('a')?.status).toBe('built');
    expect(first.get('a')?.durationMs).toBeLessThan(20_000);
    // And then `a`'s artifact took `dist/b.txt`, which the nested run wrote during `a`'s turn: once `b` was
    // rebuilt, it left its own file out (`a` held it), and every later run put back `a`'s stale copy.
    await rig.write({ 'b.in': 'b2\n' });
    git(rig.src, 'commit', '-qam', 'b2');
    expect((await run()).get('b')?.status).toBe('built');
    for (let i = 0; i < 2; i++) {
      expect([...(await run()).values()].every((j) => j.status === 'cached')).toBe(true);
      expect(await rig.read('src/dist/b.txt')).toBe('b2\n');
      await rm(rig.path('src', 'dist'), { recursive: true, force: true });
    }
  });

  it('a file a sibling names but does not write stays where the job that wrote it left it', async () => {
    // `gen` (`dist/*.txt`) writes `dist/types.txt`; `types` names that file outright but writes nothing, and waits
    // for `slow`: `gen` captures first, while `types` has not settled.
    await setUp(() => ({
      slow: { command: 'sleep 1', inputs: ['a.in'] },
      gen: {
        command: 'mkdir -p dist; cp a.in dist/a.txt; cp b.in dist/types.txt',
        inputs: ['a.in', 'b.in'],
        outputs: ['dist/*.txt'],
      },
      types: { command: 'true', inputs: ['b.in'], outputs: ['dist/types.txt'], deps: ['slow'] },
      pack: { command: 'cat dist/types.txt > pack.out', inputs: ['a.in'], deps: ['gen', 'types'] },
    }));
    const run = async (): Promise<string> => {
      const r = await rig.run(['run', '-j', '2', '--cache-dir', rig.cacheDir]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      return r.stdout;
    };
    // Before: `gen` left the file to `types`, whose clear then removed it as a stale output of its own, and `pack`
    // failed.
    expect(await run()).toMatch(/4 built/);
    expect(await rig.read('src/pack.out')).toBe('b\n');
    await rm(rig.path('src', 'dist'), { recursive: true, force: true });
    expect(await run()).toMatch(/4 cached/);
    expect(await rig.read('src/dist/types.txt')).toBe('b\n');
  });

  it('--fail-fast: a job waiting for its turn starts no command once a failure is known', async () => {
    await setUp(() => ({
      one: {
        command: noted('one', 'mkdir -p dist; sleep 1.5; echo 1 > dist/one.txt'),
        inputs: [],
        outputs: ['dist/*.txt'],
      },
      two: {
        command: noted('two', 'mkdir -p dist; sleep 1.5; echo 2 > dist/two.txt'),
        inputs: [],
        outputs: ['dist/two.txt'],
      },
      fails: { command: noted('fails', 'sleep 0.3; exit 1'), inputs: [] },
    }));
    const r = await rig.run([
      'run',
      '--fail-fast',
      '-j',
      '3',
      '--cache-dir',
      rig.cacheDir,
      '--report',
      rig.path('report.json'),
    ]);
    expect(r.code).toBe(1);
    // Before: the second of `one` and `two` started once the first ended, after `fails` had failed.
    const started = await starts();
    expect(started.has('one') !== started.has('two')).toBe(true);
    expect([...(await report()).values()].filter((j) => j.status === 'skipped')).toHaveLength(1);
  });

  it('a job of another directory does not wait for jobs queued for their turn', async () => {
    const quick = (n: string): object => ({
      command: noted(n, `mkdir -p dist/${n}; echo ${n} > dist/${n}/x.txt`),
      inputs: [],
      outputs: [`dist/${n}/**`],
    });
    await setUp(() => ({
      a: {
        command: noted('a', 'mkdir -p dist; sleep 3; echo a > dist/a.txt'),
        inputs: [],
        outputs: ['dist/**'],
      },
      b1: quick('b1'),
      b2: quick('b2'),
      b3: quick('b3'),
      o: { command: noted('o', 'mkdir -p other; echo o > other/o.txt'), inputs: [], outputs: ['other/**'] },
    }));
    const r = await rig.run(['run', '-j', '2', '--cache-dir', rig.cacheDir]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const started = await starts();
    const first = Math.min(...started.values());
    // Before: `b1`–`b3`, waiting for `a`'s turn, held the worker slots, and `o` started once `a` ended.
    expect(started.get('o')! - first).toBeLessThan(2500);
  });
});
