import {
  chmodSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configRecordRuns } from '../helpers/config-record-runs.js';
import { JOBS, SETTLE_MS, sleep } from '../helpers/fully-cached-runs.js';
import { Rig } from '../helpers/rig.js';
/**
 * The record of a fully cached run (src/cli/fully-cached.ts) for runs of disbuild.json's tasks with outputs in
 * place: believed only while the kept compiled graph stands as its files vouched for it (the manifests' stat data,
 * the links), and while every in-place output is as the check by stat data found it. Each test makes a record,
 * changes one thing, and checks that the next run takes the full path (it reads disbuild.json) and answers what
 * the full path answers.
 */
type Runs = Awaited<ReturnType<typeof configRecordRuns>>;

describe('the record of a fully cached run of disbuild.json', () => {
  let rig: Rig;
  let run: Runs['run'];
  let summary: Runs['summary'];
  let pkg: Runs['pkg'];
  let recorded: Runs['recorded'];
  let out: Runs['out'];
  let storedFiles: Runs['storedFiles'];
  beforeEach(async () => {
    rig = await Rig.create();
    ({ run, summary, pkg, recorded, out, storedFiles } = await configRecordRuns(rig));
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('answers a fully cached run without the compile or the engine, and puts back an output changed or removed', async () => {
    await recorded();
    // Changed in place, to bytes of the same size.
    writeFileSync(out(3), 'INPUT 3\n');
    const changed = await run();
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toMatch(summary(JOBS, 0));
    expect(changed.readConfig).toBe(true);
    expect(readFileSync(out(3), 'utf8')).toBe('input 3\n');

    rmSync(out(4));
    const removed = await run();
    expect(removed.stdout).toMatch(summary(JOBS, 0));
    expect(removed.readConfig).toBe(true);
    expect(readFileSync(out(4), 'utf8')).toBe('input 4\n');

    rmSync(rig.path('src', 'p5', 'dist'), { recursive: true });
    const gone = await run();
    expect(gone.stdout).toMatch(summary(JOBS, 0));
    expect(gone.readConfig).toBe(true);
    expect(readFileSync(out(5), 'utf8')).toBe('input 5\n');
  });

  it('writes back outputs removed whole from the cache, and leaves a damaged stored file to the full path', async () => {
    await recorded();
    for (let i = 0; i < JOBS; i++) rmSync(rig.path('src', `p${i}`, 'dist'), { recursive: true });
    const back = await run();
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(summary(JOBS, 0));
    expect(back.readConfig).toBe(false);
    for (let i = 0; i < JOBS; i++) expect(readFileSync(out(i), 'utf8')).toBe(`input ${i}\n`);
    // Written moments ago: the next run checks them in full; once they settled, a run records them again.
    expect((await run()).readConfig).toBe(true);
    await sleep(SETTLE_MS);
    expect((await run()).readConfig).toBe(true);
    expect((await run()).readConfig).toBe(false);

    // p2's stored file damaged in the cache, its dist/ removed: the record's write-back fails its check, and the
    // full path says so and builds it.
    const stored = storedFiles().find((f) => f.endsWith(join('.in-place', 'p2', 'dist', 'out.txt')))!;
    chmodSync(dirname(stored), 0o755);
    chmodSync(stored, 0o644);
    writeFileSync(stored, 'INPUT 2\n');
    rmSync(rig.path('src', 'p2', 'dist'), { recursive: true });
    const damaged = await run();
    expect(damaged.code, damaged.stderr).toBe(0);
    expect(damaged.stdout).toMatch(summary(JOBS - 1, 1));
    expect(damaged.stdout + damaged.stderr).toMatch(/could not be restored/);
    expect(damaged.readConfig).toBe(true);
    expect(readFileSync(out(2), 'utf8')).toBe('input 2\n');
  });

  it('is not believed once a file is added beside the outputs, or their directory is reached through a link', async () => {
    await recorded();
    writeFileSync(rig.path('src', 'p6', 'dist', 'new.txt'), 'n\n');
    const added = await run();
    expect(added.code, added.stderr).toBe(0);
    expect(added.readConfig).toBe(true);

    // p7's dist/ moved away, a link to it in its place: the same files, by the same stat data.
    renameSync(rig.path('src', 'p7', 'dist'), rig.path('elsewhere'));
    symlinkSync(rig.path('elsewhere'), rig.path('src', 'p7', 'dist'));
    const linked = await run();
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.readConfig).toBe(true);
  });

  it("is not believed once an untracked package's manifest or an untracked disbuild.json changed", async () => {
    // A package without a build script: no job of its own, but the compile reads its manifest.
    await recorded(
      { 'pq/package.json': JSON.stringify({ name: 'q', private: true }), 'pq/src/in.txt': 'q\n' },
      true,
    );
    // Listed as before (git lists untracked files by name): only the stat data tell.
    writeFileSync(rig.path('src', 'pq', 'package.json'), pkg(JOBS));
    const script = await run();
    expect(script.code, script.stderr).toBe(0);
    expect(script.stdout).toMatch(summary(JOBS, 1));
    expect(script.readConfig).toBe(true);
    expect(readFileSync(rig.path('src', 'pq', 'dist', 'out.txt'), 'utf8')).toBe('q\n');

    writeFileSync(rig.path('src', 'pq', 'package.json'), JSON.stringify({ name: 'q', private: true }));
    await run();
    await sleep(SETTLE_MS);
    await run();
    expect((await run()).readConfig).toBe(false);
    const config = rig.path('src', 'disbuild.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('dist/**', 'dist/*'));
    const edited = await run();
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.readConfig).toBe(true);
  });

  it('is not believed once an untracked link the compile took for a file leads to a directory', async () => {
    await recorded();
    symlinkSync('package.json', rig.path('src', 'link'));
    await run();
    await sleep(SETTLE_MS);
    await run();
    expect((await run()).readConfig).toBe(false);
    rmSync(rig.path('src', 'link'));
    symlinkSync('p1', rig.path('src', 'link'));
    const retargeted = await run();
    expect(retargeted.code, retargeted.stderr).toBe(0);
    expect(retargeted.stdout).toMatch(summary(JOBS, 0));
    expect(retargeted.readConfig).toBe(true);
    expect(readdirSync(join(rig.cacheDir, 'fully-cached-v1'))).toHaveLength(1);
  });
});
