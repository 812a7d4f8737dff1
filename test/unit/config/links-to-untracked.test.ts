import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linksAsListed, withoutDirectories } from '../../../src/config/repo-files.js';

/** Which of a listing's links disbuild.json's globs choose from (withoutDirectories), by where git tracks files. */
describe('links of a listing, by whether they lead where git tracks files', () => {
  let root: string;
  let elsewhere: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'disbuild-links-'));
    elsewhere = mkdtempSync(join(tmpdir(), 'disbuild-elsewhere-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('keeps those that reach tracked files through tracked links, and leaves out those that reach none', () => {
    mkdirSync(join(root, 'src/deep'), { recursive: true });
    mkdirSync(join(root, 'node_modules/.bin'), { recursive: true });
    writeFileSync(join(root, 'src/deep/x.txt'), 'x');
    mkdirSync(join(root, 'local'));
    mkdirSync(join(root, 'made'));
    writeFileSync(join(root, 'made/m.txt'), 'm');
    symlinkSync('src', join(root, 'u'));
    mkdirSync(join(elsewhere, 'src'));
    writeFileSync(join(elsewhere, 'src/x.txt'), 'x');
    symlinkSync(elsewhere, join(root, 'nm2'));
    writeFileSync(join(root, 'local/.env'), 'A=1');
    const links: Record<string, string> = {
      // Through a tracked link, then `..` from where it leads (src/deep/..), as the kernel resolves it.
      'via/up': '../mid/..',
      mid: 'src/deep',
      tools: 'node_modules/.bin',
      // Through a link git does not track: only what a checkout of the commit has counts.
      'through-untracked': 'nm/.bin',
      nm: 'node_modules',
      loop: 'loop2',
      loop2: 'loop',
      out: '../elsewhere',
      self: '.',
      // To a directory of untracked files git lists (inputs); through a link git does not track to tracked files.
      'to-untracked': 'made',
      // Out of the source directory through a link git does not track: stays, and keying it refuses it (what is
      // there may be sources: a sibling directory, a checkout linked in).
      'via-outside': 'nm2/src',
      'via-untracked': 'u/deep',
      // To a file where nothing is tracked: read through, and keyed by what it holds. Dangling there: no input.
      env: 'local/.env',
      gen: 'dist/gen.txt',
    };
    mkdirSync(join(root, 'via'));
    for (const [path, text] of Object.entries(links)) symlinkSync(text, join(root, path));
    const files = [...Object.keys(links), 'made/m.txt', 'src/deep/x.txt', 'u', 'nm2'].sort();
    const untracked = new Set(['nm', 'made/m.txt', 'u', 'nm2']);
    const { files: chosen, links: listed } = withoutDirectories(root, files, untracked);
    // `via/up` leads to src (tracked files below); `mid` to src/deep; `loop`, `out` and `self` stay for keying
    // to refuse or take. `tools` and `through-untracked` lead where nothing is tracked; `nm` is an untracked link
    // to a directory.
    expect(chosen).toEqual([
      'env',
      'loop',
      'loop2',
      'made/m.txt',
      'mid',
      'out',
      'self',
      'src/deep/x.txt',
      'to-untracked',
      'via-outside',
      'via-untracked',
      'via/up',
    ]);
    expect(listed.find(([f]) => f === 'tools')).toEqual([
      'tools',
      'directory',
      'node_modules/.bin',
      join(realpathSync(root), 'node_modules/.bin'),
    ]);
    expect(listed.find(([f]) => f === 'gen')).toEqual(['gen', 'nothing', 'dist/gen.txt', '']);

    expect(linksAsListed(root, listed, undefined, untracked)).toBe(true);
    // Retargeted to another place where nothing is tracked: the same choice, but the record says to compile again.
    rmSync(join(root, 'tools'));
    symlinkSync('node_modules', join(root, 'tools'));
    expect(linksAsListed(root, listed, undefined, untracked)).toBe(false);
  });
});
