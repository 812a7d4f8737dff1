import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionRig, type StepResult } from '../helpers/action-rig.js';
import type { JobSpec } from '../helpers/graph-json.js';

/**
 * Issue 11, through the bundled Action: concurrent writers never shadow each other, cached runs with long logs
 * download only the index, runner OS and architecture are part of every key, and a read-only token is quiet.
 */
describe('the bundled Action and the github cache index', () => {
  let rig: ActionRig;

  beforeAll(async () => {
    rig = await ActionRig.create({ 'x.txt': 'x\n' });
  });
  afterAll(() => rig.close());

  /** `runs` × 2 independent jobs; run r builds r-0 and r-1. */
  function graphOf(runs: number): Record<string, string> {
    const jobs: JobSpec[] = [];
    for (let r = 0; r < runs; r++) {
      for (let j = 0; j < 2; j++)
        jobs.push({ name: `r${r}-${j}`, cmds: [{ cat: `${r}.${j}\n`, to: '<out>/x' }] });
    }
    return { 'graph.json': rig.graph(jobs) };
  }

  /** For tests whose runs never overlap: a run checks its index publish after 50 ms, not after pauses. */
  const sequential = { DISBUILD_GHA_INDEX_CHECK_DELAY_MS: '50' };

  const ok = (r: StepResult): StepResult => {
    expect(r.code, r.stdout).toBe(0);
    return r;
  };

  // Without listing, the merge-and-check protocol; with a token that may list (actions: read), exact.
  for (const [runs, listing] of [
    [3, false],
    [8, true],
  ] as const) {
    it(`${runs} concurrent runs on one branch, each building different jobs: the next run finds every artifact${listing ? ' (actions: read)' : ''}`, async () => {
      const edit = graphOf(runs);
      const prefix = `conc${runs}`;
      const results = await Promise.all(
        Array.from({ length: runs }, (_, r) =>
          rig.main(
            { 'key-prefix': prefix, targets: `r${r}-0,r${r}-1` },
            { edit, env: { GITHUB_RUN_ID: `${100 + r}` }, listing },
          ),
        ),
      );
      for (const r of results) expect(ok(r).outputs).toMatchObject({ built: '2' });
      const next = ok(await rig.main({ 'key-prefix': prefix }, { edit, listing }));
      expect(next.outputs).toMatchObject({ cached: String(2 * runs), built: '0' });
    }, 120_000);
  }

  it('a fully cached run whose jobs printed 200 KiB each downloads only the index', async () => {
    const edit = {
      'graph.json': rig.graph(
        Array.from({ length: 3 }, (_, i) =>
          rig.job(`noisy-${i}`, `head -c 150000 /dev/urandom | base64; echo done ${i} > <out>/x`),
        ),
      ),
    };
    ok(await rig.main({ 'key-prefix': 'logs' }, { edit, env: sequential }));
    rig.service.resetStats();
    const cached = ok(await rig.main({ 'key-prefix': 'logs' }, { edit, env: sequential }));
    expect(cached.outputs).toMatchObject({ cached: '3' });
    expect(rig.service.stats()).toMatchObject({ GetCacheEntryDownloadURL: 1, download: 1 });
  });

  it('the same graph on RUNNER_OS=Linux, then macOS, without a salt: the second builds everything', async () => {
    const edit = graphOf(1);
    const linux = { RUNNER_OS: 'Linux', RUNNER_ARCH: 'X64', ...sequential };
    ok(await rig.main({ 'key-prefix': 'os' }, { edit, env: linux }));
    expect(ok(await rig.main({ 'key-prefix': 'os' }, { edit, env: linux })).outputs).toMatchObject({
      cached: '2',
    });
    const mac = ok(
      await rig.main(
        { 'key-prefix': 'os' },
        { edit, env: { RUNNER_OS: 'macOS', RUNNER_ARCH: 'ARM64', ...sequential } },
      ),
    );
    expect(mac.outputs).toMatchObject({ built: '2', cached: '0' });
    expect(mac.stdout).toContain('disbuild: key salt "macOS/ARM64"');
  });

  it('a read-only token (cache write denied) builds without a warning and saves nothing', async () => {
    const r = ok(
      await rig.main(
        { 'key-prefix': 'readonly' },
        {
          edit: graphOf(1),
          scope: { ref: 'refs/pull/9/merge', readRefs: ['refs/heads/main'], readOnly: true },
        },
      ),
    );
    expect(r.outputs).toMatchObject({ built: '2' });
    expect(r.stdout).not.toContain('::warning::');
    expect(r.stdout).not.toContain('::error::');
    expect(rig.service.entries().filter((e) => e.key.startsWith('readonly'))).toEqual([]);
  });
});
