/**
 * A repository set `core.ignorecase=true` (as git sets it on a case-insensitive disk, and as one copied from there
 * keeps it) on Linux's case-sensitive file systems: git takes `a.txt` for a tracked `A.txt`, and lists it neither
 * as tracked nor as untracked. Keys must still see it, as a fresh clone here does (see names-as-on-disk.ts).
 */
import { execFileSync } from 'node:child_process';
import { rename } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { keptRig } from '../helpers/kept-rig.js';
import { Rig } from '../helpers/rig.js';

describe('keys in a repository set core.ignorecase=true, on a case-sensitive file system', () => {
  let rig: Rig;
  afterEach(() => rig.cleanup());

  const repo = async (files: Record<string, string>): Promise<void> => {
    await rig.write(files);
    const git = (...args: string[]): void =>
      void execFileSync('git', args, { cwd: rig.src, stdio: 'ignore' });
    git('init', '-q');
    git('config', 'core.ignorecase', 'true');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', '1');
  };
  const summary = (cached: number, built: number): RegExp =>
    new RegExp(`^disbuild: ${cached + built} jobs: ${cached} cached, ${built} built, 0 failed`, 'm');

  it('follow a tracked file renamed in case only, through disbuild.json globs', async () => {
    rig = await Rig.create();
    await repo({
      'A.txt': 'one\n',
      'B.txt': 'b\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'cat *.txt', inputs: ['*.txt'] } } }),
    });
    const run = () => rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect((await run()).stdout).toMatch(summary(0, 1));
    await rename(rig.path('src', 'A.txt'), rig.path('src', 'a.txt'));
    await rig.write({ 'a.txt': 'two\n' });
    expect((await run()).stdout).toMatch(summary(0, 1));
    // Before: a.txt was no input, and this edit left the job cached with what `two` built.
    await rig.write({ 'a.txt': 'three\n' });
    expect((await run()).stdout).toMatch(summary(0, 1));
    expect((await run()).stdout).toMatch(summary(1, 0));
  });

  it('read a file again that attributes convert when their patterns match it in one case and not the other', async () => {
    rig = await Rig.create();
    await rig.write({
      '.gitattributes': '*.txt filter=up\n*.TXT -filter\n',
      'a.txt': 'AB\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'cat a.txt', inputs: ['a.txt'] } } }),
    });
    const git = (...args: string[]): void =>
      void execFileSync('git', args, { cwd: rig.src, stdio: 'ignore' });
    git('init', '-q');
    git('config', 'core.ignorecase', 'true');
    git('config', 'filter.up.clean', 'tr a-z A-Z');
    git('config', 'filter.up.smudge', 'cat');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', '1');
    const run = () => rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect((await run()).stdout).toMatch(summary(0, 1));
    await new Promise((r) => setTimeout(r, 1100));
    // Cleaned by `up` (as the keys' status matches the patterns), the same blob: before, cached with "AB".
    await rig.write({ 'a.txt': 'ab\n' });
    const edited = await run();
    expect(edited.stdout).toMatch(summary(0, 1));
  });

  it('say that git ignores an input, as the listing does', async () => {
    rig = await Rig.create();
    await repo({
      '.gitignore': '*.log\n!KEEP.log\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'cat keep.log', inputs: ['keep.log'] } } }),
    });
    await rig.write({ 'keep.log': 'k\n' });
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"keep.log" is there, but git ignores it');
  });

  it('key an untracked a.txt beside a tracked A.txt, named by a graph file', async () => {
    rig = await Rig.create();
    await repo({ 'A.txt': 'one\n' });
    await rig.write({
      'a.txt': 'two\n',
      'graph.json': graphJson([{ name: 'j', inputs: ['a.txt'], cmds: [{ exec: ['cat', 'a.txt'] }] }]),
    });
    const first = await rig.runGraph();
    expect(first.code, first.stderr).toBe(0);
    await rig.write({ 'a.txt': 'three\n' });
    // Before: cached, keyed by what a.txt held first.
    expect((await rig.runGraph()).jobs.get('j')?.status).toBe('built');
  });
});

describe('the kept worktree of a repository set core.ignorecase=true', () => {
  it('holds no file a job left whose name differs from a tracked one in case only', async () => {
    // The job leaves Other.txt beside the tracked other.txt: git clean took it for the tracked file, and kept it.
    // The kept worktree is written as the repository's setting says, as a fresh one is: `*.TXT` converts src.txt.
    const h = await keptRig({
      extra: 'echo stray > Other.txt',
      config: [['core.ignorecase', 'true']],
      files: { '.gitattributes': '*.TXT text eol=crlf\n' },
    });
    try {
      await h.pushBuildingA();
      const n = await h.pushBuildingA();
      expect(h.worktrees()).toEqual(['kept']);
      expect(await h.lastRead()).toBe(`other\r\na${n}\r\none.txt\n`);
    } finally {
      await h.rig.cleanup();
    }
  });
});
