import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { InlineLog } from './index-file.js';

/** Compressed bytes a log may take in the index: every run downloads the index, so it stays small. */
const INLINE_MAX = 1024;
/** Logs longer than this are not even tried whole (a whole log that compresses 1,000-fold is rare). */
const TRY_WHOLE_MAX = 1024 * 1024;

const compress = (b: Buffer): Buffer =>
  brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });

/**
 * What of a log the index holds: the whole log when it compresses small, else its end (the part a reader
 * wants: errors and summaries come last). The pack always has the whole log.
 */
export function inlineLog(log: Buffer): InlineLog | undefined {
  if (log.length === 0) return undefined;
  if (log.length <= TRY_WHOLE_MAX) {
    const whole = compress(log);
    if (whole.length <= INLINE_MAX) return { data: whole.toString('base64'), tail: false, bytes: log.length };
  }
  for (const n of [4096, 1024, 256]) {
    const tail = compress(log.subarray(-n));
    if (tail.length <= INLINE_MAX) return { data: tail.toString('base64'), tail: true, bytes: log.length };
  }
  return { data: compress(Buffer.alloc(0)).toString('base64'), tail: true, bytes: log.length };
}

/** The log as the index has it; a tail says where the rest is. */
export function readInlineLog(l: InlineLog | undefined): Buffer {
  if (!l) return Buffer.alloc(0);
  const text = brotliDecompressSync(Buffer.from(l.data, 'base64'));
  if (!l.tail) return text;
  const note = `[disbuild: ${l.bytes - text.length} earlier bytes of this log are in the cache pack, not downloaded]\n`;
  return Buffer.concat([Buffer.from(note), text]);
}
