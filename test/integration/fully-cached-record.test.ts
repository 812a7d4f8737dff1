import { createHash } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

/** More than the lookup memo's least (MEMO_MIN_KEYS): a record needs the memo to vouch for the hits. */
const JOBS = 40;

/** Past SETTLED_MS: stat data taken sooner than this after a change vouch for nothing. */
const SETTLE_MS = 3300;

/**
 * The record of a fully cached run (src/cli/fully-cached.ts): believed only while everything it vouches for holds.
 * Each test makes a record, changes one thing, and checks that the next run takes the full path (it reads the
 * graph file) and answers what the full path answers.
 */
describe('the record of a fully cached run', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  /** Files the CLI's process opened, logged by a preloaded script. */
  const preload = (): string => {
    const file = rig.path('open-log.cjs');
    writeFileSync(
      file,
      `const fs = require('node:fs');
if (process.argv[1].endsWith('index.js')) {
  const opened = [];
  for (const name of ['openSync', 'readFileSync']) {
    const real = fs[name];
    fs[name] = function (p, ...rest) { if (typeof p === 'string') opened.push(p); return real.call(this, p, ...rest); };
  }
  process.on('exit', () => fs.writeFileSync(process.env.OPEN_LOG, opened.join('\\n')));
}`,
    );
    return file;
  };

  /** `disbuild run` as a user runs it (no report); whether it read the graph file (took the full path). */
  const run = async (
    extra: string[] = [],
    env: Record<string, string> = {},
  ): Promise<{ code: number | null; stdout: string; stderr: string; readGraph: boolean }> => {
    // One name for every run: the environment is part of what a record vouches for.
    const log = rig.path('opened.txt');
    rmSync(log, { force: true });
    const r = await rig.run(['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-q', ...extra], {
      env: { NODE_OPTIONS: `--require ${preload()}`, OPEN_LOG: log, ...env },
    });
    const opened = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
    return { ...r, readGraph: opened.some((p) => p.endsWith('graph.json')) };
  };

  const summary = (cached: number, built: number): RegExp =>
    new RegExp(
      `^disbuild: ${cached + built} jobs: ${cached} cached, ${built} built, 0 failed, 0 skipped in `,
      'm',
    );

  /** A committed repository of JOBS jobs, each reading p<i>/in.txt; built, settled, then recorded. */
  async function recorded(
    options: { extraFiles?: Record<string, string>; graph?: string } = {},
  ): Promise<void> {
    const files: Record<string, string> = { ...options.extraFiles };
    const jobs = [];
    for (let i = 0; i < JOBS; i++) {
      files[`p${i}/in.txt`] = `input ${i}\n`;
      jobs.push({
        name: `j${i}`,
        inputs: [`p${i}/in.txt`],
        cmds: [{ exec: ['sh', '-c', `cat p${i}/in.txt > <out>/o`] }],
      });
    }
    files['graph.json'] = options.graph ?? graphJson(jobs);
    await rig.write(files);
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'init');
    const cold = await run();
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stdout).toMatch(summary(0, JOBS));
    // The cache's directories and the graph file must have settled for their stat data to vouch for them.
    await sleep(SETTLE_MS);
    const full = await run();
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toMatch(summary(JOBS, 0));
    expect(full.readGraph).toBe(true);
  }

  const recordPath = (): string => {
    const dir = join(rig.cacheDir, 'fully-cached-v1');
    const slot = `slot-${createHash('sha1').update(rig.src).digest('hex')[0]}`;
    expect(readdirSync(dir)).toEqual([slot]);
    return join(dir, slot);
  };

  it('answers a fully cached run without reading the graph, and is believed no more after an edit', async () => {
    await recorded();
    const fast = await run();
    expect(fast.code, fast.stderr).toBe(0);
    expect(fast.stdout).toMatch(summary(JOBS, 0));
    expect(fast.stderr).toBe('');
    expect(fast.readGraph).toBe(false);

    // An input edited (not committed): git's status changes; one job builds.
    writeFileSync(rig.path('src', 'p3', 'in.txt'), 'edited\n');
    const edited = await run();
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stdout).toMatch(summary(JOBS - 1, 1));
    expect(edited.readGraph).toBe(true);

    // Committed: the index's blob changes, the status is clean again; the job is cached now, by the full path.
    git(rig.src, 'commit', '-qam', 'edit');
    const committed = await run();
    expect(committed.stdout).toMatch(summary(JOBS, 0));
    expect(committed.readGraph).toBe(true);
  });

  it('is not believed for other arguments, another environment, or another graph', async () => {
    await recorded();
    for (const [extra, env] of [
      [['-j', '1'], {}],
      [[], { SOME_SETTING: '1' }],
    ] as [string[], Record<string, string>][]) {
      const other = await run(extra, env);
      expect(other.stdout).toMatch(summary(JOBS, 0));
      expect(other.readGraph).toBe(true);
    }
    // The record follows the last full run (here: the environment above); the graph file changes under it.
    const again = await run([], { SOME_SETTING: '1' });
    expect(again.readGraph).toBe(false);
    const graph = readFileSync(rig.path('src', 'graph.json'), 'utf8');
    writeFileSync(rig.path('src', 'graph.json'), graph.replace('cat p0/in.txt', 'cat  p0/in.txt'));
    const changed = await run([], { SOME_SETTING: '1' });
    expect(changed.stdout).toMatch(summary(JOBS - 1, 1));
    expect(changed.readGraph).toBe(true);
  });

  it('is not believed once a hit left the cache (pruned, moved away) or a cache directory changed', async () => {
    await recorded();
    // Every entry of one shard moved away: the shard's stat data move.
    const entries = join(rig.cacheDir, 'v1', 'entries');
    const shard = readdirSync(entries)[0]!;
    const moved = readdirSync(join(entries, shard));
    mkdirSync(rig.path('aside'));
    for (const e of moved) renameSync(join(entries, shard, e), rig.path('aside', e));
    const r = await run();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(summary(JOBS - moved.length, moved.length));
    expect(r.readGraph).toBe(true);
  });

  it('is not believed when an attributes file appears where git would read one, or the settings change', async () => {
    await recorded();
    writeFileSync(rig.path('src', 'p5', '.gitattributes'), 'in.txt -text\n');
    const attrs = await run();
    expect(attrs.stdout).toMatch(summary(JOBS, 0));
    expect(attrs.readGraph).toBe(true);
    rmSync(rig.path('src', 'p5', '.gitattributes'));

    // core.autocrlf=true: git converts every file, which the full path reads from disk.
    git(rig.src, 'config', 'core.autocrlf', 'true');
    const crlf = await run();
    expect(crlf.stdout).toMatch(summary(JOBS, 0));
    expect(crlf.readGraph).toBe(true);
  });

  it('is never written for inputs git does not vouch for: untracked, linked, or with core.fileMode=false', async () => {
    await recorded();
    const graphFile = rig.path('src', 'graph.json');
    const graph = JSON.parse(readFileSync(graphFile, 'utf8')) as { Jobs: { Inputs: string[] }[] };
    /** j0 given `inputs`: built once, then a fully cached run through the full path, which records nothing. */
    const unrecorded = async (inputs: string[]): Promise<void> => {
      graph.Jobs[0]!.Inputs = inputs;
      writeFileSync(graphFile, JSON.stringify(graph));
      rmSync(join(rig.cacheDir, 'fully-cached-v1'), { recursive: true, force: true });
      expect((await run()).code).toBe(0);
      await sleep(SETTLE_MS);
      const cached = await run();
      expect(cached.stdout).toMatch(summary(JOBS, 0));
      expect(cached.readGraph).toBe(true);
      expect(existsSync(join(rig.cacheDir, 'fully-cached-v1'))).toBe(false);
    };

    writeFileSync(rig.path('src', 'untracked.txt'), 'u\n');
    await unrecorded(['p0/in.txt', 'untracked.txt']);
    writeFileSync(rig.path('src', 'untracked.txt'), 'v\n');
    const edited = await run();
    expect(edited.stdout).toMatch(summary(JOBS - 1, 1));

    symlinkSync('p1/in.txt', rig.path('src', 'link.txt'));
    await unrecorded(['p0/in.txt', 'link.txt']);

    git(rig.src, 'config', 'core.fileMode', 'false');
    await unrecorded(['p0/in.txt']);
  });

  it("believes no record that is damaged or another user's", async () => {
    await recorded();
    const file = recordPath();
    const bytes = readFileSync(file);
    const lineEnd = bytes.indexOf(0x0a);
    // One byte of the header changed (its digest no longer matches), one of git's answers after it changed.
    for (const at of [lineEnd + 10, bytes.length - 3]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = damaged[at]! ^ 0x01;
      writeFileSync(file, damaged, { mode: 0o600 });
      const r = await run();
      expect(r.stdout).toMatch(summary(JOBS, 0));
      expect(r.readGraph).toBe(true);
    }
    // Rewritten whole by that run; another user's now.
    expect((await run()).readGraph).toBe(false);
    chownSync(file, 65534, 65534);
    expect((await run()).readGraph).toBe(true);
  });
});
