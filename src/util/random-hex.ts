import { randomFillSync } from 'node:crypto';

/** Random bytes drawn at once and handed out in slices: one system call and one OpenSSL call per 4 KiB. */
const pool = Buffer.allocUnsafe(4096);
let used = pool.length;

/**
 * `bytes` cryptographically random bytes as hex, for names and tokens made once per job (temp directories, lease
 * tokens). Same randomness as `randomBytes(bytes).toString('hex')`, at a fraction of its cost: each of those is a
 * job of its own in Node's crypto layer, some 5–15 µs, paid twice per built job.
 */
export function randomHex(bytes: number): string {
  if (bytes > pool.length) throw new RangeError(`randomHex: at most ${pool.length} bytes`);
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const hex = pool.toString('hex', used, used + bytes);
  // Never handed out twice.
  pool.fill(0, used, used + bytes);
  used += bytes;
  return hex;
}
