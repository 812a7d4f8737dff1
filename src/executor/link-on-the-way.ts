import { lstatSync } from 'node:fs';

/**
 * The first directory on the way from `root` to `rel` (a proper prefix of `rel`) that is a symbolic link, or
 * anything but a directory; undefined when every one is a real directory or missing. In-place outputs are never
 * listed, removed or written through a link: one that points out of the checkout would take them there.
 * `checked` remembers directories found real, for the calls of one pass.
 */
export function linkOnTheWay(root: string, rel: string, checked = new Set<string>()): string | undefined {
  for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) {
    const dir = rel.slice(0, i);
    if (checked.has(dir)) continue;
    const st = lstatSync(`${root}/${dir}`, { throwIfNoEntry: false });
    if (st === undefined) return undefined;
    if (!st.isDirectory()) return dir;
    checked.add(dir);
  }
  return undefined;
}
