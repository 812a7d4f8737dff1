import { execFileSync } from 'node:child_process';
import { spawn } from 'node:child_process';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../../src/cache/cache.js';
import { LocalCache } from '../../../src/cache/local-cache.js';
import { pruneCache } from '../../../src/cache/prune.js';
import type { JobKey } from '../../../src/ids/brands.js';

const KEY = 'ab'.repeat(20) as JobKey;
const OTHER = 'cd'.repeat(20) as JobKey;

async function makeTree(dir: string): Promise<void> {
  await mkdir(join(dir, 'nested/deeper'), { recursive: true });
  await writeFile(join(dir, 'a.txt'), 'alpha');
  await writeFile(join(dir, 'empty'), '');
  await writeFile(join(dir, 'nested/deeper/tool'), '#!/bin/sh\necho hi\n');
  await chmod(join(dir, 'nested/deeper/tool'), 0o755);
  await symlink('../a.txt', join(dir, 'nested/link'));
  await mkdir(join(dir, 'empty-dir'));
}

async function snapshot(dir: string, rel = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, { [r]: 'dir' }, await snapshot(dir, r));
    else if (e.isSymbolicLink()) out[r] = 'link';
    else out[r] = `${(await stat(join(dir, r))).mode & 0o777}:${await readFile(join(dir, r), 'utf8')}`;
  }
  return out;
}

