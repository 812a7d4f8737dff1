import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { filesOpened, JOBS, SETTLE_MS, sleep } from './fully-cached-runs.js';
import { git } from './npm-workspace.js';
import type { Rig } from './rig.js';

const NPM_SHIM = `#!/bin/sh
[ "$1" = run ] || exit 1
exec sh -c "$(${process.execPath} -e 'process.stdout.write(require(process.cwd() + "/package.json").scripts[process.argv[1]])' "$2")"
`;

/**
 * Runs of disbuild.json in a rig, for tests of the record of a fully cached run (src/cli/fully-cached.ts): a
 * workspace of JOBS packages whose build copies src/in.txt into dist/ (see `recorded`), each run telling whether
 * it took the full path (it read disbuild.json or the graph file) or the record. `npm run` goes through a shim.
 */
export async function configRecordRuns(rig: Rig) {
  // `npm run NAME` as the package's script NAME run by `sh -c`, without npm's start-up (0.2 s a job).
  await rig.write({ 'bin/npm': NPM_SHIM }, rig.root);
  chmodSync(rig.path('bin', 'npm'), 0o755);

  /** `disbuild run` as a user runs it; whether it read disbuild.json (the full path) or not (the record). */
  const run = async (
    env: Record<string, string> = {},
    extra: string[] = [],
  ): Promise<{ code: number | null; stdout: string; stderr: string; readConfig: boolean }> => {
    const r = await filesOpened(rig).run(['run', '--cache-dir', rig.cacheDir, '-q', '-j', '2', ...extra], {
      PATH: `${rig.path('bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      ...env,
    });
    return {
      ...r,
      readConfig: r.opened.some((p) => p.endsWith('disbuild.json') || p.endsWith('graph.json')),
    };
  };

  const summary = (cached: number, built: number): RegExp =>
    new RegExp(
      `^disbuild: ${cached + built} jobs: ${cached} cached, ${built} built, 0 failed, 0 skipped in `,
      'm',
    );

  const pkg = (i: number, build = 'mkdir -p dist && cp src/in.txt dist/out.txt'): string =>
    JSON.stringify({ name: `p${i}`, private: true, scripts: { build } });

  /**
   * A workspace of JOBS packages, each copying src/in.txt into dist/ (disbuild.json and `extra` left untracked when
   * `untracked`); built, run through the full path until it records, and answered by the record.
   */
  const recorded = async (
    extra: Record<string, string> = {},
    untracked = false,
    beforeRuns?: () => void,
  ): Promise<void> => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['p*'] }),
      '.gitignore': 'dist/\n',
    };
    for (let i = 0; i < JOBS; i++) {
      files[`p${i}/package.json`] = pkg(i);
      files[`p${i}/src/in.txt`] = `input ${i}\n`;
    }
    const config = {
      'disbuild.json': JSON.stringify({ tasks: { build: { script: 'build', outputs: ['dist/**'] } } }),
    };
    await rig.write(untracked ? files : { ...files, ...config, ...extra });
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'init');
    if (untracked) await rig.write({ ...config, ...extra });
    beforeRuns?.();
    const cold = await run();
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stdout).toMatch(summary(0, JOBS));
    // The first fully cached run finds the outputs in full and notes their stat data, and the cache's lookup memo is
    // written; once those settled, the next run records.
    await run();
    await sleep(SETTLE_MS);
    const full = await run();
    expect(full.code, full.stderr).toBe(0);
    expect(full.readConfig).toBe(true);
    expect(readdirSync(join(rig.cacheDir, 'fully-cached-v1'))).toHaveLength(1);
    const fast = await run();
    expect(fast.code, fast.stderr).toBe(0);
    expect(fast.stderr).toBe('');
    expect(fast.readConfig).toBe(false);
  };
  const out = (i: number): string => rig.path('src', `p${i}`, 'dist', 'out.txt');
  /** Every file the local cache's entries hold. */
  const storedFiles = (): string[] =>
    readdirSync(join(rig.cacheDir, 'v1', 'entries'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));

  /** The runs up to a record, when nothing else changes: the record's file is then there, or not. */
  const settledRuns = async (env: Record<string, string> = {}, extra: string[] = []): Promise<boolean> => {
    await run(env, extra);
    await sleep(SETTLE_MS);
    await run(env, extra);
    return existsSync(join(rig.cacheDir, 'fully-cached-v1'));
  };

  return { run, summary, pkg, recorded, out, storedFiles, settledRuns };
}
