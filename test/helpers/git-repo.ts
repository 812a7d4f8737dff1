import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI, runProcess, type CliResult } from './rig.js';

/** Commits every file of the work tree at `dir` (a test's repository, with a committer of its own). */
export function commitAll(dir: string): void {
  const git = (...args: string[]): void =>
    void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir });
  git('add', '-A');
  git('commit', '-qm', 'c');
}

/**
 * A bare remote and a clone of it in a temp dir, with a private HOME and cache, for tests that push for real.
 * Deals with: git commands, files, pushes. Does not deal with: what the graph contains.
 */
export class PushRig {
  private constructor(readonly root: string) {}

  static async create(): Promise<PushRig> {
    const rig = new PushRig(await mkdtemp(join(tmpdir(), 'disbuild-push-')));
    await mkdir(rig.path('home'));
    await rig.git(rig.root, 'init', '-q', '--bare', '-b', 'main', 'remote.git');
    await rig.git(rig.root, 'clone', '-q', 'remote.git', 'clone');
    await rig.git(rig.clone, 'checkout', '-q', '-b', 'main');
    return rig;
  }

  get clone(): string {
    return join(this.root, 'clone');
  }
  path(...p: string[]): string {
    return join(this.root, ...p);
  }

  get env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.path('home'),
      XDG_CACHE_HOME: this.path('xdg'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      CI: '1',
    };
  }

  git(cwd: string, ...args: string[]): Promise<string> {
    return new Promise((resolve, reject) =>
      execFile('git', args, { cwd, env: this.env }, (e, stdout, stderr) =>
        e ? reject(new Error(`git ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
      ),
    );
  }

  async write(files: Record<string, string>): Promise<void> {
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(dirname(join(this.clone, rel)), { recursive: true });
      await writeFile(join(this.clone, rel), content);
    }
  }

  async commit(files: Record<string, string>, message = 'change'): Promise<void> {
    await this.write(files);
    await this.git(this.clone, 'add', '-A');
    await this.git(this.clone, 'commit', '-qm', message);
  }

  /** `git push` for real, so that git itself runs the installed hook. */
  push(...args: string[]): Promise<CliResult> {
    return runProcess('git', ['push', ...args], { cwd: this.clone, env: { ...this.env, ...this.extraEnv } });
  }

  extraEnv: Record<string, string> = {};

  /**
   * `disbuild run <runArgs>` in the checkout, then the hook installed and the branch pushed, with `log` (where the
   * graph's commands note that they ran) emptied in between: what the push then ran is what `logged` holds.
   */
  async runThenPush(
    log: string,
    ...runArgs: string[]
  ): Promise<{ built: CliResult; installed: CliResult; pushed: CliResult; logged: string }> {
    const built = await this.cli('run', ...runArgs);
    await rm(log, { force: true });
    const installed = await this.cli('hook', 'install');
    const pushed = await this.push('-q', 'origin', 'main');
    return { built, installed, pushed, logged: await readFile(log, 'utf8').catch(() => '') };
  }

  cli(...args: string[]): Promise<CliResult> {
    return runProcess(process.execPath, [CLI, ...args], { cwd: this.clone, env: this.env });
  }

  async remoteRef(ref = 'main'): Promise<string | undefined> {
    return this.git(this.path('remote.git'), 'rev-parse', '--verify', '-q', ref).then(
      (s) => s.trim(),
      () => undefined,
    );
  }

  async cleanup(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}
