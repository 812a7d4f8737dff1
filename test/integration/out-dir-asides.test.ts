import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdir, readdir, readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { CLI, Rig, runProcess } from '../helpers/rig.js';

describe('--out-dir trees beside their targets', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('places a target whose name is near the file-name limit, built and cached, keeping its cache entry', async () => {
    // 240 characters: the target itself fits a file name (255 bytes); the name beside it must too.
    const name = `t${'x'.repeat(239)}`;
    await rig.write({
      'graph.json': graphJson([{ name, cmds: [{ exec: ['sh', '-c', 'printf made > <out>/m.txt'] }] }]),
    });
    for (const status of ['built', 'cached', 'cached']) {
      const r = await rig.runGraph(['--out-dir', rig.path('out')]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.jobs.get(name)?.status, r.stdout).toBe(status);
      expect(r.stdout).not.toMatch(/damaged|could not be restored/);
      expect(await rig.read(`out/${name}/m.txt`)).toBe('made');
      expect(await readdir(rig.path('out'))).toEqual([name]);
    }
  });

  it('keeps a cache entry it cannot restore beside a target in an out-dir it may not write to', async () => {
    await rig.write({
      'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['sh', '-c', 'printf made > <out>/a.txt'] }] }]),
    });
    await chmod(rig.root, 0o755);
    execFileSync('chown', ['-R', '65534:65534', rig.root]);
    // The out-dir is root's: the unprivileged run may neither place a target there nor write beside one.
    await mkdir(rig.path('out'), { mode: 0o755 });
    const args = ['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '--out-dir', rig.path('out')];
    for (const status of ['built', 'cached', 'cached']) {
      const r = await rig.runAsNobody(args);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/cannot place the outputs of a in .*out\/a: EACCES/);
      // The entry is sound: it is neither called damaged nor removed, and the job is not built again.
      expect(r.stdout + r.stderr).not.toMatch(/damaged|could not be restored/);
      expect(r.stdout).toContain(`1 ${status}`);
    }
    expect(await readdir(rig.path('out'))).toEqual([]);
  });

  it("fails to place over another user's target, and leaves nothing of theirs beside it", async () => {
    await rig.write({
      'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['sh', '-c', 'printf made > <out>/a.txt'] }] }]),
    });
    await chmod(rig.root, 0o755);
    execFileSync('chown', ['-R', '65534:65534', rig.root]);
    // root's target, in an out dir the run may write to: the target itself could be renamed (anyone may write
    // to it), but what it holds cannot be removed.
    await mkdir(rig.path('out/a/sub'), { recursive: true });
    await rig.write({ 'out/a/sub/f': 'root' }, rig.root);
    await chmod(rig.path('out/a'), 0o777);
    execFileSync('chown', ['65534:65534', rig.path('out')]);
    const args = ['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '--out-dir', rig.path('out')];
    for (const status of ['built', 'cached']) {
      const r = await rig.runAsNobody(args);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toMatch(/cannot place the outputs of a in .*out\/a: EACCES/);
      expect(r.stdout).toContain(`1 ${status}`);
      expect(await readdir(rig.path('out'))).toEqual(['a']);
      expect(await rig.read('out/a/sub/f')).toBe('root');
    }
  });

  it('removes what a killed run with its own process id left (a container run is process 1 every time)', async () => {
    await rig.write({
      'graph.json': graphJson([{ name: 'gen', cmds: [{ exec: ['sh', '-c', 'printf g > <out>/g.txt'] }] }]),
    });
    expect((await rig.runGraph()).code).toBe(0);
    // Left by an earlier run in a pid namespace of its own, killed part way: it was process 1, as this one is.
    await mkdir(rig.path('out/gen.disbuild-1-0123456789ab/half'), { recursive: true });
    const args = ['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '--out-dir', rig.path('out')];
    for (let i = 0; i < 2; i++) {
      const r = await runProcess('unshare', ['--pid', '--fork', process.execPath, CLI, ...args], {
        cwd: rig.src,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: rig.path('home'), CI: '1' },
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('1 cached');
      expect(await rig.read('out/gen/g.txt')).toBe('g');
      expect(await readdir(rig.path('out'))).toEqual(['gen']);
    }
  });

  it('a run killed with SIGKILL while it replaces a large target leaves the old tree or the new, never a part', async () => {
    await rig.write({
      'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['sh', '-c', 'printf new > <out>/new.txt'] }] }]),
    });
    expect((await rig.runGraph()).code).toBe(0);
    // An old target that takes a while to remove: the kill lands once it starts to go from its place.
    const files = 40_000;
    await mkdir(rig.path('out/a/old'), { recursive: true });
    execFileSync('sh', ['-c', `cd "$1" && seq ${files} | xargs touch`, 'sh', rig.path('out/a/old')]);
    const child = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-q', '--out-dir', rig.path('out')],
      { cwd: rig.src, env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' }, stdio: 'ignore' },
    );
    const exited = new Promise((r) => child.on('close', r));
    for (;;) {
      const left = await readdir(rig.path('out/a/old')).catch(() => []);
      if (left.length < files || child.exitCode !== null) break;
    }
    child.kill('SIGKILL');
    await exited;
    const target = await readdir(rig.path('out/a')).catch(() => undefined);
    if (target === undefined) {
      // Killed between moving the old tree aside and renaming the new one over it: the next run puts the old one
      // back before it places anything.
      const holder = (await readdir(rig.path('out'))).find((n) => n.startsWith('.disbuild-old-'));
      expect(holder).toBeDefined();
      expect(await readdir(rig.path(`out/${holder}/a/old`))).toHaveLength(files);
    } else if (target.includes('old')) {
      expect(target).toEqual(['old']);
      expect(await readdir(rig.path('out/a/old'))).toHaveLength(files);
    } else expect(target).toEqual(['new.txt']);

    const again = await rig.runGraph(['--out-dir', rig.path('out')]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(await readdir(rig.path('out'))).toEqual(['a']);
    expect(await readdir(rig.path('out/a'))).toEqual(['new.txt']);
    expect(await readFile(rig.path('out/a/new.txt'), 'utf8')).toBe('new');
  }, 60_000);

  it('lets unprivileged runs place into one out dir at once a target a dependent read (sealed): each whole', async () => {
    // t is restored and read by d in every run, which seals it (read-only directories). Placed sealed, and
    // unsealed only at its place, it could not be removed by another run placing the same target meanwhile: that
    // run failed, part of the target removed.
    const t = {
      name: 't',
      cmds: [{ exec: ['sh', '-c', 'cd <out> && for i in $(seq 400); do mkdir d$i; echo x > d$i/f; done'] }],
    };
    const d = { name: 'd', deps: ['t'], cmds: [{ exec: ['sh', '-c', 'cat <dep:t>/d1/f > <out>/o'] }] };
    await rig.write({ 'graph.json': graphJson([t, d]) });
    await chmod(rig.root, 0o755);
    await mkdir(rig.path('caches'));
    execFileSync('chown', ['-R', '65534:65534', rig.root]);
    const cache = (i: number): string => rig.path(`caches/c${i}`);
    const warm = await rig.runAsNobody([
      'run',
      '--graph',
      'graph.json',
      '--cache-dir',
      cache(0),
      '--targets',
      't',
    ]);
    expect(warm.code, warm.stdout + warm.stderr).toBe(0);
    for (let round = 0; round < 6; round++) {
      // A cache each, holding t alone: every run restores t and builds d.
      for (let i = 1; i <= 6; i++) {
        execFileSync('rm', ['-rf', cache(i)]);
        execFileSync('cp', ['-a', cache(0), cache(i)]);
      }
      const rs = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((i) =>
          rig.runAsNobody([
            'run',
            '--graph',
            'graph.json',
            '--cache-dir',
            cache(i),
            '--out-dir',
            rig.path('out'),
          ]),
        ),
      );
      for (const r of rs) expect(r.code, `round ${round}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(await readdir(rig.path('out/t'))).toHaveLength(400);
      expect((await readdir(rig.path('out'))).sort()).toEqual(['d', 't']);
    }
  }, 120_000);
});
