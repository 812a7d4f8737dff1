/**
 * Keys at the edges, end to end through the bundled CLI and real pushes: symbolic links that lead nowhere or out of
 * the source directory, inputs edited while a job runs, and the hook keying a commit as its checkout reads it.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { PushRig } from '../helpers/git-repo.js';
import { CLI, type CliResult, Rig, runProcess } from '../helpers/rig.js';

describe('keys at the edges (CLI)', () => {
  let rig: Rig;
  afterEach(() => rig.cleanup());

  it('refuse a dangling link and a path through a link out of the source dir, naming the job and Inputs[i]', async () => {
    rig = await Rig.create();
    await rig.write({ 'ok.txt': 'ok\n', 'f.txt': 'in the source dir\n' }, rig.src);
    await rig.write({ 'f.txt': 'outside\n' }, rig.path('outside'));
    await symlink('../outside', join(rig.src, 'linkdir'));
    await symlink('gone.txt', join(rig.src, 'dangling'));
    await rig.write({
      'graph.json': graphJson([
        {
          name: 'reads-outside',
          inputs: ['ok.txt', 'linkdir/f.txt'],
          cmds: [{ exec: ['cat', 'linkdir/f.txt'] }],
        },
        { name: 'reads-dangling', inputs: ['dangling'], cmds: [{ exec: ['cat', 'dangling'] }] },
      ]),
    });
    const r = await rig.runGraph();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('reads-outside');
    expect(r.stderr).toMatch(/Inputs\[1\].*linkdir\/f\.txt resolves outside the source directory/);
    expect(r.stderr).toMatch(/reads-dangling.*Inputs\[0\].*dangling symbolic link/);
  });

  it('leave a file whose name is not UTF-8 out of disbuild.json globs in graph and ids as run does', async () => {
    rig = await Rig.create();
    await writeFile(
      Buffer.concat([Buffer.from(`${rig.src}/`), Buffer.from([0x62, 0xff, 0x2e, 0x74])]),
      'x\n',
    );
    await rig.write({
      'p.t': 'plain\n',
      'disbuild.json': JSON.stringify({ tasks: { t: { command: 'cat *.t > /dev/null', inputs: ['*.t'] } } }),
    });
    const git = (...args: string[]): void =>
      void execFileSync('git', args, { cwd: rig.src, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', '1');
    const graph = await rig.run(['graph']);
    // Before: graph listed "b\uFFFD.t" (which ids and explain then refused as missing); run left it out.
    expect((JSON.parse(graph.stdout) as { Jobs: { Inputs: string[] }[] }).Jobs[0]!.Inputs).toEqual(['p.t']);
    const ids = await rig.run(['ids']);
    expect(ids.code, ids.stderr).toBe(0);
    expect((await rig.run(['run', '--cache-dir', rig.cacheDir])).code).toBe(0);
  });

  it('key an input named with U+FFFD by its own bytes, not those of a file whose name is not UTF-8', async () => {
    rig = await Rig.create();
    // b\xef\xbf\xbd is the input ("b\uFFFD" in the graph); b\xff is another file, which decodes to the same text.
    const input = Buffer.from('b\uFFFD');
    const other = Buffer.from([0x62, 0xff]);
    const src = Buffer.from(rig.src);
    const at = (name: Buffer): Buffer => Buffer.concat([src, Buffer.from('/'), name]);
    await writeFile(at(input), 'real 1\n');
    await writeFile(at(other), 'other\n');
    await rig.write({
      'graph.json': graphJson([
        {
          name: 'read',
          inputs: ['b\uFFFD'],
          cmds: [{ exec: ['sh', '-c', 'cat "$1" > <out>/copy', 'x', 'b\uFFFD'] }],
        },
      ]),
    });
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: rig.src, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    // Old enough that neither git nor the run reads the files again to be sure of them: the listing answers.
    const then = new Date(Date.now() - 60_000);
    for (const name of [input, other]) await utimes(at(name), then, then);
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', '1');
    // Keyed by the file it reads: nothing to warn of, saved, and found again.
    const first = await rig.runGraph();
    expect(first.jobs.get('read')?.status).toBe('built');
    expect(first.stdout + first.stderr).not.toContain('warning');
    expect((await rig.runGraph()).jobs.get('read')?.status).toBe('cached');
    await writeFile(at(input), 'real two\n');
    await utimes(at(input), then, then);
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', '2');
    const edited = await rig.runGraph(['--out-dir', rig.path('out')]);
    expect(edited.jobs.get('read')?.status).toBe('built');
    expect(await readFile(rig.path('out/read/copy'), 'utf8')).toBe('real two\n');
  });

  it('do not save a build whose input was edited while it ran, and say so', async () => {
    rig = await Rig.create();
    // The job reads its input, then the input changes before the job ends (an editor saving, a generator).
    await rig.write({
      'in.txt': 'v1\n',
      'graph.json': graphJson([
        {
          name: 'copy',
          inputs: ['in.txt'],
          cmds: [{ exec: ['sh', '-c', 'cat in.txt > <out>/copy; echo v2 > in.txt'] }],
        },
      ]),
    });
    const first = await rig.runGraph();
    expect(first.code, first.stderr).toBe(0);
    expect(first.jobs.get('copy')!.status).toBe('built');
    expect(first.stdout + first.stderr).toContain(
      '"copy" was not cached: its input in.txt changed while it ran; a job that writes its own inputs, even the same bytes, is never cached (leave what it writes out of its inputs)',
    );
    // Back to v1: nothing was filed under v1's key, so the job runs again (then reads v1 and writes v2 again).
    await writeFile(rig.path('src/in.txt'), 'v1\n');
    const second = await rig.runGraph();
    expect(second.jobs.get('copy')!.status).toBe('built');
    // An input left alone: saved, and cached next time.
    await rig.write({
      'graph.json': graphJson([
        { name: 'copy', inputs: ['in.txt'], cmds: [{ exec: ['sh', '-c', 'cat in.txt > <out>/copy'] }] },
      ]),
    });
    expect((await rig.runGraph()).jobs.get('copy')!.status).toBe('built');
    const cached = await rig.runGraph();
    expect(cached.jobs.get('copy')!.status).toBe('cached');
    expect(cached.stdout + cached.stderr).not.toContain('was not cached');
  });

  it('do not save a build whose input keyed from git’s index was edited and put back, or swapped, while it ran', async () => {
    // Before: an input keyed from the index was looked at again after the build only by its ctime and, when
    // recent, its content: one edited and put back read as unchanged (the job had read the edit), and so did a
    // file of a directory swapped in (older than the run). Both builds were saved under the keys of bytes their
    // jobs never read, and the next run restored them.
    rig = await Rig.create();
    await rig.write({
      'in.txt': 'v1\n',
      'sub/a.txt': 'v1\n',
      'graph.json': graphJson([
        {
          name: 'undo',
          inputs: ['in.txt'],
          cmds: [{ exec: ['sh', '-c', 'echo v2 > in.txt; cat in.txt > <out>/copy; echo v1 > in.txt'] }],
        },
        {
          name: 'swap',
          inputs: ['sub/a.txt'],
          cmds: [
            {
              exec: [
                'sh',
                '-c',
                'if [ ! -e ../swapped ]; then touch ../swapped; mv sub sub.old; mv ../alt sub; fi; cat sub/a.txt > <out>/copy',
              ],
            },
          ],
        },
        // Swapped while the job that reads it waits for its dependency: before it starts.
        {
          name: 'mover',
          cmds: [
            {
              exec: [
                'sh',
                '-c',
                'if [ ! -e ../moved ]; then touch ../moved; mv late late.old; mv ../alt2 late; fi',
              ],
            },
          ],
        },
        {
          name: 'late',
          inputs: ['late/a.txt'],
          deps: ['mover'],
          cmds: [{ exec: ['sh', '-c', 'cat late/a.txt > <out>/copy'] }],
        },
      ]),
    });
    await rig.write({ 'late/a.txt': 'v1\n' });
    await rig.write({ 'a.txt': 'v2\n' }, rig.path('alt'));
    await rig.write({ 'a.txt': 'v2\n' }, rig.path('alt2'));
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: rig.src, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'a');
    // Older than the run by more than the check's margin for coarse clocks.
    await new Promise((r) => setTimeout(r, 3000));
    const first = await rig.runGraph(['-j', '1']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout + first.stderr).toMatch(
      /"undo" was not cached: its input in\.txt changed while it ran/,
    );
    expect(first.stdout + first.stderr).toMatch(
      /"swap" was not cached: its input sub\/a\.txt changed while it ran/,
    );
    expect(first.stdout + first.stderr).toMatch(
      /"late" was not cached: its input late\/a\.txt changed while it ran/,
    );
    await rename(join(rig.src, 'sub'), rig.path('alt'));
    await rename(join(rig.src, 'sub.old'), join(rig.src, 'sub'));
    await rename(join(rig.src, 'late'), rig.path('alt2'));
    await rename(join(rig.src, 'late.old'), join(rig.src, 'late'));
    const second = await rig.runGraph(['-j', '1', '--out-dir', rig.path('out')]);
    expect(second.jobs.get('swap')!.status).toBe('built');
    expect(second.jobs.get('undo')!.status).toBe('built');
    expect(second.jobs.get('late')!.status).toBe('built');
    expect(await readFile(rig.path('out/swap/copy'), 'utf8')).toBe('v1\n');
    expect(await readFile(rig.path('out/late/copy'), 'utf8')).toBe('v1\n');
  });

  /**
   * Two checkouts of one job (`script` its command) sharing the rig's cache, and so its coordinator: the same key.
   * The first run starts (with `firstArgs`); the second, a second later, waits for the first's claim;
   * `meanwhile(pid)` acts on the first.
   */
  async function twoCheckouts(
    script: string,
    meanwhile: (firstPid: number) => void = () => undefined,
    firstArgs: string[] = [],
  ): Promise<{ first: CliResult; second: CliResult }> {
    rig = await Rig.create();
    const files = {
      'in.txt': 'v1\n',
      'graph.json': graphJson([{ name: 'copy', inputs: ['in.txt'], cmds: [{ exec: ['sh', '-c', script] }] }]),
    };
    await rig.write(files);
    const other = rig.path('other');
    await rig.write(files, other);
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: rig.path('home'), CI: '1' };
    const run = (cwd: string, extra: string[] = [], onSpawn?: (pid: number) => void): Promise<CliResult> =>
      runProcess(
        process.execPath,
        [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, ...extra],
        {
          cwd,
          env,
          ...(onSpawn ? { onSpawn } : {}),
        },
      );
    let pid = 0;
    const first = run(rig.src, firstArgs, (p) => (pid = p));
    await new Promise((r) => setTimeout(r, 1000));
    const second = run(other);
    await new Promise((r) => setTimeout(r, 1000));
    meanwhile(pid);
    return { first: await first, second: await second };
  }

  it('hand an interrupted build to no other run as a failure: one waiting for its key builds it', async () => {
    const { first, second } = await twoCheckouts('sleep 3; cat in.txt > <out>/copy', (pid) =>
      process.kill(pid, 'SIGINT'),
    );
    expect(first.code).not.toBe(0);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/1 built/);
  });

  it('hand a build timed out by its run to no other run as a failure: one waiting for its key builds it', async () => {
    const { first, second } = await twoCheckouts('sleep 3; cat in.txt > <out>/copy', undefined, [
      '--timeout',
      '2',
    ]);
    expect(first.stdout + first.stderr).toMatch(/timed out/);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/1 built/);
  });

  it('hand a build whose input was edited while it ran to no other run: one waiting for its key builds it', async () => {
    const { first, second } = await twoCheckouts('sleep 2; cat in.txt > <out>/copy; echo v2 > in.txt');
    expect(first.stdout).toMatch(/"copy" was not cached: its input in\.txt changed while it ran/);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/1 built/);
  });
});

