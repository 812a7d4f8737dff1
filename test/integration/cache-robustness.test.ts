import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import type { CliResult, ReportJob } from '../helpers/rig.js';
import { CLI, Rig, runProcess } from '../helpers/rig.js';

/** Every file under `dir` (relative paths), for "nothing left behind" checks. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isDirectory()) out.push(join(e.parentPath, e.name).slice(dir.length + 1));
  }
  return out;
}

/** Waits for the detached removal of run directories (see util/discard-dir.ts). */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (await check()) return true;
  }
  return check();
}

/** The keys of the committed entries of a local cache. */
async function entriesOf(cacheDir: string): Promise<string[]> {
  const root = join(cacheDir, 'v1/entries');
  const keys: string[] = [];
  for (const shard of await readdir(root)) keys.push(...(await readdir(join(root, shard))));
  return keys;
}

describe('nothing a job, a leftover or a full disk does damages the cache or fails the build', () => {
  let rig: Rig;
  const mounts: string[] = [];
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    for (const m of mounts.splice(0)) execFileSync('umount', [m]);
    await rig.cleanup();
  });

  /** `disbuild` as an unprivileged user (we run as root, and root ignores modes). */
  const runAsNobody = async (args: string[]): Promise<CliResult & { jobs: Map<string, ReportJob> }> => {
    const report = rig.path(`report-${Math.random()}.json`);
    const r = await rig.runAsNobody([...args, ...(args[0] === 'run' ? ['--report', report] : [])]);
    let jobs = new Map<string, ReportJob>();
    try {
      jobs = new Map(
        (JSON.parse(await readFile(report, 'utf8')) as { jobs: ReportJob[] }).jobs.map((j) => [j.name, j]),
      );
    } catch {
      // No report: callers assert on the code.
    }
    return { ...r, jobs };
  };

  it('survives read-only directories left by jobs, as an unprivileged user; entries are read-only to dependents', async () => {
    await rig.write({
      'graph.json': graphJson([
        {
          name: 'gomod',
          cmds: [
            {
              exec: [
                'sh',
                '-c',
                'mkdir -p "$TMPDIR/mod/pkg" <out>/mod/pkg && echo x > <out>/mod/pkg/f && chmod -R a-w "$TMPDIR/mod" <out>/mod',
              ],
            },
          ],
        },
        {
          name: 'gofail',
          cmds: [
            {
              exec: [
                'sh',
                '-c',
                'mkdir -p <out>/m/p "$TMPDIR/m/p" && chmod -R a-w <out>/m "$TMPDIR/m"; exit 1',
              ],
            },
          ],
        },
        {
          name: 'user',
          deps: ['gomod'],
          cmds: [
            {
              exec: [
                'sh',
                '-c',
                'cat <dep:gomod>/mod/pkg/f; if mkdir <dep:gomod>/__pycache__ 2>/dev/null; then echo wrote; else echo refused; fi',
              ],
            },
          ],
        },
      ]),
    });
    await chmod(rig.root, 0o755);
    execFileSync('chown', ['-R', '65534:65534', rig.root]);
    const args = ['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir];
    const first = await runAsNobody(args);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.jobs.get('user')).toMatchObject({ status: 'built', stdout: 'x\nrefused\n' });

    const second = await runAsNobody(args);
    expect(second.code, second.stdout + second.stderr).toBe(1);
    expect(second.stdout).not.toMatch(/cannot be used|warning/);
    expect(second.jobs.get('gomod')?.status).toBe('cached');
    expect(second.jobs.get('user')?.status).toBe('cached');

    const none = await runAsNobody([...args, '--cache', 'none']);
    expect(none.code, none.stdout + none.stderr).toBe(1);
    expect(none.stderr).not.toContain('EACCES');
    expect(none.jobs.get('user')?.status).toBe('built');

    const clean = async (): Promise<boolean> =>
      (await readdir(join(rig.cacheDir, 'runs')).catch(() => [])).length === 0 &&
      (await readdir(join(rig.cacheDir, 'v1/tmp'))).length === 0;
    expect(await eventually(clean)).toBe(true);

    expect(await entriesOf(rig.cacheDir)).toHaveLength(2);
    const prune = await runAsNobody(['cache', 'prune', '--max-size', '0', '--cache-dir', rig.cacheDir]);
    expect(prune.code, prune.stdout + prune.stderr).toBe(0);
    expect(prune.stdout).toContain('removed 2 artifacts');
    expect(await entriesOf(rig.cacheDir)).toEqual([]);
  });

  it('never blames an entry for what a dependent running as root wrote into it', async () => {
    await rig.write({
      'dep.txt': 'one',
      'graph.json': graphJson([
        { name: 'lib', cmds: [{ exec: ['sh', '-c', 'echo lib > <out>/lib.py'] }] },
        {
          name: 'app',
          inputs: ['dep.txt'],
          deps: ['lib'],
          cmds: [
            {
              exec: [
                'sh',
                '-c',
                'mkdir -p <dep:lib>/__pycache__ && echo pyc > <dep:lib>/__pycache__/lib.pyc || true',
              ],
            },
          ],
        },
      ]),
    });
    expect((await rig.runGraph()).code).toBe(0);
    await writeFile(rig.path('src/dep.txt'), 'two');
    const r = await rig.runGraph();
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).not.toContain('warning');
    expect(r.jobs.get('lib')?.status).toBe('cached');
    expect(r.jobs.get('app')?.status).toBe('built');
  });

  it('reports a hit whose restore fails as built, with one warning, in the report and the counts', async () => {
    await rig.write({
      'dep.txt': 'one',
      'graph.json': graphJson([
        { name: 'lib', cmds: [{ exec: ['sh', '-c', 'echo lib > <out>/lib.txt'] }] },
        { name: 'app', inputs: ['dep.txt'], deps: ['lib'], cmds: [{ exec: ['cat', '<dep:lib>/lib.txt'] }] },
      ]),
    });
    const first = await rig.runGraph();
    const key = first.jobs.get('lib')!.key;
    const out = join(rig.cacheDir, 'v1/entries', key.slice(0, 2), key, 'out');
    await chmod(out, 0o755);
    await writeFile(join(out, 'lib.txt'), 'tampered\n');
    await writeFile(rig.path('src/dep.txt'), 'two');
    const report = rig.path('report.json');
    const r = await rig.run([
      'run',
      '--graph',
      'graph.json',
      '--cache-dir',
      rig.cacheDir,
      '--report',
      report,
    ]);
    expect(r.code, r.stdout).toBe(0);
    const parsed = JSON.parse(await readFile(report, 'utf8')) as { counts: object; jobs: ReportJob[] };
    const lib = parsed.jobs.find((j) => j.name === 'lib')!;
    expect(lib.status).toBe('built');
    expect(lib.message).toContain('could not be restored');
    expect(parsed.jobs.find((j) => j.name === 'app')).toMatchObject({ status: 'built', stdout: 'lib\n' });
    expect(parsed.counts).toEqual({ cached: 0, built: 2, failed: 0, skipped: 0 });
    expect(r.stdout.split('\n').filter((l) => l.includes('warning'))).toHaveLength(1);
    // The rebuilt artifact took the damaged one's place.
    await writeFile(rig.path('src/dep.txt'), 'three');
    const third = await rig.runGraph();
    expect(third.jobs.get('lib')?.status).toBe('cached');
    expect(third.stdout).not.toContain('warning');
  });

  it('repairs an entry with an ill-typed meta.json: one warning, rebuilt, saved in its place', async () => {
    await rig.write({ 'graph.json': graphJson([{ name: 'one', cmds: [{ exec: ['echo', 'ran'] }] }]) });
    const key = (await rig.runGraph()).jobs.get('one')!.key;
    const meta = join(rig.cacheDir, 'v1/entries', key.slice(0, 2), key, 'meta.json');
    await writeFile(meta, JSON.stringify({ ...JSON.parse(await readFile(meta, 'utf8')), durationMs: 'abc' }));
    const r = await rig.runGraph();
    expect(r.jobs.get('one')).toMatchObject({ status: 'built', stdout: 'ran\n' });
    expect(typeof r.jobs.get('one')!.durationMs).toBe('number');
    expect(r.stdout.split('\n').filter((l) => l.includes('warning'))).toHaveLength(1);
    const again = await rig.runGraph();
    expect(again.jobs.get('one')?.status).toBe('cached');
    expect(again.stdout).not.toContain('warning');
  });

  it('repairs an entry where a FIFO stands for its meta.json, an output file or a log: never waits on it', async () => {
    await rig.write({
      'graph.json': graphJson([
        {
          name: 'one',
          // A log above 16 KiB is kept in a file of its own.
          // And a file above 4 MiB, which a restore copies in the kernel.
          cmds: [
            {
              exec: [
                'sh',
                '-c',
                'echo one > <out>/out.txt; head -c 5000000 /dev/zero > <out>/big.bin; head -c 20000 /dev/zero | tr "\\0" a',
              ],
            },
          ],
        },
      ]),
    });
    const key = (await rig.runGraph()).jobs.get('one')!.key;
    const entry = join(rig.cacheDir, 'v1/entries', key.slice(0, 2), key);
    // Killed if it hangs: a run blocked in an open() of a FIFO hears no signal it handles.
    const runBounded = async (extra: string[]): Promise<CliResult> => {
      let pid: number | undefined;
      const timer = setTimeout(() => pid !== undefined && process.kill(pid, 'SIGKILL'), 20_000);
      try {
        return await runProcess(
          process.execPath,
          [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, ...extra],
          {
            cwd: rig.src,
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: rig.path('home'), CI: '1' },
            onSpawn: (p) => (pid = p),
          },
        );
      } finally {
        clearTimeout(timer);
      }
    };
    for (const [file, extra] of [
      ['meta.json', []],
      ['out/out.txt', ['--out-dir', rig.path('out')]],
      ['out/big.bin', ['--out-dir', rig.path('out-big')]],
      ['stdout', ['--log-replay', 'all']],
    ] as const) {
      await rm(join(entry, file));
      execFileSync('mkfifo', [join(entry, file)]);
      const r = await runBounded([...extra]);
      expect(r.code, `${file}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout.match(/warning: .* damaged/g), file).toHaveLength(1);
      expect(r.stdout, file).toContain(key);
      // A log is found damaged as the hit is replayed: that run reports the job cached without it, and the next
      // builds it again.
      expect(r.stdout, file).toMatch(file === 'stdout' ? /1 cached/ : /1 built/);
      if (file === 'stdout') expect((await runBounded([...extra])).stdout).toMatch(/1 built/);
      const again = await runBounded([...extra]);
      expect(again.stdout, file).toMatch(/1 cached/);
      expect(again.stdout, file).not.toContain('warning');
    }
    expect(await readFile(rig.path('out/one/out.txt'), 'utf8')).toBe('one\n');
  }, 120_000);

  it('uses its own entries under a umask of 000, and repairs one of its own that anyone may write', async () => {
    await rig.write({ 'graph.json': graphJson([{ name: 'one', cmds: [{ exec: ['echo', 'ran'] }] }]) });
    const underUmask000 = (): Promise<CliResult> =>
      runProcess(
        'sh',
        [
          '-c',
          `umask 000; exec "$0" "$@"`,
          process.execPath,
          CLI,
          'run',
          '--graph',
          'graph.json',
          '--cache-dir',
          rig.cacheDir,
        ],
        { cwd: rig.src, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: rig.path('home'), CI: '1' } },
      );
    expect((await underUmask000()).stdout).toMatch(/1 built/);
    const [key] = await entriesOf(rig.cacheDir);
    // Nobody else may rename what the cache's directories hold (a job's output before it is hashed, an entry),
    // whatever the umask; one of them left writable by an earlier run is tightened.
    const v1 = join(rig.cacheDir, 'v1');
    const dirs = [v1, join(v1, 'tmp'), join(v1, 'entries'), join(v1, 'entries', key!.slice(0, 2))];
    const entry = join(v1, 'entries', key!.slice(0, 2), key!);
    for (const d of [...dirs, entry, join(entry, 'out')]) expect((await stat(d)).mode & 0o022, d).toBe(0);
    await chmod(join(v1, 'tmp'), 0o777);
    const again = await underUmask000();
    expect(again.stdout).toMatch(/1 cached/);
    expect(again.stdout).not.toContain('warning');
    for (const d of dirs) expect((await stat(d)).mode & 0o022, d).toBe(0);
    const meta = join(rig.cacheDir, 'v1/entries', key!.slice(0, 2), key!, 'meta.json');
    await chmod(meta, 0o666);
    const repaired = await rig.runGraph();
    expect(repaired.jobs.get('one')?.status).toBe('built');
    expect(repaired.stdout).toMatch(
      /warning: cache entry .* is damaged \(its meta.json is writable by anyone\)/,
    );
    const last = await rig.runGraph();
    expect(last.jobs.get('one')?.status).toBe('cached');
    expect(last.stdout).not.toContain('warning');
  });

  describe('an entry directory an unprivileged run cannot read', () => {
    /** A one-job graph built once as nobody, and the path of its entry. */
    const builtOnce = async (): Promise<{ args: string[]; entry: string }> => {
      await rig.write({ 'graph.json': graphJson([{ name: 'one', cmds: [{ exec: ['echo', 'ran'] }] }]) });
      await chmod(rig.root, 0o755);
      execFileSync('chown', ['-R', '65534:65534', rig.root]);
      const args = ['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir];
      const first = await runAsNobody(args);
      expect(first.code, first.stdout + first.stderr).toBe(0);
      const key = first.jobs.get('one')!.key;
      return { args, entry: join(rig.cacheDir, 'v1/entries', key.slice(0, 2), key) };
    };
    const warnings = (out: string): string[] => out.split('\n').filter((l) => l.includes('warning'));

    it("is repaired when it is the user's own (mode 000): one warning, rebuilt, saved in its place", async () => {
      const { args, entry } = await builtOnce();
      await chmod(entry, 0o000);
      const second = await runAsNobody(args);
      expect(second.code, second.stdout + second.stderr).toBe(0);
      expect(second.jobs.get('one')).toMatchObject({ status: 'built', stdout: 'ran\n' });
      expect(warnings(second.stdout)).toHaveLength(1);
      expect(warnings(second.stdout)[0]).toMatch(/damaged.*replaced it/);
      const third = await runAsNobody(args);
      expect(third.jobs.get('one')?.status).toBe('cached');
      expect(third.stdout).not.toContain('warning');
    });

    it('is skipped when another user owns it (root, mode 000): the build succeeds, one true warning per run', async () => {
      const { args, entry } = await builtOnce();
      execFileSync('chown', ['0:0', entry]);
      await chmod(entry, 0o000);
      for (let run = 0; run < 2; run++) {
        const r = await runAsNobody(args);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.jobs.get('one')).toMatchObject({ status: 'built', stdout: 'ran\n' });
        expect(warnings(r.stdout), r.stdout).toHaveLength(1);
        // It was not replaced, and the warning must not say it was.
        expect(warnings(r.stdout)[0]).toMatch(/cannot be replaced/);
        expect(warnings(r.stdout)[0]).not.toMatch(/replaced it/);
      }
      // Nothing of the saves that could not be committed is left behind.
      expect(await eventually(async () => (await readdir(join(rig.cacheDir, 'v1/tmp'))).length === 0)).toBe(
        true,
      );
    });
  });

  it('builds, as an unprivileged user, when the cache directory is not writable (another user owns it)', async () => {
    await rig.write({
      'graph.json': graphJson([
        { name: 'one', cmds: [{ exec: ['sh', '-c', 'echo made > <out>/f && echo ran'] }] },
        { name: 'two', deps: ['one'], cmds: [{ exec: ['cat', '<dep:one>/f'] }] },
      ]),
    });
    await chmod(rig.root, 0o755);
    execFileSync('chown', ['-R', '65534:65534', rig.root]);
    // A cache directory (a home, say) that root owns: the run can neither write it nor make its run directory.
    const cacheDir = rig.path('root-owned');
    await mkdir(cacheDir);
    execFileSync('chown', ['0:0', cacheDir]);
    await chmod(cacheDir, 0o755);
    for (const cache of ['none', 'local']) {
      const r = await runAsNobody([
        'run',
        '--graph',
        'graph.json',
        '--cache',
        cache,
        '--cache-dir',
        cacheDir,
      ]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.jobs.get('two')).toMatchObject({ status: 'built', stdout: 'made\n' });
      expect(r.stdout).toMatch(/warning/);
    }
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('refuses --out-dir targets that would land in one directory, naming them (exit 2)', async () => {
    await rig.write({
      'graph.json': graphJson(
        ['a/b', 'a_b', 'a b', 'fine'].map((name) => ({ name, cmds: [{ exec: ['echo', name] }] })),
      ),
    });
    const r = await rig.runGraph(['--out-dir', rig.path('out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"a/b", "a_b", "a b"');
    expect(r.stderr).toContain('a_b');
  });

  /** A 1 MiB tmpfs at `dir`, filled up when `full` (root only, as CI runs). */
  const smallDisk = async (dir: string, full: boolean): Promise<void> => {
    await mkdir(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    mounts.push(dir);
    if (full) await writeFile(join(dir, 'filler'), Buffer.alloc(2 << 20)).catch(() => undefined);
  };

  it('builds when the cache disk is full: warnings only, nothing left behind', async () => {
    await rig.write({
      'graph.json': graphJson([
        {
          name: 'big',
          cmds: [{ exec: ['sh', '-c', 'head -c 3000000 /dev/zero > <out>/big.bin && echo made'] }],
        },
        { name: 'after', deps: ['big'], cmds: [{ exec: ['sh', '-c', 'wc -c < <dep:big>/big.bin'] }] },
      ]),
    });
    await smallDisk(rig.cacheDir, true);
    for (const cache of ['local', 'none']) {
      const r = await rig.runGraph(['--cache', cache]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.jobs.get('after')).toMatchObject({ status: 'built', stdout: '3000000\n' });
      expect(r.stdout).toMatch(/disk/);
    }
    const clean = async (): Promise<boolean> =>
      (await readdir(join(rig.cacheDir, 'runs')).catch(() => [])).length === 0;
    expect(await eventually(clean)).toBe(true);
    const left = (await listFiles(rig.cacheDir)).filter(
      (f) => f !== 'filler' && !f.startsWith('coordinator/'),
    );
    expect(left).toEqual([]);

    // And when the disk the run falls back to is full too, the failure says so.
    const tmp = rig.path('tmp');
    await smallDisk(tmp, true);
    const r = await rig.runGraph([], { TMPDIR: tmp });
    expect(r.code).toBe(1);
    expect(r.jobs.get('big')?.message).toMatch(/disk holding .* is full/);
  });
});
