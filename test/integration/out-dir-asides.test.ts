import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

describe('--out-dir trees beside their targets', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('places a target whose name is near the file-name limit, built and cached, keeping its cache entry', async () => {
    // 240 characters: the target itself fits a file name (255 bytes); the name beside it must too.
    const name = `t${'x'.repeat(239)}`;
    await rig.write({
      'graph.json': graphJson([{ name, cmds: [{ exec: ['sh', '-c', 'printf made > <out>/m.txt'] }] }]),
    });
    for (const status of ['built', 'cached', 'cached']) {
      const r = await rig.runGraph(['--out-dir', rig.path('out')]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.jobs.get(name)?.status, r.stdout).toBe(status);
      expect(r.stdout).not.toMatch(/damaged|could not be restored/);
      expect(await rig.read(`out/${name}/m.txt`)).toBe('made');
      expect(await readdir(rig.path('out'))).toEqual([name]);
    }
  });
});
