import { describe, expect, it } from 'vitest';
import { queueCommand } from '../../../src/executor/command-queue.js';
import type { Exit, Launched } from '../../../src/executor/process-group.js';
import { WorkerPool } from '../../../src/executor/worker-pool.js';
import { Deferred } from '../../../src/util/deferred.js';

/** A command whose end the test decides. */
function command(log: string[], name: string): { start: () => Launched; end: (r: Exit) => void } {
  const exit = new Deferred<Exit>();
  return {
    start: () => {
      log.push(`start ${name}`);
      return { exited: exit.promise, kill: () => exit.resolve({ code: null, signal: 'SIGKILL' }) };
    },
    end: (r) => exit.resolve(r),
  };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('queueCommand', () => {
  it('starts the next waiting command, highest priority first, before the ended one is reported', async () => {
    const slots = new WorkerPool(1);
    const log: string[] = [];
    const a = command(log, 'a');
    const low = command(log, 'low');
    const high = command(log, 'high');
    const qa = queueCommand(slots, 0, a.start, () => log.push('started a'));
    await tick();
    queueCommand(slots, 1, low.start, () => log.push('started low'));
    queueCommand(slots, 5, high.start, () => log.push('started high'));
    await tick();
    expect(log).toEqual(['start a', 'started a']);
    void qa.exited.then(() => log.push('a reported'));
    a.end({ code: 0, signal: null });
    await tick();
    expect(log).toEqual(['start a', 'started a', 'start high', 'started high', 'a reported']);
  });

  it('removes a command killed while it waits: it ends as not started and never starts', async () => {
    const slots = new WorkerPool(1);
    const log: string[] = [];
    const a = command(log, 'a');
    const waiting = command(log, 'waiting');
    queueCommand(slots, 0, a.start, () => undefined);
    await tick();
    const q = queueCommand(slots, 0, waiting.start, () => log.push('started waiting'));
    q.kill();
    expect(await q.exited).toEqual({ code: null, signal: null, notStarted: true });
    a.end({ code: 0, signal: null });
    await tick();
    await tick();
    expect(log).toEqual(['start a']);
  });

  it('answers a command Node refuses to start as an error, and frees its slot', async () => {
    const slots = new WorkerPool(1);
    const log: string[] = [];
    const q = queueCommand(
      slots,
      0,
      () => {
        throw new Error('bad argument');
      },
      () => log.push('started'),
    );
    expect(await q.exited).toEqual({ code: null, signal: null, error: 'bad argument' });
    const next = command(log, 'next');
    queueCommand(slots, 0, next.start, () => undefined);
    await tick();
    expect(log).toEqual(['started', 'start next']);
  });
});
