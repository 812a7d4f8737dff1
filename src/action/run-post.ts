import * as core from '@actions/core';
import { isAbsolute, join, resolve } from 'node:path';
import { removeTree } from '../util/remove-tree.js';
import { State } from './outputs.js';

/** What the post step reads: the environment and the state main saved. */
export interface PostDeps {
  env: NodeJS.ProcessEnv;
  getState: (name: string) => string;
}

/** The runner's environment and state file. */
export function postDeps(): PostDeps {
  return { env: process.env, getState: (name) => core.getState(name) };
}

/** The cache transfer directory main uses inside the workspace (see src/cache/packs/pack-cache.ts). */
export const TRANSFER_DIR = '.disbuild-cache';

/**
 * The post step: removes what main leaves behind when it is cut short (cancelled, timed out): the cache
 * transfer directory in the workspace, which later steps must not see, and the run's scratch directory.
 * It never fails the job; errors become warnings in handlePost.
 */
export async function runPost(deps: PostDeps): Promise<void> {
  const workspace = resolve(deps.env.GITHUB_WORKSPACE ?? process.cwd());
  const doomed = [join(workspace, TRANSFER_DIR)];
  const workDir = deps.getState(State.workDir);
  // Only what main recorded as its own scratch space, and only an absolute path: never a guess.
  if (workDir !== '' && isAbsolute(workDir)) doomed.push(workDir);
  for (const dir of doomed) await removeTree(dir);
}
