import { describe, expect, it } from 'vitest';
import { resolveInput, type EntryKind, type TreeView } from '../../../src/ids/resolve-input.js';

/** A tree of files, directories and links, given by path. */
function tree(entries: Record<string, 'file' | 'dir' | { link: string }>): TreeView {
  return {
    kind: (p): EntryKind => {
      const e = entries[p];
      return e === undefined ? 'missing' : typeof e === 'object' ? 'link' : e;
    },
    linkText: (p) => (entries[p] as { link: string }).link,
  };
}

describe('resolveInput', () => {
  const view = tree({
    sub: 'dir',
    'sub/dir': 'dir',
    'sub/x.txt': 'file',
    'sub/f.txt': 'file',
    'x.txt': 'file',
    lnk: { link: 'sub/dir' },
    flink: { link: 'sub/f.txt' },
  });

  it('climbs with `..` from where a link leads, as the system does', () => {
    expect(resolveInput(view, 'lnk/../x.txt')).toEqual({ ok: true, real: 'sub/x.txt', linked: true });
    expect(resolveInput(view, 'sub/dir/../../x.txt')).toEqual({ ok: true, real: 'x.txt', linked: false });
  });

  it('says a link to a file is no directory when a path goes on through it', () => {
    // Before: "no such file", as though the link led nowhere.
    expect(resolveInput(view, 'flink/../x.txt')).toEqual({
      ok: false,
      problem: 'input flink/../x.txt is a dangling symbolic link (flink -> sub/f.txt: not a directory)',
    });
  });
});
