import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { SETTLED_MS } from '../src/util/settled-stat.js';
import type { BenchContext, BenchRow } from './harness.js';
import { type GeneratedJob, generatePeersWorkload } from './workspace.js';

/**
 * disbuild and Turborepo side by side on the PEERS.md workload, in one run on one tree: cold (with the plain
 * executor as the floor), fully cached, every output restored, one leaf edited, one root edited; 200 and 1,000
 * packages. Every run is a whole process tree timed from outside (bench/tree-timer.py: from spawn to the exit of
 * the last descendant, detached helpers included), in alternating pairs.
 *
 * Turborepo is installed for the benchmark only, into `.bench-tools/` (never a dependency of the project). Its
 * per-task `npm run build` goes through an `npm` shim on PATH that runs the package's build script with `sh -c`,
 * so that the tools are compared and not npm.
 *
 * `config-cached` and `config-restore` run disbuild from a disbuild.json instead of the graph file: written by
 * `disbuild import turbo` from the tree's turbo.json (so they check the import too), outputs restored in place
 * into dist/ as turbo does. disbuild runs in a clone of the tree (same commit), so that neither tool's dist/ is
 * the other's: Turborepo writes every output again on each cache hit. Fully cached with dist/ present; and with
 * every dist/ moved away before each run of either tool (disbuild restores in place, turbo from its cache).
 *
 * Environment (all optional): BENCH_SIZES=200,1000
 * BENCH_SCENARIOS=cold,cached,restore,leaf,root,config-cached,config-restore  BENCH_PAIRS=5
 * TURBO_VERSION=2.11.11  DISBUILD_CLI=path/to/cli/index.js (default: this checkout's bin/disbuild)
 */
const TURBO_VERSION = process.env.TURBO_VERSION ?? '2.11.11';
const SIZES = (process.env.BENCH_SIZES ?? '200,1000').split(',').map(Number);
const SCENARIOS = new Set(
  (process.env.BENCH_SCENARIOS ?? 'cold,cached,restore,leaf,root,config-cached,config-restore').split(','),
);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const CONCURRENCY = 2;

interface Measured {
  wallMs: number;
  peakRssKiB: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const secs = (ms: number): string => (ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2));
const range = (xs: number[]): string => `${secs(Math.min(...xs))}–${secs(Math.max(...xs))}`;

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const turbo = installTurbo(ctx);
  const shimDir = join(ctx.workDir, 'shim');
  mkdirSync(shimDir, { recursive: true });
  writeFileSync(join(shimDir, 'npm'), NPM_SHIM);
  chmodSync(join(shimDir, 'npm'), 0o755);
  const rows: BenchRow[] = [];
  for (const size of SIZES) rows.push(...(await benchSize(ctx, size, turbo, shimDir)));
  return rows;
}

/** `npm run NAME` runs the package's script NAME with `sh -c`, read from package.json without starting anything. */
const NPM_SHIM = `#!/bin/sh
if [ "$1" = --version ] || [ "$1" = -v ]; then echo 10.9.2; exit 0; fi
[ "$1" = run ] || { echo "npm shim: only 'npm run' is supported" >&2; exit 1; }
name=$2
while IFS= read -r line; do
  case $line in
    *"\\"$name\\": \\""*) script=\${line#*\\"$name\\": \\"}; script=\${script%\\"*}; exec sh -c "$script";;
  esac
done < package.json
echo "npm shim: no script $name" >&2
exit 1
`;

