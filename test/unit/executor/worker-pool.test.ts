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
});
