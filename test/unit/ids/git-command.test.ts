import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitText, gitTexts } from '../../../src/ids/git-command.js';

describe('gitTexts: several git commands from one process', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-gittexts-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("answers each command's exit code and its own output, whatever their order of completion", async () => {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    await writeFile(join(dir, "it's a file.txt"), 'x');
    execFileSync('git', ['add', '-A'], { cwd: dir });
    const [where, files, missing, bad] = await Promise.all(
      gitTexts(dir, [
        ['rev-parse', '--is-inside-work-tree'],
        ['ls-files', '-z', '--', "it's a file.txt"],
        ['config', '--get', 'no.such.key'],
        ['no-such-command'],
      ]),
    );
    expect(where).toEqual({ code: 0, out: 'true\n' });
    expect(files).toEqual({ code: 0, out: "it's a file.txt\0" });
    expect(missing).toEqual({ code: 1, out: '' });
    expect(bad?.code).not.toBe(0);
    expect(bad?.out).toBe('');
  });

  it('outside a work tree, git fails and says nothing on the pipes', async () => {
    const [where] = await Promise.all(gitTexts(dir, [['rev-parse', '--is-inside-work-tree']]));
    expect(where?.code).toBe(128);
    expect(where?.out).toBe('');
  });
});

describe('gitText: a git that cannot be started', () => {
  it('names the command it ran, past the options before it', async () => {
    // Before, `git --git-dir` named the option, and `git /x/.git` its value.
    const r = await gitText(
      tmpdir(),
      ['-c', 'a.b=c', '--git-dir', '/x/.git', '--work-tree', '/x', 'status'],
      {
        env: { PATH: '/nonexistent' },
      },
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^git status: .*ENOENT/);
  });
});