function installTurbo(ctx: BenchContext): string {
  const dir = join(ctx.root, '.bench-tools', `turbo-${TURBO_VERSION}`);
  const bin = join(dir, 'node_modules', '.bin', 'turbo');
  if (!existsSync(bin)) {
    ctx.log(`installing turbo@${TURBO_VERSION} into ${dir} (benchmark only)`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `turbo@${TURBO_VERSION}`], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  return bin;
}

interface Workspace {
  dir: string;
  jobs: GeneratedJob[];
  plainJobs: string;
  leaf: number;
  root: number;
}

async function makeWorkspace(ctx: BenchContext, size: number): Promise<Workspace> {
  const dir = join(ctx.workDir, `ws-${size}`);
  const jobs = await generatePeersWorkload(dir, size, ctx.log);
  // The same work as a Turborepo workspace: each package builds in its own directory into dist/.
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: 'bench-root', private: true, packageManager: 'npm@10.9.2', workspaces: ['pkg*'] },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'turbo.json'),
    JSON.stringify({ tasks: { build: { dependsOn: ['^build'], outputs: ['dist/**'] } } }, null, 2),
  );
  writeFileSync(join(dir, '.gitignore'), 'dist/\n.turbo/\nnode_modules/\n');
  for (const j of jobs) {
    const sources = j.inputs.map((p) => p.slice(`pkg${j.index}/`.length)).join(' ');
    const depSums = j.deps.map((d) => `sha1sum < ../pkg${d}/dist/out.txt;`).join(' ');
    const pkg = {
      name: `pkg${j.index}`,
      version: '0.0.0',
      private: true,
      scripts: { build: `mkdir -p dist && { cat ${sources}; ${depSums} } > dist/out.txt` },
      dependencies: Object.fromEntries(j.deps.map((d) => [`pkg${d}`, '0.0.0'])),
    };
    writeFileSync(join(dir, `pkg${j.index}`, 'package.json'), JSON.stringify(pkg, null, 2));
  }
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lockfile(jobs), null, 2));
  const git = (...a: string[]): void =>
    void execFileSync('git', a, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'workspace');
  refreshIndex(dir);
  const plainJobs = join(ctx.workDir, `plain-jobs-${size}.json`);
  writeFileSync(plainJobs, JSON.stringify(jobs.map(({ index, deps, script }) => ({ index, deps, script }))));
  const dependedOn = new Set(jobs.flatMap((j) => j.deps));
  const leaf = [...jobs].reverse().find((j) => !dependedOn.has(j.index))!.index;
  return { dir, jobs, plainJobs, leaf, root: 0 };
}

/**
 * Leaves `dir`'s index as a developer's tree has it after any `git status` of theirs. git (built without
 * nanosecond times, as Debian's is) cannot tell a file written in the same second as the index from one changed
 * since, and re-reads every such file on each `git status --no-optional-locks` until something writes the index
 * again: in a fresh clone of 1,000 packages that was every file, and 290 ms against 75 ms per status. disbuild
 * never writes the index (it lists with no optional locks, not to take a lock a developer's git may need), so a
 * clone the benchmark made would stay that way, as no developer's tree does for long. Both trees get the same
 * refresh, a second after their files were written; Turborepo reads the index itself.
 */