describe('keys at the edges (git settings that make git trust stat data less)', () => {
  let rig: Rig;
  afterEach(() => rig.cleanup());

  for (const [setting, value] of [
    ['core.trustctime', 'false'],
    ['core.checkStat', 'minimal'],
  ] as const) {
    it(`key an input edited to the same size with its mtime put back, under ${setting}=${value}`, async () => {
      rig = await Rig.create();
      await rig.write({
        'a.txt': 'hello\n',
        'graph.json': graphJson([
          { name: 'read', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
        ]),
      });
      const git = (...args: string[]): string =>
        execFileSync('git', args, { cwd: rig.src, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      git('init', '-q');
      git('config', setting, value);
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'a');
      const path = join(rig.src, 'a.txt');
      // Old enough that git does not treat the index's stat data as racy.
      const then = new Date(Date.now() - 60_000);
      await utimes(path, then, then);
      git('status', '--porcelain');
      const first = await rig.runGraph(['--out-dir', rig.path('out')]);
      expect(first.jobs.get('read')?.status).toBe('built');
      // In a later second: git keeps ctime to the second (built without USE_NSEC), so an edit within the second of
      // its last look is one no setting shows it.
      await new Promise((r) => setTimeout(r, 1100));
      await writeFile(path, 'HELLX\n');
      await utimes(path, then, then);
      const second = await rig.runGraph(['--out-dir', rig.path('out2')]);
      expect(second.jobs.get('read')?.key).not.toBe(first.jobs.get('read')?.key);
      expect(await readFile(rig.path('out2/read/a'), 'utf8')).toBe('HELLX\n');
    });
  }

  for (const place of ['in', 'above'] as const) {
    it(`key an input by a \`.gitattributes\` the index holds ${place} the source directory, which the work tree lacks`, async () => {
      // Before: only attributes files on disk were looked for, then only the index's entries below the source
      // directory, so `git check-attr` was not asked; git reads the index's copy, and checks the input out as
      // `a\r\n`, yet the run restored the output built from `a\n`.
      rig = await Rig.create();
      await rig.write({
        'a.txt': 'a\n',
        'graph.json': graphJson([
          { name: 'read', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
        ]),
      });
      // Above: the repository is the rig's root, and the source directory its `src/`.
      const top = place === 'in' ? rig.src : rig.root;
      const src = place === 'in' ? '' : 'src/';
      const git = (...args: string[]): string =>
        execFileSync('git', args, { cwd: top, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      git('init', '-q');
      git('add', src === '' ? '-A' : 'src');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'a');
      const first = await rig.runGraph(['--out-dir', rig.path('out')]);
      expect(first.jobs.get('read')?.status).toBe('built');
      await rig.write({ '.gitattributes': '*.txt text eol=crlf\n' }, top);
      git('add', '.gitattributes');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'attributes');
      await rm(join(rig.src, 'a.txt'));
      git('checkout', '--', `${src}a.txt`);
      await rm(join(top, '.gitattributes'));
      expect(await readFile(join(rig.src, 'a.txt'), 'utf8')).toBe('a\r\n');
      // Pathspecs taken literally in the user's environment: the listing's magic must still be read as such.
      const second = await rig.runGraph(['--out-dir', rig.path('out2')], { GIT_LITERAL_PATHSPECS: '1' });
      expect(second.jobs.get('read')?.key).not.toBe(first.jobs.get('read')?.key);
      expect(await readFile(rig.path('out2/read/a'), 'utf8')).toBe('a\r\n');
    });
  }

  it('key an edited input that a file-system monitor says nothing changed in', async () => {
    // Before: git status asked the repository's core.fsmonitor, which answered "nothing changed", and the edited
    // input kept its old key: the run restored the output of the old bytes.
    rig = await Rig.create();
    await rig.write({
      'a.txt': 'v1\n',
      'graph.json': graphJson([
        { name: 'read', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
      ]),
    });
    // A monitor that misses every event (as inotify does over some bind mounts and network file systems).
    await writeFile(rig.path('fsmonitor'), '#!/bin/sh\nprintf "token\\0"\n', { mode: 0o755 });
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: rig.src, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    git('init', '-q');
    git('config', 'core.fsmonitor', rig.path('fsmonitor'));
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'a');
    git('update-index', '--fsmonitor');
    git('status', '--porcelain');
    const first = await rig.runGraph(['--out-dir', rig.path('out')]);
    expect(first.jobs.get('read')?.status).toBe('built');
    await new Promise((r) => setTimeout(r, 1100));
    await writeFile(join(rig.src, 'a.txt'), 'v2\n');
    const second = await rig.runGraph(['--out-dir', rig.path('out2')]);
    expect(second.jobs.get('read')?.key).not.toBe(first.jobs.get('read')?.key);
    expect(await readFile(rig.path('out2/read/a'), 'utf8')).toBe('v2\n');
  });

  it("never writes git's index: a git command of the user's at the same moment does not find it locked", async () => {
    // Before: git status refreshed the index's stale stat data, and wrote the index under its lock
    // (`.git/index.lock`): a `git commit` or `git add` of the user's at that moment failed on the lock.
    rig = await Rig.create();
    await rig.write({
      'a.txt': 'v1\n',
      'graph.json': graphJson([
        { name: 'read', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'cat a.txt > <out>/a'] }] },
      ]),
    });
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: rig.src, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'a');
    expect((await rig.runGraph()).jobs.get('read')?.status).toBe('built');
    // The same bytes, another mtime: the index's stat data of a.txt are stale, which a status would refresh.
    await new Promise((r) => setTimeout(r, 1100));
    await writeFile(join(rig.src, 'a.txt'), 'v1\n');
    const index = await stat(join(rig.src, '.git', 'index'));
    expect((await rig.runGraph()).jobs.get('read')?.status).toBe('cached');
    const after = await stat(join(rig.src, '.git', 'index'));
    expect([after.ino, after.mtimeMs]).toEqual([index.ino, index.mtimeMs]);
  });
});

