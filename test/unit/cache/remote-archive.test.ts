import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/cache/cache.js';
import { buildManifest } from '../../../src/cache/manifest.js';
import { packArchive, packTree, unpackTree } from '../../../src/cache/remote/archive.js';
import { parseRecord, type RemoteRecord } from '../../../src/cache/remote/remote-record.js';
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
    archive: { sha256: string; size: number };
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

  /** A tar made by the system's tar, with members named as given (-P keeps absolute and `..` names). */
  function evilArchive(
    build: (root: string) => void,
    members: string[],
    cwd: string,
  ): { file: string; sha256: string; size: number } {
    build(cwd);
    const file = join(dir, 'evil.tgz');
    execFileSync('tar', ['-czPf', file, '-C', cwd, ...members]);
    const bytes = readFileSync(file);
    return { file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
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

  it('compresses text at level 1 and random-looking data by Huffman coding alone, spilling big archives to disk', async () => {
    const src = join(dir, 'mixed');
    await mkdir(src);
    const rand = (n: number): Buffer => createHash('sha512').update(String(n)).digest();
    const random = Buffer.concat(Array.from({ length: 90_000 }, (_, i) => rand(i))).toString('base64');
    await writeFile(join(src, 'random.txt'), random.slice(0, 6 * 1024 * 1024));
    await writeFile(join(src, 'text.js'), 'export const answer = 42;\n'.repeat(20_000));
    for (const [name, bigger] of [
      ['text.js', false],
      ['random.txt', true],
    ] as const) {
      const one = join(dir, `only-${name}`);
      await mkdir(one);
      await writeFile(join(one, name), readFileSync(join(src, name)));
      const m = await buildManifest(one, KEY, 1, Buffer.alloc(0), Buffer.alloc(0));
      if (!m.ok) throw new Error(m.error);
      const spill = join(dir, `${name}.tgz`);
      const packed = await packArchive(one, m.value, spill);
      // Spilled to its file only when too big to keep in memory.
      expect(packed.bytes === undefined).toBe(bigger);
      const bytes = packed.bytes ?? readFileSync(spill);
      expect(bytes.length).toBe(packed.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(packed.sha256);
      const size = readFileSync(join(one, name)).length;
      // Text shrinks many times; base64 of random bytes to about 3/4 (Huffman coding of 64 symbols).
      if (name === 'text.js') expect(packed.size).toBeLessThan(size / 20);
      else expect(packed.size).toBeLessThan(size * 0.8);
      // Deterministic, and restores to the same tree.
      const again = await packTree(one, m.value, join(dir, `${name}-again.tgz`));
      expect(again).toEqual({ sha256: packed.sha256, size: packed.size });
      const dest = join(dir, `dest-${name}`);
      await mkdir(dest);
      const back = await unpackTree(createReadStream(join(dir, `${name}-again.tgz`)), dest, m.value, again);
      expect(back.ok).toBe(true);
      expect(readFileSync(join(dest, name)).equals(readFileSync(join(one, name)))).toBe(true);
    }
  });

  it('refuses an archive whose bytes differ from the record, even by one byte', async () => {
    const { manifest, file, archive } = await sample();
    const bytes = readFileSync(file);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x01;
    const bad = join(dir, 'bad.tgz');
    await writeFile(bad, bytes);
    const dest = join(dir, 'dest');
    await mkdir(dest);
    const r = await unpackTree(createReadStream(bad), dest, manifest, archive);
    expect(r.ok).toBe(false);
  });

  it('refuses a truncated archive', async () => {
    const { manifest, file, archive } = await sample();
    const cut = join(dir, 'cut.tgz');
    await writeFile(cut, readFileSync(file).subarray(0, archive.size - 40));
    const dest = join(dir, 'dest');
    await mkdir(dest);
    expect((await unpackTree(createReadStream(cut), dest, manifest, archive)).ok).toBe(false);
  });

  it('never writes outside the destination, whatever names the members carry', async () => {
    const { manifest } = await sample();
    const outside = join(dir, 'outside');
    await mkdir(outside);
    for (const members of [[join(dir, 'abs.txt')], ['../escape.txt']]) {
      const work = join(dir, 'work', 'inner');
      await mkdir(work, { recursive: true });
      const evil = evilArchive(
        () => {
          execFileSync('sh', [
            '-c',
            `echo pwned > ${join(dir, 'abs.txt')}; echo pwned > ${join(dir, 'work', 'escape.txt')}`,
          ]);
        },
        members,
        work,
      );
      await rm(join(dir, 'abs.txt'), { force: true });
      await rm(join(dir, 'work', 'escape.txt'), { force: true });
      const dest = join(dir, 'work', 'inner', 'dest');
      await mkdir(dest, { recursive: true });
      const r = await unpackTree(createReadStream(evil.file), dest, manifest, evil);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/manifest does not list/);
      expect(existsSync(join(dir, 'abs.txt'))).toBe(false);
      expect(existsSync(join(dir, 'work', 'escape.txt'))).toBe(false);
      await rm(join(dir, 'work'), { recursive: true, force: true });
    }
  });

  it('writes no file through a link an archive plants', async () => {
    // The manifest (as a poisoner would write it) lists a link to '.' and a file under it: links are made last,
    // so the file lands in a real directory or not at all.
    const work = join(dir, 'w');
    await mkdir(join(work, 'l'), { recursive: true });
    await writeFile(join(work, 'l', 'f'), 'x');
    const manifest: Manifest = {
      version: 1,
      key: KEY,
      durationMs: 0,
      stdoutSha256: 'e'.repeat(64),
      stderrSha256: 'e'.repeat(64),
      entries: [
        { path: 'l', type: 'dir', mode: 0o755, size: 0, sha256: '' },
        {
          path: 'l/f',
          type: 'file',
          mode: 0o644,
          size: 1,
          sha256: createHash('sha256').update('x').digest('hex'),
        },
      ],
    };
    const file = join(dir, 'l.tgz');
    execFileSync('tar', ['-czf', file, '-C', work, 'l']);
    const bytes = readFileSync(file);
    const dest = join(dir, 'dest');
    await mkdir(dest);
    const r = await unpackTree(createReadStream(file), dest, manifest, {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    });
    expect(r.ok).toBe(true);
    expect(await readdir(dest)).toEqual(['l']);
  });

  it('refuses records whose manifest names unsafe paths or escaping links', () => {
    const base = (entries: unknown[]): Buffer =>
      Buffer.from(
        JSON.stringify({
          version: 1,
          key: KEY,
          archive: { sha256: 'b'.repeat(64), size: 10 },
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
      [file('a'), file('a')],
    ]) {
      expect(parseRecord(base(bad), KEY).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseRecord(base([]), 'b'.repeat(40) as JobKey).ok).toBe(false);
    expect(parseRecord(Buffer.from('not json'), KEY).ok).toBe(false);
  });
});
