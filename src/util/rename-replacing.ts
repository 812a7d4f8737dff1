import { rename, rm } from 'node:fs/promises';

/** Renames `from` onto `to`, removing whatever is at `to` first only when the rename finds something there. */
export async function renameReplacing(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EISDIR') throw e;
    await rm(to, { recursive: true, force: true });
    await rename(from, to);
  }
}