describe('keys at the edges (pre-push hook)', () => {
  let rig: PushRig;
  afterEach(() => rig.cleanup());

  const setUp = async (files: Record<string, string>, inputs: string[]): Promise<string> => {
    rig = await PushRig.create();
    const log = rig.path('executions.log');
    await rig.commit({
      ...files,
      'graph.json': graphJson([
        {
          name: 'j',
          inputs,
          cmds: [{ exec: ['sh', '-c', `echo j >> ${log}; cat ${inputs.join(' ')} > <out>/o`] }],
        },
      ]),
    });
    await rig.git(rig.clone, 'config', 'disbuild.graph', 'graph.json');
    const installed = await rig.cli('hook', 'install');
    expect(installed.code, installed.stderr).toBe(0);
    return log;
  };
  const runs = async (log: string): Promise<number> =>
    (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

  it('key a commit with end-of-line conversion as `disbuild run` keys its checkout', async () => {
    const log = await setUp({ '.gitattributes': '* text eol=crlf\n', 'a.txt': 'a\n' }, ['a.txt']);
    const push = await rig.push('-q', 'origin', 'main');
    expect(push.code, push.stderr).toBe(0);
    expect(await runs(log)).toBe(1);
    // A fresh checkout holds `a\r\n`: the CLI there finds what the hook built under the same key.
    const co = rig.path('checkout');
    await rig.git(rig.clone, 'worktree', 'add', '-q', '--detach', co, 'HEAD');
    expect(await readFile(join(co, 'a.txt'), 'utf8')).toBe('a\r\n');
    const report = rig.path('report.json');
    const r = await runProcess(process.execPath, [CLI, 'run', '--graph', 'graph.json', '--report', report], {
      cwd: co,
      env: rig.env,
    });
    expect(r.code, r.stderr).toBe(0);
    const statuses = async (): Promise<string[]> =>
      (JSON.parse(await readFile(report, 'utf8')) as { jobs: { status: string }[] }).jobs.map(
        (j) => j.status,
      );
    expect(await statuses()).toEqual(['cached']);
    expect(await runs(log)).toBe(1);
    // The same text with LF endings is other bytes for the job: not the CRLF build's output.
    await writeFile(join(co, 'a.txt'), 'a\n');
    const lf = await runProcess(process.execPath, [CLI, 'run', '--graph', 'graph.json', '--report', report], {
      cwd: co,
      env: rig.env,
    });
    expect(lf.code, lf.stderr).toBe(0);
    expect(await statuses()).toEqual(['built']);
  });

  it('build again when a linked input’s target changes, though the input’s path did not', async () => {
    const log = await setUp({ 'data.txt': 'v1\n' }, ['link']);
    await symlink('data.txt', join(rig.clone, 'link'));
    await rig.git(rig.clone, 'add', 'link');
    await rig.git(rig.clone, 'commit', '-qm', 'link');
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    expect(await runs(log)).toBe(1);
    await rig.commit({ 'data.txt': 'v2\n' });
    const second = await rig.push('-q', 'origin', 'main');
    expect(second.code, second.stderr).toBe(0);
    expect(await runs(log)).toBe(2);
  });

  it('build a commit pushed as a revision written with spaces, beside another ref', async () => {
    // Before: the line of `HEAD^{/break it}` was taken for malformed and dropped; the other ref was built, and
    // the push, a failing commit with it, went through.
    const log = await setUp({ 'a.txt': 'a\n' }, ['a.txt']);
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    await rig.commit({
      'graph.json': graphJson([
        { name: 'j', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', `echo j >> ${log}; exit 7`] }] },
      ]),
    });
    await rig.git(rig.clone, 'commit', '-q', '--allow-empty', '-m', 'break it');
    const push = await rig.push('-q', 'origin', 'HEAD^{/break it}:refs/heads/f5', 'HEAD~2:refs/heads/f6');
    expect(push.code).not.toBe(0);
    expect(push.stderr).not.toContain('unexpected pre-push input line');
    expect(await runs(log)).toBe(2);
  });

  it('see a change to the graph file named by a path that is not normalised', async () => {
    // Before: with disbuild.graph set to `././graph.json`, the diff's `graph.json` was not taken for the graph
    // file, and a push that broke the job went through unbuilt.
    const log = await setUp({ 'a.txt': 'a\n' }, ['a.txt']);
    await rig.git(rig.clone, 'config', 'disbuild.graph', '././graph.json');
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    expect(await runs(log)).toBe(1);
    await rig.commit({
      'graph.json': graphJson([{ name: 'j', inputs: ['a.txt'], cmds: [{ exec: ['sh', '-c', 'exit 7'] }] }]),
    });
    const second = await rig.push('-q', 'origin', 'main');
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/j/);
  });
});
