import { describe, expect, it } from 'vitest';
import { CoordinatorState } from '../../../src/coordinator/state.js';

function machine() {
  let n = 0;
  return new CoordinatorState({ leaseMs: 100, newToken: () => `t${++n}` });
}

describe('CoordinatorState', () => {
  it('gives the first start a token and makes the others wait', () => {
    const s = machine();
    expect(s.start('k', 1, 0)).toEqual({ kind: 'answer', answer: { token: 't1' } });
    expect(s.start('k', 2, 0)).toEqual({ kind: 'wait' });
    expect(s.running).toBe(1);
  });

  it('delivers files to every waiter and remembers them', () => {
    const s = machine();
    s.start('k', 1, 0);
    s.start('k', 2, 0);
    s.start('k', 3, 0);
    const r = s.finish('k', 't1', { extra: { a: '/a' } });
    expect(r).toEqual({
      ok: true,
      recorded: true,
      deliveries: [
        { waiter: 2, answer: { extra: { a: '/a' } } },
        { waiter: 3, answer: { extra: { a: '/a' } } },
      ],
    });
    expect(s.start('k', 4, 0)).toEqual({ kind: 'answer', answer: { extra: { a: '/a' } } });
    expect(s.finish('k', 't1', { extra: { a: '/b' } })).toEqual({
      ok: true,
      recorded: false,
      deliveries: [],
    });
  });

  it('hands a released key to the oldest waiter with a fresh token, or forgets it when none waits', () => {
    const s = machine();
    s.start('k', 1, 0);
    s.start('k', 2, 0);
    s.start('k', 3, 0);
    expect(s.release('k', 't2', 5)).toEqual({ ok: false, status: 403, error: 'wrong token for k' });
    expect(s.release('k', 't1', 5)).toEqual({
      ok: true,
      recorded: false,
      deliveries: [{ waiter: 2, answer: { token: 't2' } }],
    });
    // The old token is spent; the new holder finishes (or releases) as any holder does.
    expect(s.finish('k', 't1', { extra: {} })).toMatchObject({ ok: false, status: 403 });
    // Released again (a client that lost the answer): a no-op, the key stays with its new holder.
    expect(s.release('k', 't1', 5)).toEqual({ ok: true, recorded: false, deliveries: [] });
    expect(s.release('k', 't2', 6).ok).toBe(true);
    expect(s.release('k', 't3', 7)).toEqual({ ok: true, recorded: false, deliveries: [] });
    expect(s.running).toBe(0);
    // Forgotten (none waited), and released again: a no-op, not a 404.
    expect(s.release('k', 't3', 7)).toEqual({ ok: true, recorded: false, deliveries: [] });
    expect(s.start('k', 4, 8)).toEqual({ kind: 'answer', answer: { token: 't4' } });
    s.finish('k', 't4', { extra: {} });
    // Released after it was finished: a no-op, as a repeated finish is.
    expect(s.release('k', 't4', 9)).toEqual({ ok: true, recorded: false, deliveries: [] });
    expect(s.start('k', 5, 9)).toEqual({ kind: 'answer', answer: { extra: {} } });
  });

  it('forgets a failed build so that the next start retries', () => {
    const s = machine();
    s.start('k', 1, 0);
    s.start('k', 2, 0);
    expect(s.finish('k', 't1', { error: 'boom' })).toMatchObject({
      deliveries: [{ waiter: 2, answer: { error: 'boom' } }],
    });
    expect(s.start('k', 3, 0)).toEqual({ kind: 'answer', answer: { token: 't2' } });
  });

  it('refuses unknown keys, wrong tokens and empty results', () => {
    const s = machine();
    expect(s.finish('k', 'x', { error: 'e' })).toMatchObject({ ok: false, status: 404 });
    s.start('k', 1, 0);
    expect(s.finish('k', 'x', { error: 'e' })).toMatchObject({ ok: false, status: 403 });
    expect(s.finish('k', 't1', {})).toMatchObject({ ok: false, status: 400 });
  });

  it('hands an expired lease to the oldest waiter only, and renewals keep it', () => {
    const s = machine();
    s.start('k', 1, 0);
    s.start('k', 2, 10);
    s.start('k', 3, 20);
    expect(s.renew('k', 't1', 90)).toBe(true);
    expect(s.expire(150)).toEqual([]);
    expect(s.expire(190)).toEqual([{ waiter: 2, answer: { token: 't2' } }]);
    expect(s.renew('k', 't1', 200)).toBe(false);
    expect(s.finish('k', 't2', { extra: {} })).toMatchObject({ deliveries: [{ waiter: 3 }] });
  });

  it('drops a waiter that went away, and a lost holder with no waiters', () => {
    const s = machine();
    s.start('k', 1, 0);
    s.start('k', 2, 0);
    s.waiterGone('k', 2);
    expect(s.holderGone('k', 't1', 5)).toEqual([]);
    expect(s.running).toBe(0);
    expect(s.nextExpiry()).toBeUndefined();
  });
});
