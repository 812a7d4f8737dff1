/**
 * git's system attributes file is `$(sysconfdir)/gitattributes`: /etc's for a git installed under /usr, but
 * `<prefix>/etc` for one built elsewhere and Homebrew's own `etc` on a Mac. Keys must look where the git at hand
 * looks: an attribute there converts a file's bytes on checkout, and a key taken from the index's blob would then
 * be the key of bytes no job reads.
 *
 * git here reads /etc's: a `git` wrapper stands for a git installed under another prefix, with another system
 * file: it reads that file (as an attributes file given on its command line: `git config` does not show that) for
 * every command but `git config`, names its exec-path under its prefix, and either names the file as
 * `git var GIT_ATTR_SYSTEM` does from git 2.42 on or, as older gits, fails to. And git reads booleans its own way:
 * `GIT_ATTR_NOSYSTEM=0` (or `00`) leaves the system file on, `core.fileMode=00` is false.
 */
import { execFileSync } from 'node:child_process';
import { chmod, copyFile, link, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { CLI, Rig, runProcess } from '../helpers/rig.js';

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

describe('keys under a system attributes file outside /etc', () => {
  let rig: Rig;
  afterEach(() => rig.cleanup());

  const keyOf = async (dir: string, env: Record<string, string> = {}): Promise<string> => {
    const r = await rig.run(['ids', '--graph', 'graph.json'], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  /**
   * A repository whose a.txt, committed as `a\n`, was checked out by the wrapper at `<prefix>/bin/git` (prefix and
   * system file relative to the rig); the wrapper's directory.
   */
  const setUp = async (prefixIn: string, systemIn: string, names: boolean): Promise<string> => {
    rig = await Rig.create();
    const prefix = rig.path(prefixIn);
    const systemFile = rig.path(systemIn);
    const bin = join(prefix, 'bin');
    await mkdir(bin, { recursive: true });
    await writeFile(
      join(bin, 'git'),
      [
        '#!/bin/sh',
        names
          ? `[ "$1 $2" = "var GIT_ATTR_SYSTEM" ] && { echo '${systemFile}'; exit 0; }`
          : `[ "$1" = var ] && exit 129`,
        // Installed under the prefix, its exec-path is there.
        `[ "$1" = --exec-path ] && { echo '${join(prefix, 'libexec', 'git-core')}'; exit 0; }`,
        `[ "$1" = config ] && exec '${realGit}' "$@"`,
        `exec '${realGit}' -c core.attributesFile='${systemFile}' "$@"`,
        '',
      ].join('\n'),
    );
    await chmod(join(bin, 'git'), 0o755);
    await rig.write({
      'a.txt': 'a\n',
      'graph.json': graphJson([{ name: 't', inputs: ['a.txt'], cmds: [{ cat: 'a.txt', to: 'out.txt' }] }]),
    });
    const git = (...args: string[]): string =>
      execFileSync(join(bin, 'git'), args, {
        cwd: rig.src,
        encoding: 'utf8',
        env: { ...process.env, HOME: rig.path('home') },
      });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'a');
    await mkdir(join(systemFile, '..'), { recursive: true });
    await writeFile(systemFile, '*.txt text eol=crlf\n');
    await rm(join(rig.src, 'a.txt'));
    git('checkout', '--', 'a.txt');
    expect(await readFile(join(rig.src, 'a.txt'), 'utf8')).toBe('a\r\n');
    return bin;
  };

  /** The key of the same graph over a.txt holding `bytes`, outside git (every file read from disk). */
  const keyFromDisk = async (bytes: string): Promise<string> => {
    const dir = rig.path(`plain-${bytes.length}`);
    await mkdir(dir);
    await copyFile(join(rig.src, 'graph.json'), join(dir, 'graph.json'));
    await writeFile(join(dir, 'a.txt'), bytes);
    return keyOf(dir);
  };

  it('are those of the converted bytes when git names its system file (Homebrew)', async () => {
    const bin = await setUp('Cellar/git/2.47', 'homebrew/etc/gitattributes', true);
    const key = await keyOf(rig.src, { PATH: `${bin}:${process.env.PATH}` });
    expect(key).toBe(await keyFromDisk('a\r\n'));
    expect(key).not.toBe(await keyFromDisk('a\n'));
  });

  it('are those of the converted bytes when an older git built under another prefix cannot name it', async () => {
    const bin = await setUp('local', 'local/etc/gitattributes', false);
    const key = await keyOf(rig.src, { PATH: `${bin}:${process.env.PATH}` });
    expect(key).toBe(await keyFromDisk('a\r\n'));
  });

  it('are so too when that git runs disbuild (a hook: its exec-path, a hard link to bin/git, first on PATH)', async () => {
    const bin = await setUp('local', 'local/etc/gitattributes', false);
    const exec = rig.path('local', 'libexec', 'git-core');
    await mkdir(exec, { recursive: true });
    await link(join(bin, 'git'), join(exec, 'git'));
    const key = await keyOf(rig.src, { PATH: `${exec}:${bin}:${process.env.PATH}` });
    expect(key).toBe(await keyFromDisk('a\r\n'));
  });

  it('are so too when that git is reached through a version manager’s shim on PATH', async () => {
    const bin = await setUp('asdf/installs/git/2.39', 'asdf/installs/git/2.39/etc/gitattributes', false);
    const shims = rig.path('asdf', 'shims');
    await mkdir(shims, { recursive: true });
    await writeFile(join(shims, 'git'), `#!/bin/sh\nexec '${join(bin, 'git')}' "$@"\n`);
    await chmod(join(shims, 'git'), 0o755);
    const key = await keyOf(rig.src, { PATH: `${shims}:${process.env.PATH}` });
    expect(key).toBe(await keyFromDisk('a\r\n'));
  });

  it.each(['0', '00'])(
    'are those of the converted bytes under GIT_ATTR_NOSYSTEM=%s, which leaves /etc/gitattributes on',
    async (off) => {
      rig = await Rig.create();
      await rig.write({
        'a.txt': 'a\n',
        'graph.json': graphJson([{ name: 't', inputs: ['a.txt'], cmds: [{ cat: 'a.txt', to: 'out.txt' }] }]),
      });
      const git = (...args: string[]): string =>
        execFileSync('git', args, { cwd: rig.src, encoding: 'utf8' });
      git('init', '-q');
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'a');
      // /etc/gitattributes exists in a mount namespace of the test's own only: /etc overlaid with it.
      await mkdir(rig.path('etc-upper'));
      await mkdir(rig.path('etc-work'));
      await writeFile(rig.path('etc-upper', 'gitattributes'), '*.txt text eol=crlf\n');
      const script = [
        'set -e',
        `mount -t overlay overlay -o lowerdir=/etc,upperdir='${rig.path('etc-upper')}',workdir='${rig.path('etc-work')}' /etc`,
        'rm a.txt && git checkout -- a.txt',
        `'${process.execPath}' '${CLI}' ids --graph graph.json`,
      ].join('\n');
      const r = await runProcess('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
        cwd: rig.src,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: rig.path('home'), GIT_ATTR_NOSYSTEM: off },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(await readFile(join(rig.src, 'a.txt'), 'utf8')).toBe('a\r\n');
      expect(r.stdout).toBe(await keyFromDisk('a\r\n'));
    },
  );
});

describe('keys under git settings read as git reads them', () => {
  let rig: Rig;
  afterEach(() => rig.cleanup());

  /** A repository of `files`, committed; the key of `graph.json` in `dir` (relative to the repository). */
  const committed = async (files: Record<string, string>): Promise<(...args: string[]) => string> => {
    rig = await Rig.create();
    await rig.write(files);
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: rig.src, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'a');
    return git;
  };
  const keyOf = async (dir: string): Promise<string> => {
    const r = await rig.run(['ids', '--graph', 'graph.json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  /** The key of the graph in `graphDir` over `file` holding `bytes` (with `mode`), outside git. */
  const keyFromDisk = async (
    graphDir: string,
    file: string,
    bytes: string,
    mode = 0o644,
  ): Promise<string> => {
    const dir = rig.path('plain');
    await mkdir(dir);
    await copyFile(join(graphDir, 'graph.json'), join(dir, 'graph.json'));
    await writeFile(join(dir, file), bytes);
    await chmod(join(dir, file), mode);
    return keyOf(dir);
  };

  it('a relative core.attributesFile is read from the top of the work tree, for a graph in a subdirectory', async () => {
    const git = await committed({
      'sub/a.txt': 'a\n',
      'sub/graph.json': graphJson([
        { name: 't', inputs: ['a.txt'], cmds: [{ cat: 'a.txt', to: 'out.txt' }] },
      ]),
    });
    git('config', 'core.attributesFile', 'attrs');
    await writeFile(join(rig.src, 'attrs'), '*.txt text eol=crlf\n');
    await rm(join(rig.src, 'sub', 'a.txt'));
    git('checkout', '--', 'sub/a.txt');
    expect(await readFile(join(rig.src, 'sub', 'a.txt'), 'utf8')).toBe('a\r\n');
    const sub = join(rig.src, 'sub');
    expect(await keyOf(sub)).toBe(await keyFromDisk(sub, 'a.txt', 'a\r\n'));
  });

  it('core.fileMode=00 is false: the execute bit comes from the disk, which git no longer compares', async () => {
    const git = await committed({
      'a.sh': 'echo a\n',
      'graph.json': graphJson([{ name: 't', inputs: ['a.sh'], cmds: [{ cat: 'a.sh', to: 'out.txt' }] }]),
    });
    git('config', 'core.fileMode', '00');
    await chmod(join(rig.src, 'a.sh'), 0o755);
    expect(git('status', '--porcelain')).toBe('');
    expect(await keyOf(rig.src)).toBe(await keyFromDisk(rig.src, 'a.sh', 'echo a\n', 0o755));
  });

  it.each([
    ['a .gitattributes at the top of the work tree', 'tree'],
    ['a relative core.attributesFile', 'config'],
    ['the repository’s info/attributes', 'info'],
  ])('a source directory reached through a link to a subdirectory of the work tree: %s', async (_, where) => {
    const git = await committed({
      'sub/a.txt': 'a\n',
      'sub/graph.json': graphJson([
        { name: 't', inputs: ['a.txt'], cmds: [{ cat: 'a.txt', to: 'out.txt' }] },
      ]),
    });
    if (where === 'tree') {
      await writeFile(join(rig.src, '.gitattributes'), '*.txt text eol=crlf\n');
      git('add', '.gitattributes');
      git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'attrs');
    } else if (where === 'config') {
      git('config', 'core.attributesFile', 'attrs');
      await writeFile(join(rig.src, 'attrs'), '*.txt text eol=crlf\n');
    } else {
      // git names it relative to the directory it runs in: the link's target, not the link.
      await mkdir(join(rig.src, '.git', 'info'), { recursive: true });
      await writeFile(join(rig.src, '.git', 'info', 'attributes'), '*.txt text eol=crlf\n');
    }
    await rm(join(rig.src, 'sub', 'a.txt'));
    git('checkout', '--', 'sub/a.txt');
    expect(await readFile(join(rig.src, 'sub', 'a.txt'), 'utf8')).toBe('a\r\n');
    const elsewhere = rig.path('elsewhere');
    await mkdir(elsewhere);
    await symlink(join(rig.src, 'sub'), join(elsewhere, 'proj'));
    const r = await rig.run(['ids', '--graph', 'proj/graph.json', '--source-dir', 'proj'], {
      cwd: elsewhere,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(await keyFromDisk(join(rig.src, 'sub'), 'a.txt', 'a\r\n'));
  });
});