function refreshIndex(dir: string): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1100);
  execFileSync('git', ['update-index', '-q', '--refresh'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A package-lock.json for the workspace packages (no external packages), so turbo sees a complete workspace. */
function lockfile(jobs: GeneratedJob[]): unknown {
  const packages: Record<string, unknown> = {
    '': { name: 'bench-root', workspaces: ['pkg*'] },
  };
  for (const j of jobs) {
    packages[`pkg${j.index}`] = {
      name: `pkg${j.index}`,
      version: '0.0.0',
      dependencies: Object.fromEntries(j.deps.map((d) => [`pkg${d}`, '0.0.0'])),
    };
    packages[`node_modules/pkg${j.index}`] = { resolved: `pkg${j.index}`, link: true };
  }
  return { name: 'bench-root', lockfileVersion: 3, requires: true, packages };
}

async function benchSize(
  ctx: BenchContext,
  size: number,
  turboBin: string,
  shimDir: string,
): Promise<BenchRow[]> {
  const ws = await makeWorkspace(ctx, size);
  const scratch = join(ctx.workDir, `runs-${size}`);
  const trash = join(ctx.workDir, `trash-${size}`);
  mkdirSync(scratch, { recursive: true });
  mkdirSync(trash, { recursive: true });
  const env = {
    PATH: `${shimDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: process.env.HOME ?? '/root',
    CI: '1',
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
  };
  let seq = 0;
  const measure = (name: string, cmd: string[], cwd = ws.dir): Measured => {
    const result = join(scratch, `${name}-${seq++}.json`);
    execFileSync('python3', [join(ctx.root, 'bench/tree-timer.py'), result, '--', ...cmd], {
      cwd,
      env,
      stdio: 'inherit',
    });
    const r = JSON.parse(readFileSync(result, 'utf8')) as Measured & {
      status: number;
      stdoutTail: string;
      stderrTail: string;
    };
    if (r.status !== 0) throw new Error(`${name} failed (${r.status}):\n${r.stderrTail}\n${r.stdoutTail}`);
    return r;
  };
  // Started as a user starts it (the `disbuild` command), unless another build is named.
  const cli = process.env.DISBUILD_CLI
    ? [process.execPath, process.env.DISBUILD_CLI]
    : [join(ctx.root, 'bin/disbuild')];
  let disbuildCache = join(scratch, 'disbuild-cache-warm');
  let turboCache = join(scratch, 'turbo-cache-warm');
  const disbuild = (extra: string[] = []): Measured =>
    measure('disbuild', [
      ...cli,
      'run',
      '--graph',
      'graph.json',
      '--cache-dir',
      disbuildCache,
      '-q',
      '-j',
      String(CONCURRENCY),
      ...extra,
    ]);
  const turbo = (): Measured =>
    measure('turbo', [
      turboBin,
      'run',
      'build',
      `--concurrency=${CONCURRENCY}`,
      '--output-logs=errors-only',
      '--ui=stream',
      `--cache-dir=${turboCache}`,
    ]);
  const plain = (): Measured =>
    measure('plain', [
      process.execPath,
      join(ctx.root, 'bench/plain-executor.mjs'),
      ws.plainJobs,
      ws.dir,
      join(scratch, `plain-out-${seq}`),
      String(CONCURRENCY),
    ]);
  /** Runs `pairs` alternating pairs (the order swapped every pair), `before` ahead of each pair. */
  const pairs = (
    before: () => void,
    a: () => Measured,
    b: () => Measured,
    n = PAIRS,
  ): { a: Measured[]; b: Measured[] } => {
    const out = { a: [] as Measured[], b: [] as Measured[] };
    for (let i = 0; i < n; i++) {
      before();
      if (i % 2 === 0) {
        out.a.push(a());
        out.b.push(b());
      } else {
        out.b.push(b());
        out.a.push(a());
      }
    }
    return out;
  };
  const rows: BenchRow[] = [];
  const row = (scenario: string, d: Measured[], t: Measured[], target: number, extra?: string): void => {
    const dm = median(d.map((x) => x.wallMs));
    const tm = median(t.map((x) => x.wallMs));
    const ratios = d.map((x, i) => x.wallMs / t[i]!.wallMs);
    rows.push({
      benchmark: `${size} packages, ${scenario}`,
      measure: `wall of the process tree, median of ${d.length} alternating pairs (pair ratios ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})${extra ?? ''}`,
      value: `${secs(dm)} s (${range(d.map((x) => x.wallMs))})`,
      reference: `turbo ${secs(tm)} s (${range(t.map((x) => x.wallMs))})`,
      ratio: dm / tm,
      target: `≤ ${target}×`,
      pass: dm / tm <= target,
    });
  };
  const sync = (): void => void execFileSync('sync');
  const moveAside = (path: string): void => {
    if (existsSync(path)) renameSync(path, join(trash, `${seq++}`));
  };
  // The first disbuild run also makes `dist/cli` warm in the page cache, as for turbo's binary.
  const memory: { d: number[]; t: number[] } = { d: [], t: [] };

  if (SCENARIOS.has('cold') || !existsSync(disbuildCache)) {
    ctx.log(`${size}: cold runs (plain executor, disbuild, turbo), fresh caches each`);
    const p: Measured[] = [];
    const d: Measured[] = [];
    const t: Measured[] = [];
    const n = SCENARIOS.has('cold') ? PAIRS : 1;
    for (let i = 0; i < n; i++) {
      disbuildCache = join(scratch, `disbuild-cache-${i}`);
      turboCache = join(scratch, `turbo-cache-${i}`);
      const order = [
        () => p.push(plain()),
        () => d.push(disbuild()),
        () => {
          // turbo builds in the tree: its outputs of the previous run are moved aside, not deleted.
          for (const j of ws.jobs) moveAside(join(ws.dir, `pkg${j.index}`, 'dist'));
          sync();
          t.push(turbo());
        },
      ];
      const rotated = [...order.slice(i % 3), ...order.slice(0, i % 3)];
      for (const step of rotated) {
        sync();
        step();
      }
    }
    if (SCENARIOS.has('cold')) {
      const pm = median(p.map((x) => x.wallMs));
      const dm = median(d.map((x) => x.wallMs));
      rows.push({
        benchmark: `${size} packages, cold`,
        measure: `wall of the process tree, median of ${n} (disbuild / plain per round ${range2(d, p)})`,
        value: `${secs(dm)} s (${range(d.map((x) => x.wallMs))})`,
        reference: `plain executor ${secs(pm)} s (${range(p.map((x) => x.wallMs))})`,
        ratio: dm / pm,
        target: '≤ 1.1×',
        pass: dm / pm <= 1.1,
      });
      row('cold', d, t, 0.7);
    }
  }

  if (SCENARIOS.has('cached')) {
    ctx.log(`${size}: fully cached`);
    // As a developer's next run finds the cache: the cold run's entries a moment ago cannot be vouched for by
    // their directories' stat data yet (see settled-stat.ts), so a run right after it looks every key up. Once
    // they have settled, one unmeasured run records what the next one needs (src/cli/fully-cached.ts).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLED_MS + 500);
    disbuild();
    const r = pairs(
      () => undefined,
      () => disbuild(),
      () => turbo(),
    );
    row('fully cached', r.a, r.b, 0.5);
    memory.d.push(...r.a.map((x) => x.peakRssKiB));
    memory.t.push(...r.b.map((x) => x.peakRssKiB));
    // The floor of any Node program: starting and exiting Node itself, against turbo in the same rounds. A ratio
    // below this row's is out of reach for a process that runs on Node.
    const floor = pairs(
      () => undefined,
      () => measure('node', [process.execPath, '-e', '0']),
      () => turbo(),
    );
    const nm = median(floor.a.map((x) => x.wallMs));
    const tm = median(floor.b.map((x) => x.wallMs));
    rows.push({
      benchmark: `${size} packages, fully cached: the floor of a Node process`,
      measure: `wall of \`node -e 0\` (Node starting and exiting, nothing else), median of ${floor.a.length} alternating pairs`,
      value: `${secs(nm)} s (${range(floor.a.map((x) => x.wallMs))})`,
      reference: `turbo fully cached ${secs(tm)} s (${range(floor.b.map((x) => x.wallMs))})`,
      ratio: nm / tm,
      target: 'for information',
    });
  }

  if (SCENARIOS.has('restore')) {
    ctx.log(`${size}: every output restored (disbuild --out-dir; turbo with dist/ moved away)`);
    const r = pairs(
      () => {
        for (const j of ws.jobs) moveAside(join(ws.dir, `pkg${j.index}`, 'dist'));
      },
      () => disbuild(['--out-dir', join(scratch, `out-dir-${seq++}`)]),
      () => turbo(),
    );
    row('every output restored', r.a, r.b, 0.5);
    memory.d.push(...r.a.map((x) => x.peakRssKiB));
    memory.t.push(...r.b.map((x) => x.peakRssKiB));
  }

  if (SCENARIOS.has('config-cached') || SCENARIOS.has('config-restore')) {
    // Each tool in a clone of its own: Turborepo writes every output again on each cache hit, and a dist/ written
    // a moment ago is one whose bytes disbuild must read again (its stat data vouches for nothing yet). On one
    // shared tree, every disbuild run after a turbo run would measure turbo's writes.
    const tree = join(ctx.workDir, `ws-${size}-disbuild`);
    const viaConfig = configRuns(ctx, ws, env, cli, join(scratch, 'disbuild-config-cache'), (n, c) =>
      measure(n, c, tree),
    );
    moveAside(tree);
    execFileSync('git', ['clone', '-q', ws.dir, tree], { stdio: ['ignore', 'ignore', 'pipe'] });
    refreshIndex(tree);
    ctx.log(`${size}: through disbuild.json: cold run to fill its cache`);
    viaConfig.run();
    const moveAllDist = (dir: string): void => {
      for (const j of ws.jobs) moveAside(join(dir, `pkg${j.index}`, 'dist'));
      sync();
    };
    if (SCENARIOS.has('config-cached')) {
      ctx.log(`${size}: fully cached through disbuild.json, dist/ present`);
      turbo(); // every dist/ of turbo's tree in place, as its own cache hit leaves it
      // And disbuild's as a later run finds them: files written by the cold run a moment ago cannot be vouched
      // for by their stat data yet (see settled-stat.ts), so the first run after it hashes every one. Once they
      // have settled, two unmeasured runs, as a developer's next runs would: the first notes their stat data,
      // the second finds them by it and records the run (src/cli/fully-cached.ts).
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLED_MS + 500);
      viaConfig.run();
      viaConfig.run();
      const r = pairs(
        () => undefined,
        viaConfig.run,
        () => turbo(),
      );
      row('fully cached through disbuild.json, dist/ present', r.a, r.b, 0.5);
      memory.d.push(...r.a.map((x) => x.peakRssKiB));
      memory.t.push(...r.b.map((x) => x.peakRssKiB));
    }
    if (SCENARIOS.has('config-restore')) {
      ctx.log(`${size}: every dist/ deleted before each run, restored in place (disbuild.json) / by turbo`);
      const r = pairs(
        () => undefined,
        () => {
          moveAllDist(tree);
          return viaConfig.run();
        },
        () => {
          moveAllDist(ws.dir);
          return turbo();
        },
      );
      for (const dir of [tree, ws.dir]) {
        for (const j of ws.jobs) {
          if (!existsSync(join(dir, `pkg${j.index}`, 'dist', 'out.txt')))
            throw new Error(`${dir}: pkg${j.index}/dist/out.txt was not restored`);
        }
      }
      row('every dist/ deleted, restored in place through disbuild.json', r.a, r.b, 0.5);
      memory.d.push(...r.a.map((x) => x.peakRssKiB));
      memory.t.push(...r.b.map((x) => x.peakRssKiB));
    }
  }

  const edit = (pkg: number, scenario: string, target: number | undefined): void => {
    const file = join(ws.dir, `pkg${pkg}`, 'src', 'f0.txt');
    let i = 0;
    const r = pairs(
      () => appendFileSync(file, `edit ${i++}\n`),
      () => disbuild(),
      () => turbo(),
    );
    if (target === undefined) {
      const dm = median(r.a.map((x) => x.wallMs));
      const tm = median(r.b.map((x) => x.wallMs));
      rows.push({
        benchmark: `${size} packages, ${scenario}`,
        measure: `wall of the process tree, median of ${r.a.length} alternating pairs`,
        value: `${secs(dm)} s (${range(r.a.map((x) => x.wallMs))})`,
        reference: `turbo ${secs(tm)} s (${range(r.b.map((x) => x.wallMs))})`,
        ratio: dm / tm,
      });
    } else row(scenario, r.a, r.b, target);
    execFileSync('git', ['checkout', '--', '.'], { cwd: ws.dir });
  };
  if (SCENARIOS.has('leaf')) {
    ctx.log(`${size}: one leaf edited (pkg${ws.leaf})`);
    edit(ws.leaf, 'one leaf edited', 0.5);
  }
  if (SCENARIOS.has('root')) {
    const dependents = countDependents(ws.jobs, ws.root);
    ctx.log(`${size}: one root edited (pkg${ws.root}, ${dependents} jobs rebuilt)`);
    edit(ws.root, `one root edited (${dependents} rebuilt)`, undefined);
  }

  if (memory.d.length > 0) {
    const dm = median(memory.d);
    const tm = median(memory.t);
    rows.push({
      benchmark: `${size} packages, peak memory of the process tree (cached and restore runs)`,
      measure: `summed RSS sampled every 10 ms, median (max)`,
      value: `${(dm / 1024).toFixed(0)} MB (${(Math.max(...memory.d) / 1024).toFixed(0)} MB)`,
      reference: `turbo ${(tm / 1024).toFixed(0)} MB (${(Math.max(...memory.t) / 1024).toFixed(0)} MB)`,
      ratio: dm / tm,
      target: '≤ 1×',
      pass: dm <= tm,
    });
  }
  return rows;
}

