import { describe, expect, it } from 'vitest';
import { attributePlaces, parseConvertedPaths, parseSettings } from '../../../src/ids/git-conversions.js';

const answer = (rows: [string, string, string][]): string => rows.map((r) => r.join('\0') + '\0').join('');

describe('git conversion settings and attributes', () => {
  it('reads core.autocrlf, core.fileMode, core.symlinks and core.ignoreCase as git does', () => {
    expect(parseSettings('')).toEqual({ autocrlf: false, fileMode: true, symlinks: true, ignoreCase: false });
    expect(
      parseSettings('core.autocrlf\ninput\0core.filemode\nfalse\0core.symlinks\nNo\0core.ignorecase\ntrue\0'),
    ).toEqual({
      autocrlf: true,
      fileMode: false,
      symlinks: false,
      ignoreCase: true,
    });
    // The last value wins; a bare key is true.
    expect(parseSettings('core.autocrlf\ntrue\0core.autocrlf\nfalse\0core.filemode\0')).toMatchObject({
      autocrlf: false,
      fileMode: true,
    });
  });

  it('asks git where the disk cannot tell which attributes apply', () => {
    // Before: `~user/` was not expanded (only `~/` was), so the place looked at was a path below the work tree that
    // does not exist, and `git check-attr` was not asked although git read the file. Nor was it for attributes
    // read from a tree (`attr.tree`, `GIT_ATTR_SOURCE`).
    const places = (settings: string, env: NodeJS.ProcessEnv = { HOME: '/home/me' }): string[] | undefined =>
      attributePlaces('/w', '', ['a.txt'], '/w/.git/info/attributes', parseSettings(settings), [], env);
    expect(places('core.attributesfile\n~/attrs\0')).toEqual([
      '/w/.git/info/attributes',
      '/home/me/attrs',
      '/w/.gitattributes',
    ]);
    expect(places('core.attributesfile\n~me/attrs\0')).toBeUndefined();
    expect(places('core.attributesfile\n%(prefix)/etc/attrs\0')).toBeUndefined();
    expect(places('attr.tree\nHEAD\0')).toBeUndefined();
    expect(places('', { HOME: '/home/me', GIT_ATTR_SOURCE: 'HEAD' })).toBeUndefined();
  });

  it('finds the paths git converts, erring towards reading', () => {
    const text = answer([
      ['crlf.txt', 'text', 'set'],
      ['crlf.txt', 'eol', 'crlf'],
      ['bin.png', 'binary', 'set'],
      ['bin.png', 'diff', 'unset'],
      ['bin.png', 'text', 'unset'],
      ['bin-eol.dat', 'text', 'unset'],
      ['bin-eol.dat', 'eol', 'crlf'],
      ['eol-only.txt', 'eol', 'lf'],
      ['lfs.bin', 'filter', 'lfs'],
      ['lfs.bin', 'text', 'unset'],
      ['id.c', 'ident', 'set'],
      ['utf16.txt', 'working-tree-encoding', 'UTF-16'],
      ['legacy.txt', 'crlf', 'input'],
      ['auto.txt', 'text', 'auto'],
      ['diff-only.txt', 'diff', 'set'],
    ]);
    const paths = [
      'crlf.txt',
      'bin.png',
      'bin-eol.dat',
      'eol-only.txt',
      'lfs.bin',
      'id.c',
      'utf16.txt',
      'legacy.txt',
      'auto.txt',
      'diff-only.txt',
      'plain.txt',
    ];
    const converted = ['auto.txt', 'crlf.txt', 'eol-only.txt', 'id.c', 'legacy.txt', 'lfs.bin', 'utf16.txt'];
    expect([...parseConvertedPaths(text, paths, false)].sort()).toEqual(converted);
    // core.autocrlf converts every path without a text attribute, too; `-text` still wins.
    expect([...parseConvertedPaths(text, paths, true)].sort()).toEqual(
      [...converted, 'diff-only.txt', 'plain.txt'].sort(),
    );
  });
});
