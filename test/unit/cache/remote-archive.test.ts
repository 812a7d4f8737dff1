import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/cache/cache.js';
import { buildManifest } from '../../../src/cache/manifest.js';
import {
  type ArchiveInfo,
  IN_MEMORY_ARCHIVE,
  packArchive,
  packTree,
  unpackTree,
} from '../../../src/cache/remote/archive.js';
import { gzipSync } from 'node:zlib';
import { MemoryPool } from '../../../src/cache/remote/memory-pool.js';
import { rangeBody } from '../../../src/cache/remote/object-store.js';
import {
  parseRecord,
  recordLine,
  type RemoteRecord,
  splitRecord,
} from '../../../src/cache/remote/remote-record.js';
import type { JobKey } from '../../../src/ids/brands.js';

const KEY = 'a'.repeat(40) as JobKey;

describe('remote artifacts: pack, verify, refuse', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-archive-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function sample(): Promise<{
    manifest: Manifest;
    file: string;
    archive: ArchiveInfo;
  }> {
    const src = join(dir, 'src');
    await mkdir(join(src, 'sub'), { recursive: true });
    await writeFile(join(src, 'sub', 'a.txt'), 'alpha');
    await writeFile(join(src, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
    await symlink('sub/a.txt', join(src, 'link'));
    const m = await buildManifest(src, KEY, 5, Buffer.from('out'), Buffer.alloc(0));
    if (!m.ok) throw new Error(m.error);
    const file = join(dir, 'a.tgz');
    return { manifest: m.value, file, archive: await packTree(src, m.value, file) };
  }

  it('restores exactly the packed tree, and is the same archive for the same tree', async () => {
    const { manifest, file, archive } = await sample();
    const again = await packTree(join(dir, 'src'), manifest, join(dir, 'b.tgz'));
    expect(again).toEqual(archive);
    const dest = join(dir, 'dest');
    await mkdir(dest);
    expect(await unpackTree(createReadStream(file), dest, manifest, archive)).toEqual({
      ok: true,
      value: undefined,
    });
    const back = await buildManifest(dest, KEY, 5, Buffer.from('out'), Buffer.alloc(0));
    expect(back.ok && back.value).toEqual(manifest);
  });

  it('gzips text, stores random-looking data as is, and spills big archives to disk', async () => {
    const src = join(dir, 'mixed');
    await mkdir(src);
    const rand = (n: number): Buffer => createHash('sha512').update(String(n)).digest();
    const random = Buffer.concat(Array.from({ length: 90_000 }, (_, i) => rand(i))).toString('base64');
    await writeFile(join(src, 'random.txt'), random.slice(0, 6 * 1024 * 1024));
    await writeFile(join(src, 'small.txt'), random.slice(0, 80_000));
    await writeFile(join(src, 'text.js'), 'export const answer = 42;\n'.repeat(20_000));
    for (const [name, bigger, encoding] of [
      ['text.js', false, 'gzip'],
      ['small.txt', false, 'identity'],
      ['random.txt', true, 'identity'],
    ] as const) {
      const one = join(dir, `only-${name}`);
      await mkdir(one);
      await writeFile(join(one, name), readFileSync(join(src, name)));
      const m = await buildManifest(one, KEY, 1, Buffer.alloc(0), Buffer.alloc(0));
      if (!m.ok) throw new Error(m.error);
      const spill = join(dir, `${name}.archive`);
      const packed = await packArchive(one, m.value, spill);
      expect(packed.encoding).toBe(encoding);
      // Spilled to its file only when too big to keep in memory.
      expect(packed.bytes === undefined).toBe(bigger);
      const bytes = packed.bytes ?? readFileSync(spill);
      expect(bytes.length).toBe(packed.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(packed.sha256);
      const size = readFileSync(join(one, name)).length;
      // Text shrinks many times; random-looking data is sent as it is.
      if (encoding === 'gzip') expect(packed.size).toBeLessThan(size / 20);
      else expect(bytes.equals(readFileSync(join(one, name)))).toBe(true);
      // Deterministic, and restores to the same tree.
      const again = await packTree(one, m.value, join(dir, `${name}-again.archive`));
      expect(again).toEqual({ sha256: packed.sha256, size: packed.size, encoding });
      const dest = join(dir, `dest-${name}`);
      await mkdir(dest);
      const back = await unpackTree(
        createReadStream(join(dir, `${name}-again.archive`)),
        dest,
        m.value,
        again,
      );
      expect(back).toEqual({ ok: true, value: undefined });
      expect(readFileSync(join(dest, name)).equals(readFileSync(join(one, name)))).toBe(true);
    }
  });

  /** A tree of several files over the in-memory limit, text or random-looking: restored by streaming. */
  async function big(
    kind: 'text' | 'random',
  ): Promise<{ manifest: Manifest; file: string; archive: ArchiveInfo }> {
    const src = join(dir, `big-${kind}`);
    await mkdir(join(src, 'd'), { recursive: true });
    for (let i = 0; i < 4; i++) {
      const bytes =
        kind === 'text'
          ? Buffer.from(`line ${i} of a long and repetitive text file\n`.repeat(60_000))
          : Buffer.concat(
              Array.from({ length: 20_000 }, (_, n) => createHash('sha512').update(`${i}-${n}`).digest()),
            );
      await writeFile(join(src, i % 2 ? 'd' : '.', `f${i}`), bytes);
    }
    await writeFile(join(src, 'd', 'empty'), '');
    const m = await buildManifest(src, KEY, 1, Buffer.alloc(0), Buffer.alloc(0));
    if (!m.ok) throw new Error(m.error);
    const file = join(dir, `big-${kind}.archive`);
    return { manifest: m.value, file, archive: await packTree(src, m.value, file) };
  }

  it('packs small archives into memory of the pool it is given, handed back once released', async () => {
    const src = join(dir, 'two');
    await mkdir(src);
    const random = randomBytes(30_000).toString('base64');
    await writeFile(join(src, 'a.txt'), random.slice(0, 20_000));
    await writeFile(join(src, 'b.txt'), random.slice(20_000));
    const m = await buildManifest(src, KEY, 1, Buffer.alloc(0), Buffer.alloc(0));
    if (!m.ok) throw new Error(m.error);
    const pool = new MemoryPool(1 << 20, 1 << 20);
    const packed = await packArchive(src, m.value, join(dir, 'spill'), pool);
    expect(packed.encoding).toBe('identity');
    expect(packed.bytes!.toString()).toBe(random);
    expect(packed.release).toBeDefined();
    const memory = packed.bytes!.buffer;
    packed.release!();
    expect(pool.take(100).buffer).toBe(memory);
    // A gzipped archive is new memory: the pool's is given back at once.
    await writeFile(join(src, 'a.txt'), 'text '.repeat(10_000));
    const text = await buildManifest(src, KEY, 1, Buffer.alloc(0), Buffer.alloc(0));
    if (!text.ok) throw new Error(text.error);
    const gz = await packArchive(src, text.value, join(dir, 'spill'), pool);
    expect(gz.encoding).toBe('gzip');
    expect(gz.release).toBeUndefined();
    // A file that changed since its manifest fails the pack, and its memory goes back too.
    await writeFile(join(src, 'b.txt'), 'longer than it was '.repeat(2000));
    await expect(packArchive(src, text.value, join(dir, 'spill'), pool)).rejects.toThrow(/changed since/);
  });

  it('streams big archives of either encoding back into the same tree', async () => {
    for (const kind of ['text', 'random'] as const) {
      const { manifest, file, archive } = await big(kind);
      expect(archive.encoding).toBe(kind === 'text' ? 'gzip' : 'identity');
      if (kind === 'random') expect(archive.size).toBeGreaterThan(IN_MEMORY_ARCHIVE);
      const dest = join(dir, `dest-big-${kind}`);
      await mkdir(dest);
      expect(await unpackTree(createReadStream(file), dest, manifest, archive)).toEqual({
        ok: true,
        value: undefined,
      });
      const back = await buildManifest(dest, KEY, 1, Buffer.alloc(0), Buffer.alloc(0));
      expect(back.ok && back.value).toEqual(manifest);
    }
  });

  it('refuses an archive whose bytes differ from the record, even by one byte, small or big, either encoding', async () => {
    const cases = [await sample(), await big('random'), await big('text')];
    // The sample's text is too short to compress: a gzipped small archive of the same tree, by hand.
    const s = cases[0]!;
    const gz = join(dir, 'sample.gz');
    const content = Buffer.concat(
      s.manifest.entries.filter((e) => e.type === 'file').map((e) => readFileSync(join(dir, 'src', e.path))),
    );
    await writeFile(gz, gzipSync(content));
    cases.push({
      ...s,
      file: gz,
      archive: { sha256: '0'.repeat(64), size: gzipSync(content).length, encoding: 'gzip' },
    });
    for (const [i, { manifest, file, archive }] of cases.entries()) {
      const ok = join(dir, `ok-${i}`);
      await mkdir(ok);
      expect((await unpackTree(createReadStream(file), ok, manifest, archive)).ok, `case ${i}`).toBe(true);
      const bytes = readFileSync(file);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      const bad = join(dir, `bad-${i}`);
      await writeFile(bad, bytes);
      const dest = join(dir, `dest-${i}`);
      await mkdir(dest);
      const r = await unpackTree(createReadStream(bad), dest, manifest, archive);
      expect(r.ok, `case ${i}`).toBe(false);
    }
  });

  it('writes a one-file archive from the chunks it arrived in, and refuses one with a flipped byte in any chunk', async () => {
    const src = join(dir, 'one');
    await mkdir(src);
    // Random: stored as is.
    const bytes = randomBytes(70_000);
    await writeFile(join(src, 'out.bin'), bytes, { mode: 0o755 });
    const m = await buildManifest(src, KEY, 1, Buffer.alloc(0), Buffer.alloc(0));
    if (!m.ok) throw new Error(m.error);
    const archive = await packTree(src, m.value, join(dir, 'one.archive'));
    expect(archive.encoding).toBe('identity');
    // Uneven chunks, as sockets deliver them.
    const chunked = (b: Buffer): Readable =>
      Readable.from([b.subarray(0, 1), b.subarray(1, 9000), b.subarray(9000, 65536), b.subarray(65536)]);
    const good = join(dir, 'good');
    await mkdir(good);
    expect((await unpackTree(chunked(bytes), good, m.value, archive)).ok).toBe(true);
    expect(readFileSync(join(good, 'out.bin')).equals(bytes)).toBe(true);
    for (const at of [0, 5000, 69_999]) {
      const bad = Buffer.from(bytes);
      bad[at] = bad[at]! ^ 0x01;
      const dest = join(dir, `bad-${at}`);
      await mkdir(dest);
      expect((await unpackTree(chunked(bad), dest, m.value, archive)).ok, `byte ${at}`).toBe(false);
      // Checked before anything is written.
      expect(await readdir(dest)).toEqual([]);
    }
  });

  it('refuses a truncated archive, and one longer than its record or its manifest', async () => {
    for (const { manifest, file, archive } of [await sample(), await big('random')]) {
      const whole = readFileSync(file);
      const cut = join(dir, 'cut');
      const short = Math.floor(archive.size / 2);
      await writeFile(cut, whole.subarray(0, short));
      for (const [body, info] of [
        [cut, archive],
        [cut, { ...archive, size: short }],
      ] as const) {
        const dest = join(dir, `dest-${Math.random()}`);
        await mkdir(dest);
        expect((await unpackTree(createReadStream(body), dest, manifest, info)).ok).toBe(false);
      }
      const long = join(dir, 'long');
      await writeFile(long, Buffer.concat([whole, Buffer.from('extra')]));
      for (const info of [archive, { ...archive, size: archive.size + 5 }]) {
        const dest = join(dir, `dest-${Math.random()}`);
        await mkdir(dest);
        expect((await unpackTree(createReadStream(long), dest, manifest, info)).ok).toBe(false);
      }
    }
  });

  it('never expands a small gzip beyond what the manifest lists', async () => {
    const { manifest } = await sample();
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const file = join(dir, 'bomb.gz');
    await writeFile(file, bomb);
    const dest = join(dir, 'dest');
    await mkdir(dest);
    const r = await unpackTree(createReadStream(file), dest, manifest, {
      size: bomb.length,
      encoding: 'gzip',
    });
    expect(r.ok).toBe(false);
    expect(await readdir(dest)).toEqual([]);
  });

  it('refuses, small or big, a manifest directory that cannot be made', async () => {
    const files = [Buffer.from('small'), Buffer.alloc(IN_MEMORY_ARCHIVE + 1)];
    for (const [i, bytes] of files.entries()) {
      const manifest: Manifest = {
        version: 1,
        key: KEY,
        durationMs: 0,
        stdoutSha256: 'e'.repeat(64),
        stderrSha256: 'e'.repeat(64),
        entries: [
          // One component over 255 bytes: ENAMETOOLONG.
          { path: 'd'.repeat(300), type: 'dir', mode: 0o755, size: 0, sha256: '' },
          {
            path: 'f',
            type: 'file',
            mode: 0o644,
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          },
        ],
      };
      const dest = join(dir, `dest-${i}`);
      await mkdir(dest);
      const r = await unpackTree(Readable.from([bytes]), dest, manifest, {
        size: bytes.length,
        encoding: 'identity',
      });
      expect(r.ok, `case ${i}`).toBe(false);
      expect(!r.ok && r.error, `case ${i}`).toMatch(/ENAMETOOLONG/);
    }
  });

  it('writes no file through a link the manifest lists', async () => {
    // A manifest (as a poisoner would write it) lists a link to '.' and a file under it: links are made last,
    // so the file lands in a real directory, and the link then fails.
    const manifest: Manifest = {
      version: 1,
      key: KEY,
      durationMs: 0,
      stdoutSha256: 'e'.repeat(64),
      stderrSha256: 'e'.repeat(64),
      entries: [
        {
          path: 'l/f',
          type: 'file',
          mode: 0o644,
          size: 1,
          sha256: createHash('sha256').update('x').digest('hex'),
        },
        { path: 'l', type: 'symlink', mode: 0o777, size: 1, sha256: '', target: '.' },
      ],
    };
    const file = join(dir, 'l.archive');
    await writeFile(file, 'x');
    const dest = join(dir, 'dest');
    await mkdir(dest);
    const r = await unpackTree(createReadStream(file), dest, manifest, { size: 1, encoding: 'identity' });
    expect(r.ok).toBe(false);
    expect(await readdir(dest)).toEqual(['l']);
    expect(existsSync(join(dest, 'f'))).toBe(false);
  });

  it('refuses records whose manifest names unsafe paths or escaping links', () => {
    const base = (entries: unknown[]): Buffer =>
      Buffer.from(
        JSON.stringify({
          version: 3,
          key: KEY,
          archive: { sha256: 'b'.repeat(64), size: 10, encoding: 'identity' },
          manifest: {
            version: 1,
            key: KEY,
            durationMs: 1,
            stdoutSha256: 'c'.repeat(64),
            stderrSha256: 'c'.repeat(64),
            entries,
          },
        } satisfies Omit<RemoteRecord, 'manifest'> & { manifest: unknown }),
      );
    const file = (path: string) => ({ path, type: 'file', mode: 0o644, size: 1, sha256: 'd'.repeat(64) });
    expect(parseRecord(base([file('ok/a')]), KEY).ok).toBe(true);
    for (const bad of [
      [file('/etc/passwd')],
      [file('../x')],
      [file('a/../../x')],
      [file('a/./b')],
      [file('')],
      [{ path: 'l', type: 'symlink', mode: 0o777, size: 2, sha256: 'd'.repeat(64), target: '/etc' }],
      [{ path: 'd/l', type: 'symlink', mode: 0o777, size: 5, sha256: 'd'.repeat(64), target: '../../x' }],
      [{ path: 'p', type: 'fifo', mode: 0o644, size: 0, sha256: '' }],
      // Each link inside on paper; followed through the first, the second climbs three levels above the output.
      [
        { path: 'd/e/b', type: 'symlink', mode: 0o777, size: 5, sha256: 'd'.repeat(64), target: '../..' },
        {
          path: 'd/e/c',
          type: 'symlink',
          mode: 0o777,
          size: 10,
          sha256: 'd'.repeat(64),
          target: 'b/../../..',
        },
      ],
      [file('a'), file('a')],
      // Lexically inside, each of them; made one after the other, `d/l/m` is made through `d/l` (the output's
      // root), at `m`, pointing above the output, and `d/l/m/x` through that.
      [
        { path: 'd/l', type: 'symlink', mode: 0o777, size: 2, sha256: 'd'.repeat(64), target: '..' },
        { path: 'd/l/m', type: 'symlink', mode: 0o777, size: 2, sha256: 'd'.repeat(64), target: '..' },
        { path: 'd/l/m/x', type: 'symlink', mode: 0o777, size: 1, sha256: 'd'.repeat(64), target: 'y' },
      ],
      [
        { path: 'd/l', type: 'symlink', mode: 0o777, size: 1, sha256: 'd'.repeat(64), target: 'e' },
        file('d/l/f'),
      ],
      [file('a'), file('a/b')],
      [null],
      // What the local cache would call damaged once committed to it: every entry has a numeric mode and a
      // digest string.
      [{ path: 'd', type: 'dir', size: 0, sha256: '' }, file('d/a')],
      [file('a'), { path: 'l', type: 'symlink', mode: 0o777, size: 1, target: 'a' }],
    ]) {
      expect(parseRecord(base(bad), KEY).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseRecord(base([]), 'b'.repeat(40) as JobKey).ok).toBe(false);
    const record = JSON.parse(base([file('a')]).toString()) as Record<string, unknown>;
    const { version: _version, ...unversioned } = record.manifest as Record<string, unknown>;
    for (const changed of [
      { version: 1 },
      { manifest: unversioned },
      { archive: { sha256: 'b'.repeat(64), size: 10, encoding: 'br' } },
    ]) {
      expect(parseRecord(Buffer.from(JSON.stringify({ ...record, ...changed })), KEY).ok).toBe(false);
    }
    expect(parseRecord(Buffer.from('not json'), KEY).ok).toBe(false);

    // Forged to cost the reader: each refused, in little time, never thrown. Before: an entry nested 100,000 deep
    // and a link of 300,000 parts each overflowed the stack (the run died), and thirty links of 20,000 looping
    // parts took ten seconds.
    const link = (path: string, target: string) => ({
      path,
      type: 'symlink',
      mode: 0o777,
      size: target.length,
      sha256: createHash('sha256').update(target).digest('hex'),
      target,
    });
    // Before: taken, and committed to the local cache, whose next read of it called it damaged.
    expect(parseRecord(base([{ ...link('l', 'a'), sha256: 'd'.repeat(64) }, file('a')]), KEY).ok).toBe(false);
    expect(parseRecord(base([{ ...link('l', 'a'), size: 7 }, file('a')]), KEY).ok).toBe(false);
    expect(parseRecord(base([{ path: 'd', type: 'dir', mode: 0o755, size: 77, sha256: '' }]), KEY).ok).toBe(
      false,
    );
    expect(parseRecord(base([link('l', 'a'), file('a')]), KEY).ok).toBe(true);
    const loop = Array.from({ length: 30 }, (_, i) => link(`l${i}`, Array(20_000).fill(`l${i}`).join('/')));
    const started = performance.now();
    for (const forged of [
      Buffer.from(
        base([])
          .toString()
          .replace('"entries":[]', `"entries":[${'['.repeat(100_000)}${']'.repeat(100_000)}]`),
      ),
      base([link('l', Array(300_000).fill('l').join('/'))]),
      base(loop),
    ]) {
      const r = parseRecord(forged, KEY);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeLessThan(400);
    }
    expect(performance.now() - started).toBeLessThan(2000);
    // The links of a package tree, as many as a large one holds, some through one another, are checked whole.
    const short = Array.from({ length: 5000 }, (_, i) =>
      link(`node_modules/p${i}`, `../.pnpm/p${i}@1/node_modules/${i % 2 ? `p${i - 1}` : `p${i}`}`),
    ).concat(
      Array.from({ length: 2500 }, (_, i) =>
        link(`.pnpm/p${2 * i + 1}@1/node_modules/p${2 * i}`, `../../../node_modules/p${2 * i}`),
      ),
    );
    const t0 = performance.now();
    expect(parseRecord(base(short), KEY).ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  describe('records that carry their archive', () => {
    const archiveBytes = Buffer.from('0123456789');
    const record: RemoteRecord = {
      version: 3,
      key: KEY,
      archive: { sha256: 'b'.repeat(64), size: 10, encoding: 'identity', inline: true },
      manifest: {
        version: 1,
        key: KEY,
        durationMs: 1,
        stdoutSha256: 'c'.repeat(64),
        stderrSha256: 'c'.repeat(64),
        entries: [{ path: 'a', type: 'file', mode: 0o644, size: 10, sha256: 'd'.repeat(64) }],
      },
    };

    it('place the archive where the line ends, whatever the JSON says', () => {
      const line = recordLine({ ...record, archive: { ...record.archive, at: 3 } });
      expect(line.toString()).not.toContain('"at"');
      const lied = Buffer.from(line.toString().replace('"inline":true', '"inline":true,"at":2'));
      for (const l of [line, lied]) {
        const parsed = parseRecord(Buffer.concat([l, archiveBytes]), KEY);
        expect(parsed.ok && parsed.value.archive.at).toBe(l.length);
        // A lookup's first range may end anywhere after the line.
        const head = parseRecord(Buffer.concat([l, archiveBytes.subarray(0, 2)]), KEY);
        expect(head.ok && head.value.archive.at).toBe(l.length);
      }
    });

    it('refuse a line cut short by the first range, an archive too large to carry, and older versions', () => {
      const whole = Buffer.concat([recordLine(record), archiveBytes]);
      expect(splitRecord(whole.subarray(0, 40), true)).toBeUndefined();
      expect(parseRecord(whole.subarray(0, 40), KEY).ok).toBe(false);
      const huge = recordLine({ ...record, archive: { ...record.archive, size: 2 * 1024 * 1024 } });
      expect(parseRecord(Buffer.concat([huge, archiveBytes]), KEY).ok).toBe(false);
      const v2 = Buffer.from(recordLine(record).toString().replace('"version":3', '"version":2'));
      expect(parseRecord(Buffer.concat([v2, archiveBytes]), KEY).ok).toBe(false);
    });

    it('are read back as exactly the range asked for, from a 206 or from a whole object', async () => {
      const object = Buffer.concat([recordLine(record), archiveBytes]);
      const at = object.length - 10;
      const answer = (status: number, bytes: Buffer, range?: string) =>
        ({
          ok: true,
          value: {
            status,
            headers: range === undefined ? {} : { 'content-range': range },
            body: Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]),
          },
        }) as const;
      const read = async (r: ReturnType<typeof rangeBody>): Promise<string | undefined> => {
        if (!r.ok || r.value === undefined) return undefined;
        const chunks: Buffer[] = [];
        for await (const c of r.value.body) chunks.push(c as Buffer);
        return Buffer.concat(chunks).toString();
      };
      expect(await read(rangeBody(answer(200, object), at, 10))).toBe('0123456789');
      expect(
        await read(rangeBody(answer(206, archiveBytes, `bytes ${at}-${at + 9}/${object.length}`), at, 10)),
      ).toBe('0123456789');
      const other = rangeBody(answer(206, archiveBytes, `bytes 0-9/${object.length}`), at, 10);
      expect(other.ok).toBe(false);
    });
  });
});