/**
 * disbuild through a disbuild.json that `disbuild import turbo` wrote from the tree's turbo.json, committed so
 * that it is a file of the repository as a user's would be. Checks that it compiles to one job per package.
 * Its runs go through `measure`, which runs them wherever the caller says (a clone of `ws`).
 */
function configRuns(
  ctx: BenchContext,
  ws: Workspace,
  env: NodeJS.ProcessEnv,
  cli: string[],
  cacheDir: string,
  measure: (name: string, cmd: string[]) => Measured,
): { run: () => Measured } {
  const node = (...a: string[]): string =>
    execFileSync(cli[0]!, [...cli.slice(1), ...a], {
      cwd: ws.dir,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  if (!existsSync(join(ws.dir, 'disbuild.json'))) {
    node('import', 'turbo');
    const git = (...a: string[]): void =>
      void execFileSync('git', a, { cwd: ws.dir, stdio: ['ignore', 'ignore', 'pipe'] });
    git('add', 'disbuild.json');
    git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'disbuild.json');
  }
  const graph = JSON.parse(node('graph')) as { Jobs: { Name: string }[] };
  if (graph.Jobs.length !== ws.jobs.length)
    throw new Error(`disbuild.json compiled to ${graph.Jobs.length} jobs, not ${ws.jobs.length}`);
  ctx.log(`disbuild.json from \`disbuild import turbo\` compiles to ${graph.Jobs.length} jobs`);
  return {
    run: () =>
      measure('disbuild-config', [...cli, 'run', '--cache-dir', cacheDir, '-q', '-j', String(CONCURRENCY)]),
  };
}

function range2(d: Measured[], p: Measured[]): string {
  const r = d.map((x, i) => x.wallMs / p[i]!.wallMs);
  return `${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}`;
}

function countDependents(jobs: GeneratedJob[], root: number): number {
  const affected = new Set([root]);
  for (const j of jobs) if (j.deps.some((d) => affected.has(d))) affected.add(j.index);
  return affected.size;
}
