import { describe, expect, it } from 'vitest';
import {
  gitlinkEntries,
  indexedFilePaths,
  indexEntries,
  parseDirtyPaths,
  parseIndexListing,
  parseIndexListingWithPaths,
  parseListing,
} from '../../../src/ids/git-output.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('parseListing', () => {
  // Captured shapes of `git ls-files -s -v -z`: regular, executable, symlink, submodule, a conflict, odd names,
  // a skip-worktree entry (S) and an assume-unchanged one (h).
  const lsFiles =
    [
      `H 100644 ${A} 0\tsrc/a.txt`,
      `H 100755 ${B} 0\tbin/run`,
      `H 120000 ${C} 0\tlink`,
      `H 160000 ${A} 0\tvendor/sub`,
      `M 100644 ${A} 1\tconflict.txt`,
      `M 100644 ${B} 2\tconflict.txt`,
      `H 100644 ${C} 0\twith\ttab and space`,
      `H 100644 ${A} 0\tline\nbreak`,
      `H 100644 ${B} 0\tdir/é 字.txt`,
      `H 100644 ${'d'.repeat(64)} 0\tsha256.txt`,
      `S 100644 ${A} 0\tsparse/out.txt`,
      `h 100644 ${B} 0\tassumed.txt`,
    ].join('\0') + '\0';

  it('reads wanted ls-files entries with their modes and blob IDs', () => {
    const wanted = ['src/a.txt', 'bin/run', 'link', 'with\ttab and space', 'line\nbreak', 'dir/é 字.txt'];
    expect(Object.fromEntries(parseListing(lsFiles, 'ls-files', wanted))).toEqual({
      'src/a.txt': { mode: 'regular', digest: A },
      'bin/run': { mode: 'executable', digest: B },
      link: { mode: 'symlink', digest: C },
      'with\ttab and space': { mode: 'regular', digest: C },
      'line\nbreak': { mode: 'regular', digest: A },
      'dir/é 字.txt': { mode: 'regular', digest: B },
    });
  });

  it('leaves out unwanted paths, submodules, conflicts and non-SHA-1 IDs', () => {
    const found = parseListing(lsFiles, 'ls-files', ['vendor/sub', 'conflict.txt', 'sha256.txt', 'nope']);
    expect(found.size).toBe(0);
    expect(parseListing(lsFiles, 'ls-files', ['src/a.txt']).size).toBe(1);
  });

  it('leaves out entries git does not compare with the working tree (skip-worktree, assume-unchanged)', () => {
    expect(parseListing(lsFiles, 'ls-files', ['sparse/out.txt', 'assumed.txt']).size).toBe(0);
  });

  it('lists the paths the index holds as files git keeps in step with the working tree (not links)', () => {
    expect([...indexedFilePaths(lsFiles)].sort()).toEqual(
      ['bin/run', 'dir/é 字.txt', 'line\nbreak', 'sha256.txt', 'src/a.txt', 'with\ttab and space'].sort(),
    );
  });

  it('parses the index once into what parseListing answers', () => {
    const index = parseIndexListing(lsFiles);
    const every = [...lsFiles.split('\0')].map((r) => r.slice(r.indexOf('\t') + 1)).filter(Boolean);
    expect(Object.fromEntries(indexEntries(index, [...every, 'nope']))).toEqual(
      Object.fromEntries(parseListing(lsFiles, 'ls-files', every)),
    );
  });

  it('lists every path of the index once per record, and the skip-worktree ones, in the same pass', () => {
    const { entries, paths } = parseIndexListingWithPaths(lsFiles);
    expect(entries).toEqual(parseIndexListing(lsFiles));
    expect(paths.paths).toEqual([
      'src/a.txt',
      'bin/run',
      'link',
      'vendor/sub',
      'conflict.txt',
      'conflict.txt',
      'with\ttab and space',
      'line\nbreak',
      'dir/é 字.txt',
      'sha256.txt',
      'sparse/out.txt',
      'assumed.txt',
    ]);
    expect(paths.skipWorktree).toEqual(['sparse/out.txt']);
    expect(paths.gitlinks).toEqual(['vendor/sub']);
  });

  it('reads ls-tree entries below a prefix', () => {
    const lsTree = [
      `100644 blob ${A}\ttop.txt`,
      `100755 blob ${B}\tsub/tool`,
      `040000 tree ${C}\tsub/dir`,
      `160000 commit ${C}\tsub/module`,
      `100664 blob ${C}\tsub/legacy`,
    ].join('\0');
    expect(
      Object.fromEntries(
        parseListing(lsTree, 'ls-tree', ['tool', 'dir', 'module', 'legacy', 'top.txt'], 'sub/'),
      ),
    ).toEqual({
      tool: { mode: 'executable', digest: B },
      legacy: { mode: 'regular', digest: C },
    });
    expect(Object.fromEntries(gitlinkEntries(lsTree, 'sub/'))).toEqual({ module: C });
    expect(Object.fromEntries(gitlinkEntries(lsTree))).toEqual({ 'sub/module': C });
  });
});

describe('parseDirtyPaths', () => {
  it('reports working-tree changes only, below the prefix, skipping rename sources', () => {
    const status =
      [
        ' M sub/modified.txt',
        'M  sub/staged-only.txt',
        'MM sub/staged-then-modified.txt',
        ' D sub/deleted.txt',
        ' T sub/type-changed',
        'UU sub/conflict.txt',
        'R  sub/renamed-to.txt',
        'sub/renamed-from.txt',
        'RM sub/renamed-and-modified.txt',
        'sub/orig.txt',
        ' M outside.txt',
        ' A sub/intent to add',
      ].join('\0') + '\0';
    expect([...parseDirtyPaths(status, 'sub/')].sort()).toEqual([
      'conflict.txt',
      'deleted.txt',
      'intent to add',
      'modified.txt',
      'renamed-and-modified.txt',
      'staged-then-modified.txt',
      'type-changed',
    ]);
  });

  it('reads an empty status as nothing dirty', () => {
    expect(parseDirtyPaths('').size).toBe(0);
  });
});
