/**
 * A graph file's input spelled with `..` after a symbolic link: `lnk/../x.txt`, with `lnk -> sub/dir`, reads
 * `sub/x.txt`, as the system resolves `..` after a link (in the directory the link leads to). Once validation
 * normalised the spelling lexically to `x.txt` and keys digested that file: editing `sub/x.txt` left the job cached,
 * and its old output was restored (a false hit); editing `x.txt` rebuilt a job that does not read it.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { commitAll, PushRig } from '../helpers/git-repo.js';
import { Rig } from '../helpers/rig.js';

const graph = (log?: string): string =>
  graphJson([
    {
      name: 'j',
      inputs: ['lnk/../x.txt'],
      cmds: [{ exec: ['sh', '-c', `${log ? `echo j >> ${log}; ` : ''}cat lnk/../x.txt > <out>/o`] }],
    },
  ]);

describe('an input spelled with `..` after a link (CLI)', () => {
  let rig: Rig;
  afterEach(() => rig.cleanup());

  for (const inGit of [true, false]) {
    it(`keys the file the spelling reads, ${inGit ? 'in a git checkout' : 'outside git'}`, async () => {
      rig = await Rig.create();
      if (inGit) execFileSync('git', ['init', '-q'], { cwd: rig.src });
      await rig.write({
        'x.txt': 'top\n',
        'sub/x.txt': 'one\n',
        'sub/dir/keep.txt': 'k\n',
        'graph.json': graph(),
      });
      await symlink('sub/dir', join(rig.src, 'lnk'));
      if (inGit) commitAll(rig.src);
      const out = rig.path('out');
      const run = (): ReturnType<Rig['runGraph']> => rig.runGraph(['--out-dir', out]);
      const first = await run();
      expect(first.code, first.stderr).toBe(0);
      expect(first.jobs.get('j')?.status).toBe('built');
      expect(await readFile(join(out, 'j', 'o'), 'utf8')).toBe('one\n');

      await writeFile(join(rig.src, 'sub/x.txt'), 'two\n');
      if (inGit) commitAll(rig.src);
      // Before: "cached", and `one` restored.
      const edited = await run();
      expect(edited.jobs.get('j')?.status).toBe('built');
      expect(await readFile(join(out, 'j', 'o'), 'utf8')).toBe('two\n');

      // Before: "built", for a file the job does not read.
      await writeFile(join(rig.src, 'x.txt'), 'other top\n');
      if (inGit) commitAll(rig.src);
      expect((await run()).jobs.get('j')?.status).toBe('cached');

      await rig.write({ 'other/x.txt': 'other\n', 'other/dir/keep.txt': 'k\n' });
      await unlink(join(rig.src, 'lnk'));
      await symlink('other/dir', join(rig.src, 'lnk'));
      if (inGit) commitAll(rig.src);
      expect((await run()).jobs.get('j')?.status).toBe('built');
      expect(await readFile(join(out, 'j', 'o'), 'utf8')).toBe('other\n');
    });
  }

  it("keeps a file read through such a spelling from another job's removal of stale outputs", async () => {
    rig = await Rig.create();
    await rig.write({ 'gen/cfg.txt': 'precious\n', 'lib/keep.txt': 'l\n' });
    const doc = JSON.parse(
      graphJson([
        {
          name: 'reader',
          inputs: ['lib/../gen/cfg.txt'],
          cmds: [{ exec: ['sh', '-c', 'cat lib/../gen/cfg.txt > <out>/o'] }],
        },
        {
          name: 'gen',
          inputs: ['lib/keep.txt'],
          cmds: [{ exec: ['sh', '-c', 'echo generated > gen/out.txt'] }],
        },
      ]),
    ) as { Jobs: Record<string, unknown>[] };
    doc.Jobs[1]!.Outputs = ['gen/**'];
    await rig.write({ 'graph.json': JSON.stringify(doc) });
    const r = await rig.runGraph();
    // Before: `gen` removed gen/cfg.txt as a stale output before its command, and `reader` failed.
    expect(r.code, r.stderr).toBe(0);
    expect(await rig.read('src/gen/cfg.txt')).toBe('precious\n');
  });

  it('refuses such a spelling that leads out of the source directory through the link', async () => {
    rig = await Rig.create();
    await rig.write({ 'x.txt': 'top\n', 'graph.json': graph() });
    await rig.write({ 'x.txt': 'outside\n', 'd/keep.txt': 'k\n' }, rig.path('outside'));
    await symlink('../outside/d', join(rig.src, 'lnk'));
    const r = await rig.runGraph();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('input lnk/../x.txt resolves outside the source directory');
  });
});

describe('an input spelled with `..` after a link (pre-push hook)', () => {
  let rig: PushRig;
  afterEach(() => rig.cleanup());

  it('runs the job when the file is edited in a tree without links, which the hook judges by its diff', async () => {
    rig = await PushRig.create();
    const log = rig.path('runs.log');
    const graph = graphJson([
      {
        name: 'j',
        inputs: ['a/../x.txt'],
        cmds: [{ exec: ['sh', '-c', `echo j >> ${log}; cat a/../x.txt > <out>/o`] }],
      },
    ]);
    await rig.commit({ 'x.txt': 'one\n', 'a/keep.txt': 'k\n', 'graph.json': graph });
    await rig.git(rig.clone, 'config', 'disbuild.graph', 'graph.json');
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    await rm(log, { force: true });
    await rig.commit({ 'x.txt': 'two\n' });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    // Before: nothing ran; the diff names `x.txt`, which the inputs as spelled did not hold.
    expect(await readFile(log, 'utf8').catch(() => '')).toBe('j\n');
  });

  it('keys one climbing out of a submodule or into one as a run in the checkout does', async () => {
    rig = await PushRig.create();
    const log = rig.path('runs.log');
    const sub = rig.path('sub');
    await mkdir(sub);
    await writeFile(join(sub, 'f.txt'), 'inner\n');
    await rig.git(rig.root, 'init', '-q', 'sub');
    await rig.git(sub, 'add', '-A');
    await rig.git(sub, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 's');
    await rig.git(rig.clone, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'sm');
    const inputs = ['sm/../x.txt', 'a/../sm/f.txt'];
    await rig.commit({
      'x.txt': 'top\n',
      'a/keep.txt': 'k\n',
      'graph.json': graphJson([
        {
          name: 'j',
          inputs,
          cmds: [{ exec: ['sh', '-c', `echo j >> ${log}; cat ${inputs.join(' ')} > <out>/o`] }],
        },
      ]),
    });
    await rig.git(rig.clone, 'config', 'disbuild.graph', 'graph.json');
    const { built, installed, pushed, logged } = await rig.runThenPush(log, '--graph', 'graph.json', '-q');
    expect(built.code, built.stderr).toBe(0);
    expect(installed.code).toBe(0);
    // Before: refused, "input ../x.txt resolves outside the source directory" and "input file a/../sm/f.txt does
    // not exist".
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(logged).toBe('');
  });

  it('runs the job when the file the spelling reads changes, and nothing when the other one does', async () => {
    rig = await PushRig.create();
    const log = rig.path('runs.log');
    await rig.commit({
      'x.txt': 'top\n',
      'sub/x.txt': 'one\n',
      'sub/dir/keep.txt': 'k\n',
      'graph.json': graph(log),
    });
    await symlink('sub/dir', join(rig.clone, 'lnk'));
    await rig.commit({});
    await rig.git(rig.clone, 'config', 'disbuild.graph', 'graph.json');
    expect((await rig.cli('hook', 'install')).code).toBe(0);
    const first = await rig.push('-q', 'origin', 'main');
    expect(first.code, first.stderr).toBe(0);
    await rm(log, { force: true });
    // The remote's commit is keyed as the pushed one: only a change to what the job reads runs it.
    await rig.commit({ 'sub/x.txt': 'two\n' });
    const pushed = await rig.push('-q', 'origin', 'main');
    expect(pushed.code, pushed.stderr).toBe(0);
    // Before: nothing ran.
    expect(await readFile(log, 'utf8').catch(() => '')).toBe('j\n');
    await rm(log, { force: true });
    await rig.commit({ 'x.txt': 'other top\n' });
    expect((await rig.push('-q', 'origin', 'main')).code).toBe(0);
    // Before: the job ran.
    expect(await readFile(log, 'utf8').catch(() => '')).toBe('');
  });
});
