import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkedOutSubmodules } from '../../../src/ids/submodule-checkout.js';

/** Which paths of `.gitmodules` count as checked-out submodules, however the file is written. */
describe('checkedOutSubmodules', () => {
  let top: string;
  beforeEach(async () => {
    top = await mkdtemp(join(tmpdir(), 'disbuild-gitmodules-'));
    execFileSync('git', ['init', '-q'], { cwd: top });
  });
  afterEach(() => rm(top, { recursive: true, force: true }));

  const checkedOut = async (...paths: string[]): Promise<void> => {
    for (const p of paths) {
      await mkdir(join(top, p), { recursive: true });
      await writeFile(join(top, p, '.git'), 'gitdir: ../somewhere\n');
    }
  };

  it('reads keys on a section line, quoted paths and comments as git does', async () => {
    await checkedOut('a', 'b c', 'd', 'sub/e');
    await writeFile(
      join(top, '.gitmodules'),
      '[submodule "a"] path = a\n[submodule "b"]\n\tpath = "b c" ; note\n[submodule "d"]\n\tPath = d # note\n' +
        '[submodule "e"]\r\n\tpath = sub/e\r\n[submodule "gone"]\n\tpath = gone\n',
    );
    expect(checkedOutSubmodules(top).sort()).toEqual(['a', 'b c', 'd', 'sub/e']);
    expect(checkedOutSubmodules(join(top, 'sub'))).toEqual(['e']);
  });

  it('answers none without starting git when no path listed is checked out', async () => {
    // A git that says where it was started, in front of the real one.
    const bin = join(top, 'bin');
    await mkdir(bin);
    const started = join(top, 'started');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    await writeFile(join(bin, 'git'), `#!/bin/sh\necho "$@" >> ${started}\nexec ${real} "$@"\n`, {
      mode: 0o755,
    });
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    try {
      await writeFile(join(top, '.gitmodules'), '[submodule "x"]\n\tpath = x\n\turl = ../x\n');
      expect(checkedOutSubmodules(top)).toEqual([]);
      expect(existsSync(started)).toBe(false);
      await checkedOut('x');
      expect(checkedOutSubmodules(top)).toEqual(['x']);
      expect(readFileSync(started, 'utf8')).toMatch(/^config /);
      // Asked again (the keys after the listing): git read the file once; a new version of it is read anew.
      expect(checkedOutSubmodules(top)).toEqual(['x']);
      expect(readFileSync(started, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
      await writeFile(join(top, '.gitmodules'), '[submodule "x"]\n\tpath = x\n\turl = ../y\n');
      expect(checkedOutSubmodules(top)).toEqual(['x']);
      expect(readFileSync(started, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    } finally {
      process.env.PATH = path;
    }
  });
});
