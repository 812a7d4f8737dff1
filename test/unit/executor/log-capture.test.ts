import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommands } from '../../../src/executor/run-command.js';
import { WorkerPool } from '../../../src/executor/worker-pool.js';
import { buildJsonReport, REPORT_LOG_LIMIT } from '../../../src/report/json-report.js';
import type { JobOutcome } from '../../../src/report/events.js';

const MiB = 1024 * 1024;

describe('job output past the spill size', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-spill-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('goes to a file: memory keeps its two ends, the file all of it, the report its first MiB', async () => {
    // 40 MiB of numbered lines, so that the ends are recognisable.
    const script =
      'awk \'BEGIN { for (i = 1; i <= 1000000; i++) printf "line %039d\\n", i }\'; echo done >&2';
    const result = await runCommands([{ kind: 'exec', argv: ['sh', '-c', script], environ: [], cwd: dir }], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      timeoutMs: 0,
      slots: new WorkerPool(1),
      priority: 0,
      captureDir: dir,
      spillDir: join(dir, 'logs'),
      onOutput: () => undefined,
    });
    expect(result.exitCode).toBe(0);
    const total = 1_000_000 * 45;
    expect(result.stdout.length).toBeLessThan(3 * MiB);
    expect(result.stdout.subarray(0, 45).toString()).toBe(`line ${'1'.padStart(39, '0')}\n`);
    expect(result.stdout.subarray(-45).toString()).toBe(`line ${'1000000'.padStart(39, '0')}\n`);
    expect(result.stdout.toString()).toContain(`${total - 2 * MiB} bytes left out here (${total} in all)`);
    expect((await stat(result.stdoutFile!)).size).toBe(total);
    expect((await readFile(result.stdoutFile!)).subarray(0, MiB).equals(result.stdout.subarray(0, MiB))).toBe(
      true,
    );
    // Small logs stay in memory, whole.
    expect(result.stderr.toString()).toBe('done\n');
    expect(result.stderrFile).toBeUndefined();

    const outcome = {
      ...result,
      label: 'l',
      name: 'n',
      key: 'k',
      status: 'built',
      exitCode: 0,
      durationMs: 1,
    };
    const job = buildJsonReport({
      jobs: [outcome as unknown as JobOutcome],
      counts: { cached: 0, built: 1, failed: 0, skipped: 0 },
      durationMs: 1,
    }).jobs[0]!;
    expect(job.stdout.length).toBe(REPORT_LOG_LIMIT);
    expect(job.stdoutTruncated).toBe(true);
  });
});
