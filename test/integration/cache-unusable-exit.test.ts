import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/rig.js';

describe('a run whose cache directory can hold neither the cache nor its files', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'disbuild-unusable-cache-'));
  });
  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('builds and exits at once: the coordinator takes back a claim whose files it refused', () => {
    const src = join(base, 'src');
    const cache = join(base, 'cache');
    mkdirSync(src);
    mkdirSync(cache);
    // Files where the cache and the run directory belong: the run keeps its files in the temp directory, outside
    // what the coordinator may publish from.
    writeFileSync(join(cache, 'v1'), 'x');
    writeFileSync(join(cache, 'runs'), 'x');
    writeFileSync(join(src, 'a.txt'), 'alpha\n');
    writeFileSync(
      join(src, 'graph.json'),
      JSON.stringify({
        Jobs: [
          {
            ID: '1'.repeat(40),
            Name: 'a',
            Inputs: ['a.txt'],
            Cmds: [{ Exec: ['sh', '-c', 'cat a.txt > {{OUTPUT_DIR}}/a'] }],
          },
        ],
      }),
    );
    const out = join(base, 'out');
    const started = Date.now();
    // A lease far longer than the bound below: a claim left held keeps the run until it runs out.
    const r = spawnSync(
      process.execPath,
      [CLI, 'run', '--graph', 'graph.json', '--cache-dir', cache, '--out-dir', out],
      {
        cwd: src,
        encoding: 'utf8',
        env: { ...process.env, DISBUILD_COORDINATOR_LEASE_MS: '60000', CI: '1' },
        timeout: 90_000,
      },
    );
    const took = Date.now() - started;
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/cannot be used/);
    expect(r.stdout + r.stderr).toMatch(/cannot hold this run's files/);
    expect(readFileSync(join(out, 'a', 'a'), 'utf8')).toBe('alpha\n');
    expect(took).toBeLessThan(20_000);
  }, 120_000);
});
