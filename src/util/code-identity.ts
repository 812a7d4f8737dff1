import { lstatSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The identity of the code in `self`: its path and the names, sizes, modification times and inodes of every file
 * beside it. The code that matters may sit in another file than the caller's module (a chunk of the bundle loaded on
 * demand, a module beside it when run from source): an upgrade, a rebuild or a `git pull` that rewrites only that
 * file must still differ. State kept between runs and keyed by this is never read by other code.
 */
export function codeIdentity(self: string): string {
  try {
    const dir = dirname(self);
    const parts = [self];
    for (const name of readdirSync(dir).sort()) {
      const st = lstatSync(`${dir}/${name}`, { bigint: true });
      parts.push(`${name}\0${st.size}\0${st.mtimeNs}\0${st.ino}`);
    }
    return parts.join('\0');
  } catch {
    // Unknown: a value no other run shares, so nothing is reused.
    return `unknown\0${process.pid}\0${Date.now()}\0${Math.random()}`;
  }
}
