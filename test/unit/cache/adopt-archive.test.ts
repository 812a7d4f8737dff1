import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveToAdopt, ManifestEntry } from '../../../src/cache/cache.js';
import { LocalCache } from '../../../src/cache/local-cache.js';
import { buildManifest, sha256 } from '../../../src/cache/manifest.js';
import { packArchive } from '../../../src/cache/remote/archive.js';
import type { JobKey } from '../../../src/ids/brands.js';
import { removeTree } from '../../../src/util/remove-tree.js';

const KEY = 'ef'.repeat(20) as JobKey;
const BIG_LOG = Buffer.alloc(40 * 1024, 'x');

/** Every path under `dir` with its type and permission bits, and file contents. */
async function listing(dir: string, rel = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(join(dir, rel))).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    const st = await lstat(join(dir, r));
    const mode = (st.mode & 0o777).toString(8);
    if (st.isDirectory()) Object.assign(out, { [r]: `dir ${mode}` }, await listing(dir, r));
    else if (st.isSymbolicLink()) out[r] = 'link';
    else out[r] = `file ${mode} ${await readFile(join(dir, r), 'utf8')}`;
  }
  return out;
}

describe('a downloaded archive becomes a local cache entry (adoptArchive)', () => {
  let dir: string;
  let cache: LocalCache;
  let warnings: string[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-adopt-'));
    warnings = [];
    cache = await LocalCache.create(join(dir, 'cache'), { onWarning: (m) => warnings.push(m) });
  });
  afterEach(async () => {
    await cache.close();
    await removeTree(dir);
  });

  /** A tree with nested directories, an executable, an empty file and a link; its manifest and archive. */
  async function artifact(opts: { gzip?: boolean } = {}): Promise<ArchiveToAdopt> {
    const src = join(dir, 'src');
    await mkdir(join(src, 'a/b'), { recursive: true });
    await mkdir(join(src, 'empty-dir'));
    const text = opts.gzip ? 'compressible text\n'.repeat(200) : 'alpha';
    await writeFile(join(src, 'a/b/one.txt'), text);
    await writeFile(join(src, 'empty'), '');
    await writeFile(join(src, 'tool'), '#!/bin/sh\n');
    await chmod(join(src, 'tool'), 0o755);
    await symlink('a/b/one.txt', join(src, 'link'));
    const m = await buildManifest(src, KEY, 7, Buffer.from('out'), BIG_LOG);
    if (!m.ok) throw new Error(m.error);
    const packed = await packArchive(src, m.value, join(dir, 'spill'));
    expect(packed.encoding).toBe(opts.gzip ? 'gzip' : 'identity');
    return {
      archive: packed.bytes!,
      encoding: packed.encoding,
      manifest: m.value,
      stdout: Buffer.from('out'),
      stderr: BIG_LOG,
      durationMs: 7,
    };
  }

  const entries = (): Promise<string[]> => readdir(join(dir, 'cache/v1/entries'));
  const temps = (): Promise<string[]> => readdir(join(dir, 'cache/v1/tmp'));

  for (const gzip of [false, true]) {
    it(`commits a ${gzip ? 'gzipped' : 'plain'} archive as a read-only entry that later runs restore`, async () => {
      const a = await artifact({ gzip });
      const adopted = await cache.adoptArchive(KEY, a);
      expect(adopted.ok).toBe(true);
      if (!adopted.ok) return;
      expect(adopted.value.sealed).toBe(true);
      expect(adopted.value.dir).toBe(join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY, 'out'));
      const text = gzip ? 'compressible text\n'.repeat(200) : 'alpha';
      // Read-only as the executor seals a tree: dirs r-x, files without write bits (the exec bit kept).
      expect(await listing(adopted.value.dir)).toEqual({
        a: 'dir 555',
        'a/b': 'dir 555',
        'a/b/one.txt': `file 444 ${text}`,
        empty: 'file 444 ',
        'empty-dir': 'dir 555',
        link: 'link',
        tool: 'file 555 #!/bin/sh\n',
      });
      expect(await temps()).toEqual([]);

      // A later run finds it, with its logs (the big one from its own file), and restores it verified.
      const again = await LocalCache.create(join(dir, 'cache'));
      const hit = (await again.lookup([KEY])).get(KEY)!;
      expect(hit.durationMs).toBe(7);
      expect(await hit.logs()).toEqual({ stdout: Buffer.from('out'), stderr: BIG_LOG });
      const dest = join(dir, 'dest');
      expect((await hit.restore(dest)).ok).toBe(true);
      expect(await readFile(join(dest, 'a/b/one.txt'), 'utf8')).toBe(text);
      await again.close();
      expect(warnings).toEqual([]);
    });
  }

  it('refuses an archive with one flipped byte before writing anything', async () => {
    const a = await artifact();
    const bad = Buffer.from(a.archive);
    bad[bad.length - 3]! ^= 1;
    const adopted = await cache.adoptArchive(KEY, { ...a, archive: bad });
    expect(adopted).toEqual({
      ok: false,
      error: { reason: 'corrupt', message: expect.stringContaining('does not match the manifest') },
    });
    expect(await entries()).toEqual([]);
    expect(await temps()).toEqual([]);
  });

  it('refuses a gzipped archive that expands beyond what the manifest lists', async () => {
    const a = await artifact({ gzip: true });
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const adopted = await cache.adoptArchive(KEY, { ...a, archive: bomb });
    expect(adopted.ok || adopted.error.reason).toBe('corrupt');
    expect(await entries()).toEqual([]);
    expect(await temps()).toEqual([]);
  });

  it('leaves an entry another process committed meanwhile alone, and reads its own complete copy', async () => {
    const a = await artifact();
    const other = await LocalCache.create(join(dir, 'cache'));
    expect((await other.adoptArchive(KEY, a)).ok).toBe(true);
    await other.close();
    const meta = await readFile(join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY, 'meta.json'), 'utf8');
    const adopted = await cache.adoptArchive(KEY, { ...a, archive: Buffer.from(a.archive) });
    expect(adopted.ok).toBe(true);
    if (!adopted.ok) return;
    expect(adopted.value.dir).not.toContain('/entries/');
    expect(await readFile(join(adopted.value.dir, 'a/b/one.txt'), 'utf8')).toBe('alpha');
    expect(await readFile(join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY, 'meta.json'), 'utf8')).toBe(
      meta,
    );
    // The run's own copy goes when it ends.
    await cache.close();
    expect(await temps()).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('makes the shard of an entry again when it went away after an earlier commit into it', async () => {
    const a = await artifact();
    expect((await cache.adoptArchive(KEY, a)).ok).toBe(true);
    // The cache emptied while this process runs (by hand, or pruned): the next entry of that shard still commits.
    await removeTree(join(dir, 'cache/v1/entries'));
    await mkdir(join(dir, 'cache/v1/entries'));
    const again = await cache.adoptArchive(KEY, { ...a, archive: Buffer.from(a.archive) });
    expect(again.ok && again.value.dir).toBe(join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY, 'out'));
    expect(
      await readFile(join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY, 'out/a/b/one.txt'), 'utf8'),
    ).toBe('alpha');
    expect(warnings).toEqual([]);
  });

  it('replaces a damaged entry in the way (no meta.json), with one warning', async () => {
    const a = await artifact();
    const entry = join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY);
    await mkdir(join(entry, 'out'), { recursive: true });
    await writeFile(join(entry, 'out', 'junk'), 'junk');
    const adopted = await cache.adoptArchive(KEY, a);
    expect(adopted.ok && adopted.value.dir).toBe(join(entry, 'out'));
    expect((await readdir(join(entry, 'out'))).sort()).toEqual(['a', 'empty', 'empty-dir', 'link', 'tool']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('damaged');
  });

  // A manifest that names a path under a file or a link (only a hostile or broken record does) must not become a
  // half-built, unsealed tree handed out as restored: the mkdir or link that fails on it says EEXIST, as a lost
  // race with another process's save would.
  for (const [label, clash] of [
    [
      'a file',
      [
        { path: 'a', type: 'file' },
        { path: 'a/b', type: 'file' },
      ],
    ],
    [
      'a link',
      [
        { path: 'a', type: 'symlink', target: 'd' },
        { path: 'a/b', type: 'file' },
      ],
    ],
  ] as const) {
    it(`refuses a manifest that puts a path under ${label}, writing nothing`, async () => {
      const bytes = Buffer.from('x');
      const sha = createHash('sha256').update(bytes).digest('hex');
      const listed = clash.map((e) =>
        e.type === 'file'
          ? { path: e.path, type: 'file' as const, size: 1, mode: 0o644, sha256: sha }
          : { path: e.path, type: 'symlink' as const, size: e.target.length, target: e.target },
      );
      const a = await artifact();
      const files = listed.filter((e) => e.type === 'file').length;
      const adopted = await cache.adoptArchive(KEY, {
        ...a,
        archive: Buffer.alloc(files, 'x'),
        encoding: 'identity',
        manifest: {
          ...a.manifest,
          entries: [{ path: 'd', type: 'dir', size: 0 }, ...listed] as ManifestEntry[],
        },
      });
      expect(adopted.ok || adopted.error.reason).toBe('corrupt');
      expect(await entries()).toEqual([]);
      await cache.close();
      expect(await temps()).toEqual([]);
    });
  }
});

describe('sha256', () => {
  it('answers the digest of empty input without hashing, the same as hashing it', () => {
    const empty = createHash('sha256').update('').digest('hex');
    expect(sha256(Buffer.alloc(0))).toBe(empty);
    expect(sha256('')).toBe(empty);
    expect(sha256(Buffer.from('x'))).toBe(createHash('sha256').update('x').digest('hex'));
  });
});
