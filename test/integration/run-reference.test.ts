import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

// The reference distributed-build system's own scenarios, in both template spellings.
for (const spelling of ['plain', 'go'] as const) {
  describe(`reference scenarios (${spelling} templates)`, () => {
    let rig: Rig;
    beforeEach(async () => {
      rig = await Rig.create();
    });
    afterEach(async () => {
      await rig.cleanup();
    });

    it('runs a single echo job', async () => {
      await rig.write({
        'graph.json': graphJson([{ name: 'echo', cmds: [{ exec: ['echo', 'OK'] }] }], spelling),
      });
      const r = await rig.runGraph();
      expect(r.code, r.stderr).toBe(0);
      expect(r.jobs.get('echo')).toMatchObject({ status: 'built', exitCode: 0, stdout: 'OK\n', stderr: '' });
    });

    it('does not execute a cached job again, and still replays its stdout', async () => {
      const side = rig.path('side.txt');
      await rig.write({
        'graph.json': graphJson(
          [{ name: 'cached', cmds: [{ exec: ['sh', '-c', `echo ran > ${side}; echo OK`] }] }],
          spelling,
        ),
      });
      const first = await rig.runGraph();
      expect(first.jobs.get('cached')?.status).toBe('built');
      expect(await readFile(side, 'utf8')).toBe('ran\n');
      await writeFile(side, 'written by the test');
      const second = await rig.runGraph();
      expect(second.code).toBe(0);
      expect(second.jobs.get('cached')).toMatchObject({ status: 'cached', stdout: 'OK\n' });
      expect(await readFile(side, 'utf8')).toBe('written by the test');
    });

    it('reads source files relative to the source directory', async () => {
      await rig.write({
        'a.txt': 'foo',
        'b/c.txt': 'bar',
        'graph.json': graphJson(
          [
            {
              name: 'src',
              inputs: ['a.txt', 'b/c.txt'],
              cmds: [{ exec: ['bash', '-c', 'cat a.txt; cat b/c.txt >&2'] }],
            },
          ],
          spelling,
        ),
      });
      const r = await rig.runGraph();
      expect(r.code, r.stderr).toBe(0);
      expect(r.jobs.get('src')).toMatchObject({ status: 'built', stdout: 'foo', stderr: 'bar' });
    });

    it("transfers a dependency's output directory", async () => {
      await rig.write({
        'graph.json': graphJson(
          [
            { name: 'A', cmds: [{ exec: ['sh', '-c', 'printf OK > <out>/out.txt'] }] },
            { name: 'B', deps: ['A'], cmds: [{ exec: ['cat', '<dep:A>/out.txt'] }] },
          ],
          spelling,
        ),
      });
      const r = await rig.runGraph();
      expect(r.code, r.stderr).toBe(0);
      expect(r.jobs.get('B')).toMatchObject({ status: 'built', stdout: 'OK' });
      // Second run: A is a hit restored only because B... is a hit too, so nothing is restored and both are cached.
      const again = await rig.runGraph();
      expect([...again.jobs.values()].map((j) => j.status)).toEqual(['cached', 'cached']);
      expect(again.jobs.get('B')?.stdout).toBe('OK');
    });

    it('writes cat commands to their output', async () => {
      await rig.write({
        'graph.json': graphJson(
          [
            { name: 'cat', cmds: [{ cat: 'templated <out>', to: '<out>/file.txt' }] },
            { name: 'show', deps: ['cat'], cmds: [{ exec: ['cat', '<dep:cat>/file.txt'] }] },
          ],
          spelling,
        ),
      });
      const r = await rig.runGraph();
      expect(r.code, r.stderr).toBe(0);
      expect(r.jobs.get('show')?.stdout).toMatch(/^templated \/.+/);
    });
  });
}
