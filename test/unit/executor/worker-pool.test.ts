import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../src/executor/worker-pool.js';
import { Deferred } from '../../../src/util/deferred.js';

describe('WorkerPool', () => {
  it('never runs more tasks than its size', async () => {
    const pool = new WorkerPool(3);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        pool.run(0, async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 2));
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('starts the highest priority waiting task first, then by arrival', async () => {
    const pool = new WorkerPool(1);
    const gate = new Deferred<void>();
    const order: string[] = [];
    const blocker = pool.run(0, () => gate.promise);
    const tasks = [
      pool.run(1, async () => void order.push('low-1')),
      pool.run(5, async () => void order.push('high')),
      pool.run(1, async () => void order.push('low-2')),
      pool.run(3, async () => void order.push('mid')),
    ];
    gate.resolve();
    await Promise.all([blocker, ...tasks]);
    expect(order).toEqual(['high', 'mid', 'low-1', 'low-2']);
  });

  it('frees the slot when a task throws', async () => {
    const pool = new WorkerPool(1);
    await expect(pool.run(0, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pool.run(0, () => Promise.resolve(7))).resolves.toBe(7);
  });

  it('frees the slot when a task releases it, before the task ends, and only once', async () => {
    const pool = new WorkerPool(1);
    const firstGate = new Deferred<void>();
    const secondGate = new Deferred<void>();
    const order: string[] = [];
    const first = pool.run(0, async (release) => {
      order.push('first starts');
      release();
      release();
      await firstGate.promise;
      order.push('first ends');
    });
    const second = pool.run(0, async () => {
      order.push('second starts');
      await secondGate.promise;
    });
    const third = pool.run(0, async () => void order.push('third runs'));
    await new Promise((r) => setTimeout(r, 20));
    // The released slot went to the second task; a double release would have let the third in too.
    expect(order).toEqual(['first starts', 'second starts']);
    secondGate.resolve();
    await second;
    await third;
    expect(order).toEqual(['first starts', 'second starts', 'third runs']);
    firstGate.resolve();
    await first;
    expect(order.at(-1)).toBe('first ends');
  });
});
