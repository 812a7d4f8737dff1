import { existsSync, lstatSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeTree } from '../../../src/cache/manifest.js';
import { captureOutputs } from '../../../src/executor/in-place.js';
import { InPlaceOutputs } from '../../../src/executor/in-place-outputs.js';
import type { StoredArtifact } from '../../../src/executor/in-place-restore.js';
import { compileOutputGlobs } from '../../../src/executor/output-globs.js';
import type { Graph, Job, JobLabel } from '../../../src/graph/model.js';
import { SETTLED_MS } from '../../../src/util/settled-stat.js';

let root: string;
let src: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'disbuild-in-place-verdicts-'));
  src = join(root, 'src');
  await mkdir(src);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const label = 'p'.repeat(40) as JobLabel;
const job: Job = {
  label,
  name: 'pkg#build',
  inputs: [],
  deps: [],
  cmds: [],
  outputs: ['pkg/dist/**', '!pkg/dist/**/*.map'],
};
const graph: Graph = { sourceFiles: new Map(), jobs: [job], byLabel: new Map([[label, job]]) };

async function write(rel: string, content: string): Promise<void> {
  await mkdir(dirname(join(src, rel)), { recursive: true });
  await writeFile(join(src, rel), content);
}

/** One run's view of the in-place outputs, with the records a run keeps in its cache directory. */
const aRun = (): InPlaceOutputs =>
  new InPlaceOutputs(graph, src, {
    compile: compileOutputGlobs,
    moveFromRestores: true,
    recordsFile: join(root, 'records.json'),
    // A file of the outputs that git tracks: never written over, as by a full check.
    tracked: () => ['pkg/dist/tracked.js'],
  });

