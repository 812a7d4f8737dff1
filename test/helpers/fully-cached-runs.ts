import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { graphJson } from './graph-json.js';
import { git } from './npm-workspace.js';
import type { Rig } from './rig.js';

/** More than the lookup memo's least (MEMO_MIN_KEYS): a record needs the memo to vouch for the hits. */
export const JOBS = 40;

/** Past SETTLED_MS: stat data taken sooner than this after a change vouch for nothing. */
export const SETTLE_MS = 3300;

/** A graph file's JSON, as tests edit it. */
export interface GraphDoc {
  SourceFiles: Record<string, string> | null;
  Jobs: Record<string, unknown>[];
}

export interface RecordedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Whether the run read the graph file: it took the full path, not the record (src/cli/fully-cached.ts). */
  readGraph: boolean;
}

/**
 * Runs of `disbuild run --graph graph.json` in a rig, as a user runs it (no report), for tests of the record of a
 * fully cached run: each tells whether the run read the graph file, from a log of the files the CLI's process
 * opened (a preloaded script).
 */
export function fullyCachedRuns(rig: Rig) {
  const openLog = filesOpened(rig);

  const run = async (
    extra: string[] = [],
    env: Record<string, string> = {},
    cwd = rig.src,
  ): Promise<RecordedRun> => {
    const r = await openLog.run(
      ['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir, '-q', ...extra],
      env,
      cwd,
    );
    return { ...r, readGraph: r.opened.some((p) => p.endsWith('graph.json')) };
  };

  const summary = (cached: number, built: number): RegExp =>
    new RegExp(
      `^disbuild: ${cached + built} jobs: ${cached} cached, ${built} built, 0 failed, 0 skipped in `,
      'm',
    );

  /**
   * A committed repository of JOBS jobs, each reading p<i>/in.txt (the graph's JSON given to `edit` first); built,
   * settled, then run through the full path, which records it.
   */
  const recorded = async (
    options: { edit?: (g: GraphDoc) => void; extraFiles?: Record<string, string> } = {},
  ): Promise<void> => {
    const files: Record<string, string> = { ...options.extraFiles };
    const jobs = [];
    for (let i = 0; i < JOBS; i++) {
      files[`p${i}/in.txt`] = `input ${i}\n`;
      jobs.push({
        name: `j${i}`,
        inputs: [`p${i}/in.txt`],
        cmds: [{ exec: ['sh', '-c', `cat p${i}/in.txt > <out>/o`] }],
      });
    }
    const graph = JSON.parse(graphJson(jobs)) as GraphDoc;
    options.edit?.(graph);
    files['graph.json'] = JSON.stringify(graph);
    await rig.write(files);
    git(rig.src, 'init', '-q');
    git(rig.src, 'add', '-A');
    git(rig.src, 'commit', '-qm', 'init');
    const cold = await run();
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stdout).toMatch(summary(0, JOBS));
    // The cache's directories and the graph file must have settled for their stat data to vouch for them.
    await sleep(SETTLE_MS);
    const full = await run();
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toMatch(summary(JOBS, 0));
    expect(full.readGraph).toBe(true);
    expect(existsSync(recordPath())).toBe(true);
  };

  /** The record's file, when there is one record. */
  const recordPath = (): string => {
    expect(records()).toHaveLength(1);
    return join(rig.cacheDir, 'fully-cached-v1', records()[0]!);
  };

  const records = (): string[] => {
    const dir = join(rig.cacheDir, 'fully-cached-v1');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  return { run, summary, recorded, recordPath, records };
}

/**
 * Runs of the CLI in a rig that tell which files the CLI's process opened (a preloaded script logs them): a run
 * answered by a record reads neither the graph file nor disbuild.json.
 */
export function filesOpened(rig: Rig) {
  const preload = rig.path('open-log.cjs');
  writeFileSync(
    preload,
    `const fs = require('node:fs');
if (process.argv[1].endsWith('index.js')) {
  const opened = [];
  for (const name of ['openSync', 'readFileSync']) {
    const real = fs[name];
    fs[name] = function (p, ...rest) { if (typeof p === 'string') opened.push(p); return real.call(this, p, ...rest); };
  }
  process.on('exit', () => fs.writeFileSync(process.env.OPEN_LOG, opened.join('\\n')));
}`,
  );
  // One name for every run: the environment is part of what a record vouches for.
  const log = rig.path('opened.txt');
  return {
    run: async (args: string[], env: Record<string, string> = {}, cwd = rig.src) => {
      rmSync(log, { force: true });
      const r = await rig.run(args, {
        env: { NODE_OPTIONS: `--require ${preload}`, OPEN_LOG: log, ...env },
        cwd,
      });
      return { ...r, opened: existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [] };
    },
  };
}

export { sleep };
