import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobKey } from '../../../src/ids/brands.js';
import { UploadChild } from '../../../src/cache/remote/upload-child.js';
import { removeTree } from '../../../src/util/remove-tree.js';

/**
 * The engine's side of the upload process, against stand-ins of that process (real child processes) that end in
 * each of the ways the real one can: the count of uploads not over, and the warning the run gives at its end,
 * depend on how it ended, not on whether its last report was read before its exit was.
 */
describe('UploadChild.close', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-upload-child-'));
  });
  afterEach(async () => {
    await removeTree(dir);
  });

  /** A stand-in that takes every artifact and, told `end`, does `onEnd` (a statement, with `n` the count taken). */
  async function standIn(onEnd: string): Promise<string> {
    const program = join(dir, 'stand-in.cjs');
    await writeFile(
      program,
      `let n = 0;
process.on('message', (m) => {
  if (m.type === 'uploads') n += m.items.length;
  else if (m.type === 'end') { ${onEnd} }
});`,
    );
    return program;
  }

  function started(program: string): UploadChild {
    const c = UploadChild.start(
      { kind: 'http', url: 'http://127.0.0.1:9', idleTimeoutMs: 1000, scratchDir: dir, concurrency: 2 },
      () => undefined,
      program,
    );
    if (c === undefined) throw new Error('not started');
    for (let i = 0; i < 5; i++) {
      c.upload(`k${i}` as JobKey, dir, {
        outputDir: dir,
        durationMs: 1,
        stdout: Buffer.alloc(0),
        stderr: Buffer.alloc(0),
      });
    }
    return c;
  }

  it('counts the queue done when the process exits with 0 after being told to end, its last report unread', async () => {
    // The case of a report that the exit overtakes: the process reports nothing and exits at once.
    const c = started(await standIn('process.exit(0);'));
    expect(await c.close(10_000)).toBeUndefined();
  });

  it('counts the queue done when every upload was reported before a clean exit', async () => {
    const c = started(
      await standIn("process.send({ type: 'settled', count: n }, () => process.disconnect());"),
    );
    expect(await c.close(10_000)).toBeUndefined();
    expect(c.pending).toBe(0);
  });

  it('names an exit with another code, with the uploads it left', async () => {
    const c = started(await standIn('process.exit(3);'));
    expect(await c.close(10_000)).toEqual({ ended: 'exit code 3' });
    expect(c.pending).toBe(5);
  });

  it('kills a process that does not end within the wait, and says the wait was over', async () => {
    const c = started(await standIn('/* never ends */'));
    const t0 = Date.now();
    expect(await c.close(300)).toEqual({ waited: true });
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
