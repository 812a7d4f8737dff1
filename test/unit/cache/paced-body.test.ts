import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { pacedBody } from '../../../src/cache/remote/paced-body.js';

/** A reader that takes 4 KiB every 500 ms: 8 KiB a second, slower than any server may be. */
const slowReader = (): { sink: Writable; got: () => number } => {
  let got = 0;
  const sink = new Writable({
    highWaterMark: 4096,
    write(chunk: Buffer, _encoding, done) {
      got += chunk.length;
      setTimeout(done, 500);
    },
  });
  return { sink, got: () => got };
};

describe('pacedBody', () => {
  it('blames the server only: bytes that came and wait for a slow reader do not count against it', async () => {
    const server = new PassThrough();
    for (let i = 0; i < 16; i++) server.write(Buffer.alloc(4096, i));
    server.end();
    const { sink, got } = slowReader();
    await pipeline(pacedBody(server, 200), sink);
    expect(got()).toBe(16 * 4096);
  }, 20_000);

  it('fails an answer that trickles', async () => {
    const server = new PassThrough();
    const drip = setInterval(() => server.write('x'), 100);
    const started = Date.now();
    try {
      await expect(pipeline(pacedBody(server, 200), slowReader().sink)).rejects.toMatchObject({
        code: 'DISBUILD_SLOW_ANSWER',
      });
    } finally {
      clearInterval(drip);
    }
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.destroyed).toBe(true);
  });

  it('fails an answer whose first bytes came fast and whose rest trickles: early bytes earn no credit for later', async () => {
    const server = new PassThrough();
    // 4 MiB at once: at 16 KiB a second on average, that would excuse four minutes of trickling.
    server.write(Buffer.alloc(4 * 1024 * 1024));
    const drip = setInterval(() => server.write('x'), 100);
    const started = Date.now();
    const sink = new Writable({ write: (_c, _e, done) => done() });
    try {
      await expect(pipeline(pacedBody(server, 200), sink)).rejects.toMatchObject({
        code: 'DISBUILD_SLOW_ANSWER',
      });
    } finally {
      clearInterval(drip);
    }
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
