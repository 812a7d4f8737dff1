import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeTree } from '../../../src/cache/manifest.js';
import { placeFiles } from '../../../src/cache/place-files.js';
import { captureOutputs, IN_PLACE_DIR } from '../../../src/executor/in-place.js';
import { InPlaceOutputs } from '../../../src/executor/in-place-outputs.js';
import type { StoredArtifact } from '../../../src/executor/in-place-restore.js';
import { compileOutputGlobs } from '../../../src/executor/output-globs.js';
import type { Graph, Job, JobLabel } from '../../../src/graph/model.js';

let root: string;
let src: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'disbuild-in-place-siblings-'));
  src = join(root, 'src');
  await mkdir(join(src, 'dist'), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const label = (c: string): JobLabel => c.repeat(40) as JobLabel;
const job = (c: string, outputs: string[]): Job => ({
  label: label(c),
  name: c,
  inputs: [],
  deps: [],
  cmds: [],
  outputs,
});

/** Two sibling jobs (no dependency between them): `bundle` names `dist/bundle.txt`, `types` matches `dist/*.txt`. */
function siblings(more: Job[] = []): { outputs: InPlaceOutputs; bundle: JobLabel; types: JobLabel } {
  const jobs = [job('b', ['dist/bundle.txt']), job('t', ['dist/*.txt']), ...more];
  const graph: Graph = { sourceFiles: new Map(), jobs, byLabel: new Map(jobs.map((j) => [j.label, j])) };
  const outputs = new InPlaceOutputs(graph, src, {
    compile: compileOutputGlobs,
    moveFromRestores: true,
    tracked: () => [],
  });
  return { outputs, bundle: label('b'), types: label('t') };
}

async function write(rel: string, content: string): Promise<void> {
  await mkdir(dirname(join(src, rel)), { recursive: true });
  await writeFile(join(src, rel), content);
}

describe('sibling jobs whose globs match the same files', () => {
  it('a sibling capturing while a restore is under way does not take the restored files', async () => {
    const { outputs, bundle, types } = siblings();
    // `bundle`'s artifact, kept as a cache keeps it.
    const store = join(root, 'store');
    await write('dist/bundle.txt', 'bundle\n');
    captureOutputs(src, compileOutputGlobs(['dist/bundle.txt']), store);
    await rm(join(src, 'dist', 'bundle.txt'));
    const entries = await describeTree(store);
    if (!entries.ok) throw new Error(entries.error);
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    let placed!: () => void;
    const written = new Promise<void>((resolve) => (placed = resolve));
    const artifact: StoredArtifact = {
      entries: entries.value,
      storedFile: (p) => join(store, p),
      // Writes the files, then takes its time to say so (another thread, a busy machine).
      place: async (files) => {
        const r = await placeFiles(files);
        placed();
        await gate;
        return r;
      },
    };
    outputs.clear(types);
    const restoring = outputs.restoreFromStore(bundle, artifact);
    await written;
    await write('dist/index.d.txt', 'types\n');
    const out = join(root, 'out');
    await mkdir(out);
    expect(outputs.capture(types, out)).toEqual({ matched: 2 });
    finish();
    expect(await restoring).toBe(true);
    // Before: `types`' artifact took `bundle`'s file, written before the restore said it held it.
    expect(existsSync(join(out, IN_PLACE_DIR, 'dist', 'index.d.txt'))).toBe(true);
    expect(existsSync(join(out, IN_PLACE_DIR, 'dist', 'bundle.txt'))).toBe(false);
  });

  it('a restore of an artifact that holds another job’s file claims none of it', async () => {
    const jobs = [job('b', ['dist/b/*.txt']), job('t', ['dist/**'])];
    const graph: Graph = { sourceFiles: new Map(), jobs, byLabel: new Map(jobs.map((j) => [j.label, j])) };
    const outputs = new InPlaceOutputs(graph, src, {
      compile: compileOutputGlobs,
      moveFromRestores: true,
      tracked: () => [],
    });
    const [bundle, types] = [label('b'), label('t')];
    // A damaged artifact of `bundle`: besides its own file, one its globs do not match.
    const store = join(root, 'store');
    await write('dist/b/bundle.txt', 'bundle\n');
    await write('dist/b/index.js', 'stray\n');
    captureOutputs(src, compileOutputGlobs(['dist/b/**']), store);
    await rm(join(src, 'dist'), { recursive: true });
    const entries = await describeTree(store);
    if (!entries.ok) throw new Error(entries.error);
    const artifact = { entries: entries.value, storedFile: (p: string) => join(store, p) };
    expect(await outputs.restoreFromStore(bundle, artifact)).toBe(false);
    // Refused, `bundle` is to be built; `types` builds meanwhile and writes that file, which is its own.
    outputs.clear(types);
    await write('dist/b/index.js', 'types\n');
    const out = join(root, 'out');
    await mkdir(out);
    outputs.capture(types, out);
    expect(existsSync(join(out, IN_PLACE_DIR, 'dist', 'b', 'index.js'))).toBe(true);
  });

  it('a file left as it was, that a sibling not settled names outright, is left to that sibling', async () => {
    const { outputs, bundle, types } = siblings();
    await write('dist/bundle.txt', 'kept\n');
    outputs.clear(types);
    await write('dist/index.d.txt', 'types\n');
    const out = join(root, 'out');
    await mkdir(out);
    expect(outputs.capture(types, out)).toEqual({ matched: 2 });
    // Before: `types` took it as its own, and `bundle`, keeping it too, found it held and left it out.
    expect(existsSync(join(out, IN_PLACE_DIR, 'dist', 'bundle.txt'))).toBe(false);
    outputs.clear(bundle);
    const mine = join(root, 'mine');
    await mkdir(mine);
    await write('dist/bundle.txt', 'kept\n');
    expect(outputs.capture(bundle, mine)).toEqual({ matched: 1 });
    expect(existsSync(join(mine, IN_PLACE_DIR, 'dist', 'bundle.txt'))).toBe(true);
  });

  it('take turns from their clear to their capture, first come first served; others never wait', async () => {
    const { outputs, bundle, types } = siblings([job('o', ['other/**'])]);
    const order: string[] = [];
    const endTypes = await outputs.exclusive(types);
    const bundleTurn = outputs.exclusive(bundle).then((end) => {
      order.push('bundle');
      return end;
    });
    // A job of another directory has its turn at once.
    const endOther = await outputs.exclusive(label('o'));
    order.push('other');
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['other']);
    endTypes();
    endTypes(); // a second call changes nothing
    const endBundle = await bundleTurn;
    expect(order).toEqual(['other', 'bundle']);
    // `types` again waits behind `bundle`.
    let again = false;
    const typesTurn = outputs.exclusive(types).then((end) => {
      again = true;
      return end;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(again).toBe(false);
    endBundle();
    (await typesTurn)();
    endOther();
  });
});
