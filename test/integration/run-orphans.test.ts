import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson, type JobSpec } from '../helpers/graph-json.js';
import { CLI, Rig } from '../helpers/rig.js';

/** PIDs of the processes whose environment holds `mark` (every job process and whatever it starts inherits it). */
async function processesMarked(mark: string): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const env = await readFile(`/proc/${name}/environ`).catch(() => undefined);
    if (env?.includes(mark)) found.push(Number(name));
  }
  return found;
}

/** Waits until no process holds `mark`, up to `ms`; returns those left. */
async function waitForNone(mark: string, ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  for (;;) {
    const left = await processesMarked(mark);
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Resolves once both long jobs have printed that they started, and some short jobs have finished, with the PID of
 * the jobs' parent (the launcher).
 */
function busy(child: ChildProcess): Promise<number> {
  let out = '';
  return new Promise((resolve) =>
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const launcher = /long-1 \| started (\d+)/.exec(out)?.[1];
      if (launcher && out.includes('long-2 | started') && /short-\d+ \| done/.test(out))
        resolve(Number(launcher));
    }),
  );
}

/** Whether `pid` is still running (a zombie, waiting for its new parent to reap it, is not) after up to `ms`. */
async function stillRunning(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (stat === '' || / Z /.test(stat)) return false;
    if (Date.now() > until) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('no job outlives its run', () => {
  let rig: Rig;
  let mark: string;
  beforeEach(async () => {
    rig = await Rig.create();
    mark = `DISBUILD_TEST_RUN=${rig.root}`;
  });
  afterEach(async () => {
    for (const pid of await processesMarked(mark)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
    await rig.cleanup();
  });

  function graph(): string {
    const jobs: JobSpec[] = [];
    // The long jobs start a grandchild as well: the whole group must go, not only the command.
    for (const n of [1, 2])
      jobs.push({
        name: `long-${n}`,
        cmds: [
          { exec: ['sh', '-c', 'echo started $PPID; sleep 60 & sleep 60', `long-${n}`], environ: [mark] },
        ],
      });
    // Many short jobs keep the launcher writing to the engine when the engine dies.
    for (let i = 0; i < 3000; i++)
      jobs.push({
        name: `short-${i}`,
        cmds: [{ exec: ['sh', '-c', 'echo done', `short-${i}`], environ: [mark] }],
      });
    return graphJson(jobs);
  }

  async function killDuringRun(kill: (engine: ChildProcess) => void): Promise<number> {
    await rig.write({ 'graph.json': graph() });
    // Its own process group, so that a group kill reaches the engine and its launcher but not this test.
    const engine = spawn(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '--cache', 'none', '-j', '4'],
      {
        cwd: rig.src,
        env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1' },
        stdio: ['ignore', 'pipe', 'ignore'],
        detached: true,
      },
    );
    const launcher = await busy(engine);
    const exited = new Promise((r) => engine.on('exit', r));
    kill(engine);
    await exited;
    return launcher;
  }

  it('SIGKILL of the engine while it is busy: every job process is gone within seconds', async () => {
    const launcher = await killDuringRun((engine) => engine.kill('SIGKILL'));
    expect(await waitForNone(mark, 5000)).toEqual([]);
    expect(await stillRunning(launcher, 2000)).toBe(false);
  });

  it('SIGKILL of the engine process group (as `timeout -s KILL` does): every job process is gone', async () => {
    const launcher = await killDuringRun((engine) => process.kill(-engine.pid!, 'SIGKILL'));
    expect(await waitForNone(mark, 5000)).toEqual([]);
    expect(await stillRunning(launcher, 2000)).toBe(false);
  });

  /**
   * The commands of a run with a few misses, which the engine starts itself (no launcher): two long jobs, built
   * quickly first, then edited to run long. Resolves with the engine once both have started.
   */
  async function fewMissesRunning(preload?: string): Promise<ChildProcess> {
    const jobs: JobSpec[] = [1, 2].map((n) => ({
      name: `long-${n}`,
      inputs: ['mode.txt'],
      cmds: [
        {
          exec: [
            'sh',
            '-c',
            'grep -q slow mode.txt || exit 0; echo started $PPID; sleep 60 & sleep 60',
            `long-${n}`,
          ],
          environ: [mark],
        },
      ],
    }));
    await rig.write({ 'graph.json': graphJson(jobs), 'mode.txt': 'quick' });
    const run = (env: Record<string, string> = {}): ChildProcess =>
      spawn(process.execPath, [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-j', '4'], {
        cwd: rig.src,
        env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1', ...env },
        stdio: ['ignore', 'pipe', 'ignore'],
        detached: true,
      });
    const first = run();
    first.stdout!.resume();
    expect(await new Promise((r) => first.on('exit', r))).toBe(0);
    await rig.write({ 'mode.txt': 'slow' });
    if (preload !== undefined) {
      await rig.write({ 'preload.mjs': preload }, rig.root);
      return run({ NODE_OPTIONS: `--import ${pathToFileURL(rig.path('preload.mjs')).href}` });
    }
    const engine = run();
    let out = '';
    await new Promise<void>((resolve) =>
      engine.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('long-1 | started') && out.includes('long-2 | started')) resolve();
      }),
    );
    // Started by the engine itself: their parent is the engine, and no launcher was booted.
    expect(out).toContain(`long-1 | started ${engine.pid}`);
    return engine;
  }

  /** The watchdog shells started by engines of this rig (their environment is the engine's). */
  async function watchdogs(): Promise<number[]> {
    const found: number[] = [];
    for (const name of await readdir('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
      const env = await readFile(`/proc/${name}/environ`, 'utf8').catch(() => '');
      if (cmdline.includes('while read -r line') && env.includes(`HOME=${rig.path('home')}`))
        found.push(Number(name));
    }
    return found;
  }

  for (const [what, kill] of [
    ['SIGKILL of the engine', (engine: ChildProcess) => engine.kill('SIGKILL')],
    ['SIGKILL of its process group', (engine: ChildProcess) => process.kill(-engine.pid!, 'SIGKILL')],
  ] as const) {
    it(`${what} while it runs a few commands itself: every job process is gone within seconds`, async () => {
      const engine = await fewMissesRunning();
      expect(await watchdogs()).toHaveLength(1);
      const exited = new Promise((r) => engine.on('exit', r));
      kill(engine);
      await exited;
      expect(await waitForNone(mark, 5000)).toEqual([]);
      for (let i = 0; i < 20 && (await watchdogs()).length > 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await watchdogs()).toEqual([]);
    });
  }

  it('SIGKILL of the engine the moment it has started a command itself: that command is gone too', async () => {
    // The engine kills itself right after the fork of its first command, before it can say or do anything more.
    const engine = await fewMissesRunning(`
      import childProcess from 'node:child_process';
      import { syncBuiltinESMExports } from 'node:module';
      const real = childProcess.spawn;
      childProcess.spawn = function (command, args, options) {
        const child = real.call(this, command, args, options);
        if (options?.detached && args?.some((a) => String(a).includes('long-'))) process.kill(process.pid, 'SIGKILL');
        return child;
      };
      syncBuiltinESMExports();
    `);
    engine.stdout!.resume();
    expect(await new Promise((r) => engine.on('exit', (code, signal) => r(signal ?? code)))).toBe('SIGKILL');
    expect(await waitForNone(mark, 5000)).toEqual([]);
  });

  /**
   * A run of graph.json that the engine starts its commands for itself: built once first with `mode.txt` as it is
   * (a job the cache has timed is one the run starts itself; a new one boots the launcher), then `mode.txt` set to
   * `mode` and run again. Resolves once the second run's output holds `until`, with its output so far and its exit.
   */
  async function rerunEdited(
    mode: string,
    until: string,
    env: Record<string, string> = {},
  ): Promise<{ engine: ChildProcess; out: () => string; exited: Promise<unknown> }> {
    const run = (extra: Record<string, string> = {}): ChildProcess =>
      spawn(process.execPath, [CLI, 'run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-j', '2'], {
        cwd: rig.src,
        env: { PATH: process.env.PATH, HOME: rig.path('home'), CI: '1', ...extra },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const first = run();
    first.stdout!.resume();
    expect(await new Promise((r) => first.on('exit', r))).toBe(0);
    await rig.write({ 'mode.txt': mode });
    const engine = run(env);
    let out = '';
    engine.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise((r) => engine.on('exit', r));
    await new Promise<void>((resolve) =>
      engine.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes(until)) resolve();
      }),
    );
    return { engine, out: () => out, exited };
  }

  it('a watchdog killed mid-run: the commands after it still run, watched by a new one', async () => {
    // Three jobs in a chain, built quickly first, then edited so that each takes a moment.
    const jobs: JobSpec[] = [1, 2, 3].map((n) => ({
      name: `step-${n}`,
      inputs: ['mode.txt'],
      ...(n > 1 ? { deps: [`step-${n - 1}`] } : {}),
      cmds: [{ exec: ['sh', '-c', 'grep -q slow mode.txt || exit 0; echo started; sleep 0.5', `step-${n}`] }],
    }));
    await rig.write({ 'graph.json': graphJson(jobs), 'mode.txt': 'quick' });
    const { out, exited } = await rerunEdited('slow', 'step-1 | started');
    const [watchdog] = await watchdogs();
    expect(watchdog).toBeDefined();
    process.kill(watchdog!, 'SIGKILL');
    // The next step's command is watched by a watchdog started for it.
    let replaced: number[] = [];
    for (let i = 0; i < 40 && replaced.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      replaced = (await watchdogs()).filter((pid) => pid !== watchdog);
    }
    expect(replaced).toHaveLength(1);
    expect(await exited, out()).toBe(0);
    expect(out()).toMatch(/3 jobs: 0 cached, 3 built, 0 failed/);
  });

  it('a run that started its commands itself lets their watchdog go once they have ended, before its own exit', async () => {
    // Before, the watchdog shell lived until the run's process exited, and a run timed from outside (its whole
    // process tree) waited for it to notice. Here the run's exit is held back 6 s after its summary.
    await rig.write({
      'graph.json': graphJson([
        { name: 'one', inputs: ['mode.txt'], cmds: [{ exec: ['sh', '-c', 'echo built by $PPID'] }] },
      ]),
      'mode.txt': 'first',
    });
    await rig.write(
      {
        'hold-exit.mjs':
          'const exit = process.exit; process.exit = (c) => void setTimeout(() => exit(c), 6000);',
      },
      rig.root,
    );
    const { engine, out, exited } = await rerunEdited('second', '1 jobs:', {
      NODE_OPTIONS: `--import ${pathToFileURL(rig.path('hold-exit.mjs')).href}`,
    });
    // Started by the run itself (no launcher), so under a watchdog.
    expect(out()).toContain(`one | built by ${engine.pid}`);
    expect(out()).toContain('1 jobs: 0 cached, 1 built');
    let left = await watchdogs();
    for (let i = 0; i < 40 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = await watchdogs();
    }
    expect(left).toEqual([]);
    expect(await stillRunning(engine.pid!, 0)).toBe(true);
    expect(await exited, out()).toBe(0);
  });
});
