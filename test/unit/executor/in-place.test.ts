import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureOutputs, IN_PLACE_DIR, listOutputs, placeOutputs } from '../../../src/executor/in-place.js';
import { outputsInPlace as inPlace } from '../../../src/executor/in-place-restore.js';
import { OutputStatRecords } from '../../../src/executor/output-stat-records.js';
import type { ManifestEntry } from '../../../src/cache/cache.js';
import type { OutputGlobs } from '../../../src/executor/in-place.js';

const outputsInPlace = (dir: string, globs: OutputGlobs, entries: readonly ManifestEntry[]): boolean =>
  inPlace(dir, globs, entries, new OutputStatRecords(undefined));
import { describeTree } from '../../../src/cache/manifest.js';
import { compileOutputGlobs } from '../../../src/executor/output-globs.js';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { InPlaceOutputs } from '../../../src/executor/in-place-outputs.js';
import type { Graph, Job, JobLabel } from '../../../src/graph/model.js';

let root: string;
let src: string;
let out: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'disbuild-in-place-'));
  src = join(root, 'src');
  out = join(root, 'out');
  await mkdir(out);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(base: string, files: Record<string, string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(dirname(join(base, rel)), { recursive: true });
    await writeFile(join(base, rel), content);
  }
}

describe('in-place outputs', () => {
  const globs = compileOutputGlobs(['pkg/dist/**', '!pkg/dist/**/*.map', 'pkg/types.d.ts']);

  it('lists only what the globs match, walking only their fixed directories', async () => {
    await write(src, {
      'pkg/dist/a.js': '',
      'pkg/dist/a.js.map': '',
      'pkg/dist/sub/b.js': '',
      'pkg/types.d.ts': '',
      'pkg/src/a.ts': '',
    });
    expect(globs.bases).toEqual(['pkg/dist', 'pkg/types.d.ts']);
    expect(listOutputs(src, globs)).toEqual(['pkg/dist/a.js', 'pkg/dist/sub/b.js', 'pkg/types.d.ts']);
  });

  it('captures into the output directory and puts back only what differs, removing extras', async () => {
    await write(src, { 'pkg/dist/a.js': 'A', 'pkg/dist/sub/b.js': 'B', 'pkg/types.d.ts': 'T' });
    await chmod(join(src, 'pkg/dist/a.js'), 0o755);
    await symlink('a.js', join(src, 'pkg/dist/link.js'));
    // A link to a file is an output like another: nothing lies behind it.
    const captured = captureOutputs(src, globs, out);
    expect(captured.through).toBeUndefined();
    expect(captured.files).toHaveLength(4);
    expect(await readFile(join(out, IN_PLACE_DIR, 'pkg/dist/sub/b.js'), 'utf8')).toBe('B');

    await rm(join(src, 'pkg/dist/sub'), { recursive: true });
    await writeFile(join(src, 'pkg/dist/a.js'), 'stale');
    await writeFile(join(src, 'pkg/dist/extra.js'), 'left over');
    await writeFile(join(src, 'pkg/dist/keep.js'), 'an input');
    const unchanged = (await stat(join(src, 'pkg/types.d.ts'))).ino;
    expect(
      placeOutputs(
        out,
        src,
        globs,
        (p) => p === 'pkg/dist/keep.js',
        (p) => p === 'pkg/dist/keep.js',
      ).ok,
    ).toBe(true);
    expect(await readFile(join(src, 'pkg/dist/a.js'), 'utf8')).toBe('A');
    expect((await stat(join(src, 'pkg/dist/a.js'))).mode & 0o100).toBeTruthy();
    expect(await readFile(join(src, 'pkg/dist/sub/b.js'), 'utf8')).toBe('B');
    expect((await stat(join(src, 'pkg/types.d.ts'))).ino).toBe(unchanged);
    expect((await readdir(join(src, 'pkg/dist'))).sort()).toEqual(['a.js', 'keep.js', 'link.js', 'sub']);
  });

  it('moves files out of a private restore, but copies a file that shares its inode (a cache entry)', async () => {
    await write(src, { 'pkg/dist/a.js': 'A', 'pkg/dist/sub/b.js': 'B', 'pkg/types.d.ts': 'T' });
    await chmod(join(src, 'pkg/dist/a.js'), 0o755);
    captureOutputs(src, globs, out);
    await chmod(join(out, IN_PLACE_DIR, 'pkg/dist/sub/b.js'), 0o444);
    const shared = join(root, 'cache-entry-file');
    execFileSync('ln', [join(out, IN_PLACE_DIR, 'pkg/types.d.ts'), shared]);
    await rm(join(src, 'pkg'), { recursive: true });
    expect(
      placeOutputs(
        out,
        src,
        globs,
        () => false,
        () => false,
        true,
      ).ok,
    ).toBe(true);
    expect(await readFile(join(src, 'pkg/dist/a.js'), 'utf8')).toBe('A');
    expect((await stat(join(src, 'pkg/dist/a.js'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(src, 'pkg/dist/sub/b.js'))).mode & 0o777).toBe(0o644);
    expect(existsSync(join(out, IN_PLACE_DIR, 'pkg/dist/a.js'))).toBe(false);
    // The linked file stays where it was, and the work tree's copy is a file of its own.
    expect(existsSync(join(out, IN_PLACE_DIR, 'pkg/types.d.ts'))).toBe(true);
    expect((await stat(join(src, 'pkg/types.d.ts'))).ino).not.toBe((await stat(shared)).ino);
    expect(await readFile(join(src, 'pkg/types.d.ts'), 'utf8')).toBe('T');
  });

  it('knows when the checkout already holds the in-place outputs of an artifact', async () => {
    await write(src, { 'pkg/dist/a.js': 'A', 'pkg/types.d.ts': 'T' });
    captureOutputs(src, globs, out);
    const entries = await describeTree(out);
    if (!entries.ok) throw new Error(entries.error);
    expect(outputsInPlace(src, globs, entries.value)).toBe(true);
    await writeFile(join(src, 'pkg/dist/a.js'), 'B');
    expect(outputsInPlace(src, globs, entries.value)).toBe(false);
    await writeFile(join(src, 'pkg/dist/a.js'), 'A');
    await writeFile(join(src, 'pkg/dist/new.js'), '');
    expect(outputsInPlace(src, globs, entries.value)).toBe(false);
    await rm(join(src, 'pkg/dist/new.js'));
    await chmod(join(src, 'pkg/dist/a.js'), 0o755);
    expect(outputsInPlace(src, globs, entries.value)).toBe(false);
    await chmod(join(src, 'pkg/dist/a.js'), 0o644);
    expect(outputsInPlace(src, globs, entries.value)).toBe(true);
    // Anything besides in-place outputs can only come from a restore.
    expect(
      outputsInPlace(src, globs, [
        ...entries.value,
        { path: 'x', type: 'file', mode: 0o644, size: 0, sha256: '' },
      ]),
    ).toBe(false);
  });

  it('never removes a file git tracks or a job reads, whatever the globs match', async () => {
    await write(src, { 'pkg/dist/tracked.js': 't', 'pkg/dist/read.js': 'r', 'pkg/dist/stale.js': 's' });
    execFileSync('git', ['init', '-q'], { cwd: src });
    execFileSync('git', ['add', 'pkg/dist/tracked.js'], { cwd: src });
    const label = 'a'.repeat(40) as JobLabel;
    const reader: Job = {
      label: 'b'.repeat(40) as JobLabel,
      name: 'r',
      inputs: ['pkg/dist/read.js'],
      deps: [],
      cmds: [],
    };
    const job: Job = { label, name: 'j', inputs: [], deps: [], cmds: [], outputs: ['pkg/dist/**'] };
    const graph: Graph = {
      sourceFiles: new Map(),
      jobs: [job, reader],
      byLabel: new Map([
        [label, job],
        [reader.label, reader],
      ]),
    };
    new InPlaceOutputs(graph, src, { compile: compileOutputGlobs }).clear(label);
    expect(existsSync(join(src, 'pkg/dist/tracked.js'))).toBe(true);
    expect(existsSync(join(src, 'pkg/dist/read.js'))).toBe(true);
    expect(existsSync(join(src, 'pkg/dist/stale.js'))).toBe(false);
  });

  for (const [kind, make] of [
    ['a directory', (d: string) => write(d, { '.git/HEAD': 'ref: refs/heads/main\n' })],
    ['a gitfile', (d: string) => write(d, { '.git': 'gitdir: ../../.git/modules/lib\n' })],
    ['a dangling link', (d: string) => symlink('/nonexistent/x.git', join(d, '.git'))],
  ] as const) {
    it(`never walks into a repository of its own (its .git ${kind}) below the fixed part of a glob, nor writes or removes its files`, async () => {
      await write(src, { 'a.js': 'a', 'vendor/lib/x.js': 'theirs', 'vendor/lib/deep/y.js': 'theirs' });
      await make(join(src, 'vendor/lib'));
      const broad = compileOutputGlobs(['**/*.js']);
      expect(listOutputs(src, broad)).toEqual(['a.js']);
      // One the glob names is walked (a build that writes into a clone of its deploy branch), its .git still not.
      expect(listOutputs(src, compileOutputGlobs(['vendor/lib/**']))).toEqual([
        'vendor/lib/deep/y.js',
        'vendor/lib/x.js',
      ]);
      // An artifact made before the repository was there: its other files are put back, the repository's left, but
      // for a file a glob names itself.
      await write(join(out, IN_PLACE_DIR), {
        'a.js': 'A',
        'vendor/lib/x.js': 'old',
        'vendor/lib/z.js': 'old',
        'vendor/lib/gen.js': 'generated',
      });
      const placed = placeOutputs(
        out,
        src,
        compileOutputGlobs(['**/*.js', 'vendor/lib/gen.js']),
        () => false,
        () => false,
      );
      expect(placed.ok && [...placed.value]).toEqual(['a.js', 'vendor/lib/gen.js']);
      expect(await readFile(join(src, 'a.js'), 'utf8')).toBe('A');
      expect(await readFile(join(src, 'vendor/lib/gen.js'), 'utf8')).toBe('generated');
      expect(await readFile(join(src, 'vendor/lib/x.js'), 'utf8')).toBe('theirs');
      expect(existsSync(join(src, 'vendor/lib/z.js'))).toBe(false);
      expect(await readFile(join(src, 'vendor/lib/deep/y.js'), 'utf8')).toBe('theirs');
    });
  }

  it('captures the directories the globs match, and puts back those left empty', async () => {
    await write(src, { 'pkg/dist/a.js': 'A' });
    await mkdir(join(src, 'pkg/dist/logs'), { recursive: true });
    await mkdir(join(src, 'pkg/src/empty'), { recursive: true });
    expect(captureOutputs(src, globs, out)).toEqual({ files: ['pkg/dist/a.js'] });
    expect((await readdir(join(out, IN_PLACE_DIR, 'pkg/dist'))).sort()).toEqual(['a.js', 'logs']);
    expect(existsSync(join(out, IN_PLACE_DIR, 'pkg/src'))).toBe(false);
    await rm(join(src, 'pkg/dist'), { recursive: true });
    const placed = placeOutputs(
      out,
      src,
      globs,
      () => false,
      () => false,
    );
    expect(placed.ok && [...placed.value]).toEqual(['pkg/dist/a.js']);
    expect((await stat(join(src, 'pkg/dist/logs'))).isDirectory()).toBe(true);
    // One the globs do not match is no output of the job: the artifact is not its own.
    await mkdir(join(out, IN_PLACE_DIR, 'pkg/other'), { recursive: true });
    const stray = placeOutputs(
      out,
      src,
      globs,
      () => false,
      () => false,
    );
    expect(!stray.ok && stray.error).toMatchObject({ stray: true });
  });

  it('never replaces a directory in the way that holds installed packages or a repository of its own', async () => {
    for (const inside of ['node_modules/dep/index.js', 'clone/.git/HEAD']) {
      await rm(src, { recursive: true, force: true });
      await rm(join(out, IN_PLACE_DIR), { recursive: true, force: true });
      await write(src, { [`pkg/dist/tool/${inside}`]: 'keep' });
      await write(join(out, IN_PLACE_DIR), { 'pkg/dist/tool': 'a file now' });
      const placed = placeOutputs(
        out,
        src,
        globs,
        () => false,
        () => false,
      );
      expect(!placed.ok && placed.error.message).toMatch(/pkg\/dist\/tool is a directory holding/);
      expect(await readFile(join(src, 'pkg/dist/tool', inside), 'utf8')).toBe('keep');
    }
  });
});

describe('output globs with escaped characters', () => {
  it('walk the directory they name, as picomatch matches its paths', async () => {
    await write(src, { 'app/(mkt)/page.js': '', 'a(1).txt': '', 'other.txt': '' });
    expect(listOutputs(src, compileOutputGlobs(['app/\\(mkt\\)/**', 'a\\(1\\).txt']))).toEqual([
      'a(1).txt',
      'app/(mkt)/page.js',
    ]);
  });

  it('walk a directory named with braces or brackets, not the parent of the whole pattern', async () => {
    await write(src, { 'pkg/a{b}/dist/x.js': '', 'pkg/c[d]/dist/y.js': '', 'pkg/c[d]/dist/y.map': '' });
    // picomatch's scan reads `a\{b\}/dist/**` as no glob at all, its base the whole pattern.
    const globs = compileOutputGlobs(['pkg/a\\{b\\}/dist/**', 'pkg/c\\[d\\]/dist/*.js']);
    expect(globs.bases).toEqual(['pkg/a{b}/dist', 'pkg/c[d]/dist']);
    expect(listOutputs(src, globs)).toEqual(['pkg/a{b}/dist/x.js', 'pkg/c[d]/dist/y.js']);
    // A brace without a list is itself to picomatch, escaped or not; one with a list is a glob.
    expect(compileOutputGlobs(['pkg/a{b}/dist/**']).bases).toEqual(['pkg/a{b}/dist']);
    expect(compileOutputGlobs(['pkg/{a,c}*/dist/**']).bases).toEqual(['pkg']);
  });
});
