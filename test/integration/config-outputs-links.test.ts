import { mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../helpers/npm-workspace.js';
import { Rig } from '../helpers/rig.js';
import { SETTLED_MS } from '../../src/util/settled-stat.js';

/** A `disbuild.json` of these tasks. */
const tasks = (t: Record<string, object>): string => JSON.stringify({ tasks: t });

/** In-place outputs are never listed, removed or written through a symbolic link out of the checkout. */
describe('in-place outputs behind a symbolic link', () => {
  let rig: Rig;
  let outside: string;
  beforeEach(async () => {
    rig = await Rig.create();
    outside = rig.path('outside');
    await mkdir(join(outside, 'sub'), { recursive: true });
    await writeFile(join(outside, 'sub', 'keep.txt'), 'precious\n');
  });
  afterEach(async () => {
    await rig.cleanup();
  });
  /** A run in the checkout, which must succeed. */
  const run = async (): ReturnType<Rig['run']> => {
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r;
  };
  const commit = (): void => {
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
  };
  /** A run in a clone of the checkout sharing the cache, which must succeed with `summary`. */
  const cloneRuns = async (summary: RegExp): Promise<void> => {
    const clone = rig.path('clone');
    git(rig.root, 'clone', '-q', rig.src, clone);
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir], { cwd: clone });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(summary);
  };
  /** As cloneRuns, where the job must be built and have `made`. */
  const cloneBuilds = async (made: string): Promise<void> => {
    await cloneRuns(/1 built/);
    expect(await rig.read(`clone/${made}`)).toBe('a\n');
  };

  it('removes nothing outside the checkout when a directory above the globs is a link', async () => {
    await symlink(outside, rig.path('src/out'));
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': tasks({
        build: {
          command: 'mkdir -p out/sub && cp a.txt out/sub/gen.txt',
          inputs: ['a.txt'],
          outputs: ['out/sub/**'],
        },
      }),
    });
    await run();
    expect((await readdir(join(outside, 'sub'))).sort()).toEqual(['gen.txt', 'keep.txt']);
  });

  it('writes nothing through a link that took the place of an output directory', async () => {
    await rig.write({
      'a.txt': 'a\n',
      'disbuild.json': tasks({
        build: { command: 'mkdir -p dist && cp a.txt dist/a.js', inputs: ['a.txt'], outputs: ['dist/**'] },
      }),
    });
    await run();
    await rm(rig.path('src/dist'), { recursive: true });
    await symlink(join(outside, 'sub'), rig.path('src/dist'));
    const r = await run();
    // The restore refuses to write through the link, and the job is built instead. The link itself is in the
    // outputs' place (`dist/**` matches `dist`): cleared as a stale output before the build, as a file would be.
    expect(r.stdout).toMatch(/dist\/a\.js would be written through dist/);
    expect(r.stdout).toMatch(/1 built/);
    expect(await readdir(join(outside, 'sub'))).toEqual(['keep.txt']);
    expect(await rig.read('src/dist/a.js')).toBe('a\n');
  });

  it('caches nothing when its outputs are written through a link: a checkout without the link builds them', async () => {
    await symlink(outside, rig.path('src/out'));
    await rig.write({
      'a.txt': 'a\n',
      '.gitignore': 'out\n',
      'disbuild.json': tasks({
        build: {
          command: 'mkdir -p out/sub && cp a.txt out/sub/gen.txt',
          inputs: ['a.txt'],
          outputs: ['out/sub/**'],
        },
      }),
    });
    commit();
    const r = await run();
    expect(r.stdout).toMatch(
      /"build" was not cached: it may have written outputs through the symbolic link "out"/,
    );
    // Another clone with the same cache has no link: an empty artifact restored there would leave it without them.
    await cloneBuilds('out/sub/gen.txt');
  });

  it('never removes what a recorded listing names once a directory above the globs became a link', async () => {
    await rig.write({
      'in.txt': 'v1\n',
      '.gitignore': 'out\n',
      'build.sh':
        'mkdir -p out/dist; echo same > out/dist/a.js; if grep -q v2 in.txt; then echo x > out/dist/b.js; fi\n',
      'disbuild.json': tasks({
        build: { command: 'sh build.sh', inputs: ['in.txt', 'build.sh'], outputs: ['out/dist/**'] },
      }),
    });
    commit();
    await run(); // the artifact of v1: a.js
    await rig.write({ 'in.txt': 'v2\n' });
    await run(); // of v2: a.js, b.js
    // Once its files have settled, a run records the listing of out/dist (see output-stat-records.ts).
    await new Promise((r) => setTimeout(r, SETTLED_MS + 500));
    await run();
    // `out` moves out of the checkout, a link left in its place: the same directories, by inode, as recorded.
    await rename(rig.path('src/out'), join(outside, 'out'));
    await symlink(join(outside, 'out'), rig.path('src/out'));
    await rig.write({ 'in.txt': 'v1\n' });
    const r = await run();
    expect(r.stdout).toMatch(/would be written through out/);
    expect((await readdir(join(outside, 'out/dist'))).sort()).toEqual(['a.js', 'b.js']);
  });

  // What a command writes through its glob's base made a link is not taken (nothing is listed through a link):
  // saved, the artifact would lack it, and a checkout restoring it would be left without its outputs.
  it("caches nothing when the command makes its glob's base a link (dist -> real): a clone builds its outputs", async () => {
    await rig.write({
      'a.txt': 'a\n',
      '.gitignore': 'dist\nreal\n',
      'disbuild.json': tasks({
        build: {
          command: 'mkdir -p real && cp a.txt real/a.js && ln -sfn real dist',
          inputs: ['a.txt'],
          outputs: ['dist/**'],
        },
      }),
    });
    commit();
    const r = await run();
    expect(r.stdout).toMatch(/"build" was not cached/);
    await cloneBuilds('real/a.js');
  });

  // Links below the base are outputs as files are; one to a directory elsewhere is not followed. A glob whose base
  // is the top (`*.tsbuildinfo`) meets every link of the checkout (`result -> /nix/store/…`, `bazel-out`), which
  // hides nothing it could match: such a job is cached.
  it('caches a job whose walk meets a link to a directory elsewhere that its globs cannot reach', async () => {
    await symlink(outside, rig.path('src/result'));
    await rig.write({
      'a.txt': 'a\n',
      '.gitignore': 'result\n*.tsbuildinfo\n',
      'disbuild.json': tasks({
        build: { command: 'cp a.txt x.tsbuildinfo', inputs: ['a.txt'], outputs: ['*.tsbuildinfo'] },
      }),
    });
    commit();
    expect((await run()).stdout).not.toMatch(/not cached/);
    await rm(rig.path('src/x.tsbuildinfo'));
    const again = await run();
    expect(again.stdout).toMatch(/1 cached, 0 built/);
    expect(await rig.read('src/x.tsbuildinfo')).toBe('a\n');
  });

  it('caches nothing when a link below the glob base leads to a directory the globs reach: a clone builds it all', async () => {
    // A link git tracks, in the checkout and in every clone: what the command writes through it lands in vendor/.
    await mkdir(rig.path('src/out'), { recursive: true });
    await symlink('../vendor/lib', rig.path('src/out/lib'));
    await rig.write({
      'a.txt': 'a\n',
      'vendor/lib/.keep': '',
      '.gitignore': 'vendor/lib/gen.txt\nout/own.txt\n',
      'disbuild.json': tasks({
        build: {
          command: 'cp a.txt out/lib/gen.txt && cp a.txt out/own.txt',
          inputs: ['a.txt'],
          outputs: ['out/**'],
        },
      }),
    });
    commit();
    const r = await run();
    // Restored from an artifact without it, the clone would find nothing behind its link.
    await cloneBuilds('out/lib/gen.txt');
    expect(r.stdout).toMatch(
      /"build" was not cached: it may have written outputs through the symbolic link "out\/lib"/,
    );
  });

  it('caches a job whose globs cannot reach below a link under their base, or drop all that lies below it', async () => {
    await mkdir(rig.path('src/.next'), { recursive: true });
    await symlink(outside, rig.path('src/.next/cache'));
    await mkdir(rig.path('src/out'), { recursive: true });
    await symlink(outside, rig.path('src/out/lib'));
    await rig.write({
      'a.txt': 'a\n',
      '.gitignore': '.next\nout\n',
      'disbuild.json': tasks({
        next: {
          command: 'cp a.txt .next/page.js',
          inputs: ['a.txt'],
          outputs: ['.next/**', '!.next/cache/**'],
        },
        out: { command: 'cp a.txt out/x.txt', inputs: ['a.txt'], outputs: ['out/*.txt'] },
      }),
    });
    commit();
    const first = await run();
    expect(first.stdout).not.toMatch(/not cached/);
    await rm(rig.path('src/.next/page.js'));
    await rm(rig.path('src/out/x.txt'));
    const again = await run();
    expect(again.stdout).toMatch(/2 cached, 0 built/);
    expect(await rig.read('src/.next/page.js')).toBe('a\n');
    expect(await rig.read('src/out/x.txt')).toBe('a\n');
  });

  it('caches a job whose link below the base leads into what it captures; not one whose globs would miss it there', async () => {
    await rig.write({
      'a.txt': 'a\n',
      '.gitignore': '.venv\nout\ngen\n',
      'disbuild.json': tasks({
        // As a Python virtual environment is made: lib64 -> lib, written through.
        venv: {
          command: 'mkdir -p .venv/lib && ln -s lib .venv/lib64 && cp a.txt .venv/lib64/marker',
          inputs: ['a.txt'],
          outputs: ['.venv/**'],
        },
        // The same through out/g -> ../gen, but gen/ takes only *.js: out/g/x.txt would not be taken there.
        mixed: {
          command: 'mkdir -p out gen && ln -s ../gen out/g && cp a.txt out/g/x.txt',
          inputs: ['a.txt'],
          outputs: ['out/**', 'gen/*.js'],
        },
      }),
    });
    commit();
    const r = await run();
    expect(r.stdout).not.toMatch(/"venv" was not cached/);
    expect(r.stdout).toMatch(
      /"mixed" was not cached: it may have written outputs through the symbolic link "out\/g"/,
    );
    await cloneRuns(/1 cached, 1 built/);
    expect(await rig.read('clone/.venv/lib64/marker')).toBe('a\n');
    expect(await rig.read('clone/out/g/x.txt')).toBe('a\n');
  });

  it('caches nothing when a link to a file leads to one neither taken nor tracked; links to those keep it cached', async () => {
    await rig.write({
      'a.txt': 'a\n',
      LICENSE: 'l\n',
      '.gitignore': 'out\nvendor\nok\n',
      'disbuild.json': tasks({
        // Written through out/gen.txt -> ../vendor/gen.txt: the artifact would hold a link to nothing.
        gen: {
          command: 'mkdir -p out vendor && ln -s ../vendor/gen.txt out/gen.txt && cat a.txt > out/gen.txt',
          inputs: ['a.txt'],
          outputs: ['out/**'],
        },
        ok: {
          command: 'mkdir -p ok && cp a.txt ok/a.js && ln -s a.js ok/index.js && ln -s ../LICENSE ok/LICENSE',
          inputs: ['a.txt'],
          outputs: ['ok/**'],
        },
      }),
    });
    commit();
    const r = await run();
    expect(r.stdout).toMatch(
      /"gen" was not cached: it may have written outputs through the symbolic link "out\/gen.txt"/,
    );
    expect(r.stdout).not.toMatch(/"ok" was not cached/);
    await cloneRuns(/1 cached, 1 built/);
    expect(await rig.read('clone/out/gen.txt')).toBe('a\n');
    expect(await rig.read('clone/ok/index.js')).toBe('a\n');
    expect(await rig.read('clone/ok/LICENSE')).toBe('l\n');
  });

  it('leaves a job that is not cached its files: a sibling whose globs match them does not take them', async () => {
    await symlink(outside, rig.path('src/out'));
    await rig.write({
      'a.txt': 'a\n',
      'b.txt': 'b\n',
      '.gitignore': 'out\ndist\n',
      'disbuild.json': tasks({
        a: {
          command: 'mkdir -p dist out/sub && cp a.txt dist/a.js && cp a.txt out/sub/x',
          inputs: ['a.txt'],
          outputs: ['dist/a*.js', 'out/sub/**'],
        },
        b: {
          command: 'sleep 1; mkdir -p dist && cp b.txt dist/b.js',
          inputs: ['b.txt'],
          outputs: ['dist/*.js'],
        },
      }),
    });
    commit();
    const r = await run();
    expect(r.stdout).toMatch(/"a" was not cached/);
    // Only b's artifact is in the cache, and it holds b's file alone.
    const inPlace = (await readdir(rig.cacheDir, { recursive: true })).filter((f) =>
      f.includes('.in-place/dist/'),
    );
    expect(inPlace.map((f) => f.slice(f.indexOf('.in-place/')))).toEqual(['.in-place/dist/b.js']);
  });

  it('hands a job not cached that way to no other run: a run in another checkout waiting for it builds it, at once', async () => {
    await symlink(outside, rig.path('src/out'));
    await rig.write({
      'a.txt': 'a\n',
      '.gitignore': 'out\n',
      'disbuild.json': tasks({
        build: {
          command: 'sleep 2 && mkdir -p out/sub && cp a.txt out/sub/gen.txt',
          inputs: ['a.txt'],
          outputs: ['out/sub/**'],
        },
      }),
    });
    commit();
    const clone = rig.path('clone');
    git(rig.root, 'clone', '-q', rig.src, clone);
    const started = Date.now();
    const first = run();
    // Started while the first builds: it waits for the first's claim on the same key.
    await new Promise((r) => setTimeout(r, 1000));
    const second = await rig.run(['run', '--cache-dir', rig.cacheDir], { cwd: clone });
    expect((await first).stdout).toMatch(/"build" was not cached/);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/1 built/);
    expect(await rig.read('clone/out/sub/gen.txt')).toBe('a\n');
    // Handed on when the first was done, not when its lease (10 s) ran out: two builds of 2 s, one after the other
    // (12 s at least the other way).
    expect(Date.now() - started).toBeLessThan(11_000);
  });
});

