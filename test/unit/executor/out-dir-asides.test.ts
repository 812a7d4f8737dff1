import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeCopiesLeftBehind, renameReplacing } from '../../../src/executor/out-dir-asides.js';

/** A pid no process can have (above the kernel's largest). */
const NEVER = 2 ** 22 + 1;

describe('--out-dir targets replaced and left behind', () => {
  let out: string;
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'out-dir-asides-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  const tree = async (dir: string, content: string): Promise<void> => {
    await mkdir(join(dir, 'd'), { recursive: true });
    await writeFile(join(dir, 'd', 'f'), content);
  };

  it('replaces a target whole, leaving nothing beside it', async () => {
    await tree(join(out, 't'), 'old');
    await tree(join(out, 'new'), 'new');
    await renameReplacing(join(out, 'new'), join(out, 't'));
    expect(await readdir(out)).toEqual(['t']);
    expect(await readFile(join(out, 't', 'd', 'f'), 'utf8')).toBe('new');
  });

  it('puts back the old tree of a run killed between its two renames; the unplaced new one goes', async () => {
    await tree(join(out, `.disbuild-old-${NEVER}-0123456789ab`, 't'), 'old');
    await tree(join(out, `t.disbuild-${NEVER}-0123456789ab`), 'new');
    await removeCopiesLeftBehind(out);
    expect(await readdir(out)).toEqual(['t']);
    expect(await readFile(join(out, 't', 'd', 'f'), 'utf8')).toBe('old');
  });

  it('removes the old tree of a killed run once the new one is in place, and leaves a live run its own', async () => {
    await tree(join(out, 't'), 'new');
    await tree(join(out, `.disbuild-old-${NEVER}-0123456789ab`, 't'), 'old');
    const live = spawn('sleep', ['30']);
    try {
      // Between its renames: its old tree is not this run's to put back.
      await tree(join(out, `.disbuild-old-${live.pid}-0123456789ab`, 'u'), 'old');
      await removeCopiesLeftBehind(out);
      expect((await readdir(out)).sort()).toEqual([`.disbuild-old-${live.pid}-0123456789ab`, 't']);
      expect(await readFile(join(out, 't', 'd', 'f'), 'utf8')).toBe('new');
    } finally {
      live.kill();
    }
  });
});
