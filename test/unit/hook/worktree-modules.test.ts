import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkWorkspacePackages } from '../../../src/hook/worktree-modules.js';

/** A checkout whose package `packages/a` has its `node_modules` installed (ignored), and a worktree of it. */
function checkoutAndWorktree(): { base: string; checkout: string; worktree: string } {
  const base = mkdtempSync(join(tmpdir(), 'disbuild-worktree-modules-'));
  const checkout = join(base, 'co');
  mkdirSync(join(checkout, 'packages/a/node_modules/dep'), { recursive: true });
  writeFileSync(join(checkout, 'package.json'), '{"name":"r"}');
  writeFileSync(join(checkout, 'packages/a/package.json'), '{"name":"a"}');
  writeFileSync(join(checkout, 'packages/a/node_modules/dep/index.js'), '');
  writeFileSync(join(checkout, '.gitignore'), 'node_modules/\n');
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: checkout, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'i');
  const worktree = join(base, 'wt');
  git('worktree', 'add', '-q', '--detach', worktree);
  return { base, checkout, worktree };
}

describe("the worktree's workspace packages", () => {
  let base: string | undefined;
  afterEach(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  for (const name of [undefined, 'GIT_LITERAL_PATHSPECS', 'GIT_NOGLOB_PATHSPECS', 'GIT_GLOB_PATHSPECS']) {
    it(`get their installed node_modules with ${name ?? 'no pathspec setting'} in the environment`, async () => {
      // Before: with any of these set, git read the listing's pathspecs otherwise, found no nested package.json,
      // and the worktree's packages had no node_modules.
      const made = checkoutAndWorktree();
      base = made.base;
      if (name) process.env[name] = '1';
      try {
        await linkWorkspacePackages(made.checkout, made.worktree, { matches: () => false, bases: [] });
      } finally {
        if (name) delete process.env[name];
      }
      expect(existsSync(join(made.worktree, 'packages/a/node_modules/dep/index.js'))).toBe(true);
    });
  }
});