describe('an in-place output that is a link out of the checkout', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });
  const commit = (): void => {
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'c');
  };

  it('is said once, by its path in the checkout: the build is not cached', async () => {
    await rig.write({
      'a.txt': 'a\n',
      '.gitignore': 'dist/\n',
      'disbuild.json': tasks({
        build: {
          command: 'mkdir -p dist && ln -sf /etc/hostname dist/abs && cp a.txt dist/a.txt',
          inputs: ['a.txt'],
          outputs: ['dist/**'],
        },
      }),
    });
    commit();
    for (let i = 0; i < 2; i++) {
      const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/0 cached, 1 built/);
      // Before: `symlink .in-place/dist/abs …` (a directory the user never wrote), and again in a second warning,
      // "could not publish <key>: … building without the coordinator where needed".
      const warnings = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('warning'));
      expect(warnings).toEqual([
        'warning: "build" was not cached: symlink dist/abs points outside the output directory (/etc/hostname)',
      ]);
    }
  });

  it('keeps a path of its own that holds ".in-place/" as it is', async () => {
    await rig.write({
      'a.txt': 'a\n',
      '.gitignore': 'out .in-place/\n',
      'disbuild.json': tasks({
        build: {
          command: "mkdir -p 'out .in-place/x' && ln -sfn /etc/hostname 'out .in-place/x/abs'",
          inputs: ['a.txt'],
          outputs: ['out .in-place/**'],
        },
      }),
    });
    commit();
    const r = await rig.run(['run', '--cache-dir', rig.cacheDir]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain(
      'warning: "build" was not cached: symlink out .in-place/x/abs points outside the output directory (/etc/hostname)',
    );
  });
});
