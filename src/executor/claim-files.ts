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
 * How a finished job's result travels through the coordinator: the protocol moves flat, labelled files, so
 * the output tree is flattened into one label per file (`out~<encoded path>`), plus `stdout`, `stderr` and
 * `meta.json` (duration, directories and symlinks, which are not files).
 */
const OUT_PREFIX = 'out~';

interface Meta {
  durationMs: number;
  dirs: string[];
  symlinks: { path: string; target: string }[];
}

/** Writes the logs and metadata beside the outputs and answers the labelled files to finish with. */
export async function resultFiles(
  outputDir: string,
  scratchDir: string,
  result: { stdout: Buffer; stderr: Buffer; durationMs: number },
): Promise<Record<string, string>> {
  await mkdir(scratchDir, { recursive: true });
  const files: Record<string, string> = {};
  const meta: Meta = { durationMs: result.durationMs, dirs: [], symlinks: [] };
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      const rel = relative(outputDir, abs).split('\\').join('/');
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
  for (const [label, content] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
    ['meta.json', Buffer.from(JSON.stringify(meta))],
  ] as const) {
    const p = join(scratchDir, label);
    await writeFile(p, content);
    files[label] = p;
  }
  return files;
}

/** Rebuilds an output tree and logs from the files another holder finished with. */
export async function fromResultFiles(
  files: Record<string, string>,
  outputDir: string,
): Promise<{ stdout: Buffer; stderr: Buffer; durationMs: number }> {
  const meta = JSON.parse(await readFile(files['meta.json'] ?? '', 'utf8')) as Meta;
  await mkdir(outputDir, { recursive: true });
  for (const d of meta.dirs) await mkdir(join(outputDir, d), { recursive: true });
  for (const [label, path] of Object.entries(files)) {
    if (!label.startsWith(OUT_PREFIX)) continue;
    const rel = decodeURIComponent(label.slice(OUT_PREFIX.length));
    const dest = join(outputDir, rel);
    if (relative(outputDir, dest).startsWith('..'))
      throw new Error(`output path ${rel} escapes the output directory`);
    await mkdir(dirname(dest), { recursive: true });
    // A copy, never a link: a dependent that writes into its inputs must not change the coordinator's store.
    await copyFile(path, dest, constants.COPYFILE_FICLONE);
    const mode = (await lstat(path)).mode;
    if (mode & 0o111) await chmod(dest, mode & 0o777);
  }
  for (const s of meta.symlinks) await symlink(s.target, join(outputDir, s.path));
  return {
    stdout: await readFile(files.stdout ?? ''),
    stderr: await readFile(files.stderr ?? ''),
    durationMs: meta.durationMs,
  };
}
