import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

describe('disbuild run -v', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
    await rig.write({ 'graph.json': graphJson([{ name: 'echo', cmds: [{ exec: ['echo', 'OK'] }] }]) });
  });
  afterEach(() => rig.cleanup());

  it('prints the key salt in use, and nothing about it without -v', async () => {
    const verbose = await rig.runGraph(['--salt', 'clang-18', '-v']);
    expect(verbose.code, verbose.stderr).toBe(0);
    expect(verbose.stderr).toContain('disbuild: key salt "clang-18"');
    const quiet = await rig.runGraph([]);
    expect(quiet.stderr).not.toContain('key salt');
    expect((await rig.runGraph(['-v'])).stderr).toContain('disbuild: key salt ""');
  });
});
