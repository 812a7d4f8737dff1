import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

describe("the launcher's environment", () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  it('starts the launcher without NODE_EXTRA_CA_CERTS, which Node would parse at its start', async () => {
    const certs = '/etc/ssl/certs/ca-certificates.crt';
    const file = existsSync(certs) ? certs : rig.path('no-certs.pem');
    if (file !== certs) await rig.write({ 'no-certs.pem': '' }, rig.root);
    const seen = rig.path('seen.txt');
    // The command's parent is the launcher, and its environment lacks the variable the engine's has.
    const script =
      `{ tr '\\0' '\\n' < /proc/$PPID/cmdline | grep -c launcher-process; ` +
      `tr '\\0' '\\n' < /proc/$PPID/environ | grep -c '^NODE_EXTRA_CA_CERTS=' ; ` +
      `tr '\\0' '\\n' < /proc/$(cut -d' ' -f4 /proc/$PPID/stat)/environ | grep -c '^NODE_EXTRA_CA_CERTS=' ; ` +
      `} > '${seen}' || true; echo done > <out>/a`;
    await rig.write({ 'graph.json': graphJson([{ name: 'a', cmds: [{ exec: ['sh', '-c', script] }] }]) });
    const r = await rig.runGraph([], { NODE_EXTRA_CA_CERTS: file });
    expect(r.code, r.stderr).toBe(0);
    expect((await readFile(seen, 'utf8')).split('\n')).toEqual(['1', '0', '1', '']);
  });
});
