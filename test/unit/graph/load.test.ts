import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem, type Graph, type GraphProblem } from '../../../src/graph/model.js';
import {
  checkFilesExist,
  loadGraphFile,
  parseGraphText,
  parseGraphTextIn,
} from '../../../src/graph/parse.js';
import { startWorkTreeListings, unchangedIndexedFiles } from '../../../src/ids/file-digest.js';
import type { Result } from '../../../src/util/result.js';
import { A, B, C, job } from './graph-test-utils.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disbuild-graph-'));
  await mkdir(join(dir, 'src', 'sub'), { recursive: true });
  await writeFile(join(dir, 'src', 'a.c'), 'a');
  await writeFile(join(dir, 'src', 'b.c'), 'b');
  await symlink('a.c', join(dir, 'src', 'link.c'));
  await symlink('nowhere', join(dir, 'src', 'dangling'));
  execFileSync('mkfifo', [join(dir, 'src', 'fifo')]);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(graph: unknown): Promise<Result<Graph, GraphProblem[]>> {
  const path = join(dir, 'graph.json');
  await writeFile(path, typeof graph === 'string' ? graph : JSON.stringify(graph));
  return loadGraphFile(path, dir);
}

async function loadProblems(graph: unknown): Promise<string[]> {
  const r = await load(graph);
  if (r.ok) throw new Error('expected the graph to be invalid');
  return r.error.map(formatProblem);
}

describe('loadGraphFile', () => {
  it('loads a graph whose files all exist; a symbolic link to a file counts as one', async () => {
    const r = await load({
      SourceFiles: { [C]: 'src/a.c' },
      Jobs: [job(A, 'j', { Inputs: ['src/b.c', './src/a.c', 'src/link.c'] })],
    });
    expect(r.ok && r.value.jobs[0]!.inputs).toEqual(['src/a.c', 'src/b.c', 'src/link.c']);
  });

  it("names a dangling link by its job and the producer's index", async () => {
    expect(await loadProblems({ Jobs: [job(A, 'j', { Inputs: ['src/a.c', 'src/dangling'] })] })).toEqual([
      'job "j" Inputs[1]: input src/dangling is a dangling symbolic link (src/dangling -> nowhere: no such file)',
    ]);
  });

  it("names a missing input by its job and the producer's index", async () => {
    expect(
      await loadProblems({ Jobs: [job(A, 'j', { Inputs: ['src/z.c', 'src/a.c', 'src/gone.c'] })] }),
    ).toEqual([
      'job "j" Inputs[0]: input file src/z.c does not exist',
      'job "j" Inputs[2]: input file src/gone.c does not exist',
    ]);
  });

  it('refuses a directory or a special file as an input', async () => {
    expect(await loadProblems({ Jobs: [job(A, 'j', { Inputs: ['src/sub/', 'src/fifo'] })] })).toEqual([
      'job "j" Inputs[0]: input src/sub is a directory; list its files',
      'job "j" Inputs[1]: input src/fifo is not a regular file or a symbolic link',
    ]);
  });

  it('reports missing SourceFiles paths', async () => {
    expect(await loadProblems({ SourceFiles: { [C]: 'gone.c', [B]: 'src/a.c' } })).toEqual([
      `SourceFiles["${C}"]: source file gone.c does not exist`,
    ]);
  });

  it('reports missing files together with every other problem', async () => {
    const all = await loadProblems({
      SourceFiles: { [C]: 'gone.c' },
      Jobs: [job(A, 'j', { Inputs: ['missing.txt'], Deps: [B], Cmds: [{ Exec: ['{{.Bad}}'] }] })],
    });
    expect(all).toEqual([
      `SourceFiles["${C}"]: source file gone.c does not exist`,
      'job "j" Inputs[0]: input file missing.txt does not exist',
      'job "j" Cmds[0].Exec[0]: unknown template variable {{.Bad}}',
      `job "j" Deps[0]: unknown dependency ${B}`,
    ]);
  });

  it('reports malformed JSON with its line and column', async () => {
    expect(await loadProblems('{\n  "Jobs": [,]\n}')).toEqual([
      "malformed JSON at line 2, column 12: Unexpected token ','",
    ]);
  });

  it('keeps the last of differently cased keys, as Go does, when reading a file', async () => {
    const text = `{"Jobs": [{"ID": "${A}", "Name": "a", "NAME": "b", "Inputs": ["src/a.c"], "inputs": ["src/b.c"]}]}`;
    const r = await load(text);
    expect(r.ok && r.value.jobs[0]).toMatchObject({ name: 'b', inputs: ['src/b.c'] });
  });

  it("takes git's word for unchanged tracked files and looks at the disk for every other path", async () => {
    const git = (...args: string[]): void =>
      void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@e', ...args], { cwd: dir });
    await writeFile(join(dir, 'src', 'c.c'), 'c');
    await writeFile(join(dir, 'src', 'd.c'), 'd');
    git('init', '-q');
    git('add', 'src/a.c', 'src/b.c', 'src/c.c', 'src/d.c', 'src/link.c');
    git('commit', '-qm', 'c');
    await writeFile(join(dir, 'untracked.c'), 'u');
    await unlink(join(dir, 'src', 'b.c')); // deleted: git status says so
    await unlink(join(dir, 'src', 'c.c')); // replaced by a directory
    await mkdir(join(dir, 'src', 'c.c'));
    git('update-index', '--skip-worktree', 'src/d.c'); // as a sparse checkout leaves it: not on disk
    await unlink(join(dir, 'src', 'd.c'));
    const path = join(dir, 'graph.json');
    const inputs = ['src/a.c', 'src/link.c', 'untracked.c', 'src/b.c', 'src/c.c', 'src/d.c', 'src/fifo'];
    await writeFile(path, JSON.stringify({ Jobs: [job(A, 'j', { Inputs: inputs })] }));
    const known = unchangedIndexedFiles(startWorkTreeListings(dir));
    const view = await known;
    // Not the link: git does not vouch for what it leads to.
    expect(inputs.filter((p) => view?.has(p))).toEqual(['src/a.c']);
    const r = await loadGraphFile(path, dir, known);
    expect(!r.ok && r.error.map(formatProblem)).toEqual([
      'job "j" Inputs[3]: input file src/b.c does not exist',
      'job "j" Inputs[4]: input src/c.c is a directory; list its files',
      'job "j" Inputs[5]: input file src/d.c does not exist',
      'job "j" Inputs[6]: input src/fifo is not a regular file or a symbolic link',
    ]);
  });

  it("validates before git's word arrives, and then reports what is not a file as before", async () => {
    const path = join(dir, 'graph.json');
    const late = (files: string[]): Promise<ReadonlySet<string>> =>
      new Promise((resolve) => setTimeout(() => resolve(new Set(files)), 50));
    await writeFile(path, JSON.stringify({ Jobs: [job(A, 'j', { Inputs: ['src/b.c', 'src/a.c'] })] }));
    const r = await loadGraphFile(path, dir, late(['src/a.c']));
    expect(r.ok && r.value.jobs[0]!.inputs).toEqual(['src/a.c', 'src/b.c']);
    // A path git does not vouch for is looked up on disk once git has answered; the problem names Inputs[i].
    await writeFile(
      path,
      JSON.stringify({ Jobs: [job(A, 'j', { Inputs: ['src/a.c', 'src/gone.c', 'src/sub'] })] }),
    );
    const bad = await loadGraphFile(path, dir, late(['src/a.c', 'src/gone.c']));
    expect(!bad.ok && bad.error.map(formatProblem)).toEqual([
      'job "j" Inputs[2]: input src/sub is a directory; list its files',
    ]);
    const missing = await loadGraphFile(path, dir, late(['src/a.c']));
    expect(!missing.ok && missing.error.map(formatProblem)).toEqual([
      'job "j" Inputs[1]: input file src/gone.c does not exist',
      'job "j" Inputs[2]: input src/sub is a directory; list its files',
    ]);
  });

  it('says why a graph file cannot be read', async () => {
    const r = await loadGraphFile(join(dir, 'nope.json'), dir);
    expect(!r.ok && r.error.map(formatProblem)).toEqual([
      `cannot read graph file ${join(dir, 'nope.json')}: ENOENT`,
    ]);
  });
});

