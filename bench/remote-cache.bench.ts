import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordFile } from '../src/cli/fully-cached.js';
import { type CacheServer, startNginx } from '../test/helpers/remote/servers.js';
import type { BenchContext, BenchRow } from './harness.js';
import { startHangingProxy } from './hanging-proxy.js';
import { startLatencyProxy } from './latency-proxy.js';
import { type GeneratedJob, generateWorkspace, toGraphJson } from './workspace.js';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[], unit = 'ms'): string =>
  `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))} ${unit}`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const TREE_TIMER = fileURLToPath(new URL('./tree-timer.py', import.meta.url));
let timedRuns = 0;

/** A whole process's wall time and CPU (its tree's). */
type Measured = { ms: number; cpuMs: number };

/**
 * Wall time of a whole process tree, timed from outside by tree-timer.py: to the exit of its last descendant,
 * helpers that outlive the command (the launcher) included; CPU of every process of the tree beside it. A warning
 * fails the benchmark, unless the run `warns` (a server that fails it).
 */
function timed(
  cmd: string,
  args: string[],
  cwd: string,
  extraEnv: Record<string, string> = {},
  warns = false,
): Measured {
  const result = join(tmpdir(), `disbuild-remote-bench-${process.pid}-${timedRuns++}.json`);
  execFileSync('python3', [TREE_TIMER, result, '--', cmd, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: '1', ...extraEnv },
    stdio: 'inherit',
  });
  const r = JSON.parse(readFileSync(result, 'utf8')) as {
    wallMs: number;
    cpuMs: number;
    status: number;
    stdoutTail: string;
    stderrTail: string;
  };
  rmSync(result, { force: true });
  const out = r.stdoutTail + r.stderrTail;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${out}`);
  if (!warns && /warning:/.test(out)) throw new Error(`unexpected warning: ${out}`);
  return { ms: r.wallMs, cpuMs: r.cpuMs };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** A curl config fetching `files` (paths under the server's store) to /dev/null, or into files under `into`. */
function curlConfig(path: string, server: CacheServer, files: string[], into?: string): void {
  writeFileSync(
    path,
    files
      .map((f, i) => {
        const output = into === undefined ? '/dev/null' : join(into, String(i));
        return `url = "${server.url}${f.slice(server.storeDir.length)}"\noutput = "${output}"\n`;
      })
      .join(''),
  );
}

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const parts = new Set((process.env.REMOTE_BENCH_PARTS ?? 'lookups,small,large,cold').split(','));

/**
 * The remote cache against nginx on loopback (WebDAV, the Bazel HTTP protocol). Whole processes timed from
 * outside, alternating pairs, medians with ranges; nothing is deleted while measuring.
 *
 * - lookups: the 1,000-job PEERS workload fully cached, empty local cache (lookups only) against a warm local one
 *   that looks its keys up too (the full path), and, for information, against a warm local run that the record of
 *   the last one answers without a lookup.
 * - small / large: `--download all` into an empty local cache, against curl fetching the same archives from the same
 *   server (`--parallel-max 32`: the client's own connection limit) into files of a fresh directory, and (for
 *   information) to /dev/null. The target compares with curl writing files: a restore's work is to put the bytes
 *   in files, and creating a thousand files costs curl itself 1.7–4.5× its transfer to /dev/null (earlier series);
 *   curl still does less than a restore (one inode per archive, no verification, no cache entry around it). The
 *   restore's time is the download-all run's minus that of a lookups-only run in the same pair (everything but the
 *   restoring). `small` is the 1,000-job workload (one 80 kB base64 file per job, stored as is: per-artifact costs
 *   dominate); `large` has REMOTE_BENCH_LARGE_JOBS jobs (100) of REMOTE_BENCH_LARGE_MB (4 MB) each, where
 *   throughput dominates.
 * - cold: a cold run that uploads every artifact (waiting for the uploads at its end) against one without a remote
 *   (the target), and against one that reads the same remote without uploading (what the uploads alone add).
 * - latency: the lookups-only run through a proxy that delays every piece of data by REMOTE_BENCH_RTT_MS / 2 each
 *   way (20 ms of round trip: a cache across a network), against the same run straight to nginx (for information;
 *   with DISBUILD_OLD_CLI, that build's run through the proxy in the same rounds too).
 *
 * - hung: a cold run whose server hangs right after an answer (bench/hanging-proxy.ts: the first answer of each
 *   connection passes, then nothing), with DISBUILD_CACHE_TIMEOUT at REMOTE_BENCH_HUNG_TIMEOUT_S (3), against the
 *   same cold run without a remote: what the hung server costs, in time-outs waited (two, before the GETs sent
 *   again alone after a pipelined time-out had a short wait of their own).
 *
 * Knobs: REMOTE_BENCH_PARTS (lookups,small,large,cold; latency, hung on request), REMOTE_BENCH_PAIRS (5; cold runs: 3),
 * REMOTE_BENCH_RTT_MS (20), DISBUILD_CLI (another build's dist/cli/index.js), DISBUILD_OLD_CLI (a second build
 * measured in the same rounds: `small`, `large`, `cold`, `latency` and `hung` add rows comparing the two, round by
 * round).
 */
export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const pairs = env('REMOTE_BENCH_PAIRS', 5);
  const cliJs = process.env.DISBUILD_CLI ?? join(ctx.root, 'dist/cli/index.js');
  const oldCli = process.env.DISBUILD_OLD_CLI;
  let fresh = 0;
  const freshDir = (): string => join(ctx.workDir, `cache-${fresh++}`);
  const rows: BenchRow[] = [];
  const servers: CacheServer[] = [];

  const workspace = async (
    name: string,
    jobs: number,
    script?: (j: GeneratedJob) => string,
  ): Promise<string> => {
    const src = join(ctx.workDir, name);
    const generated = await generateWorkspace(src, { jobs, filesPerJob: 10, fileBytes: 8000 });
    if (script) for (const j of generated) j.script = script(j);
    writeFileSync(join(src, 'graph.json'), toGraphJson(generated));
    const git = (...a: string[]): void => void execFileSync('git', a, { cwd: src, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=b', '-c', 'user.email=b@b', 'commit', '-qm', 'ws');
    return src;
  };
  const disbuild = (src: string, args: string[], cli = cliJs, env: Record<string, string> = {}): Measured =>
    timed(
      process.execPath,
      [cli, 'run', '--graph', 'graph.json', '-q', '--log-replay', 'none', ...args],
      src,
      env,
    );
  const remoteOf = (s: CacheServer): string[] => ['--cache', 'http', '--cache-url', s.url];

  /** `--download all` against curl and against a lookups-only run, in alternating triples. */
  const downloads = (label: string, src: string, server: CacheServer): void => {
    const remote = remoteOf(server);
    // Small archives travel inside their records (ac/), bigger ones are blobs (cas/): curl fetches every object
    // holding an archive, whole (records included, which the restore reads in its lookups).
    const records = filesUnder(join(server.storeDir, 'ac'));
    const cas = join(server.storeDir, 'cas');
    const blobs = existsSync(cas) ? filesUnder(cas) : [];
    const archives = blobs.length >= records.length ? blobs : [...records, ...blobs];
    const bytes = archives.reduce((s, f) => s + statSync(f).size, 0);
    const config = join(ctx.workDir, `curl-${label}.cfg`);
    curlConfig(config, server, archives);
    const curl: number[] = [];
    const curlDisk: number[] = [];
    const all: number[] = [];
    const lookups: number[] = [];
    const allCpu: number[] = [];
    const lookupsCpu: number[] = [];
    const oldRestore: number[] = [];
    const oldAllCpu: number[] = [];
    for (let i = 0; i < pairs; i++) {
      curl.push(timed('curl', ['-sf', '--parallel', '--parallel-max', '32', '-K', config], ctx.workDir).ms);
      // The same, writing every archive to a file of a fresh directory (still not extracting nor verifying).
      const into = freshDir();
      mkdirSync(into);
      const diskConfig = join(ctx.workDir, `curl-${label}-disk-${i}.cfg`);
      curlConfig(diskConfig, server, archives, into);
      curlDisk.push(
        timed('curl', ['-sf', '--parallel', '--parallel-max', '32', '-K', diskConfig], ctx.workDir).ms,
      );
      // A download-all run and a lookups-only run of one build, in an order that alternates every other round, and
      // the two builds in turns that alternate every round: each of the four runs comes right after curl's writes
      // (measured a quarter slower there) as often as the others.
      const both = (cli: string): { all: Measured; lookups: Measured } => {
        const run = (download: boolean): Measured =>
          disbuild(
            src,
            [...remote, '--cache-dir', freshDir(), ...(download ? ['--download', 'all'] : [])],
            cli,
          );
        if (Math.floor(i / 2) % 2 === 1) {
          const l = run(false);
          return { all: run(true), lookups: l };
        }
        const a = run(true);
        return { all: a, lookups: run(false) };
      };
      const ours = (): void => {
        const r = both(cliJs);
        all.push(r.all.ms);
        allCpu.push(r.all.cpuMs);
        lookups.push(r.lookups.ms);
        lookupsCpu.push(r.lookups.cpuMs);
      };
      const old = (cli: string): void => {
        const r = both(cli);
        oldRestore.push(r.all.ms - r.lookups.ms);
        oldAllCpu.push(r.all.cpuMs);
      };
      if (oldCli !== undefined && i % 2 === 1) old(oldCli);
      ours();
      if (oldCli !== undefined && i % 2 === 0) old(oldCli);
    }
    const mb = bytes / 1e6;
    const restoreMs = all.map((a, i) => a - lookups[i]!);
    const ours = mb / (Math.max(1, median(restoreMs)) / 1000);
    const theirs = mb / (median(curlDisk) / 1000);
    const toNull = mb / (median(curl) / 1000);
    const benchmark = `remote cache (nginx), --download all, ${label}`;
    const what =
      archives === blobs
        ? `${archives.length} archives, ${mb.toFixed(1)} MB (+ ${records.length} records in both runs)`
        : `${records.length} records carrying their archives (+ ${blobs.length} blobs), ${mb.toFixed(1)} MB`;
    rows.push({
      benchmark,
      measure: `restore throughput: bytes / (download-all − lookups-only wall, same pair); ${what}`,
      value: `${ours.toFixed(0)} MB/s (restore ${range(restoreMs)})`,
      reference: `curl --parallel-max 32, same archives into files: ${theirs.toFixed(0)} MB/s (${range(curlDisk)})`,
      ratio: ours / theirs,
      target: '≥ 0.5×',
      pass: ours / theirs >= 0.5,
    });
    rows.push({
      benchmark,
      measure: 'whole process: download-all run (lookups-only run of the same pairs)',
      value: `${secs(median(all))} (${range(all)}), CPU ${secs(median(allCpu))}`,
      reference: `lookups only ${secs(median(lookups))} (${range(lookups)}), CPU ${secs(median(lookupsCpu))}; curl into files ${secs(median(curlDisk))}`,
      ratio: mb / (median(all) / 1000) / theirs,
      target: 'for information',
    });
    rows.push({
      benchmark,
      measure: 'restore throughput, as above, against curl writing the archives to /dev/null',
      value: `${ours.toFixed(0)} MB/s`,
      reference: `curl --parallel-max 32 to /dev/null: ${toNull.toFixed(0)} MB/s (${range(curl)})`,
      ratio: ours / toNull,
      target: 'for information',
    });
    if (oldCli !== undefined) {
      const old = mb / (Math.max(1, median(oldRestore)) / 1000);
      rows.push({
        benchmark,
        measure: `restore throughput against the build in DISBUILD_OLD_CLI, same rounds (restore ${range(oldRestore)}); CPU of the download-all run`,
        value: `${ours.toFixed(0)} MB/s, CPU ${secs(median(allCpu))}`,
        reference: `old build ${old.toFixed(0)} MB/s, CPU ${secs(median(oldAllCpu))}`,
        ratio: ours / old,
        target: 'for information',
      });
    }
  };

  try {
    if (['lookups', 'small', 'cold', 'latency', 'hung'].some((p) => parts.has(p))) {
      ctx.log('1,000 jobs over 10,000 files (80 MB); seeding the server and a warm local cache');
      const src = await workspace('ws', 1000);
      const server = await startNginx();
      servers.push(server);
      const remote = remoteOf(server);
      const warm = freshDir();
      disbuild(src, [...remote, '--cache-dir', warm]);

      if (parts.has('lookups')) {
        // The warm local run of the target looks its keys up as the remote run does: a variable of its own each
        // round takes it through the full path, and one whose record lands in another slot than the recorded
        // run's. A warm run that a record of the last one answers (src/cli/fully-cached.ts) looks nothing up; it
        // is measured in the same rounds, for information.
        const local: number[] = [];
        const empty: number[] = [];
        const recorded: number[] = [];
        disbuild(src, ['--cache-dir', warm]);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3500);
        disbuild(src, ['--cache-dir', warm]);
        // The run as the CLI sees it, for the slot its record goes to: its environment as the timer hands it over
        // (python adds to it), read by a run of its own.
        const dir = realpathSync(src);
        const seen = join(ctx.workDir, 'timed-env.json');
        const script = `require('node:fs').writeFileSync(${JSON.stringify(seen)}, JSON.stringify(process.env))`;
        timed(process.execPath, ['-e', script], src);
        const timedEnv = JSON.parse(readFileSync(seen, 'utf8')) as NodeJS.ProcessEnv;
        const slotOf = (env: Record<string, string>): string =>
          recordFile(warm, {
            argv: ['--graph', 'graph.json', '-q', '--log-replay', 'none', '--cache-dir', warm],
            outDir: false,
            cwd: dir,
            env: { ...timedEnv, ...env },
            sourceDir: dir,
            graphFile: join(dir, 'graph.json'),
            config: false,
            cacheDir: warm,
          });
        const recordedSlot = slotOf({});
        if (!existsSync(recordedSlot))
          throw new Error(`no record where the benchmark expects it: ${recordedSlot}`);
        const roundEnv = (i: number): Record<string, string> => {
          for (let n = 0; ; n++) {
            const env = { DISBUILD_BENCH_ROUND: `${i}.${n}` };
            if (slotOf(env) !== recordedSlot) return env;
          }
        };
        for (let i = 0; i < pairs; i++) {
          local.push(disbuild(src, ['--cache-dir', warm], cliJs, roundEnv(i)).ms);
          empty.push(disbuild(src, [...remote, '--cache-dir', freshDir()]).ms);
          recorded.push(disbuild(src, ['--cache-dir', warm]).ms);
        }
        const r1 = median(empty) / median(local);
        rows.push({
          benchmark: 'remote cache (nginx, 1,000 jobs)',
          measure: 'fully cached, empty local cache (lookups only)',
          value: `${Math.round(median(empty))} ms (${range(empty)})`,
          reference: `warm local cache, its keys looked up ${Math.round(median(local))} ms (${range(local)})`,
          ratio: r1,
          target: '≤ 2×',
          pass: r1 <= 2,
        });
        rows.push({
          benchmark: 'remote cache (nginx, 1,000 jobs)',
          measure:
            'fully cached, empty local cache (lookups only), against a warm local run a record answers',
          value: `${Math.round(median(empty))} ms`,
          reference: `warm local cache, answered by the record of the last run ${Math.round(median(recorded))} ms (${range(recorded)})`,
          ratio: median(empty) / median(recorded),
          target: 'for information',
        });
      }

      if (parts.has('latency')) {
        const rtt = env('REMOTE_BENCH_RTT_MS', 20);
        const proxy = await startLatencyProxy(new URL(server.url), rtt / 2);
        try {
          const far = ['--cache', 'http', '--cache-url', proxy.url];
          const near: number[] = [];
          const away: number[] = [];
          const awayOld: number[] = [];
          for (let i = 0; i < pairs; i++) {
            const round: (() => void)[] = [
              () => near.push(disbuild(src, [...remote, '--cache-dir', freshDir()]).ms),
              () => away.push(disbuild(src, [...far, '--cache-dir', freshDir()]).ms),
            ];
            if (oldCli !== undefined)
              round.push(() => awayOld.push(disbuild(src, [...far, '--cache-dir', freshDir()], oldCli).ms));
            for (const step of i % 2 === 0 ? round : round.reverse()) step();
          }
          rows.push({
            benchmark: 'remote cache (nginx, 1,000 jobs)',
            measure: `fully cached, empty local cache (lookups only), the server ${rtt} ms of round trip away`,
            value: `${Math.round(median(away))} ms (${range(away)})`,
            reference: `the same run on loopback ${Math.round(median(near))} ms (${range(near)})`,
            ratio: median(away) / median(near),
            target: 'for information',
          });
          if (oldCli !== undefined) {
            rows.push({
              benchmark: 'remote cache (nginx, 1,000 jobs)',
              measure: `lookups only, ${rtt} ms of round trip, against the build in DISBUILD_OLD_CLI (same rounds)`,
              value: `${Math.round(median(away))} ms`,
              reference: `old build ${Math.round(median(awayOld))} ms (${range(awayOld)})`,
              ratio: median(away) / median(awayOld),
              target: 'for information',
            });
          }
        } finally {
          proxy.stop();
        }
      }

      if (parts.has('hung')) {
        const timeoutS = env('REMOTE_BENCH_HUNG_TIMEOUT_S', 3);
        const local: number[] = [];
        const hung: number[] = [];
        const hungOld: number[] = [];
        // Cold: every key new (a salt per run), so the answers that pass are misses.
        const hungRun = async (cli: string, salt: string): Promise<number> => {
          const proxy = await startHangingProxy(new URL(server.url), 1000);
          try {
            const args = ['run', '--graph', 'graph.json', '-q', '--log-replay', 'none'];
            args.push('--cache', 'http', '--cache-url', proxy.url, '--cache-dir', freshDir(), '--salt', salt);
            const timeout = { DISBUILD_CACHE_TIMEOUT: String(timeoutS) };
            return timed(process.execPath, [cli, ...args], src, timeout, true).ms;
          } finally {
            proxy.stop();
          }
        };
        for (let i = 0; i < pairs; i++) {
          const round: (() => Promise<unknown>)[] = [
            async () =>
              local.push(disbuild(src, ['--cache-dir', freshDir(), '--salt', `hung-local-${i}`]).ms),
            async () => hung.push(await hungRun(cliJs, `hung-${i}`)),
          ];
          if (oldCli !== undefined)
            round.push(async () => hungOld.push(await hungRun(oldCli, `hung-old-${i}`)));
          for (const step of i % 2 === 0 ? round : round.reverse()) await step();
        }
        const waited = (runs: number[]): number => (median(runs) - median(local)) / (timeoutS * 1000);
        rows.push({
          benchmark: 'remote cache (nginx, 1,000 jobs)',
          measure: `cold run, the server hanging right after an answer, time-out ${timeoutS} s: time-outs waited`,
          value: `${Math.round(median(hung))} ms (${range(hung)})`,
          reference: `the same cold run without a remote ${Math.round(median(local))} ms (${range(local)})`,
          ratio: waited(hung),
          target: 'for information',
        });
        if (oldCli !== undefined) {
          rows.push({
            benchmark: 'remote cache (nginx, 1,000 jobs)',
            measure: 'the same, the build in DISBUILD_OLD_CLI (same rounds): time-outs waited',
            value: `${Math.round(median(hungOld))} ms (${range(hungOld)})`,
            reference: `this build ${Math.round(median(hung))} ms`,
            ratio: waited(hungOld),
            target: 'for information',
          });
        }
      }

      if (parts.has('small')) downloads('1,000 jobs × 80 kB', src, server);

      if (parts.has('cold')) {
        const coldLocal: number[] = [];
        const coldRemote: number[] = [];
        const cpuLocal: number[] = [];
        const cpuRemote: number[] = [];
        const coldOld: number[] = [];
        const cpuOld: number[] = [];
        const coldRead: number[] = [];
        const cpuRead: number[] = [];
        for (let i = 0; i < env('REMOTE_BENCH_COLD_PAIRS', 3); i++) {
          // A new salt: every key new. The order alternates. `read`: the same remote, read only (its lookups,
          // no uploads), so that what the uploads alone add shows apart from what the lookups add.
          const one = (mode: 'local' | 'remote' | 'read', cli = cliJs): void => {
            execFileSync('sync');
            const salt = `cold-${mode}-${cli === cliJs ? '' : 'old-'}${i}`;
            const r = disbuild(
              src,
              [
                ...(mode === 'local' ? [] : remote),
                ...(mode === 'read' ? ['--cache-mode', 'read'] : []),
                '--cache-dir',
                freshDir(),
                '--salt',
                salt,
              ],
              cli,
            );
            const [walls, cpus] =
              cli !== cliJs
                ? [coldOld, cpuOld]
                : mode === 'remote'
                  ? [coldRemote, cpuRemote]
                  : mode === 'read'
                    ? [coldRead, cpuRead]
                    : [coldLocal, cpuLocal];
            walls.push(r.ms);
            cpus.push(r.cpuMs);
          };
          const round: (() => void)[] = [() => one('local'), () => one('remote'), () => one('read')];
          if (oldCli !== undefined) round.push(() => one('remote', oldCli));
          for (const step of i % 2 === 0 ? round : round.reverse()) step();
        }
        const r3 = median(coldRemote) / median(coldLocal);
        rows.push({
          benchmark: 'remote cache (nginx, 1,000 jobs)',
          measure: 'cold run, uploading every artifact (waits for uploads at its end)',
          value: `${Math.round(median(coldRemote))} ms (${range(coldRemote)}), CPU ${secs(median(cpuRemote))}`,
          reference: `cold run, local cache only ${Math.round(median(coldLocal))} ms (${range(coldLocal)}), CPU ${secs(median(cpuLocal))}`,
          ratio: r3,
          target: '≤ 1.10×',
          pass: r3 <= 1.1,
        });
        rows.push({
          benchmark: 'remote cache (nginx, 1,000 jobs)',
          measure:
            'cold run uploading every artifact, against the same cold run reading the remote only (--cache-mode read: its lookups, no uploads)',
          value: `${Math.round(median(coldRemote))} ms, CPU ${secs(median(cpuRemote))}`,
          reference: `read only ${Math.round(median(coldRead))} ms (${range(coldRead)}), CPU ${secs(median(cpuRead))}`,
          ratio: median(coldRemote) / median(coldRead),
          target: 'for information (what the uploads alone add)',
        });
        if (oldCli !== undefined) {
          rows.push({
            benchmark: 'remote cache (nginx, 1,000 jobs)',
            measure:
              'cold run uploading every artifact, against the build in DISBUILD_OLD_CLI in the same rounds',
            value: `${Math.round(median(coldRemote))} ms, CPU ${secs(median(cpuRemote))}`,
            reference: `old build ${Math.round(median(coldOld))} ms (${range(coldOld)}), CPU ${secs(median(cpuOld))}`,
            ratio: median(coldRemote) / median(coldOld),
            target: 'for information',
          });
        }
      }
    }

    if (parts.has('large')) {
      const jobs = env('REMOTE_BENCH_LARGE_JOBS', 100);
      const mb = env('REMOTE_BENCH_LARGE_MB', 4);
      // Each job writes its 80 kB of sources `repeat` times: base64 text, as in the small workload.
      const repeat = Math.max(1, Math.round((mb * 1e6) / 80_000));
      ctx.log(`${jobs} jobs of ${mb} MB each; seeding a second server`);
      const src = await workspace(
        `ws-large-${jobs}-${mb}`,
        jobs,
        (j) => `for i in $(seq ${repeat}); do cat ${j.inputs.join(' ')}; done > OUT/out.txt`,
      );
      const server = await startNginx();
      servers.push(server);
      disbuild(src, [...remoteOf(server), '--cache-dir', freshDir()]);
      downloads(`${jobs} jobs × ${mb} MB`, src, server);
    }
  } finally {
    for (const s of servers) await s.stop();
  }
  return rows;
}
