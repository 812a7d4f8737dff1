import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where finished results live: `<dir>/<importPath>/<label>`. A result is written into a temp directory and
 * renamed into place, so a reader never sees half of one; files are hard-linked when possible (no copy),
 * copied otherwise, so the producer may delete its own files as soon as finish is answered.
 */
export class ResultStore {
  constructor(readonly dir: string) {}

  async put(importPath: string, files: Record<string, string>): Promise<Record<string, string>> {
    if (Object.keys(files).length === 0) return {};
    const final = join(this.dir, importPath);
    const temp = join(this.dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    await mkdir(temp, { recursive: true });
    try {
      for (const [label, path] of Object.entries(files)) {
        if (!(await stat(path)).isFile())
          throw new Error(`extra ${JSON.stringify(label)}: ${path} is not a file`);
        try {
          await link(path, join(temp, label));
        } catch {
          await copyFile(path, join(temp, label), constants.COPYFILE_FICLONE);
        }
      }
      try {
        await rename(temp, final);
      } catch (e) {
        // Already stored (a repeated finish): keep the first copy.
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
      }
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
    return Object.fromEntries(Object.keys(files).map((label) => [label, join(final, label)]));
  }
}
