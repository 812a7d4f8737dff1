import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { chmod, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

/**
 * Loaded into the CLI with `--import`: records every process the run starts (fork and spawn, the functions the
 * launcher, the coordinator's clean-up and git go through), one line each, in $PROCESS_LOG; and the reads of
 * one watched input.
 */
const RECORDER = `
import childProcess from 'node:child_process';
import fs, { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
for (const name of ['fork', 'spawn']) {
  const real = childProcess[name];
  childProcess[name] = function (command, ...rest) {
    const args = Array.isArray(rest[0]) ? ' ' + rest[0].join(' ').replace(/\\s+/g, ' ').slice(0, 160) : '';
    appendFileSync(process.env.PROCESS_LOG, name + ' ' + command + args + '\\n');
    return real.call(this, command, ...rest);
  };
}
// Reads of inputs named watched.txt, which only hashing does: the point where keys are being computed. And the
// graph file's read (by its path, or through a descriptor opened on it), logged once its bytes are in: from then on
// the graph is being validated.
const graphFds = new Map();
const openSync = fs.openSync;
fs.openSync = function (path, ...rest) {
  const fd = openSync.call(this, path, ...rest);
  if (String(path).endsWith('graph.json')) graphFds.set(fd, String(path));
  else graphFds.delete(fd);
  return fd;
};
const readFileSync = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (String(path).endsWith('watched.txt')) appendFileSync(process.env.PROCESS_LOG, 'read ' + path + '\\n');
  const bytes = readFileSync.call(this, path, ...rest);
  const graph = typeof path === 'number' ? graphFds.get(path) : String(path).endsWith('graph.json') && path;
  if (graph) appendFileSync(process.env.PROCESS_LOG, 'graph read ' + graph + '\\n');
  return bytes;
};
syncBuiltinESMExports();
`;

/** Loaded with `--import`: records every worker thread the run starts, by its program's file name. */
const THREAD_RECORDER = `
import threads from 'node:worker_threads';
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
const Real = threads.Worker;
threads.Worker = class extends Real {
  constructor(file, ...rest) {
    appendFileSync(process.env.PROCESS_LOG, 'worker ' + basename(String(file)) + '\\n');
    super(file, ...rest);
  }
  postMessage(...args) {
    // With the number of restores the message carries.
    const tasks = args[0]?.tasks?.length ?? 1;
    appendFileSync(process.env.PROCESS_LOG, 'to the thread ' + tasks + '\\n');
    return super.postMessage(...args);
  }
};
syncBuiltinESMExports();
`;

/** Loaded with `--import`: records every rename the run makes, `from -> to`, whichever fs function it goes through. */
const RENAME_RECORDER = `
import fs, { appendFileSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
const log = (from, to) => appendFileSync(process.env.PROCESS_LOG, String(from) + ' -> ' + String(to) + '\\n');
const promises = fsPromises === fs.promises ? [] : [[fsPromises, 'rename']];
for (const [mod, name] of [[fs, 'renameSync'], [fs, 'rename'], [fs.promises, 'rename'], ...promises]) {
  const real = mod[name];
  mod[name] = function (from, to, ...rest) {
    log(from, to);
    return real.call(this, from, to, ...rest);
  };
}
syncBuiltinESMExports();
`;

/**
 * Loaded with `--import`: records every file-system request that goes through libuv's thread pool (whose first
 * request starts its threads), with where it was made.
 */
const POOL_RECORDER = `
import { createHook } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
createHook({
  init(id, type) {
    if (!type.startsWith('FSREQ')) return;
    const where = new Error().stack.split('\\n').slice(3, 6).map((l) => l.trim()).join(' < ');
    appendFileSync(process.env.PROCESS_LOG, type + ' ' + where + '\\n');
  },
}).enable();
`;

describe('the warm path', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
    await writeFile(rig.path('recorder.mjs'), RECORDER);
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  const recorded = async (log: string): Promise<string[]> =>
    (await readFile(rig.path(log), 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const recording = (log: string): Record<string, string> => ({
    NODE_OPTIONS: `--import ${pathToFileURL(rig.path('recorder.mjs')).href}`,
    PROCESS_LOG: rig.path(log),
  });

  it('starts no launcher, coordinator or scratch space for a run whose every job hits, and does for a miss', async () => {
    await rig.write({
      'a.txt': 'alpha',
      'graph.json': graphJson([
        { name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
        { name: 'b', deps: ['a'], cmds: [{ exec: ['sh', '-c', 'cat <dep:a>/a > <out>/b'] }] },
      ]),
    });
    expect((await rig.runGraph()).code).toBe(0);
    await rm(rig.path('cache', 'coordinator'), { recursive: true, force: true });
    const runs = rig.path('cache', 'runs');
    const runsBefore = await readdir(runs).catch(() => []);

    const cached = await rig.runGraph([], recording('cached.log'));
    expect(cached.code).toBe(0);
    expect([...cached.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached']);
    // git's listings only: no launcher forked, no `rm -rf` of a scratch directory, no coordinator joined.
    expect(
      (await recorded('cached.log')).filter((l) => !/^(spawn (git |sh -c \{ git)|graph read )/.test(l)),
    ).toEqual([]);
    expect(existsSync(rig.path('cache', 'coordinator'))).toBe(false);
    expect(await readdir(runs).catch(() => [])).toEqual(runsBefore);

    await rig.write({ 'a.txt': 'alpha, edited' });
    const edited = await rig.runGraph([], recording('edited.log'));
    expect(edited.code).toBe(0);
    expect([...edited.jobs.values()].map((j) => j.status)).toEqual(['built', 'built']);
    const editedLog = await recorded('edited.log');
    // Two misses: their commands are started by the run itself, no launcher is booted for them.
    expect(editedLog.some((l) => l.includes('launcher-process'))).toBe(false);
    expect(
      editedLog.filter((l) => l.startsWith('spawn /bin/sh -c trap') && l.includes(' sh -c cat ')),
    ).toHaveLength(2);
    // Small scratch trees (this run's, the coordinator's store) are removed in line: no `rm` left running at exit.
    expect(editedLog.filter((l) => l.startsWith('spawn rm'))).toEqual([]);
    expect(existsSync(rig.path('cache', 'coordinator'))).toBe(true);
  });

  it('starts no thread-pool threads when every job hits, nor when one job rebuilds on restored dependencies', async () => {
    await writeFile(rig.path('pool.mjs'), POOL_RECORDER);
    const probing = (log: string): Record<string, string> => ({
      NODE_OPTIONS: `--import ${pathToFileURL(rig.path('pool.mjs')).href}`,
      PROCESS_LOG: rig.path(log),
    });
    await rig.write({
      'a.txt': 'alpha',
      'c.txt': 'gamma',
      'graph.json': graphJson([
        { name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
        { name: 'b', deps: ['a'], cmds: [{ exec: ['sh', '-c', 'cat <dep:a>/a > <out>/b'] }] },
        {
          name: 'c',
          inputs: ['c.txt'],
          deps: ['b'],
          cmds: [{ exec: ['sh', '-c', 'cat <dep:b>/b c.txt > <out>/c'] }],
        },
      ]),
    });
    expect((await rig.runGraph()).code).toBe(0);
    const cached = await rig.runGraph([], probing('cached.log'));
    expect([...cached.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached', 'cached']);
    expect(await recorded('cached.log')).toEqual([]);
    // A leaf edited: its dependency's output restored, the coordinator opened for the claim and closed at the end.
    await rig.write({ 'c.txt': 'gamma, edited' });
    const edited = await rig.runGraph([], probing('edited.log'));
    expect([...edited.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached', 'built']);
    expect(await recorded('edited.log')).toEqual([]);
  });

  it('boots the launcher before reading the graph with a fresh cache, and closes it unused when all hits', async () => {
    await rig.write({
      'watched.txt': 'alpha',
      'graph.json': graphJson([
        { name: 'a', inputs: ['watched.txt'], cmds: [{ exec: ['sh', '-c', 'cat watched.txt > <out>/a'] }] },
      ]),
    });

    // A fresh cache: the launcher is forked before the graph is read, let alone the input to compute its key.
    const cold = await rig.runGraph([], recording('cold.log'));
    expect(cold.code, cold.stderr).toBe(0);
    const coldLog = await recorded('cold.log');
    const forked = coldLog.findIndex((l) => l.includes('launcher-process'));
    const graphRead = coldLog.findIndex((l) => l.startsWith('graph read '));
    const hashed = coldLog.findIndex((l) => l.startsWith('read '));
    expect(graphRead).toBeGreaterThanOrEqual(0);
    expect(hashed).toBeGreaterThan(graphRead);
    expect(forked).toBeGreaterThanOrEqual(0);
    expect(forked).toBeLessThan(graphRead);

    // Timings lost (say, an older cache): the early launcher is closed once every job hits, and exits with the run.
    await rm(rig.path('cache', 'timings-v1.json'));
    const cached = await rig.runGraph([], recording('cached.log'));
    expect(cached.code, cached.stderr).toBe(0);
    expect(cached.jobs.get('a')?.status).toBe('cached');
    expect((await recorded('cached.log')).some((l) => l.includes('launcher-process'))).toBe(true);
    // This rig's launchers are the ones working in its source directory; one may take a moment to see the close.
    const launchers = async (): Promise<string[]> =>
      (await readdir('/proc')).filter((d) => {
        try {
          return (
            /^\d+$/.test(d) &&
            readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('launcher-process') &&
            readlinkSync(`/proc/${d}/cwd`) === rig.src
          );
        } catch {
          return false;
        }
      });
    for (let i = 0; i < 20 && (await launchers()).length > 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await launchers()).toEqual([]);
  });

  it('starts a few misses itself and boots a launcher for many, once the lookups have counted them', async () => {
    // 40 jobs, more than a run starts itself (32): each reads its own file and the shared watched.txt.
    const files: Record<string, string> = { 'watched.txt': 'alpha' };
    const jobs = [];
    for (let i = 0; i < 40; i++) {
      files[`own${i}.txt`] = `own ${i}`;
      jobs.push({
        name: `j${i}`,
        inputs: ['watched.txt', `own${i}.txt`],
        cmds: [{ exec: ['sh', '-c', `cat watched.txt own${i}.txt > <out>/o`] }],
      });
    }
    await rig.write({ ...files, 'graph.json': graphJson(jobs) });
    const git = (...args: string[]): void =>
      void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: rig.src,
        stdio: 'ignore',
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'tree');
    expect((await rig.runGraph()).code).toBe(0);

    // Clean and timed: nothing is started ahead, and nothing is needed.
    const clean = await rig.runGraph([], recording('clean.log'));
    expect(clean.code, clean.stderr).toBe(0);
    expect(
      (await recorded('clean.log')).filter((l) => !/^(spawn (git |sh -c \{ git)|graph read )/.test(l)),
    ).toEqual([]);

    // One input edited, not committed: one miss, whose command the run starts itself.
    await rig.write({ 'own7.txt': 'own 7, edited' });
    const one = await rig.runGraph([], recording('one.log'));
    expect(one.code, one.stderr).toBe(0);
    expect([...one.jobs.values()].filter((j) => j.status === 'built').map((j) => j.name)).toEqual(['j7']);
    const oneLog = await recorded('one.log');
    expect(oneLog.some((l) => l.includes('launcher-process'))).toBe(false);
    expect(
      oneLog.filter((l) => l.startsWith('spawn /bin/sh -c trap') && l.includes(' sh -c cat ')),
    ).toHaveLength(1);

    // The shared input edited: 40 misses, started through one launcher, forked once the keys were computed.
    await rig.write({ 'watched.txt': 'alpha, edited' });
    const all = await rig.runGraph([], recording('all.log'));
    expect(all.code, all.stderr).toBe(0);
    expect([...all.jobs.values()].every((j) => j.status === 'built')).toBe(true);
    const log = await recorded('all.log');
    const forked = log.findIndex((l) => l.includes('launcher-process'));
    expect(forked).toBeGreaterThan(log.findIndex((l) => l.startsWith('read ')));
    expect(log.filter((l) => l.includes('launcher-process'))).toHaveLength(1);
  });

  it('seals a restored output when a command is about to read it, and hands --out-dir trees over writable', async () => {
    await rig.write({
      'u.txt': 'one',
      'graph.json': graphJson([
        { name: 'dep', cmds: [{ exec: ['sh', '-c', 'mkdir <out>/d && echo x > <out>/d/f'] }] },
        {
          name: 'user',
          deps: ['dep'],
          inputs: ['u.txt'],
          cmds: [
            {
              exec: [
                'sh',
                '-c',
                'cat u.txt <dep:dep>/d/f; if mkdir <dep:dep>/d/__pycache__ 2>/dev/null; then echo wrote; else echo refused; fi',
              ],
            },
          ],
        },
      ]),
    });
    await chmod(rig.root, 0o755);
    execFileSync('chown', ['-R', '65534:65534', rig.root]);
    // As an unprivileged user: root ignores modes.
    const asNobody = async (extra: string[]): Promise<{ code: number | null; out: string }> => {
      const r = await rig.runAsNobody([
        'run',
        '--graph',
        'graph.json',
        '--cache-dir',
        rig.cacheDir,
        '--log-replay',
        'all',
        ...extra,
      ]);
      return { code: r.code, out: r.stdout + r.stderr };
    };
    const first = await asNobody([]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('refused');
    // dep is restored from the cache for user, which runs again: it reads a sealed tree all the same.
    await writeFile(rig.path('src', 'u.txt'), 'two');
    const second = await asNobody(['--out-dir', rig.path('out')]);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('twox');
    expect(second.out).toContain('refused');
    expect(second.out).not.toContain('wrote');
    // What lands in the out dir is the user's to change, sealed or not on the way.
    await writeFile(rig.path('src', 'u.txt'), 'three');
    const third = await asNobody(['--out-dir', rig.path('out2'), 'dep']);
    expect(third.code, third.out).toBe(0);
    for (const dir of ['out', 'out2']) {
      const d = rig.path(dir, 'dep', 'd');
      expect((await stat(d)).mode & 0o200).not.toBe(0);
      expect((await stat(join(d, 'f'))).mode & 0o200).not.toBe(0);
    }
  });

  it('restores many --out-dir targets on two threads, each verified: whole when intact, rebuilt when damaged', async () => {
    // Past the 256th restore a helper thread takes a share: cat commands, so that building them starts no process.
    const n = 300;
    await rig.write({
      'graph.json': graphJson(
        Array.from({ length: n }, (_, i) => ({
          name: `j${i}`,
          cmds: [
            { cat: `job ${i}\n`, to: '<out>/d/f' },
            { cat: `${i}\n`, to: '<out>/g' },
          ],
        })),
      ),
    });
    expect((await rig.runGraph()).code).toBe(0);
    await writeFile(rig.path('thread.mjs'), THREAD_RECORDER);
    const restoreAll = async (out: string, log: string) => {
      const r = await rig.runGraph(['--out-dir', rig.path(out)], {
        NODE_OPTIONS: `--import ${pathToFileURL(rig.path('thread.mjs')).href}`,
        PROCESS_LOG: rig.path(log),
      });
      expect(r.code, r.stderr).toBe(0);
      // The restores are asked for at once: the thread starts while they wait and is handed some (how many
      // depends on how soon it boots; these outputs are tiny), not only after the last one was asked for.
      const [started, ...sent] = await recorded(log);
      expect(started).toBe('worker restore-worker.js');
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((l) => l.startsWith('to the thread '))).toBe(true);
      // How many go in one message depends on how soon the thread boots: on a loaded machine, one each (a run of
      // the suite saw 8 messages of one), so that is not asked here.
      for (let i = 0; i < n; i++) {
        expect(await readFile(rig.path(out, `j${i}`, 'd', 'f'), 'utf8')).toBe(`job ${i}\n`);
        expect(await readFile(rig.path(out, `j${i}`, 'g'), 'utf8')).toBe(`${i}\n`);
      }
      return { statuses: [...r.jobs.values()].map((j) => j.status), output: r.stdout + r.stderr };
    };
    const intact = await restoreAll('out1', 'threads1.log');
    expect(intact.statuses).toEqual(Array(n).fill('cached'));

    // Every entry damaged (same size, other bytes): whichever thread restores it, it is found out and rebuilt.
    const entries = rig.path('cache', 'v1', 'entries');
    for (const shard of await readdir(entries))
      for (const key of await readdir(join(entries, shard))) {
        const f = join(entries, shard, key, 'out', 'd', 'f');
        await chmod(f, 0o644);
        await writeFile(f, (await readFile(f, 'utf8')).replace('job', 'JOB'));
      }
    const damaged = await restoreAll('out2', 'threads2.log');
    expect(damaged.statuses).toEqual(Array(n).fill('built'));
    expect(damaged.output.match(/could not be restored/g)).toHaveLength(n);
  });

  it("puts many jobs' in-place outputs back in the checkout on two threads, each file checked", async () => {
    // Past the 256th restore the helper thread takes a share of the files put in place, as it does of restores.
    const n = 300;
    const graph = JSON.parse(
      graphJson(
        Array.from({ length: n }, (_, i) => ({
          name: `j${i}`,
          cmds: [{ exec: ['sh', '-c', `mkdir -p p${i}/dist && echo 'job ${i}' > p${i}/dist/f`] }],
        })),
      ),
    ) as { Jobs: { Outputs?: string[] }[] };
    graph.Jobs.forEach((j, i) => (j.Outputs = [`p${i}/dist/**`]));
    await rig.write({ 'graph.json': JSON.stringify(graph) });
    expect((await rig.runGraph(['-q'])).code).toBe(0);
    await writeFile(rig.path('thread.mjs'), THREAD_RECORDER);
    const restoreInPlace = async (log: string) => {
      for (let i = 0; i < n; i++) await rm(rig.path('src', `p${i}`, 'dist'), { recursive: true });
      const r = await rig.runGraph(['-q'], {
        NODE_OPTIONS: `--import ${pathToFileURL(rig.path('thread.mjs')).href}`,
        PROCESS_LOG: rig.path(log),
      });
      expect(r.code, r.stderr).toBe(0);
      for (let i = 0; i < n; i++) {
        expect(await readFile(rig.path('src', `p${i}`, 'dist', 'f'), 'utf8')).toBe(`job ${i}\n`);
      }
      return { r, log: await recorded(log) };
    };
    const intact = await restoreInPlace('in-place1.log');
    expect([...intact.r.jobs.values()].map((j) => j.status)).toEqual(Array(n).fill('cached'));
    const [started, ...sent] = intact.log;
    expect(started).toBe('worker restore-worker.js');
    expect(sent.length).toBeGreaterThan(0);

    // Every stored file damaged (same size, other bytes): whichever thread writes it, it is found out before it
    // takes its place, and the job rebuilt.
    const entries = rig.path('cache', 'v1', 'entries');
    for (const shard of await readdir(entries))
      for (const key of await readdir(join(entries, shard))) {
        const dist = join(entries, shard, key, 'out', '.in-place');
        const [pkg] = await readdir(dist);
        const f = join(dist, pkg!, 'dist', 'f');
        await chmod(f, 0o644);
        await writeFile(f, (await readFile(f, 'utf8')).replace('job', 'JOB'));
      }
    const damaged = await restoreInPlace('in-place2.log');
    expect([...damaged.r.jobs.values()].map((j) => j.status)).toEqual(Array(n).fill('built'));
  });

  it('boots the restore thread before keying when --out-dir names many targets', async () => {
    const n = 300;
    await rig.write({
      'watched.txt': 'w\n',
      'graph.json': graphJson(
        Array.from({ length: n }, (_, i) => ({
          name: `j${i}`,
          ...(i === 0 ? { inputs: ['watched.txt'] } : {}),
          cmds: [{ cat: `${i}\n`, to: '<out>/g' }],
        })),
      ),
    });
    expect((await rig.runGraph()).code).toBe(0);
    await writeFile(rig.path('thread.mjs'), THREAD_RECORDER);
    const r = await rig.runGraph(['--out-dir', rig.path('out')], {
      NODE_OPTIONS: [rig.path('recorder.mjs'), rig.path('thread.mjs')]
        .map((f) => `--import ${pathToFileURL(f).href}`)
        .join(' '),
      PROCESS_LOG: rig.path('early.log'),
    });
    expect(r.code, r.stderr).toBe(0);
    const log = await recorded('early.log');
    const started = log.indexOf('worker restore-worker.js');
    const keying = log.findIndex((l) => l.startsWith('read ') && l.endsWith('watched.txt'));
    expect(started).toBeGreaterThanOrEqual(0);
    expect(keying).toBeGreaterThanOrEqual(0);
    expect(started).toBeLessThan(keying);
  });

  it("loads no thread code for a run that restores nothing: Node's worker_threads stay unloaded", async () => {
    await rig.write({
      'graph.json': graphJson([{ name: 'a', cmds: [{ cat: 'alpha\n', to: '<out>/a' }] }]),
    });
    expect((await rig.runGraph()).code).toBe(0);
    // Node lists every built-in module it has loaded; this one writes the list as the process exits.
    await writeFile(
      rig.path('modules.mjs'),
      `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.PROCESS_LOG, process.moduleLoadList.join('\\n')));`,
    );
    const r = await rig.runGraph([], {
      NODE_OPTIONS: `--import ${pathToFileURL(rig.path('modules.mjs')).href}`,
      PROCESS_LOG: rig.path('modules.log'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.jobs.get('a')?.status).toBe('cached');
    const loaded = await recorded('modules.log');
    expect(loaded).toContain('NativeModule child_process');
    expect(loaded.filter((m) => m.includes('worker_threads'))).toEqual([]);
  });

  it('restores each --out-dir target beside its place and renames it there once: no copy through scratch space', async () => {
    await rig.write({
      'graph.json': graphJson(
        ['a', 'b', 'c'].map((name) => ({ name, cmds: [{ cat: `${name}\n`, to: '<out>/d/f' }] })),
      ),
    });
    expect((await rig.runGraph()).code).toBe(0);
    await writeFile(rig.path('renames.mjs'), RENAME_RECORDER);
    const r = await rig.runGraph(['--out-dir', rig.path('out')], {
      NODE_OPTIONS: `--import ${pathToFileURL(rig.path('renames.mjs')).href}`,
      PROCESS_LOG: rig.path('renames.log'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect([...r.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached', 'cached']);
    for (const name of ['a', 'b', 'c'])
      expect(await readFile(rig.path('out', name, 'd', 'f'), 'utf8')).toBe(`${name}\n`);
    // One rename per target, from beside it onto it; nothing is renamed anywhere else (no temp directory of the
    // cache's restore, no move out of the run's scratch space).
    const renames = (await recorded('renames.log'))
      .map((line) => line.split(' -> '))
      .filter(([from, to]) =>
        [from, to].some((p) => p!.startsWith(rig.path('out')) || /\/runs\/[^/]+\/out\//.test(p!)),
      );
    expect(renames).toHaveLength(3);
    for (const [from, to] of renames) {
      expect(['a', 'b', 'c'].map((n) => rig.path('out', n))).toContain(to);
      expect(from).toMatch(new RegExp(`^${to}\\.disbuild-[0-9]+-[0-9a-f]{12}$`));
    }
    expect((await readdir(rig.path('out'))).sort()).toEqual(['a', 'b', 'c']);
  });

  it('restores every --out-dir target verified, including two targets with one key and an executable', async () => {
    const make = (name: string) => ({
      name,
      cmds: [
        {
          exec: [
            'sh',
            '-c',
            'mkdir -p <out>/bin && printf "#!/bin/sh\\necho hi\\n" > <out>/bin/tool && chmod +x <out>/bin/tool && ln -s bin/tool <out>/link',
          ],
        },
      ],
    });
    await rig.write({ 'graph.json': graphJson([make('one'), make('two')]) });
    expect((await rig.runGraph(['--out-dir', rig.path('built')])).code).toBe(0);
    const r = await rig.runGraph(['--out-dir', rig.path('restored')]);
    expect(r.code).toBe(0);
    expect([...r.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached']);
    for (const dir of ['built', 'restored'])
      for (const name of ['one', 'two']) {
        expect(await readFile(rig.path(dir, name, 'bin/tool'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
        expect((await stat(rig.path(dir, name, 'bin/tool'))).mode & 0o111).not.toBe(0);
        expect(await readFile(rig.path(dir, name, 'link'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
      }
    // The restored trees belong to the user: writing to them leaves the cache intact.
    await chmod(rig.path('restored', 'one', 'bin/tool'), 0o755);
    await writeFile(rig.path('restored', 'one', 'bin/tool'), 'changed');
    const again = await rig.runGraph(['--out-dir', rig.path('again')]);
    expect(again.stdout + again.stderr).not.toContain('corrupt');
    expect(await readFile(rig.path('again', 'one', 'bin/tool'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
  });
});
