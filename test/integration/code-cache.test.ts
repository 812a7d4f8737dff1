import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

/** The CLI's compiled chunks are kept in $XDG_CACHE_HOME/disbuild/code (see scripts/chunk-loader.js). */
describe('the compiled code cache', () => {
  let rig: Rig;
  const codeDir = (): string => rig.path('xdg', 'disbuild', 'code');
  const files = (): string[] => readdirSync(codeDir()).map((f) => join(codeDir(), f));
  const identity = (p: string): string => {
    const st = statSync(p);
    return `${st.ino} ${st.uid} ${(st.mode & 0o777).toString(8)} ${st.size}`;
  };
  const runOk = async (): Promise<void> => {
    const r = await rig.runGraph();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(['built', 'cached']).toContain(r.jobs.get('a')?.status);
  };

  beforeEach(async () => {
    rig = await Rig.create();
    await rig.write({
      'a.txt': 'alpha',
      'graph.json': graphJson([
        { name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
      ]),
    });
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it("starts as CommonJS: no ES module loader, and none of Node's modules that only an ES import would load", async () => {
    // Node's own modules the CLI's process loaded beyond those of its start, written at exit by a preloaded
    // script (not by the launcher's process, which inherits NODE_OPTIONS and would write the same file).
    const list = rig.path('modules.txt');
    await rig.write({
      'preload.cjs': `const base = new Set(process.moduleLoadList);
if (process.argv[1].endsWith('index.js')) process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)},
  process.moduleLoadList.filter((m) => !base.has(m)).join('\\n')));`,
    });
    const r = await rig.runGraph([], { NODE_OPTIONS: `--require ${rig.path('src', 'preload.cjs')}` });
    expect(r.code, r.stderr).toBe(0);
    const loaded = readFileSync(list, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule child_process');
    for (const m of ['internal/modules/esm/loader', 'internal/crypto/webcrypto', 'internal/fs/streams'])
      expect(loaded).not.toContain(`NativeModule ${m}`);
  });

  it('is written by the first run, only readable by its user, and read by the next without being written again', async () => {
    await runOk();
    const written = files();
    expect(written.length).toBeGreaterThan(0);
    for (const f of written) {
      expect(f).toMatch(/\/\d+\.index-[0-9a-f]{32}\.v8$/);
      expect(statSync(f).mode & 0o777).toBe(0o600);
    }
    expect(statSync(codeDir()).mode & 0o777).toBe(0o700);
    const before = written.map(identity);
    await runOk();
    // V8 accepted every file: a refused one would have been written anew (a new inode).
    expect(files()).toEqual(written);
    expect(files().map(identity)).toEqual(before);
  });

  it('ignores and rewrites a damaged, foreign or group-writable file: it costs the cache, never the run', async () => {
    await runOk();
    // Kept from here on: the code of the chunks a cached run loads (a build loads more, the launcher's).
    await rm(codeDir(), { recursive: true });
    await runOk();
    const [damaged, foreign, open] = files();
    expect(open).toBeDefined();
    writeFileSync(damaged!, 'not compiled code');
    chmodSync(damaged!, 0o600);
    // Another user's file, however well formed, is not run: compiled code is code.
    chownSync(foreign!, 65534, 65534);
    chmodSync(open!, 0o664);
    await runOk();
    for (const f of [damaged!, foreign!, open!]) {
      const st = statSync(f);
      expect(st.uid).toBe(process.getuid!());
      expect(st.mode & 0o777).toBe(0o600);
    }
    expect(readFileSync(damaged!, 'utf8')).not.toBe('not compiled code');
    // And what was rewritten is used as it is by the run after.
    const rewritten = files().map(identity);
    await runOk();
    expect(files().map(identity)).toEqual(rewritten);
  });

  it('never waits on a FIFO, nor reads through a link, in place of a file: the run goes on, and the file is rewritten', async () => {
    await runOk();
    await rm(codeDir(), { recursive: true });
    await runOk();
    const [fifo, link] = files();
    expect(link).toBeDefined();
    rmSync(fifo!);
    execFileSync('mkfifo', [fifo!]);
    const target = rig.path('elsewhere.v8');
    writeFileSync(target, readFileSync(link!));
    rmSync(link!);
    symlinkSync(target, link!);
    await runOk();
    for (const f of [fifo!, link!]) expect(lstatSync(f).isFile()).toBe(true);
  });

  it('removes the temp files of writers that died before their rename, not those of live ones', async () => {
    await runOk();
    await rm(codeDir(), { recursive: true });
    mkdirSync(codeDir(), { recursive: true, mode: 0o700 });
    const dead = spawnSync('true').pid;
    const deadTemp = join(codeDir(), `1.index-${'0'.repeat(32)}.v8.${dead}.tmp`);
    const liveTemp = join(codeDir(), `1.index-${'0'.repeat(32)}.v8.${process.pid}.tmp`);
    writeFileSync(deadTemp, 'half written');
    writeFileSync(liveTemp, 'being written');
    await runOk();
    expect(existsSync(deadTemp)).toBe(false);
    expect(existsSync(liveTemp)).toBe(true);
    expect(files().filter((f) => f.endsWith('.v8')).length).toBeGreaterThan(0);
  });

  it('removes the files no run has used for 30 days, when it writes one, and keeps those in use from looking unused', async () => {
    await runOk();
    // Kept from here on: the code of the chunks a cached run loads.
    await rm(codeDir(), { recursive: true });
    await runOk();
    const used = files();
    const daysAgo = (d: number): Date => new Date(Date.now() - d * 86_400_000);
    // Another build's chunks (an older version of the tool), last used 40 and 20 days ago; one of this build's
    // files written 35 days ago and read every run since.
    const stale = join(codeDir(), `7.index-${'1'.repeat(32)}.v8`);
    const recent = join(codeDir(), `7.index-${'2'.repeat(32)}.v8`);
    writeFileSync(stale, 'old code', { mode: 0o600 });
    writeFileSync(recent, 'old code', { mode: 0o600 });
    // Another user's, as old: theirs to remove.
    const foreign = join(codeDir(), `7.index-${'3'.repeat(32)}.v8`);
    writeFileSync(foreign, 'old code', { mode: 0o600 });
    chownSync(foreign, 65534, 65534);
    utimesSync(foreign, daysAgo(40), daysAgo(40));
    utimesSync(stale, daysAgo(40), daysAgo(40));
    utimesSync(recent, daysAgo(20), daysAgo(20));
    utimesSync(used[0]!, daysAgo(35), daysAgo(35));
    // A run that writes nothing removes nothing; its read of a file marks the file used.
    await runOk();
    expect(existsSync(stale)).toBe(true);
    expect(statSync(used[0]!).mtimeMs).toBeGreaterThan(daysAgo(1).getTime());
    // A run that writes (a chunk's file gone) removes what is unused.
    utimesSync(used[1]!, daysAgo(35), daysAgo(35));
    rmSync(used[2]!);
    await runOk();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
    expect(files().filter((f) => used.includes(f))).toEqual(used);
  });

  it('runs without it when its place cannot be written, and keeps none when DISBUILD_CODE_CACHE=off', async () => {
    // XDG_CACHE_HOME is a file: nothing can be made below it.
    writeFileSync(rig.path('xdg'), 'a file');
    const r = await rig.runGraph([], {});
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    await rig.cleanup();
    rig = await Rig.create();
    await rig.write({
      'a.txt': 'alpha',
      'graph.json': graphJson([
        { name: 'a', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
      ]),
    });
    const off = await rig.runGraph([], { DISBUILD_CODE_CACHE: 'off' });
    expect(off.code, off.stderr).toBe(0);
    expect(existsSync(codeDir())).toBe(false);
  });
});
