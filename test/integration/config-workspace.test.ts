import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNpmWorkspace, git, linkModules } from '../helpers/npm-workspace.js';
import { Rig, type ReportJob } from '../helpers/rig.js';
import { startNginx } from '../helpers/remote/servers.js';

/** Every file under each package's dist/, path → bytes. */
async function dists(repo: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of ['a', 'b', 'c']) {
    const dir = join(repo, 'packages', p, 'dist');
    for (const name of (await readdir(dir)).sort()) {
      out.set(`${p}/${name}`, (await readFile(join(dir, name))).toString('base64'));
    }
  }
  return out;
}

describe('disbuild.json with npm workspaces (tsc into dist/)', () => {
  let rig: Rig;
  let repo: string;
  let clone: string;

  const run = async (
    cwd: string,
    extra: string[] = [],
    env: Record<string, string> = {},
  ): Promise<{ code: number | null; stderr: string; stdout: string; jobs: Map<string, ReportJob> }> => {
    const report = rig.path(`report-${Math.random()}.json`);
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir, '--report', report, ...extra], { cwd, env });
    let jobs = new Map<string, ReportJob>();
    try {
      jobs = new Map(
        (JSON.parse(await readFile(report, 'utf8')) as { jobs: ReportJob[] }).jobs.map((j) => [j.name, j]),
      );
    } catch {
      // No report: asserted on by the caller.
    }
    return { ...r, jobs };
  };
  const statuses = (jobs: Map<string, ReportJob>): Record<string, string> =>
    Object.fromEntries([...jobs].map(([n, j]) => [n, j.status]));

  beforeAll(async () => {
    rig = await Rig.create();
    repo = rig.path('repo');
    clone = rig.path('clone');
    await createNpmWorkspace(repo);
  });
  afterAll(async () => {
    await rig.cleanup();
  });

  it('builds every package, then a fresh clone restores dist/ byte-identical and runs nothing', async () => {
    const first = await run(repo);
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(statuses(first.jobs)).toEqual({
      '@fx/a#build': 'built',
      '@fx/b#build': 'built',
      '@fx/c#build': 'built',
    });
    const built = await dists(repo);
    expect([...built.keys()]).toContain('b/index.d.ts');

    git(rig.root, 'clone', '-q', repo, clone);
    await linkModules(clone);
    const second = await run(clone);
    expect(second.code, second.stderr).toBe(0);
    expect(statuses(second.jobs)).toEqual({
      '@fx/a#build': 'cached',
      '@fx/b#build': 'cached',
      '@fx/c#build': 'cached',
    });
    expect(await dists(clone)).toEqual(built);
  });

  it('rebuilds an edited package and its dependents only', async () => {
    await writeFile(join(clone, 'packages/a/src/index.ts'), "export const a = (): string => 'A';\n");
    const r = await run(clone);
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(r.jobs)).toEqual({
      '@fx/a#build': 'built',
      '@fx/b#build': 'built',
      '@fx/c#build': 'cached',
    });
    expect(await readFile(join(clone, 'packages/a/dist/index.js'), 'utf8')).toContain("'A'");
  });

  it('restores a deleted dist/ without a build, and replaces a stale file', async () => {
    await rm(join(clone, 'packages/c/dist'), { recursive: true });
    await writeFile(join(clone, 'packages/b/dist/index.js'), 'stale');
    await writeFile(join(clone, 'packages/b/dist/extra.js'), 'left over');
    const r = await run(clone);
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(r.jobs)).toEqual({
      '@fx/a#build': 'cached',
      '@fx/b#build': 'cached',
      '@fx/c#build': 'cached',
    });
    expect(await readFile(join(clone, 'packages/c/dist/index.js'), 'utf8')).toContain('exports.c = 3');
    expect(await readFile(join(clone, 'packages/b/dist/index.js'), 'utf8')).toContain('b');
    expect((await readdir(join(clone, 'packages/b/dist'))).sort()).toEqual(['index.d.ts', 'index.js']);
  });

  it('checks dist/ by recorded stat data, and still replaces a file edited to the same size and mtime', async () => {
    // Stat data vouches only for files that last changed seconds before it was taken (see output-stat-records.ts).
    await new Promise((r) => setTimeout(r, 3200));
    const recorded = await run(clone);
    expect(recorded.code, recorded.stderr).toBe(0);
    const records = await readdir(join(rig.cacheDir, 'in-place-v1'));
    expect(records.length).toBe(1);
    // And, for each job, what its check found: the next run checks each by stat data alone, manifest unread.
    const kept = JSON.parse(await readFile(join(rig.cacheDir, 'in-place-v1', records[0]!), 'utf8')) as {
      verdicts: Record<string, { bases: string[] }>;
    };
    expect(
      Object.values(kept.verdicts)
        .map((v) => v.bases.join())
        .sort(),
    ).toEqual(['packages/a/dist', 'packages/b/dist', 'packages/c/dist']);
    const file = join(clone, 'packages/c/dist/index.js');
    const original = await readFile(file, 'utf8');
    const before = lstatSync(file, { bigint: true });
    const untouched = await stat(join(clone, 'packages/a/dist/index.js'));
    // Same length, same mtime: only the ctime (which no one can set) tells.
    await writeFile(file, original.replace('exports.c = 3', 'exports.c = 4'));
    const nsec = String(before.mtimeNs % 1_000_000_000n).padStart(9, '0');
    execFileSync('touch', ['-m', '-d', `@${before.mtimeNs / 1_000_000_000n}.${nsec}`, file]);
    expect(lstatSync(file, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
    const r = await run(clone);
    expect(r.code, r.stderr).toBe(0);
    expect(statuses(r.jobs)['@fx/c#build']).toBe('cached');
    expect(await readFile(file, 'utf8')).toBe(original);
    expect((await stat(join(clone, 'packages/a/dist/index.js'))).ino).toBe(untouched.ino);
    // A dist/ deleted whole: written back from what the last check found, byte-identical.
    const whole = await dists(clone);
    await rm(join(clone, 'packages/a/dist'), { recursive: true });
    const restored = await run(clone);
    expect(restored.code, restored.stderr).toBe(0);
    expect(Object.values(statuses(restored.jobs))).toEqual(['cached', 'cached', 'cached']);
    expect(await dists(clone)).toEqual(whole);
  });

  it('a clone with an empty cache restores dist/ from a remote cache, and its local cache keeps every entry whole', async () => {
    const server = await startNginx();
    try {
      const remote = ['--cache', 'http', '--cache-url', server.url];
      const clean = rig.path('clean');
      git(rig.root, 'clone', '-q', repo, clean);
      await linkModules(clean);
      const uploaded = await run(clean, [...remote, '--cache-dir', rig.path('cache-ci')]);
      expect(uploaded.code, uploaded.stderr + uploaded.stdout).toBe(0);
      const built = await dists(clean);
      expect(await server.storedFiles()).toBeGreaterThan(0);

      const dev = rig.path('dev');
      git(rig.root, 'clone', '-q', repo, dev);
      await linkModules(dev);
      const devCache = ['--cache-dir', rig.path('cache-dev')];
      const restored = await run(dev, [...remote, ...devCache]);
      expect(restored.code, restored.stderr + restored.stdout).toBe(0);
      expect(Object.values(statuses(restored.jobs))).toEqual(['cached', 'cached', 'cached']);
      expect(await dists(dev)).toEqual(built);

      // The remote hits went into the local cache, and placing them in the checkout took nothing out of it.
      await rm(join(dev, 'packages/a/dist'), { recursive: true });
      await rm(join(dev, 'packages/c/dist'), { recursive: true });
      const offline = await run(dev, devCache);
      expect(offline.code, offline.stderr + offline.stdout).toBe(0);
      expect(Object.values(statuses(offline.jobs))).toEqual(['cached', 'cached', 'cached']);
      expect(offline.stdout + offline.stderr).not.toMatch(/warning/i);
      expect(await dists(dev)).toEqual(built);
    } finally {
      await server.stop();
    }
  });
});
