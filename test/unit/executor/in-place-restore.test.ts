import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, type Stats } from 'node:fs';
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../../src/cache/cache.js';
import { describeTree } from '../../../src/cache/manifest.js';
import { captureOutputs, presentOutputs } from '../../../src/executor/in-place.js';
import {
  type InPlaceRestore,
  outputsInPlace,
  restoreInPlace,
  type StoredArtifact,
} from '../../../src/executor/in-place-restore.js';
import type { OutputGlobs } from '../../../src/executor/in-place.js';
import { compileOutputGlobs } from '../../../src/executor/output-globs.js';
import { OutputStatRecords, type Verdict, verdictNow } from '../../../src/executor/output-stat-records.js';

let root: string;
let src: string;
let store: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'disbuild-in-place-restore-'));
  src = join(root, 'src');
  store = join(root, 'store');
  await mkdir(store);
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

/** Sets a file's mtime to the nanosecond (utimes with a Date keeps milliseconds only). */
function setMtimeNs(path: string, ns: bigint): void {
  const nsec = String(ns % 1_000_000_000n).padStart(9, '0');
  execFileSync('touch', ['-m', '-d', `@${ns / 1_000_000_000n}.${nsec}`, path]);
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const none = (): OutputStatRecords => new OutputStatRecords(undefined);
const globs = compileOutputGlobs(['pkg/dist/**', '!pkg/dist/**/*.map']);
/** Restores with nothing protected. */
const restoreAll = (g: OutputGlobs, artifact: StoredArtifact): Promise<InPlaceRestore> =>
  restoreInPlace(
    src,
    g,
    artifact,
    none(),
    () => false,
    () => false,
  );

/** Captures the checkout's outputs into `store` as a cache would keep them, and forgets the checkout's copy. */
async function storeArtifact(files: Record<string, string>): Promise<StoredArtifact> {
  await write(src, files);
  await chmod(join(src, 'pkg/dist/a.js'), 0o755);
  captureOutputs(src, globs, store);
  const entries = await describeTree(store);
  if (!entries.ok) throw new Error(entries.error);
  return { entries: entries.value, storedFile: (p) => join(store, p) };
}

describe('in-place outputs straight from a cache entry', () => {
  it('writes what differs, leaves what matches untouched, removes extras but never a protected file', async () => {
    const artifact = await storeArtifact({
      'pkg/dist/a.js': 'A',
      'pkg/dist/sub/b.js': 'B',
      'pkg/dist/c.js': 'C',
    });
    await rm(join(src, 'pkg/dist/sub'), { recursive: true });
    await writeFile(join(src, 'pkg/dist/c.js'), 'X'); // same size, other bytes
    await writeFile(join(src, 'pkg/dist/extra.js'), 'left over');
    await writeFile(join(src, 'pkg/dist/read.js'), 'an input');
    await writeFile(join(src, 'pkg/dist/a.js.map'), 'not matched');
    const unchanged = (await stat(join(src, 'pkg/dist/a.js'))).ino;
    const protect = (p: string): boolean => p === 'pkg/dist/read.js';
    const r = await restoreInPlace(src, globs, artifact, none(), protect, protect);
    expect(r).toEqual({ kind: 'restored', written: 2, removed: 1 });
    expect(await readFile(join(src, 'pkg/dist/sub/b.js'), 'utf8')).toBe('B');
    expect(await readFile(join(src, 'pkg/dist/c.js'), 'utf8')).toBe('C');
    expect((await stat(join(src, 'pkg/dist/c.js'))).mode & 0o777).toBe(0o644);
    expect((await stat(join(src, 'pkg/dist/a.js'))).ino).toBe(unchanged);
    expect((await readdir(join(src, 'pkg/dist'))).sort()).toEqual([
      'a.js',
      'a.js.map',
      'c.js',
      'read.js',
      'sub',
    ]);
    expect(await restoreInPlace(src, globs, artifact, none(), protect, protect)).toEqual({
      kind: 'unchanged',
    });
  });

  it('restores a deleted tree with exec bits, and replaces a directory where a file goes', async () => {
    const artifact = await storeArtifact({ 'pkg/dist/a.js': 'A', 'pkg/dist/sub/b.js': 'B' });
    await rm(join(src, 'pkg/dist'), { recursive: true });
    await write(src, { 'pkg/dist/a.js/stale.js': 'a stale tree' });
    expect(
      (
        await restoreInPlace(
          src,
          globs,
          artifact,
          none(),
          () => false,
          () => false,
        )
      ).kind,
    ).toBe('restored');
    expect(await readFile(join(src, 'pkg/dist/a.js'), 'utf8')).toBe('A');
    expect((await stat(join(src, 'pkg/dist/a.js'))).mode & 0o777).toBe(0o755);
    expect(await readFile(join(src, 'pkg/dist/sub/b.js'), 'utf8')).toBe('B');
    expect((await readdir(join(src, 'pkg/dist'))).filter((n) => n.includes('disbuild'))).toEqual([]);
  });

  it('leaves the files of a repository of its own as they are, though an artifact made before it holds them', async () => {
    const artifact = await storeArtifact({
      'pkg/dist/a.js': 'A',
      'pkg/dist/lib/x.js': 'old',
      'pkg/dist/lib/gone.js': 'old',
    });
    // A clone made there since, which moved on.
    await rm(join(src, 'pkg/dist'), { recursive: true });
    await write(src, { 'pkg/dist/lib/.git/HEAD': 'ref: refs/heads/main\n', 'pkg/dist/lib/x.js': 'theirs' });
    const r = await restoreAll(globs, artifact);
    expect(r).toEqual({ kind: 'restored', written: 1, removed: 0 });
    expect(await readFile(join(src, 'pkg/dist/a.js'), 'utf8')).toBe('A');
    expect(await readFile(join(src, 'pkg/dist/lib/x.js'), 'utf8')).toBe('theirs');
    expect(existsSync(join(src, 'pkg/dist/lib/gone.js'))).toBe(false);
  });

  it('makes the directories the artifact holds empty, and refuses one its globs do not match', async () => {
    await write(src, { 'pkg/dist/a.js': 'A' });
    await mkdir(join(src, 'pkg/dist/logs/today'), { recursive: true });
    await chmod(join(src, 'pkg/dist/a.js'), 0o755);
    captureOutputs(src, globs, store);
    const entries = await describeTree(store);
    if (!entries.ok) throw new Error(entries.error);
    const artifact: StoredArtifact = { entries: entries.value, storedFile: (p) => join(store, p) };
    await rm(join(src, 'pkg/dist'), { recursive: true });
    expect(outputsInPlace(src, globs, artifact.entries, none())).toBe(false);
    expect(await restoreAll(globs, artifact)).toEqual({
      kind: 'restored',
      written: 2,
      removed: 0,
    });
    expect(lstatSync(join(src, 'pkg/dist/logs/today')).isDirectory()).toBe(true);
    expect(outputsInPlace(src, globs, artifact.entries, none())).toBe(true);
    expect((await restoreAll(globs, artifact)).kind).toBe('unchanged');
    // Something else standing there (a file git tracks, a clone made since) is left as it is.
    await rm(join(src, 'pkg/dist/logs'), { recursive: true });
    await write(src, { 'pkg/dist/logs': 'a note\n' });
    const keep = (p: string): boolean => p === 'pkg/dist/logs';
    expect((await restoreInPlace(src, globs, artifact, none(), keep, keep)).kind).toBe('unchanged');
    expect(await readFile(join(src, 'pkg/dist/logs'), 'utf8')).toBe('a note\n');
    await rm(join(src, 'pkg/dist/logs'));
    await write(src, { 'pkg/dist/logs/.git/HEAD': 'ref: refs/heads/main\n' });
    await rm(join(src, 'pkg/dist/logs/today'), { recursive: true, force: true });
    expect(outputsInPlace(src, globs, artifact.entries, none())).toBe(true);
    // A directory the job's globs do not match is not its output: the artifact is not the job's.
    const narrow = compileOutputGlobs(['pkg/dist/*.js']);
    expect((await restoreAll(narrow, artifact)).kind).toBe('not-here');
  });

  it('writes no byte of a stored file that does not match its manifest', async () => {
    const artifact = await storeArtifact({ 'pkg/dist/a.js': 'A', 'pkg/dist/sub/b.js': 'B' });
    await rm(join(src, 'pkg/dist'), { recursive: true });
    await writeFile(join(store, '.in-place/pkg/dist/sub/b.js'), 'Z'); // same size, damaged
    const r = await restoreInPlace(
      src,
      globs,
      artifact,
      none(),
      () => false,
      () => false,
    );
    expect(r.kind).toBe('not-here');
    expect(existsSync(join(src, 'pkg/dist/sub/b.js'))).toBe(false);
    expect((await readdir(join(src, 'pkg/dist/sub'))).length).toBe(0);
    // A stored file with another exec bit than listed is damaged too, even where the copy would come out right.
    await writeFile(join(store, '.in-place/pkg/dist/sub/b.js'), 'B');
    await chmod(join(store, '.in-place/pkg/dist/sub/b.js'), 0o755);
    expect(
      (
        await restoreInPlace(
          src,
          globs,
          artifact,
          none(),
          () => false,
          () => false,
        )
      ).kind,
    ).toBe('not-here');
  });

  it('leaves artifacts it cannot vouch for to the cache: symlinks, other files, paths the globs do not match', async () => {
    const file = (path: string): ManifestEntry => ({
      path,
      type: 'file',
      mode: 0o644,
      size: 1,
      sha256: sha('A'),
    });
    const stored = { storedFile: (p: string) => join(store, p) };
    for (const entries of [
      [file('.in-place/pkg/dist/a.js'), file('log.txt')],
      [file('.in-place/pkg/other/a.js')],
      [file('.in-place/pkg/dist/../../../etc/x')],
      [
        {
          path: '.in-place/pkg/dist/l',
          type: 'symlink',
          mode: 0o777,
          size: 1,
          sha256: sha('a'),
          target: 'a',
        },
      ],
    ] as ManifestEntry[][]) {
      expect(
        (
          await restoreInPlace(
            src,
            globs,
            { entries, ...stored },
            none(),
            () => false,
            () => false,
          )
        ).kind,
      ).toBe('not-here');
    }
    expect(existsSync(src)).toBe(false);
  });
});

describe('stat records of in-place outputs', () => {
  it('vouch for a file only with all its stat data, made from stat data taken well after its last change', async () => {
    await write(src, { 'pkg/dist/a.js': 'A' });
    const path = join(src, 'pkg/dist/a.js');
    const file = join(root, 'records.json');
    const st = lstatSync(path);
    const mtimeNs = lstatSync(path, { bigint: true }).mtimeNs;
    const records = new OutputStatRecords(file);
    // Taken in the same moment as the file's last change: a write right after could leave the same stat data.
    records.record('pkg/dist/a.js', st, sha('A'), Date.now());
    expect(records.digestOf('pkg/dist/a.js', st)).toBeUndefined();
    records.record('pkg/dist/a.js', st, sha('A'), Date.now() + 10_000);
    records.flush();
    const again = new OutputStatRecords(file);
    expect(again.digestOf('pkg/dist/a.js', lstatSync(path))).toBe(sha('A'));
    // Same size, mtime put back to the nanosecond: the ctime moved, and the record no longer answers.
    await writeFile(path, 'B');
    setMtimeNs(path, mtimeNs);
    const now = lstatSync(path);
    expect(now.mtimeMs).toBe(st.mtimeMs);
    expect(again.digestOf('pkg/dist/a.js', now)).toBeUndefined();
  });

  it('never vouch for a file whose inode number a double cannot hold exactly', async () => {
    await write(src, { 'pkg/dist/a.js': 'A' });
    const st = lstatSync(join(src, 'pkg/dist/a.js'));
    // As a network or overlay file system may report it: above 2^53, two inodes can read the same.
    const huge = Object.assign(Object.create(Object.getPrototypeOf(st) as object) as Stats, st, {
      ino: 2 ** 53 + 2,
    });
    const records = new OutputStatRecords(join(root, 'records.json'));
    records.record('pkg/dist/a.js', huge, sha('A'), Date.now() + 10_000);
    expect(records.digestOf('pkg/dist/a.js', huge)).toBeUndefined();
    records.record('pkg/dist/a.js', st, sha('A'), Date.now() + 10_000);
    expect(records.digestOf('pkg/dist/a.js', st)).toBe(sha('A'));
  });

  it('answer the check that outputs are in place without reading them, and never for another file', async () => {
    await write(src, { 'pkg/dist/a.js': 'A' });
    const artifact = await storeArtifact({});
    const file = join(root, 'records.json');
    const st = lstatSync(join(src, 'pkg/dist/a.js'));
    const records = new OutputStatRecords(file);
    // A record claiming other content for these exact stat data is believed: proof that the bytes were not read.
    records.record('pkg/dist/a.js', st, 'f'.repeat(64), Date.now() + 10_000);
    expect(outputsInPlace(src, globs, artifact.entries, records)).toBe(false);
    records.record('pkg/dist/a.js', st, sha('A'), Date.now() + 10_000);
    expect(outputsInPlace(src, globs, artifact.entries, records)).toBe(true);
    // Replaced by another file (another inode): hashed again.
    await rm(join(src, 'pkg/dist/a.js'));
    await writeFile(join(src, 'pkg/dist/a.js'), 'Q');
    await chmod(join(src, 'pkg/dist/a.js'), 0o755);
    expect(outputsInPlace(src, globs, artifact.entries, records)).toBe(false);
  });
});

describe('recorded listings of output directories', () => {
  /** Records whose clock runs `ahead` ms late: stat data taken "now" counts as taken long after any change. */
  const later = (file: string, ahead = 10_000): OutputStatRecords =>
    new OutputStatRecords(file, { now: () => Date.now() + ahead });

  it('answer for a directory whose stat data are as recorded, without reading it', async () => {
    await write(src, { 'pkg/dist/a.js': 'A', 'pkg/dist/sub/b.js': 'B' });
    const file = join(root, 'records.json');
    const first = later(file);
    expect([...presentOutputs(src, globs, first).keys()].sort()).toEqual([
      'pkg/dist/a.js',
      'pkg/dist/sub/b.js',
    ]);
    first.flush();
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      trees: Record<string, { dirs: string[][]; entries: string[] }>;
    };
    expect(data.trees['pkg/dist']!.dirs.map((d) => d[0])).toEqual(['pkg/dist', 'pkg/dist/sub']);
    // A listing that leaves out a file which is there is believed while the directories are unchanged: proof
    // that no directory was read.
    data.trees['pkg/dist']!.entries = ['pkg/dist/a.js'];
    await writeFile(file, JSON.stringify(data));
    expect([...presentOutputs(src, globs, later(file)).keys()]).toEqual(['pkg/dist/a.js']);
  });

  it('never answer once a name is added, removed or renamed at any depth, nor when a file became a directory', async () => {
    await write(src, { 'pkg/dist/a.js': 'A', 'pkg/dist/sub/b.js': 'B' });
    const file = join(root, 'records.json');
    const seen = async (): Promise<string[]> => {
      const records = later(file);
      const found = [...presentOutputs(src, globs, records).keys()].sort();
      records.flush();
      // The file system's clock ticks every few milliseconds: the next change must not share this tick (the
      // records' real clock would not call these directories settled, see above; this one is told to).
      await new Promise((r) => setTimeout(r, 30));
      return found;
    };
    expect(await seen()).toEqual(['pkg/dist/a.js', 'pkg/dist/sub/b.js']);
    await writeFile(join(src, 'pkg/dist/sub/c.js'), 'C');
    expect(await seen()).toEqual(['pkg/dist/a.js', 'pkg/dist/sub/b.js', 'pkg/dist/sub/c.js']);
    await rm(join(src, 'pkg/dist/sub/b.js'));
    expect(await seen()).toEqual(['pkg/dist/a.js', 'pkg/dist/sub/c.js']);
    await rename(join(src, 'pkg/dist/sub/c.js'), join(src, 'pkg/dist/sub/d.js'));
    expect(await seen()).toEqual(['pkg/dist/a.js', 'pkg/dist/sub/d.js']);
    await rm(join(src, 'pkg/dist/a.js'));
    await mkdir(join(src, 'pkg/dist/a.js'));
    await writeFile(join(src, 'pkg/dist/a.js/e.js'), 'E');
    expect(await seen()).toEqual(['pkg/dist/a.js/e.js', 'pkg/dist/sub/d.js']);
    await rm(join(src, 'pkg/dist'), { recursive: true });
    expect(await seen()).toEqual([]);
  });

  it('are not believed when damaged: another directory first, or an entry outside the listed directories', async () => {
    await write(src, { 'pkg/dist/a.js': 'A', 'pkg/dist/sub/b.js': 'B' });
    const file = join(root, 'records.json');
    const first = later(file);
    presentOutputs(src, globs, first);
    first.flush();
    const data = JSON.parse(await readFile(file, 'utf8')) as {
      trees: Record<string, { dirs: string[][]; entries: string[] }>;
    };
    const tree = data.trees['pkg/dist']!;
    const damaged = async (t: { dirs: string[][]; entries: string[] }): Promise<string[]> => {
      await writeFile(file, JSON.stringify({ ...data, trees: { 'pkg/dist': t } }));
      return [...presentOutputs(src, globs, later(file)).keys()].sort();
    };
    const all = ['pkg/dist/a.js', 'pkg/dist/sub/b.js'];
    // Another directory's listing under this base's name.
    expect(await damaged({ dirs: tree.dirs.slice(1), entries: ['pkg/dist/sub/b.js'] })).toEqual(all);
    // An entry in a directory not listed.
    expect(await damaged({ dirs: tree.dirs.slice(0, 1), entries: ['pkg/dist/sub/b.js'] })).toEqual(all);
  });

  it('are not made from directories that changed shortly before their stat data were taken', async () => {
    await write(src, { 'pkg/dist/a.js': 'A' });
    const file = join(root, 'records.json');
    const records = new OutputStatRecords(file);
    presentOutputs(src, globs, records);
    records.flush();
    expect(existsSync(file)).toBe(false);
  });

  it('leave the records file alone when everything is as recorded', async () => {
    await write(src, { 'pkg/dist/a.js': 'A' });
    const artifact = await storeArtifact({});
    const file = join(root, 'records.json');
    const first = later(file);
    expect(outputsInPlace(src, globs, artifact.entries, first)).toBe(true);
    first.flush();
    const before = lstatSync(file, { bigint: true });
    const again = later(file);
    expect(outputsInPlace(src, globs, artifact.entries, again)).toBe(true);
    again.flush();
    const after = lstatSync(file, { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
  });
});

describe('a records file of another user', () => {
  it('is never believed: whoever can write it could vouch for any content', async () => {
    await write(src, { 'pkg/dist/a.js': 'A' });
    const artifact = await storeArtifact({});
    const file = join(root, 'records.json');
    const st = lstatSync(join(src, 'pkg/dist/a.js'));
    const forged = new OutputStatRecords(file);
    forged.record('pkg/dist/a.js', st, 'f'.repeat(64), Date.now() + 10_000);
    forged.flush();
    // Ours, it is believed (see above: the record's claim wins over the bytes).
    expect(outputsInPlace(src, globs, artifact.entries, new OutputStatRecords(file))).toBe(false);
    execFileSync('chown', ['65534:65534', file]);
    const records = new OutputStatRecords(file);
    expect(records.digestOf('pkg/dist/a.js', st)).toBeUndefined();
    expect(outputsInPlace(src, globs, artifact.entries, records)).toBe(true);
  });

  it('is not waited for when a FIFO stands in its place', async () => {
    await write(src, { 'pkg/dist/a.js': 'A' });
    const artifact = await storeArtifact({});
    const file = join(root, 'records.json');
    execFileSync('mkfifo', [file]);
    const records = new OutputStatRecords(file);
    expect(outputsInPlace(src, globs, artifact.entries, records)).toBe(true);
  });
});

describe('what a check found of a job’s in-place outputs, remembered with the artifact’s name', () => {
  /** Records whose clock runs 10 s late: everything written before "now" counts as settled. */
  const later = (file: string): OutputStatRecords =>
    new OutputStatRecords(file, { now: () => Date.now() + 10_000 });
  const file = (): string => join(root, 'records.json');

  /** A full check (restoring what differs) with fresh records, written out after it, as a run does. */
  async function check(
    artifact: StoredArtifact,
    protect: (p: string) => boolean = () => false,
  ): Promise<string> {
    const records = later(file());
    const r = await restoreInPlace(src, globs, artifact, records, protect, protect);
    records.flush();
    // The file system's clock ticks every few milliseconds: a change after this must not share its tick.
    await new Promise((done) => setTimeout(done, 30));
    return r.kind;
  }
  /** The check of a later run that has only the artifact's name. */
  const asVerified = (artifact = 'artifact-1', job = 'pkg#build'): boolean => {
    const records = later(file());
    const verdict = records.verdict(job, artifact);
    return verdict !== undefined && verdictNow(src, verdict, records) === 'in-place';
  };

  async function inPlace(): Promise<StoredArtifact> {
    const artifact = {
      ...(await storeArtifact({ 'pkg/dist/a.js': 'A', 'pkg/dist/sub/b.js': 'B' })),
      remember: { job: 'pkg#build', artifact: 'artifact-1' },
    };
    await rm(join(src, 'pkg/dist'), { recursive: true, force: true });
    expect(await check(artifact)).toBe('restored');
    expect(await check(artifact)).toBe('unchanged');
    return artifact;
  }

  it('answers, while nothing changed, that the outputs are in place, without the manifest; never for another name', async () => {
    await inPlace();
    expect(asVerified()).toBe(true);
    expect(asVerified('artifact-2')).toBe(false);
    expect(asVerified('artifact-1', 'other#build')).toBe(false);
    const data = JSON.parse(await readFile(file(), 'utf8')) as { verdicts: Record<string, unknown> };
    expect(data.verdicts['pkg#build']).toEqual({
      artifact: 'artifact-1',
      bases: ['pkg/dist'],
      files: [
        ['pkg/dist/a.js', sha('A'), 1, 1],
        ['pkg/dist/sub/b.js', sha('B'), 0, 1],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    });
  });

  it('leaves the records file alone when a check finds what the last one found', async () => {
    const artifact = await inPlace();
    const before = lstatSync(file(), { bigint: true });
    expect(await check(artifact)).toBe('unchanged');
    const after = lstatSync(file(), { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
  });

  it('is kept beside files the globs leave out, by their names alone', async () => {
    const artifact = await inPlace();
    await writeFile(join(src, 'pkg/dist/a.js.map'), 'map');
    // A name more in the listing: the full check says, and keeps a verdict with the name.
    expect(asVerified()).toBe(false);
    expect(await check(artifact)).toBe('unchanged');
    expect(asVerified()).toBe(true);
    const data = JSON.parse(await readFile(file(), 'utf8')) as {
      verdicts: Record<string, { files: unknown[][] }>;
    };
    expect(data.verdicts['pkg#build']!.files).toContainEqual(['pkg/dist/a.js.map', '', 0, 0]);
    // Its bytes are no output's: the same name with others is still in place, as the full check finds.
    await writeFile(join(src, 'pkg/dist/a.js.map'), 'another map');
    expect(asVerified()).toBe(true);
    expect(await check(artifact)).toBe('unchanged');
  });

  it('tells outputs gone whole from outputs changed', async () => {
    await inPlace();
    const now = (): string => {
      const records = later(file());
      return verdictNow(src, records.verdict('pkg#build', 'artifact-1')!, records);
    };
    await rm(join(src, 'pkg/dist'), { recursive: true });
    expect(now()).toBe('gone');
    // An empty directory in its place is not gone: what else is there only a full check tells.
    await mkdir(join(src, 'pkg/dist'));
    expect(now()).toBe('changed');
    await rm(join(src, 'pkg/dist'), { recursive: true });
    await rename(join(src, 'pkg'), join(src, 'moved'));
    expect(now()).toBe('gone');
    // Gone through a link: not for this path either.
    await mkdir(join(src, 'elsewhere'));
    await symlink('elsewhere', join(src, 'pkg'));
    expect(now()).toBe('changed');
  });

  it('keeps no more than there are listings: those of jobs gone from the graph go', async () => {
    // A graph whose job IDs change from run to run, each job writing where the last one did.
    const artifact = await inPlace();
    for (let run = 0; run < 4; run++) {
      expect(await check({ ...artifact, remember: { job: `job-${run}`, artifact: 'artifact-1' } })).toBe(
        'unchanged',
      );
    }
    const data = JSON.parse(await readFile(file(), 'utf8')) as { verdicts: Record<string, unknown> };
    expect(Object.keys(data.verdicts)).toEqual(['job-3']);
  });

  it('drops a verdict read from the file whose paths are not plain, or lie outside its output directories', async () => {
    await inPlace();
    const data = JSON.parse(await readFile(file(), 'utf8')) as {
      verdicts: Record<string, { bases: string[]; files: unknown[][] }>;
    };
    const good = data.verdicts['pkg#build']!;
    for (const bad of [
      { ...good, files: [...good.files, ['../evil.txt', sha('E'), 0, 1]] },
      { ...good, files: [...good.files, ['pkg/dist/../../evil.txt', sha('E'), 0, 1]] },
      { ...good, files: [...good.files, ['elsewhere/x.js', sha('E'), 0, 1]] },
      { ...good, bases: ['../pkg'] },
    ]) {
      await writeFile(file(), JSON.stringify({ ...data, verdicts: { 'pkg#build': bad } }));
      expect(later(file()).verdict('pkg#build', 'artifact-1')).toBeUndefined();
    }
  });

  it('is not kept for a job whose outputs are exclusions only', async () => {
    const only = compileOutputGlobs(['!pkg/dist/**/*.map']);
    const records = later(file());
    const artifact = { entries: [], storedFile: (p: string) => p, remember: { job: 'x', artifact: 'y' } };
    expect(
      (
        await restoreInPlace(
          src,
          only,
          artifact,
          records,
          () => false,
          () => false,
        )
      ).kind,
    ).toBe('unchanged');
    records.flush();
    expect(existsSync(file())).toBe(false);
  });

  it('keeps a job whose ID is `__proto__` like any other', async () => {
    const records = later(file());
    const verdict: Verdict = { artifact: 'x', bases: ['pkg/dist'], files: [] };
    records.recordVerdict('__proto__', verdict);
    records.flush();
    expect(later(file()).verdict('__proto__', 'x')).toEqual(verdict);
  });

  it('keeps one per job: the check against a new artifact of the job replaces the last', async () => {
    const artifact = await inPlace();
    expect(await check({ ...artifact, remember: { job: 'pkg#build', artifact: 'artifact-2' } })).toBe(
      'unchanged',
    );
    expect(asVerified('artifact-2')).toBe(true);
    expect(asVerified('artifact-1')).toBe(false);
    const data = JSON.parse(await readFile(file(), 'utf8')) as { verdicts: Record<string, unknown> };
    expect(Object.keys(data.verdicts)).toEqual(['pkg#build']);
  });

  for (const [what, change] of [
    ['a file written again with the same bytes', () => writeFile(join(src, 'pkg/dist/a.js'), 'A')],
    ['a file made executable', () => chmod(join(src, 'pkg/dist/sub/b.js'), 0o755)],
    ['a file added', () => writeFile(join(src, 'pkg/dist/sub/c.js'), 'C')],
    ['a file not matched added', () => writeFile(join(src, 'pkg/dist/a.js.map'), 'map')],
    ['a file removed', () => rm(join(src, 'pkg/dist/sub/b.js'))],
    [
      'a file replaced by a copy',
      async () => {
        await rename(join(src, 'pkg/dist/a.js'), join(root, 'a.js'));
        await writeFile(join(src, 'pkg/dist/a.js'), 'A');
        await chmod(join(src, 'pkg/dist/a.js'), 0o755);
      },
    ],
    [
      'the package moved, a link in its place',
      async () => {
        await rename(join(src, 'pkg'), join(src, 'moved'));
        await symlink('moved', join(src, 'pkg'));
      },
    ],
  ] as const) {
    it(`no longer answers after ${what}, and a full check says what is there`, async () => {
      const artifact = await inPlace();
      await change();
      expect(asVerified()).toBe(false);
      // The full check, as a run falls back on: it puts the outputs back, or finds them right (a link on the way
      // is not for this path at all).
      const kind = await check(artifact);
      if (what.includes('link')) expect(kind).toBe('not-here');
      else {
        expect(['restored', 'unchanged']).toContain(kind);
        expect(await readFile(join(src, 'pkg/dist/sub/b.js'), 'utf8')).toBe('B');
      }
    });
  }

  it('is not kept when the outputs were not all in place, or not alone, or not settled, or the artifact has no name', async () => {
    const artifact = {
      ...(await storeArtifact({ 'pkg/dist/a.js': 'A' })),
      remember: { job: 'pkg#build', artifact: 'artifact-1' },
    };
    await rm(join(src, 'pkg/dist'), { recursive: true, force: true });
    // Written by this check: not in place before it.
    expect(await check(artifact)).toBe('restored');
    expect(asVerified()).toBe(false);
    // A file of the user's among them, which no restore removes.
    await writeFile(join(src, 'pkg/dist/read.js'), 'an input');
    expect(await check(artifact, (p) => p === 'pkg/dist/read.js')).toBe('unchanged');
    expect(asVerified()).toBe(false);
    await rm(join(src, 'pkg/dist/read.js'));
    // Stat data taken right after a change: the records vouch for nothing yet.
    await writeFile(join(src, 'pkg/dist/a.js'), 'A');
    await chmod(join(src, 'pkg/dist/a.js'), 0o755);
    const now = new OutputStatRecords(file());
    expect(
      (
        await restoreInPlace(
          src,
          globs,
          artifact,
          now,
          () => false,
          () => false,
        )
      ).kind,
    ).toBe('unchanged');
    now.flush();
    expect(asVerified()).toBe(false);
    // Without a name: nothing to remember it by.
    expect(await check({ entries: artifact.entries, storedFile: artifact.storedFile })).toBe('unchanged');
    expect(asVerified()).toBe(false);
    expect(await check(artifact)).toBe('unchanged');
    expect(asVerified()).toBe(true);
  });

  it('is not kept for an artifact with empty directories', async () => {
    const artifact = {
      ...(await storeArtifact({ 'pkg/dist/a.js': 'A' })),
      remember: { job: 'pkg#build', artifact: 'artifact-1' },
    };
    const entries: ManifestEntry[] = [
      ...artifact.entries,
      { path: '.in-place/pkg/dist/empty', type: 'dir', size: 0, mode: 0o755, sha256: '' },
    ];
    const withDir = { ...artifact, entries };
    await rm(join(src, 'pkg/dist'), { recursive: true, force: true });
    expect(await check(withDir)).toBe('restored');
    expect(await check(withDir)).toBe('unchanged');
    expect(asVerified()).toBe(false);
  });
});