describe('a job’s in-place outputs by what the last check found', () => {
  it('are known in place, or written back whole once gone, without the manifest; a tracked file is never written', async () => {
    const store = join(root, 'store');
    await write('pkg/dist/a.js', 'A');
    await write('pkg/dist/sub/b.js', 'B');
    await write('pkg/dist/tracked.js', 'T');
    await chmod(join(src, 'pkg/dist/a.js'), 0o755);
    captureOutputs(src, compileOutputGlobs(job.outputs!), store);
    const described = await describeTree(store);
    if (!described.ok) throw new Error(described.error);
    const artifact: StoredArtifact = { entries: described.value, storedFile: (p) => join(store, p) };
    // The checkout as git leaves it: the tracked file only.
    await rm(join(src, 'pkg/dist'), { recursive: true });
    await write('pkg/dist/tracked.js', 'T');
    const first = aRun();
    expect(await first.restoreFromStore(label, artifact, 'artifact-1')).toBe(true);
    first.flush();
    // Beside them, a file the globs leave out: no output, written by no restore.
    await write('pkg/dist/a.js.map', 'map');
    // Stat data vouches only for files that last changed a while before it was taken.
    await new Promise((r) => setTimeout(r, SETTLED_MS + 200));
    const second = aRun();
    expect(await second.fromVerdict(label, 'artifact-1', artifact)).toBe(false);
    expect(await second.restoreFromStore(label, artifact, 'artifact-1')).toBe(true);
    second.flush();

    // In place: a manifest that would say otherwise is never read.
    const untouched = (await stat(join(src, 'pkg/dist/a.js'))).ino;
    const unread: StoredArtifact = {
      get entries(): never {
        throw new Error('the manifest was read');
      },
      storedFile: artifact.storedFile,
    };
    expect(await aRun().fromVerdict(label, 'artifact-1', unread)).toBe(true);
    expect((await stat(join(src, 'pkg/dist/a.js'))).ino).toBe(untouched);
    // Another artifact of the job: not for this path.
    expect(await aRun().fromVerdict(label, 'artifact-2', artifact)).toBe(false);

    // Gone whole: written back, checked, with their modes; the tracked file is left to git.
    await rm(join(src, 'pkg/dist'), { recursive: true });
    expect(await aRun().fromVerdict(label, 'artifact-1', unread)).toBe(true);
    expect(await readFile(join(src, 'pkg/dist/a.js'), 'utf8')).toBe('A');
    expect((await stat(join(src, 'pkg/dist/a.js'))).mode & 0o777).toBe(0o755);
    expect(await readFile(join(src, 'pkg/dist/sub/b.js'), 'utf8')).toBe('B');
    expect((await stat(join(src, 'pkg/dist/sub/b.js'))).mode & 0o777).toBe(0o644);
    expect(existsSync(join(src, 'pkg/dist/tracked.js'))).toBe(false);
    expect(existsSync(join(src, 'pkg/dist/a.js.map'))).toBe(false);

    // A stored file that is not what the check found: refused, and the full check takes over.
    await rm(join(src, 'pkg/dist'), { recursive: true });
    await writeFile(join(store, '.in-place/pkg/dist/sub/b.js'), 'X');
    expect(await aRun().fromVerdict(label, 'artifact-1', unread)).toBe(false);
    expect(existsSync(join(src, 'pkg/dist/sub/b.js'))).toBe(false);
  });

  it('are kept for each job by its ID: jobs without names, and jobs with the same outputs, each keep theirs', async () => {
    // `c` is `a` again under another ID: the same outputs, the same artifact.
    const jobs: Job[] = ['a', 'b', 'c'].map((c) => ({
      label: c.repeat(40) as JobLabel,
      name: '',
      inputs: [],
      deps: [],
      cmds: [],
      outputs: [`${c === 'c' ? 'a' : c}/dist/**`],
    }));
    const unnamed: Graph = { sourceFiles: new Map(), jobs, byLabel: new Map(jobs.map((j) => [j.label, j])) };
    const records = join(root, 'records.json');
    const run = (): InPlaceOutputs =>
      new InPlaceOutputs(unnamed, src, {
        compile: compileOutputGlobs,
        moveFromRestores: true,
        recordsFile: records,
      });
    const artifacts = new Map<JobLabel, StoredArtifact>();
    const named = (j: Job): string => `artifact of ${j.outputs![0]}`;
    for (const j of jobs.slice(0, 2)) {
      const store = join(root, `store-${j.label}`);
      await write(`${j.outputs![0]!.slice(0, 1)}/dist/out.js`, j.label);
      captureOutputs(src, compileOutputGlobs(j.outputs!), store);
      const described = await describeTree(store);
      if (!described.ok) throw new Error(described.error);
      artifacts.set(j.label, { entries: described.value, storedFile: (p) => join(store, p) });
    }
    artifacts.set(jobs[2]!.label, artifacts.get(jobs[0]!.label)!);
    const first = run();
    for (const j of jobs)
      expect(await first.restoreFromStore(j.label, artifacts.get(j.label)!, named(j))).toBe(true);
    first.flush();
    await new Promise((r) => setTimeout(r, SETTLED_MS + 200));
    const second = run();
    for (const j of jobs)
      expect(await second.restoreFromStore(j.label, artifacts.get(j.label)!, named(j))).toBe(true);
    second.flush();
    const written = lstatSync(records, { bigint: true });
    // Before: one verdict under the name '' (or, later, one per output directory), each job's check replacing
    // another's, the records file written every run.
    const third = run();
    for (const j of jobs)
      expect(await third.fromVerdict(j.label, named(j), artifacts.get(j.label)!)).toBe(true);
    third.flush();
    const after = lstatSync(records, { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([written.ino, written.mtimeNs]);
  });

  it('hold for an output that names a file, and for output directories that overlap (`dist/**`, `dist/types/**`)', async () => {
    // Before: no verdict, so no check without the manifest. A file at `out.txt` had no listing kept (it is no
    // directory), and a file under both directories counted twice against the artifact's.
    const fileJob: Job = { ...job, outputs: ['pkg/out.txt', 'pkg/dist/**', 'pkg/dist/types/**'] };
    const withFile: Graph = { sourceFiles: new Map(), jobs: [fileJob], byLabel: new Map([[label, fileJob]]) };
    const run = (): InPlaceOutputs =>
      new InPlaceOutputs(withFile, src, {
        compile: compileOutputGlobs,
        moveFromRestores: true,
        recordsFile: join(root, 'records.json'),
      });
    const store = join(root, 'store');
    await write('pkg/out.txt', 'O');
    await write('pkg/dist/a.js', 'A');
    await write('pkg/dist/types/a.d.ts', 'D');
    captureOutputs(src, compileOutputGlobs(fileJob.outputs!), store);
    const described = await describeTree(store);
    if (!described.ok) throw new Error(described.error);
    const artifact: StoredArtifact = { entries: described.value, storedFile: (p) => join(store, p) };
    const unread: StoredArtifact = {
      get entries(): never {
        throw new Error('the manifest was read');
      },
      storedFile: artifact.storedFile,
    };
    await new Promise((r) => setTimeout(r, SETTLED_MS + 200));
    const first = run();
    expect(await first.restoreFromStore(label, artifact, 'artifact-1')).toBe(true);
    first.flush();
    expect(await run().fromVerdict(label, 'artifact-1', unread)).toBe(true);

    // A directory where the file was: only a full check can tell (it replaces it).
    await rm(join(src, 'pkg/out.txt'));
    await mkdir(join(src, 'pkg/out.txt'));
    expect(await run().fromVerdict(label, 'artifact-1', unread)).toBe(false);
    expect(await run().restoreFromStore(label, artifact, 'artifact-1')).toBe(true);
    expect(await readFile(join(src, 'pkg/out.txt'), 'utf8')).toBe('O');

    // Gone whole, the file as well: each file written back once, checked.
    await rm(join(src, 'pkg/out.txt'));
    await rm(join(src, 'pkg/dist'), { recursive: true });
    expect(await run().fromVerdict(label, 'artifact-1', unread)).toBe(true);
    expect(await readFile(join(src, 'pkg/out.txt'), 'utf8')).toBe('O');
    expect(await readFile(join(src, 'pkg/dist/a.js'), 'utf8')).toBe('A');
    expect(await readFile(join(src, 'pkg/dist/types/a.d.ts'), 'utf8')).toBe('D');
  });
});
