import {
  appendFile,
  chmod,
  chown,
  link,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  writeFile,
  mkdir,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyRecord } from '../../../src/explain/key-record.js';
import { KeyRecordStore } from '../../../src/explain/record-store.js';

const record = (name: string, key: string, pad = 0): KeyRecord => ({
  version: 1,
  name,
  key,
  salt: 's',
  inputs: { 'a.txt': `100644 ${'0'.repeat(40)}` },
  cmds: [],
  deps: {},
  outputs: pad > 0 ? ['x'.repeat(pad)] : [],
});

describe('KeyRecordStore (one journal of key records)', () => {
  let dir: string;
  const journal = (): string => join(dir, 'explain-v2', 'records.jsonl');
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-records-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back the last record of each name, written by earlier runs', () => {
    const first = new KeyRecordStore(dir);
    first.write(record('a', '1'));
    first.write(record('b', '1'));
    first.flush(true);
    const second = new KeyRecordStore(dir);
    second.write(record('a', '2'));
    second.flush(true);
    const reader = new KeyRecordStore(dir);
    expect(reader.read('a')?.key).toBe('2');
    expect(reader.read('b')?.key).toBe('1');
    expect(reader.read('c')).toBeUndefined();
  });

  it('a run reads the records from before it, not its own nor those appended after it started', () => {
    const seed = new KeyRecordStore(dir);
    seed.write(record('a', 'old'));
    seed.flush(true);
    const run = new KeyRecordStore(dir);
    run.write(record('a', 'mine'));
    run.flush();
    const other = new KeyRecordStore(dir);
    other.write(record('b', 'theirs'));
    other.flush(true);
    expect(run.read('a')?.key).toBe('old');
    expect(run.read('b')).toBeUndefined();
    expect(new KeyRecordStore(dir).read('a')?.key).toBe('mine');
  });

  it('appends within a moment, without waiting for flush (a killed run keeps what it built)', async () => {
    const run = new KeyRecordStore(dir);
    run.write(record('a', '1'));
    await new Promise((r) => setTimeout(r, 300));
    expect(new KeyRecordStore(dir).read('a')?.key).toBe('1');
    run.flush(true);
  });

  it('skips lines that do not parse: a write cut short, foreign text, a record of another name', async () => {
    const seed = new KeyRecordStore(dir);
    seed.write(record('a', '1'));
    seed.write(record('b', '1'));
    seed.flush(true);
    await appendFile(journal(), 'garbage\n"c"\t{"version":1,"name":"not-c"}\n"b"\t{"version":1,"na');
    const reader = new KeyRecordStore(dir);
    expect(reader.read('a')?.key).toBe('1');
    expect(reader.read('c')).toBeUndefined();
    // The cut line has no newline: b's complete record stands.
    expect(reader.read('b')?.key).toBe('1');
  });

  it('takes a line that parses but is no whole record for none: the record before it stands', async () => {
    const seed = new KeyRecordStore(dir);
    seed.write(record('a', '1'));
    seed.flush(true);
    await appendFile(
      journal(),
      [
        '"a"\t{"version":1,"name":"a","key":"k"}',
        '"a"\t{"version":1,"name":"a","key":"k","salt":"s","inputs":{"a.txt":"bogus"},"cmds":[],"deps":{},"outputs":[]}',
        '"a"\t{"version":1,"name":"a","key":"k","salt":"s","inputs":{},"cmds":[{"kind":"exec"}],"deps":{},"outputs":[]}',
        '"a"\t{"version":1,"name":"a","key":"k","salt":"s","inputs":{},"cmds":[],"deps":{"b":1},"outputs":[]}',
        '"g"\t{"version":1,"name":"g","key":"k"}',
        '',
      ].join('\n'),
    );
    const reader = new KeyRecordStore(dir);
    expect(reader.read('a')?.key).toBe('1');
    expect(reader.read('g')).toBeUndefined();
  });

  it('keeps the records of the last keys of a name, through compaction', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) {
      for (const n of ['a', 'b'])
        lines.push(`${JSON.stringify(n)}\t${JSON.stringify(record(n, String(i), 8000))}\n`);
    }
    await mkdir(join(dir, 'explain-v2'), { recursive: true });
    await writeFile(journal(), lines.join(''));
    const run = new KeyRecordStore(dir);
    expect(run.readWithKey('a', '590')?.key).toBe('590');
    run.write(record('c', '1'));
    run.flush(true);
    expect((await stat(journal())).size).toBeLessThan(100_000);
    const reader = new KeyRecordStore(dir);
    expect(reader.read('a')?.key).toBe('599');
    expect(reader.readWithKey('a', '598')?.key).toBe('598');
    expect(reader.readWithKey('b', '597')?.key).toBe('597');
    expect(reader.readWithKey('a', '1')).toBeUndefined();
  });

  it('is bounded: a compaction keeps the names built most recently, up to 16 MiB', async () => {
    const lines: string[] = [];
    // 2,600 names of 8 KiB records, about 21 MiB; `n0` is built again last.
    for (let i = 0; i < 2600; i++)
      lines.push(`${JSON.stringify(`n${i}`)}\t${JSON.stringify(record(`n${i}`, '1', 8000))}\n`);
    lines.push(`${JSON.stringify('n0')}\t${JSON.stringify(record('n0', '2', 8000))}\n`);
    await mkdir(join(dir, 'explain-v2'), { recursive: true });
    await writeFile(journal(), lines.join(''));
    const run = new KeyRecordStore(dir);
    run.write(record('new', '1'));
    run.flush(true);
    expect((await stat(journal())).size).toBeLessThanOrEqual(16 * 1024 * 1024 + 100);
    const reader = new KeyRecordStore(dir);
    expect([reader.read('new')?.key, reader.read('n0')?.key, reader.read('n2599')?.key]).toEqual([
      '1',
      '2',
      '1',
    ]);
    expect(reader.read('n1')).toBeUndefined();
  });

  it('a line cut short (a killed run, a full disk) costs no record appended after it', async () => {
    const seed = new KeyRecordStore(dir);
    seed.write(record('a', '1'));
    seed.write(record('b', '1'));
    seed.flush(true);
    await appendFile(journal(), '"b"\t{"version":1,"na');
    const next = new KeyRecordStore(dir);
    next.write(record('c', '2'));
    next.write(record('a', '2'));
    next.flush(true);
    const reader = new KeyRecordStore(dir);
    expect(reader.read('c')?.key).toBe('2');
    expect(reader.read('a')?.key).toBe('2');
    expect(reader.read('b')?.key).toBe('1');
  });

  it("is this user's alone: never written or read through a link, nor when another user owns it", async () => {
    const run = new KeyRecordStore(dir);
    run.write(record('a', '1'));
    run.flush(true);
    expect((await stat(join(dir, 'explain-v2'))).mode & 0o777).toBe(0o700);
    expect((await stat(journal())).mode & 0o777).toBe(0o600);

    const victim = join(dir, 'victim');
    await writeFile(victim, 'precious\n');
    await rm(journal());
    await symlink(victim, journal());
    const linked = new KeyRecordStore(dir);
    linked.write(record('b', '1'));
    linked.flush(true);
    expect(await readFile(victim, 'utf8')).toBe('precious\n');
    await writeFile(victim, `${JSON.stringify('c')}\t${JSON.stringify(record('c', '1'))}\n`);
    expect(new KeyRecordStore(dir).read('c')).toBeUndefined();

    await rm(journal());
    await writeFile(journal(), `${JSON.stringify('c')}\t${JSON.stringify(record('c', '1'))}\n`);
    await chown(journal(), 65534, 65534);
    expect(new KeyRecordStore(dir).read('c')).toBeUndefined();
    const other = new KeyRecordStore(dir);
    other.write(record('d', '1'));
    other.flush(true);
    expect(await readFile(journal(), 'utf8')).not.toContain('"d"');

    // Nor a hard link to another of this user's files.
    await rm(journal());
    await writeFile(victim, 'precious\n');
    await link(victim, journal());
    const hard = new KeyRecordStore(dir);
    hard.write(record('f', '1'));
    hard.flush(true);
    expect(await readFile(victim, 'utf8')).toBe('precious\n');
    await rm(journal());

    // Nor through its directory made a link to another.
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await rm(join(dir, 'explain-v2'), { recursive: true });
    await symlink(elsewhere, join(dir, 'explain-v2'));
    const through = new KeyRecordStore(dir);
    through.write(record('e', '1'));
    through.flush(true);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('makes private a journal of its own that others may write (an earlier version under umask 002), and reads it', async () => {
    const seed = new KeyRecordStore(dir);
    seed.write(record('a', '1'));
    seed.flush(true);
    await chmod(join(dir, 'explain-v2'), 0o775);
    await chmod(journal(), 0o664);
    expect(new KeyRecordStore(dir).read('a')?.key).toBe('1');
    expect((await stat(join(dir, 'explain-v2'))).mode & 0o777).toBe(0o700);
    expect((await stat(journal())).mode & 0o777).toBe(0o600);
  });

  it('never fails: an unwritable journal loses records, nothing else', async () => {
    await mkdir(join(dir, 'explain-v2', 'records.jsonl'), { recursive: true });
    const run = new KeyRecordStore(dir);
    run.write(record('a', '1'));
    expect(() => run.flush(true)).not.toThrow();
    expect(new KeyRecordStore(dir).read('a')).toBeUndefined();
  });

  it('compacts an overgrown journal to the last records of each name, once', async () => {
    // 600 builds of 3 jobs, 8 KiB each: about 14 MiB of journal for 3 live records.
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) {
      for (const n of ['a', 'b', 'c']) {
        const r = record(n, String(i), 8000);
        lines.push(`${JSON.stringify(n)}\t${JSON.stringify(r)}\n`);
      }
    }
    await mkdir(join(dir, 'explain-v2'), { recursive: true });
    await writeFile(journal(), lines.join(''));
    const run = new KeyRecordStore(dir);
    run.write(record('d', '1'));
    run.flush(true);
    const size = (await stat(journal())).size;
    expect(size).toBeLessThan(120_000);
    expect((await readFile(journal(), 'utf8')).split('\n')[0]).toMatch(/^\{"compacted":\d+\}$/);
    const reader = new KeyRecordStore(dir);
    expect(['a', 'b', 'c', 'd'].map((n) => reader.read(n)?.key)).toEqual(['599', '599', '599', '1']);
    // Below the slack, the next run appends without rewriting.
    const next = new KeyRecordStore(dir);
    next.write(record('a', 'x'));
    next.flush(true);
    const text = await readFile(journal(), 'utf8');
    expect(text.length).toBeGreaterThan(size);
    expect(text.split('\n')[0]).toMatch(/^\{"compacted":/);
    expect(new KeyRecordStore(dir).read('a')?.key).toBe('x');
  });
});
