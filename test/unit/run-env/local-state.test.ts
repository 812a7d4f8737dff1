import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalState } from '../../../src/run-env/local-state.js';

describe('the local state directory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-state-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps graph validations in a bounded set of files however many graph paths runs read', async () => {
    const io = {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      env: {},
      cwd: dir,
    };
    const state = openLocalState(join(dir, 'cache'), io);
    // A graph generated into a new temp directory by every run of a CI job.
    const files = new Set(
      Array.from({ length: 200 }, (_, i) => state.validatedGraphFile(`/tmp/ci-${i}/graph.json`)),
    );
    expect(files.size).toBeLessThanOrEqual(16);
    expect(state.validatedGraphFile('/tmp/ci-7/graph.json')).toBe(
      state.validatedGraphFile('/tmp/ci-7/graph.json'),
    );
  });
});
