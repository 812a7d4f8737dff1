import {
  chmod,
  copyFile,
  constants,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/**
 * How a finished job's result travels through the coordinator. The protocol moves flat, labelled files, so
 * the output tree is flattened into one label per file (`out~<URI-encoded path>`), and everything that is not
 * a regular file — logs, duration, directories, symlinks — goes into one `result.json`.
 */
const OUT_PREFIX = 'out~';
const RESULT = 'result.json';

interface ResultMeta {
  durationMs: number;
  stdout: string;
  stderr: string;
  dirs: string[];
  symlinks: { path: string; target: string }[];
}

/** Writes `result.json` into `scratchDir` and answers the labelled files to finish with. */
export async function resultFiles(
  outputDir: string,
  scratchDir: string,
  result: { stdout: Buffer; stderr: Buffer; durationMs: number },
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const meta: ResultMeta = {
    durationMs: result.durationMs,
    stdout: result.stdout.toString('base64'),
    stderr: result.stderr.toString('base64'),
    dirs: [],
    symlinks: [],
  };
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      const rel = relative(outputDir, abs);
      if (entry.isDirectory()) {
        meta.dirs.push(rel);
        await walk(abs);
      } else if (entry.isSymbolicLink()) {
        meta.symlinks.push({ path: rel, target: await readlink(abs) });
      } else if (entry.isFile()) {
        files[OUT_PREFIX + encodeURIComponent(rel)] = abs;
      }
    }
  };
  await walk(outputDir);
  await mkdir(scratchDir, { recursive: true });
  files[RESULT] = join(scratchDir, RESULT);
  await writeFile(files[RESULT], JSON.stringify(meta));
  return files;
}

/** Rebuilds an output tree from the files another holder finished with, and answers its logs. */
export async function fromResultFiles(
  files: Record<string, string>,
  outputDir: string,
): Promise<{ stdout: Buffer; stderr: Buffer; durationMs: number }> {
  const resultPath = files[RESULT];
  if (resultPath === undefined) throw new Error(`the result has no ${RESULT}`);
  const meta = JSON.parse(await readFile(resultPath, 'utf8')) as ResultMeta;
  const inside = (rel: string): string => {
    const dest = join(outputDir, rel);
    if (relative(outputDir, dest).startsWith('..'))
      throw new Error(`output path ${rel} escapes the output directory`);
    return dest;
  };
  await mkdir(outputDir, { recursive: true });
  for (const d of meta.dirs) await mkdir(inside(d), { recursive: true });
  for (const [label, path] of Object.entries(files)) {
    if (!label.startsWith(OUT_PREFIX)) continue;
    const dest = inside(decodeURIComponent(label.slice(OUT_PREFIX.length)));
    await mkdir(dirname(dest), { recursive: true });
    // A copy, never a link: a dependent that writes into its inputs must not change the coordinator's store.
    await copyFile(path, dest, constants.COPYFILE_FICLONE);
    const mode = (await lstat(path)).mode;
    if (mode & 0o111) await chmod(dest, mode & 0o777);
  }
  for (const s of meta.symlinks) await symlink(s.target, inside(s.path));
  return {
    stdout: Buffer.from(meta.stdout, 'base64'),
    stderr: Buffer.from(meta.stderr, 'base64'),
    durationMs: meta.durationMs,
  };
}
