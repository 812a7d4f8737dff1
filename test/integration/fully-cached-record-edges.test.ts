import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullyCachedRuns, JOBS, SETTLE_MS, sleep } from '../helpers/fully-cached-runs.js';
import { labelOf } from '../helpers/graph-json.js';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

/**
 * The record of a fully cached run (src/cli/fully-cached.ts) at its edges: what the full path does beyond keys and
 * lookups (outputs in place, warnings about the cache directory), and the parts of a record that only time, a
 * link or a SourceFiles path change.
 */
describe('the record of a fully cached run, at its edges', () => {
  let rig: Rig;
  let runs: ReturnType<typeof fullyCachedRuns>;
  beforeEach(async () => {
    rig = await Rig.create();
    runs = fullyCachedRuns(rig);
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('is never written for a job whose artifact holds more than outputs in place: every run puts them back', async () => {
    const { run, summary, recorded, records } = runs;
    // Recorded before the outputs are declared; the graph then changes, so the record no longer answers.
    await recorded({
      edit: (g) => {
        const j0 = g.Jobs[0]!;
        j0.Cmds = [
          {
            Exec: ['sh', '-c', 'mkdir -p dist && cat p0/in.txt > dist/gen.txt && : > {{OUTPUT_DIR}}/o'],
            Environ: null,
            WorkingDirectory: '',
            CatTemplate: '',
            CatOutput: '',
          },
        ];
      },
      extraFiles: { '.gitignore': 'dist/\n' },
    });
    const graphFile = rig.path('src', 'graph.json');
    const graph = JSON.parse(readFileSync(graphFile, 'utf8')) as { Jobs: { Outputs?: string[] }[] };
    graph.Jobs[0]!.Outputs = ['dist/'];
    writeFileSync(graphFile, JSON.stringify(graph));
    rmSync(join(rig.cacheDir, 'fully-cached-v1'), { recursive: true });
    expect((await run()).code).toBe(0);
    await sleep(SETTLE_MS);
    // Twice: the first finds the outputs in full and notes their stat data (see the record of disbuild.json's runs).
    for (let i = 0; i < 2; i++) {
      const cached = await run();
      expect(cached.stdout).toMatch(summary(JOBS, 0));
      expect(records()).toEqual([]);
    }

    const gen = rig.path('src', 'dist', 'gen.txt');
    rmSync(rig.path('src', 'dist'), { recursive: true });
    const removed = await run();
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toMatch(summary(JOBS, 0));
    expect(readFileSync(gen, 'utf8')).toBe('input 0\n');
    writeFileSync(gen, 'changed by hand\n');
    await run();
    expect(readFileSync(gen, 'utf8')).toBe('input 0\n');
  });

  it('is not believed when the local cache can no longer be opened, or its run directory not be made', async () => {
    const { run, summary, recorded, records } = runs;
    await recorded();
    // v1/tmp replaced by a file: the cache cannot be opened, the full path warns and builds without it.
    const tmp = join(rig.cacheDir, 'v1', 'tmp');
    rmSync(tmp, { recursive: true });
    writeFileSync(tmp, 'x');
    const unopened = await run();
    expect(unopened.readGraph).toBe(true);
    expect(unopened.stdout).toMatch(summary(0, JOBS));
    expect(unopened.stdout + unopened.stderr).toMatch(/cannot be used/);
    // A link to an empty directory: the record saw a directory through it (before), the full path goes without
    // the cache, which never works through a link.
    rmSync(tmp);
    mkdirSync(rig.path('empty'));
    symlinkSync(rig.path('empty'), tmp);
    const linked = await run();
    expect(linked.readGraph).toBe(true);
    expect(linked.stdout + linked.stderr).toMatch(/is not a directory of its own \(a symbolic link\?\)/);
    // Back as it was: the cache holds what the record says again. The last run built 40 jobs, and its directory
    // may still be being removed in the background (moved aside, `….discard-…`): that is no run's left behind.
    // Before, the record was not believed while it was there.
    rmSync(tmp);
    mkdirSync(tmp);
    const discarded = join(rig.cacheDir, 'runs', '999999-00000000.discard-999999-1');
    mkdirSync(join(discarded, 'out'), { recursive: true });
    expect((await run()).readGraph).toBe(false);
    rmSync(discarded, { recursive: true });

    // `runs` replaced by a file: the full path warns of it (its files go to the temp directory), every run again;
    // a run that warned writes no record.
    const runsDir = join(rig.cacheDir, 'runs');
    rmSync(runsDir, { recursive: true });
    writeFileSync(runsDir, 'x');
    for (let i = 0; i < 2; i++) {
      const warned = await run();
      expect(warned.readGraph).toBe(true);
      expect(warned.stdout).toMatch(summary(JOBS, 0));
      expect(warned.stdout + warned.stderr).toMatch(/cannot hold this run's files/);
      rmSync(join(rig.cacheDir, 'fully-cached-v1'), { recursive: true, force: true });
    }
    await run();
    expect(records()).toEqual([]);
  });

  it('is never written while a SourceFiles path is untracked; its removal is then reported', async () => {
    const { run, summary, recorded, records } = runs;
    await recorded({
      edit: (g) => {
        g.SourceFiles = { [labelOf('src-only')]: 'extra.txt' };
      },
      extraFiles: { 'extra.txt': 'x\n' },
    });
    // Tracked and clean: recorded. Now untracked (still on disk), then settled and run through the full path.
    git(rig.src, 'rm', '-q', '--cached', 'extra.txt');
    git(rig.src, 'commit', '-qm', 'untrack');
    rmSync(join(rig.cacheDir, 'fully-cached-v1'), { recursive: true });
    expect((await run()).stdout).toMatch(summary(JOBS, 0));
    await sleep(SETTLE_MS);
    expect((await run()).stdout).toMatch(summary(JOBS, 0));
    expect(records()).toEqual([]);
    rmSync(rig.path('src', 'extra.txt'));
    const gone = await run();
    expect(gone.code).toBe(2);
    expect(gone.readGraph).toBe(true);
  });

  it('writes no record from a graph file changed moments before the run', async () => {
    const { run, summary, recorded } = runs;
    await recorded();
    const file = rig.path('src', 'graph.json');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n');
    // Its mtime a minute ahead: unsettled however long a busy machine takes to start the runs below.
    const ahead = new Date(Date.now() + 60_000);
    utimesSync(file, ahead, ahead);
    const first = await run();
    expect(first.stdout).toMatch(summary(JOBS, 0));
    expect(first.readGraph).toBe(true);
    // Still within SETTLED_MS of the change: the graph's stat data vouch for nothing yet.
    expect((await run()).readGraph).toBe(true);
  });

  it("is not believed once its hits' last uses are an hour old, nor through a link that leads elsewhere", async () => {
    const { run, recorded, recordPath } = runs;
    await recorded();
    // The same record, its hits' last uses standing until a moment ago (written as a run writes it).
    const file = recordPath();
    const bytes = readFileSync(file);
    const lineEnd = bytes.indexOf(0x0a);
    const [magic, format, identity, , length] = bytes.toString('latin1', 0, lineEnd).split(' ');
    const headerEnd = lineEnd + 1 + Number(length);
    const header = JSON.parse(bytes.toString('utf8', lineEnd + 1, headerEnd)) as { freshUntilMs: number };
    expect(header.freshUntilMs).toBeGreaterThan(Date.now() + 50 * 60_000);
    header.freshUntilMs = Date.now() - 1;
    const stale = Buffer.from(JSON.stringify(header));
    const digest = createHash('sha256').update(stale).digest('hex');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${magic} ${format} ${identity} ${digest} ${stale.length}\n`),
        stale,
        bytes.subarray(headerEnd),
      ]),
      { mode: 0o600 },
    );
    expect((await run()).readGraph).toBe(true);
    expect((await run()).readGraph).toBe(false);

    // Runs of the checkout through a link (`--source-dir`), recorded; the link then leads to a clone of it (the
    // same files and answers from git, but another place: its attributes files are looked for there).
    const link = rig.path('through');
    symlinkSync(rig.src, link);
    const viaLink = ['--source-dir', link];
    expect((await run(viaLink)).readGraph).toBe(true);
    expect((await run(viaLink)).readGraph).toBe(false);
    git(rig.root, 'clone', '-q', rig.src, rig.path('clone'));
    rmSync(link);
    symlinkSync(rig.path('clone'), link);
    expect((await run(viaLink)).readGraph).toBe(true);
  });

  it("is not believed while a killed run's scratch is left in the cache: the full path removes it", async () => {
    const { run, summary, recorded } = runs;
    await recorded();
    // A process ID no process has (above the kernel's pid_max).
    const dead = 4_194_400;
    const leftovers = [
      join(rig.cacheDir, 'runs', `${dead}-deadbeef`),
      join(rig.cacheDir, 'v1', 'tmp', `${dead}-cafe0123`),
    ];
    for (const dir of leftovers) {
      mkdirSync(join(dir, 'out'), { recursive: true });
      writeFileSync(join(dir, 'out', 'big'), 'x'.repeat(1 << 20));
    }
    const r = await run();
    expect(r.readGraph).toBe(true);
    expect(r.stdout).toMatch(summary(JOBS, 0));
    for (const dir of leftovers) expect(existsSync(dir)).toBe(false);
  });

  it('is not believed once the lookup memo is gone: the full path reads every entry, and finds one damaged', async () => {
    const { run, summary, recorded } = runs;
    await recorded();
    const v1 = join(rig.cacheDir, 'v1');
    rmSync(join(v1, 'lookup-memo'));
    // Damaged in place: its shard's stat data do not move.
    const shard = readdirSync(join(v1, 'entries'))[0]!;
    const entry = readdirSync(join(v1, 'entries', shard))[0]!;
    rmSync(join(v1, 'entries', shard, entry, 'meta.json'));
    const r = await run();
    expect(r.readGraph).toBe(true);
    expect(r.stdout).toMatch(summary(JOBS - 1, 1));
    expect(r.stdout + r.stderr).toMatch(/damaged/);
  });
});
