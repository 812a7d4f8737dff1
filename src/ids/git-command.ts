import { spawn } from 'node:child_process';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/** The variables that set how git reads every pathspec (see withoutPathspecSettings). */
const PATHSPEC_SETTINGS = [
  'GIT_GLOB_PATHSPECS',
  'GIT_NOGLOB_PATHSPECS',
  'GIT_ICASE_PATHSPECS',
  'GIT_LITERAL_PATHSPECS',
];

/**
 * `env` less the variables that set how git reads every pathspec: some commands refuse any (`check-ignore`, and
 * `--literal-pathspecs` beside another), and others would read a path or a pattern (`:(top,glob)…`, a `*`
 * across directories) otherwise than written. Every git call of this module runs without them.
 */
export function withoutPathspecSettings(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!PATHSPEC_SETTINGS.some((name) => env[name] !== undefined)) return env;
  const out = { ...env };
  for (const name of PATHSPEC_SETTINGS) delete out[name];
  return out;
}

/**
 * `git <args>` output as UTF-8 text (with `-z`, git writes paths unquoted). Decoded as it arrives, so a large
 * listing is never held as chunks, a joined buffer and a string at once (the peak memory of a 100,000-job graph).
 *
 * Spawned directly rather than through simple-git: on a 100,000-file index, `ls-files -s -z` took 53 ms this way
 * against 63–75 ms through simple-git (which queues every task and gathers its output itself), and here only the
 * `-z` text is needed, parsed by git-output.ts.
 */
export function gitText(
  cwd: string,
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Result<string, string>> {
  return new Promise((resolve) => {
    const child = spawn('git', args, {
      cwd,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: withoutPathspecSettings(options.env),
    });
    child.on('error', (e) => resolve(err(`git ${commandName(args)}: ${e.message}`)));
    // A spawn that failed (EMFILE, EAGAIN) has no streams: its error event is the answer.
    if (!child.stdout || !child.stderr) return;
    // git may exit before reading all of its input (an error): the broken pipe is its exit code's to report.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
    // Decoded chunk by chunk (a multi-byte character split across chunks is handled by the stream's decoder).
    child.stdout.setEncoding('utf8');
    let out = '';
    const errOut: Buffer[] = [];
    child.stdout.on('data', (s: string) => (out += s));
    child.stderr.on('data', (b: Buffer) => errOut.push(b));
    child.on('close', (code) => {
      if (code === 0) resolve(ok(out));
      else resolve(err(`git ${args.join(' ')}: ${Buffer.concat(errOut).toString('utf8').trim()}`));
    });
  });
}

/**
 * Where `dir` sits in its git work tree (`''` at the top, `sub/dir/` below it), or undefined when `dir` is not in
 * a work tree (no repository, a bare one, inside `.git`, or no git binary).
 */
export async function workTreePrefix(dir: string): Promise<string | undefined> {
  const r = await gitText(dir, ['rev-parse', '--is-inside-work-tree', '--show-prefix']);
  if (!r.ok) return undefined;
  const [inside, prefix] = r.value.split('\n');
  return inside === 'true' ? (prefix ?? '') : undefined;
}

/** `git <args>` output as bytes (object contents, which need not be UTF-8), fed `input` on stdin. */
export function gitBytes(
  cwd: string,
  args: readonly string[],
  input: string,
): Promise<Result<Buffer, string>> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const errOut: Buffer[] = [];
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => errOut.push(b));
    child.on('error', (e) => resolve(err(`git ${commandName(args)}: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(ok(Buffer.concat(out)));
      else resolve(err(`git ${args.join(' ')}: ${Buffer.concat(errOut).toString('utf8').trim()}`));
    });
  });
}

/** Quotes one word for `sh`. */
function shellWord(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** How a command of gitTexts ended: its exit code (undefined when it did not run) and its output. */
export interface GitRun {
  code: number | undefined;
  out: string;
}

/**
 * Several `git` commands run side by side from one `sh` process. Starting a process forks this one, whose
 * memory makes each fork cost a millisecond or more of its only thread (several on a busy machine); `sh` forks
 * its gits for a fraction of that. Each command's output comes on a pipe of its own; stderr is dropped (a
 * caller that needs a failure's message runs that command again with gitText: failures are the rare case).
 */
export function gitTexts(
  cwd: string,
  commands: readonly (readonly string[])[],
  env?: NodeJS.ProcessEnv,
): Promise<GitRun>[] {
  const script = commands
    .map((args, i) => `{ git ${args.map(shellWord).join(' ')} >&${3 + i} 2>/dev/null; echo ${i} $?; } &`)
    .concat('wait')
    .join('\n');
  let child;
  try {
    child = spawn('sh', ['-c', script], {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore', ...commands.map(() => 'pipe' as const)],
      env: withoutPathspecSettings(env),
    });
  } catch {
    return commands.map(() => Promise.resolve({ code: undefined, out: '' }));
  }
  const outs = commands.map(() => '');
  // A spawn that failed (EMFILE, EAGAIN) has no streams: its error event ends it with no command run.
  commands.forEach((_, i) => {
    const pipe = child.stdio?.[3 + i] as NodeJS.ReadableStream | null | undefined;
    pipe?.setEncoding('utf8');
    pipe?.on('data', (s: string) => (outs[i] += s));
  });
  let statusText = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (s: string) => (statusText += s));
  const codes = new Promise<Map<number, number>>((resolve) => {
    const found = new Map<number, number>();
    child.on('error', () => resolve(found));
    child.on('close', () => {
      for (const line of statusText.split('\n')) {
        const [i, code] = line.split(' ');
        if (i !== undefined && code !== undefined) found.set(Number(i), Number(code));
      }
      resolve(found);
    });
  });
  return commands.map(async (_, i) => ({ code: (await codes).get(i), out: outs[i]! }));
}

/** git's options whose value is the next argument. */
const TAKES_VALUE = new Set(['-c', '-C', '--git-dir', '--work-tree', '--namespace']);

/** The git command `args` run, past the options before it (`-c name=value`, `--git-dir DIR`, `--no-optional-locks`). */
function commandName(args: readonly string[]): string {
  return args.find((a, i) => !a.startsWith('-') && !TAKES_VALUE.has(args[i - 1] ?? '')) ?? '';
}
