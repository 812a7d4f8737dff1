import { execFileSync } from 'node:child_process';
import { chmod, chown } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

/**
 * An input this user may not look at or read, run by a user whom the modes bind (root ignores them): a problem
 * naming the input, as for a missing one. Once the run died on an `EACCES` stack trace.
 */
describe('an input the user cannot read', () => {
  let rig: Rig;
  afterEach(async () => {
    execFileSync('chmod', ['-R', 'u+rwx', rig.root]);
    await rig.cleanup();
  });

  for (const [what, deny] of [
    ['below a directory without search permission', 'a'],
    ['without read permission', 'a/k'],
  ] as const) {
    it(`is named as unreadable, ${what}`, async () => {
      rig = await Rig.create();
      await rig.write({
        'a/k': 'k\n',
        'graph.json': graphJson([
          { name: 'j', inputs: ['a/k'], cmds: [{ exec: ['sh', '-c', 'cat a/k > <out>/o'] }] },
        ]),
      });
      execFileSync('chown', ['-R', '65534:65534', rig.root]);
      // Root's, so that the user cannot give the permission back.
      await chown(join(rig.src, deny), 0, 0);
      await chmod(join(rig.src, deny), 0o700);
      if (deny === 'a/k') await chmod(join(rig.src, deny), 0o000);
      const r = await rig.runAsNobody(['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir]);
      // Before: exit 1 and `Error: EACCES: permission denied, lstat '…/a/k'` with Node's stack.
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('job "j" Inputs[0]: input a/k cannot be read: permission denied');
      expect(r.stderr).not.toContain('    at ');
    });
  }
});
