import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig, MAIN_BRANCH, PULL_REQUEST } from '../helpers/action-rig.js';

/** The cache is an optimisation: whatever the service does, the build succeeds with the right outputs. */
// Each fault is injected for exactly the calls it should break: the stand-in keeps unused faults for later tests.
describe('the bundled Action when the cache service misbehaves, and across scopes', () => {
  let rig: ActionRig;
  let edit: Record<string, string>;

  beforeAll(async () => {
    rig = await ActionRig.create({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    edit = {
      'graph.json': rig.graph([
        rig.job('a', 'cat a.txt > <out>/a', { inputs: ['a.txt'] }),
        rig.job('b', 'cat <dep:a>/a b.txt > <out>/b', { inputs: ['b.txt'], deps: ['a'] }),
      ]),
    };
  });
  afterAll(() => rig.close());

  /**
   * One run at a time: no other run can publish an index beside this one's, so it checks its publish after
   * 50 ms (not three times the publish's duration, twice), and retries come after 100 ms (not 1 s and 2 s for a
   * lookup, 1 s and 3 s for a save). Faults are counted in calls, not time.
   */
  const env = {
    DISBUILD_GHA_INDEX_CHECK_DELAY_MS: '50',
    DISBUILD_GHA_LOOKUP_RETRY_PAUSE_MS: '100',
    DISBUILD_GHA_SAVE_RETRY_PAUSE_MS: '100',
  };

  /** A run that must build (or restore) b correctly into out/, whatever the cache did. */
  async function buildB(prefix: string, opts: { scope?: typeof MAIN_BRANCH } = {}) {
    const r = await rig.main(
      { 'key-prefix': prefix, targets: 'b', 'out-dir': 'out' },
      { edit, env, ...opts },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(await readFile(join(r.ws, 'out', 'b', 'b'), 'utf8')).toBe('a\nb\n');
    return r;
  }

  it('a 500 from the service: retried, then the cache is used', async () => {
    await buildB('f500');
    rig.service.injectFault({ method: 'GetCacheEntryDownloadURL', times: 1, status: 500 });
    const r = await buildB('f500');
    expect(r.executions).toEqual([]);
  });

  it('500s on download: tried twice, then builds everything, with a warning', async () => {
    await buildB('f500d');
    rig.service.injectFault({ method: 'download', times: 2, status: 500 });
    const r = await buildB('f500d');
    expect(r.executions).toEqual(['a', 'b']);
    expect(r.stdout).toContain('::warning::');
  });

  it('a slow service: waits, then uses the cache', async () => {
    await buildB('fslow');
    rig.service.injectFault({ method: 'GetCacheEntryDownloadURL', times: 1, delayMs: 1500 });
    const r = await buildB('fslow');
    expect(r.executions).toEqual([]);
    expect(r.outputs).toMatchObject({ cached: '2' });
  });

  it("a pull request's saves are invisible to the default branch; the default branch's are visible to it", async () => {
    const pr = await buildB('scope', { scope: PULL_REQUEST });
    expect(pr.executions).toEqual(['a', 'b']);
    const again = await buildB('scope', { scope: PULL_REQUEST });
    expect(again.executions).toEqual([]);
    const main = await buildB('scope', { scope: MAIN_BRANCH });
    expect(main.executions).toEqual(['a', 'b']);

    await buildB('scope2', { scope: MAIN_BRANCH });
    const otherPr = await buildB('scope2', { scope: PULL_REQUEST });
    expect(otherPr.executions).toEqual([]);
  });

  // Near the end: it may leave faults unused, and the tests after it download nothing.
  it('truncated downloads: retried, then a miss, builds, with a warning', async () => {
    await buildB('ftrunc');
    rig.service.injectFault({ method: 'download', times: 5, truncateAt: 64 });
    const r = await buildB('ftrunc');
    expect(r.executions).toEqual(['a', 'b']);
    expect(r.stdout).toContain('::warning::');
  });

  it('save: false reads but never writes', async () => {
    rig.service.resetStats();
    const r = await rig.main({ 'key-prefix': 'nosave', save: 'false' }, { edit, env });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ built: '2' });
    expect(rig.service.stats().CreateCacheEntry ?? 0).toBe(0);
  });

  // Last: the stand-in keeps unused faults, and this one leaves some (the cache stops asking after the first).
  it('429s on save: builds, warns, saves nothing', async () => {
    rig.service.resetStats();
    rig.service.injectFault({ method: 'CreateCacheEntry', times: 10, status: 429, retryAfter: 60 });
    const r = await buildB('f429');
    expect(r.outputs).toMatchObject({ built: '2' });
    expect(r.stdout).toContain('::warning::');
    expect(rig.service.entries().filter((e) => e.key.startsWith('f429'))).toEqual([]);
  });
});