describe('LocalCache', () => {
  let dir: string;
  let warnings: string[];
  let cache: Cache;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-cache-'));
    await makeTree(join(dir, 'out'));
    warnings = [];
    cache = await LocalCache.create(join(dir, 'cache'), { onWarning: (m) => warnings.push(m) });
  });
  const entryDir = (key: JobKey): string => join(dir, 'cache/v1/entries', key.slice(0, 2), key);
  /** An entry last used at `when`: what a lookup and a prune read (its meta.json's mtime, and its directory's). */
  const usedAt = async (key: JobKey, when: Date): Promise<void> => {
    await utimes(join(entryDir(key), 'meta.json'), when, when);
    await utimes(entryDir(key), when, when);
  };
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const save = (key = KEY) =>
    cache.save(key, {
      outputDir: join(dir, 'out'),
      stdout: Buffer.from('out\n'),
      stderr: Buffer.from('err\n'),
      durationMs: 42,
    });

  it('saves, finds, replays logs and restores an identical tree', async () => {
    expect(await save()).toMatchObject({ saved: true });
    const hits = await cache.lookup([KEY, OTHER]);
    expect([...hits.keys()]).toEqual([KEY]);
    const hit = hits.get(KEY)!;
    expect(hit.durationMs).toBe(42);
    expect(await hit.logs()).toEqual({ stdout: Buffer.from('out\n'), stderr: Buffer.from('err\n') });
    expect(await hit.restore(join(dir, 'restored'))).toEqual({ ok: true, value: undefined });
    expect(await snapshot(join(dir, 'restored'))).toEqual(await snapshot(join(dir, 'out')));
    expect(warnings).toEqual([]);
  });

  it('names where each file of its manifest is stored, holding the listed bytes', async () => {
    await save();
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    const files = hit.entries!()!.filter((e) => e.type === 'file');
    expect(files.map((e) => e.path).sort()).toEqual(['a.txt', 'empty', 'nested/deeper/tool']);
    for (const e of files) {
      expect(await readFile(hit.storedFile!(e.path))).toEqual(await readFile(join(dir, 'out', e.path)));
    }
  });

  it('takes over a directory it handed out: the outputs move into the entry; unsaved ones go at close', async () => {
    const local = cache as LocalCache;
    const out = local.newOutputDir();
    await makeTree(out);
    const before = await snapshot(out);
    const saved = await local.save(KEY, {
      outputDir: out,
      stdout: Buffer.from('o'),
      stderr: Buffer.alloc(0),
      durationMs: 3,
    });
    expect(saved).toMatchObject({
      saved: true,
      outputDir: join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY, 'out'),
    });
    await expect(stat(out)).rejects.toThrow();
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    expect((await hit.restore(join(dir, 'restored'))).ok).toBe(true);
    expect(await snapshot(join(dir, 'restored'))).toEqual(before);

    const failed = local.newOutputDir();
    await writeFile(join(failed, 'partial'), 'x');
    await local.close();
    await expect(stat(failed)).rejects.toThrow();
    expect(await readdir(join(dir, 'cache/v1/tmp'))).toEqual([]);
  });

  it('seals a directory it takes over as it hashes it (one pass): nothing in the entry is writable', async () => {
    const local = cache as LocalCache;
    const out = local.newOutputDir();
    await makeTree(out);
    // A directory the job left without write or read permission is opened to be hashed, then sealed too.
    await chmod(join(out, 'empty-dir'), 0o000);
    const before = await snapshot(join(dir, 'out'));
    const saved = await local.save(KEY, {
      outputDir: out,
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(0),
      durationMs: 3,
      seal: true,
    });
    expect(saved).toMatchObject({ saved: true, sealed: true });
    const entryOut = join(entryDir(KEY), 'out');
    const modes: Record<string, number> = {};
    const walk = async (rel: string): Promise<void> => {
      const st = await lstat(join(entryOut, rel));
      if (!st.isSymbolicLink()) modes[rel || '.'] = st.mode & 0o777;
      if (st.isDirectory())
        for (const n of await readdir(join(entryOut, rel))) await walk(rel ? `${rel}/${n}` : n);
    };
    await walk('');
    expect(modes).toEqual({
      '.': 0o555,
      'a.txt': 0o444,
      empty: 0o444,
      'empty-dir': 0o555,
      nested: 0o555,
      'nested/deeper': 0o555,
      'nested/deeper/tool': 0o555,
    });
    // The exec bit is what the manifest keeps of a mode: the restore is the tree as written.
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    expect((await hit.restore(join(dir, 'restored'))).ok).toBe(true);
    expect(await snapshot(join(dir, 'restored'))).toEqual(before);
    // Not taken over (a copy): not sealed here, and the outcome says so.
    expect(await save(OTHER)).not.toHaveProperty('sealed');
  });

  it('restores entries written with the manifest in a file of its own', async () => {
    await save();
    const entry = join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY);
    const { manifest, ...meta } = JSON.parse(await readFile(join(entry, 'meta.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    await writeFile(join(entry, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(join(entry, 'meta.json'), JSON.stringify(meta));
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    expect(await hit.restore(join(dir, 'restored'))).toEqual({ ok: true, value: undefined });
    expect(await snapshot(join(dir, 'restored'))).toEqual(await snapshot(join(dir, 'out')));
    expect(warnings).toEqual([]);
  });

  it('moves aside an entry whose manifest file of its own is a FIFO, without waiting on it', async () => {
    await save();
    const entry = join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY);
    const { manifest: _, ...meta } = JSON.parse(await readFile(join(entry, 'meta.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    execFileSync('mkfifo', [join(entry, 'manifest.json')]);
    await writeFile(join(entry, 'meta.json'), JSON.stringify(meta));
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    const r = await hit.restore(join(dir, 'restored'));
    expect(r.ok).toBe(false);
    expect(warnings).toEqual([]);
    expect((await cache.lookup([KEY])).has(KEY)).toBe(false);
  });

  it('keeps large logs in files of their own and restores them verified', async () => {
    const big = Buffer.alloc(100_000, 'x');
    await cache.save(KEY, {
      outputDir: join(dir, 'out'),
      stdout: big,
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    expect((await hit.logs()).stdout.equals(big)).toBe(true);
    expect((await hit.restore(join(dir, 'restored'))).ok).toBe(true);
  });

  it('stores a spilled log whole from its file, and replays only its ends', async () => {
    const whole = Buffer.alloc(17 * 1024 * 1024, 'y');
    await writeFile(join(dir, 'spilled'), whole);
    const saved = await cache.save(KEY, {
      outputDir: join(dir, 'out'),
      stdout: Buffer.from('the two ends'),
      stdoutFile: join(dir, 'spilled'),
      stderr: Buffer.alloc(0),
      durationMs: 1,
    });
    expect(saved).toMatchObject({ saved: true });
    const entry = join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY);
    expect((await readFile(join(entry, 'stdout'))).equals(whole)).toBe(true);
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    expect((await hit.restore(join(dir, 'restored'))).ok).toBe(true);
    const { stdout } = await hit.logs();
    expect(stdout.length).toBeLessThan(3 * 1024 * 1024);
    expect(stdout.toString()).toContain(`bytes left out here (${whole.length} in all)`);
  });

  it('answers a second save of the same key as a harmless no-op', async () => {
    await save();
    expect(await save()).toEqual({ saved: false, reason: 'exists' });
  });

  it('refuses outputs with escaping symlinks, and caches nothing of them', async () => {
    await symlink('/etc/passwd', join(dir, 'out/escape'));
    const r = await save();
    expect(r).toMatchObject({ saved: false, reason: 'unsafe-output' });
    expect((await cache.lookup([KEY])).size).toBe(0);
  });

  for (const [what, tamper] of [
    ['a changed byte', (e: string) => writeFile(join(e, 'out/a.txt'), 'alphA')],
    ['a deleted file', (e: string) => rm(join(e, 'out/empty'))],
    ['a lost exec bit', (e: string) => chmod(join(e, 'out/nested/deeper/tool'), 0o644)],
    [
      'a changed log',
      async (e: string) => {
        const meta = JSON.parse(await readFile(join(e, 'meta.json'), 'utf8')) as Record<string, unknown>;
        await writeFile(
          join(e, 'meta.json'),
          JSON.stringify({ ...meta, stdout: Buffer.from('forged').toString('base64') }),
        );
      },
    ],
  ] as const) {
    it(`turns a tampered entry (${what}) into a miss with a warning, never a wrong output`, async () => {
      await save();
      const entry = join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY);
      await tamper(entry);
      const hit = (await cache.lookup([KEY])).get(KEY)!;
      const restored = await hit.restore(join(dir, 'restored'));
      expect(restored.ok).toBe(false);
      // Said once, by the caller that knows the job's name: the cache itself adds no warning.
      expect(JSON.stringify(restored)).toContain(KEY);
      expect(warnings).toEqual([]);
      await expect(stat(join(dir, 'restored'))).rejects.toThrow();
      // The bad entry is gone, so the next save replaces it.
      expect((await cache.lookup([KEY])).size).toBe(0);
      expect(await save()).toMatchObject({ saved: true });
    });
  }

  it('never blames an entry for what a dependent added to it, and restores only the artifact', async () => {
    await save();
    const out = join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY, 'out');
    // What a dependent running as root can still do to a read-only entry: Python's byte-code cache.
    await mkdir(join(out, 'nested/__pycache__'));
    await writeFile(join(out, 'nested/__pycache__/mod.cpython-312.pyc'), 'bytecode');
    await writeFile(join(out, 'lockfile'), '');
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    expect(await hit.restore(join(dir, 'restored'))).toEqual({ ok: true, value: undefined });
    expect(await snapshot(join(dir, 'restored'))).toEqual(await snapshot(join(dir, 'out')));
    expect(warnings).toEqual([]);
  });

  for (const [what, meta] of [
    ['an empty meta.json', () => ''],
    ['a truncated meta.json', (m: string) => m.slice(0, m.length / 2)],
    ['an ill-typed durationMs', (m: string) => JSON.stringify({ ...JSON.parse(m), durationMs: 'abc' })],
    ['a meta.json that is not an object', () => '[1,2]'],
    [
      'a manifest naming another key',
      (m: string) => {
        const parsed = JSON.parse(m) as { manifest: Record<string, unknown> };
        return JSON.stringify({ ...parsed, manifest: { ...parsed.manifest, key: OTHER } });
      },
    ],
  ] as const) {
    it(`quarantines a damaged entry (${what}) once, with one warning, and saves the rebuilt one in its place`, async () => {
      await save();
      const entry = join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY);
      await writeFile(join(entry, 'meta.json'), meta(await readFile(join(entry, 'meta.json'), 'utf8')));
      expect((await cache.lookup([KEY])).size).toBe(0);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(KEY);
      // Once: the entry is gone, so the next lookup is a plain miss, and the rebuilt artifact is saved.
      expect((await cache.lookup([KEY])).size).toBe(0);
      expect(await save()).toMatchObject({ saved: true });
      const hit = (await cache.lookup([KEY])).get(KEY)!;
      expect(hit.durationMs).toBe(42);
      expect((await hit.restore(join(dir, 'restored'))).ok).toBe(true);
      expect(warnings).toHaveLength(1);
    });
  }

  it('names each stored artifact by its content, the same in every lookup, another once the entry holds another', async () => {
    await save();
    const named = (hits: Map<JobKey, { artifact?: string }>): string | undefined => hits.get(KEY)?.artifact;
    const first = named(await cache.lookup([KEY]));
    expect(first).toMatch(/^[\w-]{43}$/);
    // Answered from the lookup memo (many keys) as from the entry itself.
    const many = Array.from({ length: 40 }, (_, i) => i.toString(16).padStart(40, '0') as JobKey);
    expect(named(await cache.lookup([KEY, ...many]))).toBe(first);
    expect(named(await cache.lookup([KEY, ...many]))).toBe(first);
    // The same key's artifact saved again after the entry went, built anew with other bytes: another name.
    await cache.discard!(KEY);
    await writeFile(join(dir, 'out', 'a.txt'), 'other bytes');
    await save();
    const second = named(await cache.lookup([KEY]));
    expect(second).toMatch(/^[\w-]{43}$/);
    expect(second).not.toBe(first);
    // Its meta.json written over where it stands (inode and birth time kept), as a copy of another cache over
    // this one would: another name again.
    const meta = join(entryDir(KEY), 'meta.json');
    const text = await readFile(meta, 'utf8');
    await writeFile(meta, text.replace('"durationMs":42', '"durationMs":43'));
    const third = named(await cache.lookup([KEY]));
    expect(third).toMatch(/^[\w-]{43}$/);
    expect(third).not.toBe(second);
  });

  it('moves an entry aside, with one warning, when a log kept in a file of its own cannot be read', async () => {
    const big = Buffer.alloc(200_000, 'x');
    expect(
      await cache.save(KEY, {
        outputDir: join(dir, 'out'),
        stdout: big,
        stderr: Buffer.alloc(0),
        durationMs: 1,
      }),
    ).toMatchObject({ saved: true });
    await rm(join(entryDir(KEY), 'stdout'));
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    await expect(hit.logs()).rejects.toThrow(/ENOENT/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBe(`cache entry ${KEY} is damaged (its stdout cannot be read: ENOENT); removed it`);
    // Gone, so the next run builds the job again and keeps its logs.
    expect((await cache.lookup([KEY])).size).toBe(0);
    expect(await save()).toMatchObject({ saved: true });
  });

  it('moves an entry aside, with one warning, when a log kept in a file of its own was changed', async () => {
    const big = Buffer.alloc(200_000, 'x');
    expect(
      await cache.save(KEY, {
        outputDir: join(dir, 'out'),
        stdout: Buffer.alloc(0),
        stderr: big,
        durationMs: 1,
      }),
    ).toMatchObject({ saved: true });
    await writeFile(join(entryDir(KEY), 'stderr'), Buffer.alloc(200_000, 'y'));
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    await expect(hit.logs()).rejects.toThrow(/does not match its manifest/);
    expect(warnings).toEqual([
      `cache entry ${KEY} is damaged (its stderr does not match the manifest); removed it`,
    ]);
    expect((await cache.lookup([KEY])).size).toBe(0);
  });

  it('leaves alone an entry another run saved anew after this run looked the key up', async () => {
    const withLog = (fill: string): Promise<unknown> =>
      cache.save(KEY, {
        outputDir: join(dir, 'out'),
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(200_000, fill),
        durationMs: 1,
      });
    await withLog('a');
    const stale = (await cache.lookup([KEY])).get(KEY)!;
    // Another run moved the entry aside and saved its own build, whose log differs.
    await rm(entryDir(KEY), { recursive: true });
    await withLog('b');
    await expect(stale.logs()).rejects.toThrow(/does not match its manifest/);
    expect((await stale.restore(join(dir, 'restored'))).ok).toBe(false);
    expect(warnings).toEqual([]);
    const fresh = (await cache.lookup([KEY])).get(KEY)!;
    expect((await fresh.logs()).stderr.equals(Buffer.alloc(200_000, 'b'))).toBe(true);
  });

  it('calls an entry a prune removed after this run looked the key up removed, not damaged', async () => {
    await cache.save(KEY, {
      outputDir: join(dir, 'out'),
      stdout: Buffer.alloc(0),
      stderr: Buffer.alloc(200_000, 'a'),
      durationMs: 1,
    });
    const gone = (await cache.lookup([KEY])).get(KEY)!;
    await rm(entryDir(KEY), { recursive: true });
    await expect(gone.logs()).rejects.toThrow();
    const r = await gone.restore(join(dir, 'restored'));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(`cache entry ${KEY} was removed by another process while it was restored`);
    expect(warnings).toEqual([]);
  });

  it('refuses to restore a manifest whose paths leave the tree, and moves the entry aside', async () => {
    await save();
    const entry = join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY);
    const meta = JSON.parse(await readFile(join(entry, 'meta.json'), 'utf8')) as {
      manifest: { entries: { path: string }[] };
    };
    meta.manifest.entries[0]!.path = '../../../escaped';
    await writeFile(join(entry, 'meta.json'), JSON.stringify(meta));
    const restored = await (await cache.lookup([KEY])).get(KEY)!.restore(join(dir, 'r/restored'));
    expect(restored.ok).toBe(false);
    await expect(stat(join(dir, 'escaped'))).rejects.toThrow();
    expect((await cache.lookup([KEY])).size).toBe(0);
    expect(await save()).toMatchObject({ saved: true });
  });

  it('replaces an entry whose meta.json is missing instead of answering "exists" forever', async () => {
    await save();
    const entry = join(dir, 'cache/v1/entries', KEY.slice(0, 2), KEY);
    await rm(join(entry, 'meta.json'));
    expect((await cache.lookup([KEY])).size).toBe(0);
    expect(await save()).toMatchObject({ saved: true });
    expect((await cache.lookup([KEY])).size).toBe(1);
    expect(warnings).toHaveLength(1);
  });

  it('resolves symlinks in outputs: `c -> .` plus `up -> c/..` escapes the output directory', async () => {
    await symlink('.', join(dir, 'out/c'));
    await symlink('c/..', join(dir, 'out/up'));
    expect(await save()).toMatchObject({ saved: false, reason: 'unsafe-output' });
    await rm(join(dir, 'out/up'));
    // Links through links that stay inside are fine.
    await symlink('c/nested/../a.txt', join(dir, 'out/inside'));
    expect(await save()).toMatchObject({ saved: true });
  });

  it('keeps exactly one valid entry when two processes save the same key at once', async () => {
    const script = resolve(import.meta.dirname, '../../helpers/save-artifact.ts');
    const run = () =>
      new Promise<string>((res) => {
        const c = spawn(process.execPath, [
          '--import',
          'tsx',
          script,
          join(dir, 'cache'),
          KEY,
          join(dir, 'out'),
        ]);
        let out = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        c.on('close', () => res(out));
      });
    const outcomes = (await Promise.all([run(), run(), run()])).map(
      (o) => JSON.parse(o) as { saved: boolean },
    );
    expect(outcomes.filter((o) => o.saved)).toHaveLength(1);
    const hit = (await cache.lookup([KEY])).get(KEY)!;
    expect((await hit.restore(join(dir, 'restored'))).ok).toBe(true);
    expect(await readdir(join(dir, 'cache/v1/tmp'))).toEqual([]);
  });

  it('removes temp directories of dead processes at start-up, and keeps live ones', async () => {
    const tmp = join(dir, 'cache/v1/tmp');
    await mkdir(join(tmp, '999999999-dead'), { recursive: true });
    await mkdir(join(tmp, `${process.ppid}-alive`), { recursive: true });
    await LocalCache.create(join(dir, 'cache'));
    expect(await readdir(tmp)).toEqual([`${process.ppid}-alive`]);
  });

  it('prunes least recently used entries down to a size', async () => {
    await save(KEY);
    await save(OTHER);
    // KEY was last used before OTHER, both beyond the hour that uses are recorded to; then KEY is used.
    await usedAt(KEY, hoursAgo(3));
    await usedAt(OTHER, hoursAgo(2));
    await (await cache.lookup([KEY])).get(KEY)!.restore(join(dir, 'r'));
    const { remainingBytes: total } = await pruneCache(join(dir, 'cache'), { maxSizeBytes: Infinity });
    const r = await pruneCache(join(dir, 'cache'), { maxSizeBytes: Math.ceil(total / 2) + 8 });
    expect(r.removed).toBe(1);
    expect([...(await cache.lookup([KEY, OTHER])).keys()]).toEqual([KEY]);
    const all = await pruneCache(join(dir, 'cache'), { maxSizeBytes: 0 });
    expect(all).toMatchObject({ removed: 1, remainingBytes: 0 });
  });

  it('records a use to the hour: a hit on an entry used within the hour writes nothing', async () => {
    await save(KEY);
    const recent = new Date(Date.now() - 10 * 60_000);
    const meta = join(entryDir(KEY), 'meta.json');
    await usedAt(KEY, recent);
    let hit = (await cache.lookup([KEY])).get(KEY)!;
    await hit.logs();
    expect((await hit.restore(join(dir, 'r1'))).ok).toBe(true);
    expect(Math.abs((await stat(meta)).mtimeMs - recent.getTime())).toBeLessThan(1);
    await usedAt(KEY, hoursAgo(2));
    hit = (await cache.lookup([KEY])).get(KEY)!;
    await hit.logs();
    // The use is written in the background: waited for, on a busy machine for a while.
    const deadline = Date.now() + 10_000;
    while ((await stat(meta)).mtimeMs < Date.now() - 60_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await stat(meta)).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    // And on the directory, which versions before this one prune by.
    while ((await stat(entryDir(KEY))).mtimeMs < Date.now() - 60_000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await stat(entryDir(KEY))).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });

  for (const [how, answer] of [
    ['its directory made unsearchable', /cache entry .* is damaged .*; removed it/],
    ['a file put in its place', /cache entry .* was replaced while it was restored/],
  ] as const) {
    it(`answers a restore of an entry damaged after its lookup (${how}), as an unprivileged user: never throws`, async () => {
      // The cache and the outputs are nobody's, who runs both processes.
      execFileSync('chown', ['-R', '65534:65534', dir]);
      await chmod(dir, 0o755);
      const helper = (name: string, ...args: string[]): string =>
        execFileSync(
          'setpriv',
          [
            '--reuid=65534',
            '--regid=65534',
            '--clear-groups',
            process.execPath,
            '--import',
            'tsx',
            resolve('test/helpers', name),
            ...args,
          ],
          { encoding: 'utf8', env: { ...process.env, HOME: dir } },
        );
      expect(JSON.parse(helper('save-artifact.ts', join(dir, 'cache'), KEY, join(dir, 'out')))).toMatchObject(
        {
          saved: true,
        },
      );
      const mode = how.startsWith('its directory') ? 'unsearchable' : 'file';
      const r = JSON.parse(
        helper('restore-damaged.ts', join(dir, 'cache'), KEY, join(dir, 'dest'), mode),
      ) as {
        restored?: { ok: boolean; error?: { reason: string; message: string } };
        threw?: string;
      };
      expect(r.threw).toBeUndefined();
      expect(r.restored).toMatchObject({ ok: false, error: { reason: 'corrupt' } });
      expect(r.restored!.error!.message).toMatch(answer);
    });
  }

  it('prunes by the later of the meta.json and directory mtimes: an entry a version before used is kept', async () => {
    await save(KEY);
    await save(OTHER);
    // KEY's use recorded on its directory (as versions before recorded it), OTHER's on its meta.json.
    await usedAt(KEY, hoursAgo(3));
    await usedAt(OTHER, hoursAgo(2));
    await utimes(entryDir(KEY), hoursAgo(1), hoursAgo(1));
    const { remainingBytes: total } = await pruneCache(join(dir, 'cache'), { maxSizeBytes: Infinity });
    const r = await pruneCache(join(dir, 'cache'), { maxSizeBytes: Math.ceil(total / 2) + 8 });
    expect(r.removed).toBe(1);
    expect([...(await cache.lookup([KEY, OTHER])).keys()]).toEqual([KEY]);
  });
});

const hoursAgo = (h: number): Date => new Date(Date.now() - h * 3_600_000);
