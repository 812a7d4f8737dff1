import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/** One member of a hand-made tar: anything a hostile writer of a cache entry could put there. */
export interface Member {
  name: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink';
  content?: string;
  /** Target of a symlink or hard link. */
  link?: string;
}

/** A ustar header block (names up to 100 bytes are enough for these tests). */
function header(m: Member, size: number): Buffer {
  const h = Buffer.alloc(512);
  const put = (text: string, at: number, len: number): void => void h.write(text, at, len, 'utf8');
  const octal = (n: number, len: number): string => n.toString(8).padStart(len - 1, '0');
  if (Buffer.byteLength(m.name) > 100) throw new Error(`member name too long for this helper: ${m.name}`);
  put(m.name, 0, 100);
  put(octal(m.type === 'dir' ? 0o755 : 0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(Date.now() / 1000), 12), 136, 12);
  put({ file: '0', hardlink: '1', symlink: '2', dir: '5' }[m.type], 156, 1);
  put(m.link ?? '', 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${octal(sum, 7)}\0`, 148, 8);
  return h;
}

/** A zstd-compressed tar of `members`, in order, exactly as written (no normalisation of any kind). */
export function hostileArchive(members: Member[]): Buffer {
  const blocks: Buffer[] = [];
  for (const m of members) {
    const body = Buffer.from(m.type === 'file' ? (m.content ?? '') : '');
    blocks.push(header(m, body.length), body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return execFileSync('zstd', ['-q', '-c'], { input: Buffer.concat(blocks) });
}

/** The entry version @actions/cache gives a directory saved with zstd on Linux. */
export function zstdVersion(dir: string): string {
  return createHash('sha256').update(`${dir}|zstd-without-long|1.0`).digest('hex');
}
