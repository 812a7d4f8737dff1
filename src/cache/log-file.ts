import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { ArtifactToSave } from './cache.js';

/** Logs larger than this are read for display as their two ends, never whole into memory. */
const DISPLAY_WHOLE_LIMIT = 16 * 1024 * 1024;
const DISPLAY_END_BYTES = 1024 * 1024;

/**
 * A stored log as reporters see it: the whole file up to 16 MiB, else its first and last MiB around a line
 * saying how much was left out (the same shape a live job's spilled output has). Replaying a cached job that
 * printed gigabytes costs two megabytes of memory.
 */
export async function readLogForDisplay(path: string): Promise<Buffer> {
  return (await readLogShown(path)).shown;
}

/** readLogForDisplay's bytes, and whether they are the whole file (then they can be checked against a digest). */
export async function readLogShown(path: string): Promise<{ shown: Buffer; whole: boolean }> {
  const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const st = await fh.stat();
    // A FIFO in its place is damage, not a log to wait for.
    if (!st.isFile()) throw new Error(`${path} is not a regular file`);
    const size = st.size;
    if (size <= DISPLAY_WHOLE_LIMIT) return { shown: await fh.readFile(), whole: true };
    const head = Buffer.alloc(DISPLAY_END_BYTES);
    const tail = Buffer.alloc(DISPLAY_END_BYTES);
    await fh.read(head, 0, head.length, 0);
    await fh.read(tail, 0, tail.length, size - tail.length);
    const left = size - head.length - tail.length;
    const marker = Buffer.from(`\n[… ${left} bytes left out here (${size} in all) …]\n`);
    return { shown: Buffer.concat([head, marker, tail]), whole: false };
  } finally {
    await fh.close();
  }
}

/**
 * The artifact with its spilled logs read back whole, for backends that store logs from memory (packs). Costs
 * the log's size in memory for the time of one save, never for the rest of the run.
 */
export async function withWholeLogs(a: ArtifactToSave): Promise<ArtifactToSave> {
  if (a.stdoutFile === undefined && a.stderrFile === undefined) return a;
  return {
    outputDir: a.outputDir,
    durationMs: a.durationMs,
    stdout: a.stdoutFile === undefined ? a.stdout : await readFile(a.stdoutFile),
    stderr: a.stderrFile === undefined ? a.stderr : await readFile(a.stderrFile),
  };
}
