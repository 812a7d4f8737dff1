import { chmod, link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalAttributesFile, systemAttributesFiles } from '../../../src/ids/git-attribute-files.js';
import { gitBoolean, parseConfigRecords } from '../../../src/ids/git-config-records.js';

describe('where git reads attributes outside the tree', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-attr-files-'));
    // A git installed under <dir>/local (bin/git), found on PATH through a link from <dir>/path.
    await mkdir(join(dir, 'local', 'bin'), { recursive: true });
    await writeFile(join(dir, 'local', 'bin', 'git'), '#!/bin/sh\n');
    await chmod(join(dir, 'local', 'bin', 'git'), 0o755);
    await mkdir(join(dir, 'path'));
    await symlink(join(dir, 'local', 'bin', 'git'), join(dir, 'path', 'git'));
    // A git installed under <dir>/hooked, run by git itself (a hook): its exec-path first on PATH, whose git is a
    // hard link to bin/git, as git's `make install` leaves it.
    await mkdir(join(dir, 'hooked', 'bin'), { recursive: true });
    await mkdir(join(dir, 'hooked', 'libexec', 'git-core'), { recursive: true });
    await writeFile(join(dir, 'hooked', 'bin', 'git'), '#!/bin/sh\n');
    await chmod(join(dir, 'hooked', 'bin', 'git'), 0o755);
    await link(join(dir, 'hooked', 'bin', 'git'), join(dir, 'hooked', 'libexec', 'git-core', 'git'));
    // A file named git that is not executable: sh would pass it by, and so does the guess.
    await mkdir(join(dir, 'not-exec'));
    await writeFile(join(dir, 'not-exec', 'git'), '');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('takes the system file git names', () => {
    expect(systemAttributesFiles('/opt/homebrew/etc/gitattributes', { PATH: '' })).toEqual([
      '/opt/homebrew/etc/gitattributes',
    ]);
  });

  it('guesses /etc and the etc beside the bin of the git on PATH, where found and where it links, when git cannot say', () => {
    expect(
      systemAttributesFiles(undefined, { PATH: `${join(dir, 'not-exec')}:${join(dir, 'path')}` }),
    ).toEqual([
      '/etc/gitattributes',
      join(dir, 'etc', 'gitattributes'),
      join(dir, 'local', 'etc', 'gitattributes'),
    ]);
    expect(systemAttributesFiles(undefined, { PATH: join(dir, 'nowhere') })).toEqual(['/etc/gitattributes']);
  });

  it('guesses the prefix of a git found in its exec-path, as PATH is in a hook git runs', () => {
    const path = `${join(dir, 'hooked', 'libexec', 'git-core')}:${join(dir, 'hooked', 'bin')}`;
    expect(systemAttributesFiles(undefined, { PATH: path })).toEqual([
      '/etc/gitattributes',
      join(dir, 'hooked', 'etc', 'gitattributes'),
    ]);
  });

  it('guesses the prefix from the exec-path git names, whatever leads to it on PATH (a shim)', () => {
    expect(
      systemAttributesFiles(undefined, { PATH: join(dir, 'nowhere') }, '/opt/git/libexec/git-core'),
    ).toEqual(['/etc/gitattributes', '/opt/git/etc/gitattributes']);
  });

  it('reads GIT_ATTR_NOSYSTEM as git reads a boolean', () => {
    expect(systemAttributesFiles('/etc/gitattributes', { GIT_ATTR_NOSYSTEM: '1' })).toEqual([]);
    expect(systemAttributesFiles('/etc/gitattributes', { GIT_ATTR_NOSYSTEM: 'true' })).toEqual([]);
    // `0`, `false`, the empty string and any integer zero leave the system file on, for git as here.
    for (const off of ['0', 'false', '', '00', '+0', '0x0', '0k']) {
      expect(systemAttributesFiles('/etc/gitattributes', { GIT_ATTR_NOSYSTEM: off })).toEqual([
        '/etc/gitattributes',
      ]);
    }
  });

  it('finds the global file as git does', () => {
    expect(globalAttributesFile('~/attrs', { HOME: '/h' })).toBe('/h/attrs');
    expect(globalAttributesFile(undefined, { HOME: '/h' })).toBe('/h/.config/git/attributes');
    expect(globalAttributesFile(undefined, { HOME: '/h', XDG_CONFIG_HOME: '/x' })).toBe('/x/git/attributes');
  });
});

describe('git config -z records', () => {
  it('keep each key’s last value, lower-cased keys, no value for a bare key', () => {
    const r = parseConfigRecords(
      'Core.AutoCRLF\ntrue\0core.autocrlf\nfalse\0core.fileMode\0a.b\nline1\nline2\0',
    );
    expect([...r]).toEqual([
      ['core.autocrlf', 'false'],
      ['core.filemode', undefined],
      ['a.b', 'line1\nline2'],
    ]);
  });

  it('read booleans as git does', () => {
    expect([undefined, 'true', 'yes', 'on', '1', 'What'].map(gitBoolean)).toEqual(Array(6).fill(true));
    expect(['false', 'No', 'OFF', '0', '', ' '].map(gitBoolean)).toEqual(Array(6).fill(false));
    // Integers, as git reads them: decimal, hex, octal, signed, with a unit; non-zero is true.
    expect(['00', '+0', '-0', '0x0', '0X00', '0k', '0G'].map(gitBoolean)).toEqual(Array(7).fill(false));
    expect(['2', '-1', '0x10', '07', '1k'].map(gitBoolean)).toEqual(Array(5).fill(true));
  });
});
