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
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fullyCachedRuns, JOBS, SETTLE_MS, sleep } from '../helpers/fully-cached-runs.js';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';

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

  let run: ReturnType<typeof fullyCachedRuns>['run'];
  let summary: ReturnType<typeof fullyCachedRuns>['summary'];
  let recorded: ReturnType<typeof fullyCachedRuns>['recorded'];
  let recordPath: ReturnType<typeof fullyCachedRuns>['recordPath'];
  let records: ReturnType<typeof fullyCachedRuns>['records'];
  beforeEach(() => {
    ({ run, summary, recorded, recordPath, records } = fullyCachedRuns(rig));
  });

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

  it('is kept for each of two environments that alternate, as a terminal and an editor do', async () => {
    await recorded();
    // Another environment whose record has a slot of its own (one of sixteen, chosen by the run): a few tries find
    // one. Before: the slot was chosen by the arguments alone, and each run wrote over the other's record.
    let editor: Record<string, string> | undefined;
    for (let n = 0; editor === undefined && n < 12; n++) {
      const env = { EDITOR_SESSION: String(n) };
      expect((await run([], env)).readGraph).toBe(true);
      if (records().length === 2) editor = env;
      // In the terminal's slot: its next run records again.
      else expect((await run()).readGraph).toBe(true);
    }
    expect(editor).toBeDefined();
    for (const env of [{}, editor!, {}, editor!]) {
      const answered = await run([], env);
      expect(answered.stdout).toMatch(summary(JOBS, 0));
      expect(answered.readGraph).toBe(false);
    }
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
