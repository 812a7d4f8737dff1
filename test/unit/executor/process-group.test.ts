import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInGroup } from '../../../src/executor/process-group.js';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

function collect(): {
  onOutput: (stream: 'stdout' | 'stderr', chunk: Buffer) => void;
  text: (stream: 'stdout' | 'stderr') => string;
  chunks: { stream: string; at: number }[];
} {
  const bufs = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  const chunks: { stream: string; at: number }[] = [];
  return {
    onOutput: (stream, chunk) => {
      bufs[stream].push(chunk);
      chunks.push({ stream, at: Date.now() });
    },
    text: (stream) => Buffer.concat(bufs[stream]).toString(),
    chunks,
  };
}

describe('startInGroup', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-capture-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('captures stdout and stderr apart, in full, and leaves no file behind', async () => {
    const out = collect();
    // 3 MiB on stdout: more than one read of the capture file.
    const script = 'head -c 3145728 /dev/zero | tr "\\0" x; echo done; echo oops >&2; exit 4';
    const r = await startInGroup({ argv: ['sh', '-c', script], cwd: dir, env, captureDir: dir }, out.onOutput)
      .exited;
    expect(r).toEqual({ code: 4, signal: null });
    expect(out.text('stdout')).toBe('x'.repeat(3145728) + 'done\n');
    expect(out.text('stderr')).toBe('oops\n');
    expect(await readdir(dir)).toEqual([]);
  });

  it('passes output on while the command runs, not only when it exits', async () => {
    const out = collect();
    const started = Date.now();
    const r = await startInGroup(
      { argv: ['sh', '-c', 'echo first; sleep 1; echo second'], cwd: dir, env, captureDir: dir },
      out.onOutput,
    ).exited;
    expect(r.code).toBe(0);
    expect(out.text('stdout')).toBe('first\nsecond\n');
    expect(out.chunks.length).toBe(2);
    // The first line arrived well before the command ended.
    expect(out.chunks[0]!.at - started).toBeLessThan(700);
  });

  it('falls back to pipes when no capture file can be created there', async () => {
    const out = collect();
    const r = await startInGroup(
      { argv: ['sh', '-c', 'echo piped; echo err >&2'], cwd: dir, env, captureDir: join(dir, 'nope') },
      out.onOutput,
    ).exited;
    expect(r.code).toBe(0);
    expect(out.text('stdout')).toBe('piped\n');
    expect(out.text('stderr')).toBe('err\n');
  });

  it('says why a command could not be started', async () => {
    const out = collect();
    const r = await startInGroup({ argv: ['/no/such/tool'], cwd: dir, env, captureDir: dir }, out.onOutput)
      .exited;
    expect(r.error).toMatch(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });
});