describe('checkFilesExist', () => {
  it('checks the inputs of an already parsed graph, or only its SourceFiles', () => {
    const r = parseGraphText(
      JSON.stringify({
        SourceFiles: { [C]: 'gone.c' },
        Jobs: [job(A, 'j', { Inputs: ['src/a.c', 'missing'] })],
      }),
    );
    if (!r.ok) throw new Error('expected a valid graph');
    expect(checkFilesExist(r.value, dir).map(formatProblem)).toEqual([
      'job "j" Inputs[0]: input file missing does not exist',
      `SourceFiles["${C}"]: source file gone.c does not exist`,
    ]);
    expect(checkFilesExist(r.value, dir, { inputs: false }).map(formatProblem)).toEqual([
      `SourceFiles["${C}"]: source file gone.c does not exist`,
    ]);
  });
});

describe('parseGraphTextIn', () => {
  it('checks files under the source directory, as loadGraphFile does', () => {
    const text = JSON.stringify({ Jobs: [job(A, 'j', { Inputs: ['src/a.c', 'nope', 'src/sub'] })] });
    const r = parseGraphTextIn(text, dir);
    expect(!r.ok && r.error.map(formatProblem)).toEqual([
      'job "j" Inputs[1]: input file nope does not exist',
      'job "j" Inputs[2]: input src/sub is a directory; list its files',
    ]);
    expect(parseGraphText(text).ok).toBe(true);
  });
});
