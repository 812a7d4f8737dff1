import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The bundled CLI, exactly as users run it. */
export const CLI = resolve(import.meta.dirname, '../../dist/cli/index.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ReportJob {
  id: string;
  name: string;
  key: string;
  status: 'cached' | 'built' | 'failed' | 'skipped';
  exitCode: number | null;
  durationMs: number;
  stdout: string;
  stderr: string;
  message?: string;
}

/**
 * A temp workspace for one test: a source dir, a private cache dir and HOME, and a way to run the built CLI.
 * Deals with: files, processes and reports. Does not deal with: git (tests create repos themselves).
 */
export class Rig {
  private constructor(readonly root: string) {}

  static async create(): Promise<Rig> {
    const root = await mkdtemp(join(tmpdir(), 'disbuild-test-'));
    await mkdir(join(root, 'src'));
    return new Rig(root);
  }

  get src(): string {
    return join(this.root, 'src');
  }
  get cacheDir(): string {
    return join(this.root, 'cache');
  }
  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  async write(files: Record<string, string>, base = this.src): Promise<void> {
    for (const [rel, content] of Object.entries(files)) {
      const p = join(base, rel);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, content);
    }
  }

  async read(rel: string): Promise<string> {
    return readFile(join(this.root, rel), 'utf8');
  }

  /** Runs `disbuild <args>` with the private cache; `env` adds to a minimal, deterministic environment. */
  run(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
    return runProcess(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? this.src,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: this.path('home'),
        XDG_CACHE_HOME: this.path('xdg'),
        CI: '1',
        ...opts.env,
      },
    });
  }

  /**
   * Runs `disbuild <args>` as uid/gid 65534 through `setpriv` (root ignores file modes, so permission tests drop
   * privileges); the files it needs must be that user's.
   */
  runAsNobody(args: string[]): Promise<CliResult> {
    return runProcess(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args],
      { cwd: this.src, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: this.path('home'), CI: '1' } },
    );
  }

  /** `disbuild run` on the graph at src/graph.json with the rig's cache; returns the report too. */
  async runGraph(
    extra: string[] = [],
    env: Record<string, string> = {},
  ): Promise<CliResult & { jobs: Map<string, ReportJob> }> {
    const report = this.path(`report-${Date.now()}-${Math.random()}.json`);
    const r = await this.run(
      ['run', '--graph', 'graph.json', '--cache-dir', this.cacheDir, '--report', report, ...extra],
      { env },
    );
    let jobs = new Map<string, ReportJob>();
    try {
      const parsed = JSON.parse(await readFile(report, 'utf8')) as { jobs: ReportJob[] };
      jobs = new Map(parsed.jobs.map((j) => [j.name, j]));
    } catch {
      // No report: the run failed before running anything; callers assert on code and stderr.
    }
    return { ...r, jobs };
  }

  async cleanup(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

export function runProcess(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; input?: string; onSpawn?: (pid: number) => void },
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    // A child that exits (or closes its stdin) before reading its input makes the write fail with EPIPE: its exit
    // code and output say what happened, not an uncaught error in the test run.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input);
  });
}
