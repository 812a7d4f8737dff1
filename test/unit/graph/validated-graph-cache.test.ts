import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatProblem, type Graph, type GraphProblem } from '../../../src/graph/model.js';
import { loadGraphFile, parseGraphTextIn } from '../../../src/graph/parse.js';
import {
  keyOfUnchangedFile,
  readValidatedGraph,
  validatedGraphKey,
  writeValidatedGraph,
} from '../../../src/graph/validated-graph-cache.js';
import type { Result } from '../../../src/util/result.js';
import { SETTLED_MS, statKey } from '../../../src/util/settled-stat.js';
import { A, B, C, job } from './graph-test-utils.js';

let dir: string;
let graphPath: string;
let cacheFile: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disbuild-validated-'));
  await mkdir(join(dir, 'src'), { recursive: true });
  for (const f of ['a.c', 'b.c', 'sp ace.c', 'é.c']) await writeFile(join(dir, 'src', f), f);
  graphPath = join(dir, 'graph.json');
  cacheFile = join(dir, 'state', 'validated-graph-v1', 'g.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A graph with every kind of field a validation produces: templates of each kind, cat commands, outputs. */
const RICH = {
  SourceFiles: { [C.toUpperCase()]: 'src/a.c', ['e'.repeat(40)]: 'src/é.c' },
  Jobs: [
    job(A, 'lib', {
      Inputs: ['src/b.c', './src/a.c', 'src/sp ace.c'],
      Cmds: [
        {
          Exec: ['sh', '-c', 'cc -o {{.OutputDir}}/lib.o {{SOURCE_DIR}}/src/a.c'],
          Environ: ['X=1', 'OUT={{OUTPUT_DIR}}'],
          WorkingDirectory: '{{.SourceDir}}/src',
        },
        { CatTemplate: 'built \u2603 {{ .OutputDir }}\n', CatOutput: '{{.OutputDir}}/note.txt' },
      ],
      Outputs: ['gen/**', '!gen/tmp/**'],
    }),
    job(B.toUpperCase(), '', {
      Inputs: ['src/é.c'],
      Deps: [A, A.toUpperCase()],
      Cmds: [{ Exec: ['cp', `{{index .Deps "${A}"}}/lib.o`, '{{DEP:' + A + '}}/x', '{{.OutputDir}}'] }],
    }),
  ],
};

/** Writes the graph file and loads it, keeping its validation in `file` (null: nowhere). */
async function load(graph: unknown, file: string | null = cacheFile): Promise<Result<Graph, GraphProblem[]>> {
  await writeFile(graphPath, JSON.stringify(graph));
  return loadGraphFile(graphPath, dir, undefined, file ?? undefined);
}

function loaded(r: Result<Graph, GraphProblem[]>): Graph {
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

/** A cache file for the current graph text holding `graph` instead, written as the cache writes it. */
function plant(graph: Graph): void {
  writeValidatedGraph(cacheFile, validatedGraphKey(readFileSync(graphPath, 'utf8')), graph);
}

const other = (): Graph => loaded(parseGraphTextIn(JSON.stringify({ Jobs: [job(C, 'planted')] }), dir));

describe('validated graph cache', () => {
  it("gives back exactly what validation gives, and an unchanged file's next load uses it", async () => {
    const fresh = loaded(await load(RICH, null));
    expect(existsSync(cacheFile)).toBe(false);
    const first = loaded(await load(RICH));
    expect(first).toEqual(fresh);
    expect(existsSync(cacheFile)).toBe(true);
    const second = loaded(await load(RICH));
    expect(second).toEqual(fresh);
    // The lookup map points into the job list, as validation's does.
    expect(second.byLabel.get(second.jobs[1]!.label)).toBe(second.jobs[1]);
    // Used, not validated again: what the cache file holds is what the run gets.
    plant(other());
    expect(loaded(await loadGraphFile(graphPath, dir, undefined, cacheFile)).jobs.map((j) => j.name)).toEqual(
      ['planted'],
    );
  });

  it('a changed graph file is validated afresh, and its validation replaces the kept one', async () => {
    loaded(await load(RICH));
    const changed = { ...RICH, Jobs: [job(A, 'lib2', { Inputs: ['src/a.c'] })] };
    expect(loaded(await load(changed)).jobs.map((j) => j.name)).toEqual(['lib2']);
    const key = validatedGraphKey(readFileSync(graphPath, 'utf8'));
    expect(readValidatedGraph(cacheFile, key)?.graph.jobs.map((j) => j.name)).toEqual(['lib2']);
  });

  it('an input gone since the validation was kept is reported as for a fresh graph', async () => {
    loaded(await load(RICH));
    await unlink(join(dir, 'src', 'b.c'));
    await unlink(join(dir, 'src', 'é.c'));
    const r = await loadGraphFile(graphPath, dir, undefined, cacheFile);
    const fresh = await load(RICH, null);
    expect(!r.ok && r.error.map(formatProblem)).toEqual([
      `SourceFiles["${'e'.repeat(40)}"]: source file src/é.c does not exist`,
      'job "lib" Inputs[0]: input file src/b.c does not exist',
      `job "${B}" Inputs[0]: input file src/é.c does not exist`,
    ]);
    expect(r).toEqual(fresh);
  });

  it('a SourceFiles path that is no input is still checked, and the kept map is the whole map', async () => {
    await writeFile(join(dir, 'src', 'only.c'), 'x');
    const withOnly = { ...RICH, SourceFiles: { ...RICH.SourceFiles, ['f'.repeat(40)]: 'src/only.c' } };
    const fresh = loaded(await load(withOnly, null));
    loaded(await load(withOnly));
    // Read back from the kept form: the map, parsed when first read, is the validation's.
    expect(loaded(await load(withOnly)).sourceFiles).toEqual(fresh.sourceFiles);
    await unlink(join(dir, 'src', 'only.c'));
    const r = await loadGraphFile(graphPath, dir, undefined, cacheFile);
    expect(!r.ok && r.error.map(formatProblem)).toEqual([
      `SourceFiles["${'f'.repeat(40)}"]: source file src/only.c does not exist`,
    ]);
  });

  it('keeps no validation under the key of bytes it did not validate (the file changed while it read)', async () => {
    // The first read names a missing input, so the file is read again to name every problem; by then it holds
    // another, valid graph. That one's validation must not be kept under the first text's key.
    const missing = { Jobs: [job(A, 'first', { Inputs: ['src/gone.c'] })] };
    const valid = { Jobs: [job(A, 'second', { Inputs: ['src/a.c'] })] };
    await writeFile(graphPath, JSON.stringify(missing));
    const firstKey = validatedGraphKey(readFileSync(graphPath));
    // Awaited once the first text is validated: the file is rewritten right then.
    const rewritten = {
      then(resolve: (v: undefined) => void) {
        writeFileSync(graphPath, JSON.stringify(valid));
        resolve(undefined);
      },
    } as Promise<undefined>;
    expect(loaded(await loadGraphFile(graphPath, dir, rewritten, cacheFile)).jobs[0]!.name).toBe('second');
    expect(readValidatedGraph(cacheFile, firstKey)).toBeUndefined();
    // So the first text, back, is reported as it is.
    const again = await load(missing);
    expect(!again.ok && again.error.map(formatProblem)).toEqual([
      'job "first" Inputs[0]: input file src/gone.c does not exist',
    ]);
  });

  it('keys the bytes of the file: the same key as its text for UTF-8, another for bytes that are not', async () => {
    await writeFile(graphPath, JSON.stringify(RICH));
    expect(validatedGraphKey(readFileSync(graphPath))).toBe(
      validatedGraphKey(readFileSync(graphPath, 'utf8')),
    );
    // Two files that decode to the same text (each invalid byte becomes U+FFFD) are two keys.
    const a = Buffer.from('{"Jobs":[],"x":"\xff"}', 'latin1');
    const b = Buffer.from('{"Jobs":[],"x":"\xfe"}', 'latin1');
    expect(a.toString('utf8')).toBe(b.toString('utf8'));
    expect(validatedGraphKey(a)).not.toBe(validatedGraphKey(b));
  });

  it('an invalid graph is never kept', async () => {
    const r = await load({ Jobs: [job(A, 'j', { Deps: [B] })] });
    expect(r.ok).toBe(false);
    expect(existsSync(cacheFile)).toBe(false);
  });

  it("is never believed from another user's file, nor from one others may write", async () => {
    const truth = loaded(await load(RICH));
    plant(other());
    chownSync(cacheFile, 65534, 65534);
    expect(loaded(await loadGraphFile(graphPath, dir, undefined, cacheFile))).toEqual(truth);
    plant(other());
    for (const mode of [0o620, 0o602]) {
      chmodSync(cacheFile, mode);
      expect(loaded(await loadGraphFile(graphPath, dir, undefined, cacheFile))).toEqual(truth);
      plant(other());
    }
  });

  it('is never believed from a damaged file: a changed byte, a cut, another text', async () => {
    const truth = loaded(await load(RICH));
    const good = readFileSync(cacheFile, 'utf8');
    // A path changed inside the payload, the digest left as it was: still valid JSON, still a graph.
    const damaged = [
      good.replace('src/sp ace.c', 'src/sp_ace.c'),
      good.slice(0, good.length - 10),
      good.slice(0, good.indexOf('\n') + 1),
      '',
      'not a cache file at all',
    ];
    for (const text of damaged) {
      writeFileSync(cacheFile, text, { mode: 0o600 });
      expect(loaded(await loadGraphFile(graphPath, dir, undefined, cacheFile))).toEqual(truth);
      // And written anew, whole.
      expect(readFileSync(cacheFile, 'utf8')).toBe(good);
    }
  });

  it('removes the temp files of killed runs when it writes, not those of live ones', async () => {
    loaded(await load(RICH));
    const dead = spawnSync('true').pid!;
    const names = [`g.json.${dead}.1.tmp`, `g.json.${process.ppid}.2.tmp`, 'other.json'];
    for (const n of names) writeFileSync(join(dirname(cacheFile), n), 'x');
    loaded(await load({ ...RICH, Jobs: [job(A, 'changed')] }));
    expect(readdirSync(dirname(cacheFile)).sort()).toEqual(['g.json', ...names.slice(1)].sort());
  });

  it('costs the cache, never the run, when the cache file cannot be read or written', async () => {
    // A directory in its place, and a cache directory below a file: validated as usual each time.
    await mkdir(cacheFile, { recursive: true });
    expect(loaded(await load(RICH)).jobs.map((j) => j.name)).toEqual(['lib', B]);
    await writeFile(join(dir, 'blocker'), '');
    const blocked = join(dir, 'blocker', 'g.json');
    expect(loaded(await load(RICH, blocked)).jobs.map((j) => j.name)).toEqual(['lib', B]);
    expect(loaded(await load(RICH, blocked)).jobs.map((j) => j.name)).toEqual(['lib', B]);
  });
});

describe('a graph file vouched for by its stat data', () => {
  // The graph file is written by the test a moment ago: its stat data vouches for its bytes only once it has
  // settled (settled-stat.ts), so the clock is moved past that.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + SETTLED_MS + 10_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const recordedKey = (): string | undefined => keyOfUnchangedFile(cacheFile, statKey(statSync(graphPath))!);

  it('is known by its stat data once a run read it, and the kept validation is used without reading it', async () => {
    const fresh = loaded(await load(RICH, null));
    loaded(await load(RICH));
    expect(recordedKey()).toBe(validatedGraphKey(readFileSync(graphPath)));
    expect(loaded(await loadGraphFile(graphPath, dir, undefined, cacheFile))).toEqual(fresh);
    plant(other());
    expect(loaded(await loadGraphFile(graphPath, dir, undefined, cacheFile)).jobs.map((j) => j.name)).toEqual(
      ['planted'],
    );
  });

  it('a rewrite of the same size with its times set back is read: the ctime moved', async () => {
    loaded(await load({ ...RICH, Jobs: [job(A, 'one', { Inputs: ['src/a.c'] })] }));
    const before = statSync(graphPath, { bigint: true });
    expect(recordedKey()).toBeDefined();
    // A tick of the file system's clock later (in real time: only Date is faked).
    await new Promise((r) => setTimeout(r, 30));
    writeFileSync(graphPath, readFileSync(graphPath, 'utf8').replace('"one"', '"two"'));
    // Set back to the nanosecond (utimes in Node takes a double of seconds).
    const ns = before.mtimeNs;
    execFileSync('touch', [
      '-m',
      '-d',
      `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`,
      graphPath,
    ]);
    const after = statSync(graphPath, { bigint: true });
    expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
    expect(loaded(await loadGraphFile(graphPath, dir, undefined, cacheFile)).jobs.map((j) => j.name)).toEqual(
      ['two'],
    );
    expect(recordedKey()).toBe(validatedGraphKey(readFileSync(graphPath)));
  });

  it('a file that changed within the last seconds vouches for nothing: none is recorded', async () => {
    vi.useRealTimers();
    loaded(await load(RICH));
    expect(existsSync(cacheFile)).toBe(true);
    expect(existsSync(`${cacheFile}.stat`)).toBe(false);
  });

  it('records the stat data of the file whose bytes it read, though the path leads elsewhere meanwhile', async () => {
    // graph.json, a link, is retargeted while a run is between its look at the file and its read (here: waiting
    // for git's listing, after the kept validation named a missing input).
    await writeFile(
      join(dir, 'A.json'),
      JSON.stringify({ Jobs: [job(A, 'genuine', { Inputs: ['src/a.c'] })] }),
    );
    await writeFile(
      join(dir, 'B.json'),
      JSON.stringify({ Jobs: [job(A, 'other', { Inputs: ['src/b.c'] })] }),
    );
    const point = (to: string): void => {
      execFileSync('ln', ['-sfn', to, `${graphPath}.new`]);
      execFileSync('mv', ['-T', `${graphPath}.new`, graphPath]);
    };
    point('A.json');
    const names = (r: Result<Graph, GraphProblem[]>): string[] => loaded(r).jobs.map((j) => j.name);
    expect(names(await loadGraphFile(graphPath, dir, undefined, cacheFile))).toEqual(['genuine']);
    await unlink(join(dir, 'src', 'a.c'));
    const flipped = new Promise<undefined>((resolve) =>
      setTimeout(() => {
        point('B.json');
        resolve(undefined);
      }, 5),
    );
    // Whichever it answers (A's problem, or B read again to name every problem), it records A's bytes, if anything.
    await loadGraphFile(graphPath, dir, flipped, cacheFile);
    point('A.json');
    await writeFile(join(dir, 'src', 'a.c'), 'a.c');
    expect(names(await loadGraphFile(graphPath, dir, undefined, cacheFile))).toEqual(['genuine']);
    point('B.json');
    expect(names(await loadGraphFile(graphPath, dir, undefined, cacheFile))).toEqual(['other']);
  });

  it('still says a graph file this user cannot read cannot be read, though its stat data are recorded', async () => {
    // Made unreadable to others before the run that records it (a change of mode moves the ctime).
    await writeFile(graphPath, JSON.stringify(RICH));
    chmodSync(graphPath, 0o600);
    loaded(await loadGraphFile(graphPath, dir, undefined, cacheFile));
    expect(recordedKey()).toBeDefined();
    // As a user with no right to read it (root reads anything): the run fails as it did without the record.
    const nobody = 65534;
    chownSync(dir, nobody, nobody);
    execFileSync('chown', ['-R', `${nobody}:${nobody}`, join(dir, 'state'), join(dir, 'src')]);
    // The child's clock as the test's: the file has settled.
    const script = `const now = Date.now; Date.now = () => now() + ${SETTLED_MS + 10_000};
    import('${join(process.cwd(), 'src/graph/parse.ts')}').then(async (m) => {
      const r = await m.loadGraphFile(${JSON.stringify(graphPath)}, ${JSON.stringify(dir)}, undefined, ${JSON.stringify(cacheFile)});
      console.log(JSON.stringify(r.ok ? 'ok' : r.error));
    })`;
    const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      uid: nobody,
      gid: nobody,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir },
    });
    expect(out.stdout + out.stderr).toContain(`cannot read graph file ${graphPath}: EACCES`);
  });

  it('a record of other stat data, or a damaged one, is not used', async () => {
    loaded(await load(RICH));
    const stat = statKey(statSync(graphPath))!;
    expect(keyOfUnchangedFile(cacheFile, `${stat}0`)).toBeUndefined();
    const text = readFileSync(`${cacheFile}.stat`, 'utf8');
    writeFileSync(
      `${cacheFile}.stat`,
      text.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    );
    expect(keyOfUnchangedFile(cacheFile, stat)).toBeUndefined();
    writeFileSync(`${cacheFile}.stat`, text.slice(0, 70));
    expect(keyOfUnchangedFile(cacheFile, stat)).toBeUndefined();
    // Nor is one others may write.
    writeFileSync(`${cacheFile}.stat`, text);
    expect(keyOfUnchangedFile(cacheFile, stat)).toBeDefined();
    chmodSync(`${cacheFile}.stat`, 0o622);
    expect(keyOfUnchangedFile(cacheFile, stat)).toBeUndefined();
  });
});
