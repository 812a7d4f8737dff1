import { describe, expect, it } from 'vitest';
import { recordFile, type RunIdentity } from '../../../src/cli/fully-cached.js';

const run = (argv: string[], env: NodeJS.ProcessEnv = { PATH: '/usr/bin' }): RunIdentity => ({
  argv,
  outDir: false,
  cwd: '/src',
  env,
  sourceDir: '/src',
  graphFile: '/src/graph.json',
  config: false,
  cacheDir: '/cache',
});

describe("the record of a fully cached run's place", () => {
  it('is chosen by the arguments as well as the source directory: a run of some targets keeps its own', () => {
    const whole = recordFile('/cache', run(['--graph', 'graph.json']));
    expect(whole).toMatch(/^\/cache\/fully-cached-v1\/slot-[0-9a-f]$/);
    expect(recordFile('/cache', run(['--graph', 'graph.json']))).toBe(whole);
    // These three fall in three slots (of sixteen).
    const slots = new Set([
      whole,
      recordFile('/cache', run(['--graph', 'graph.json', 'build'])),
      recordFile('/cache', run(['--graph', 'graph.json', 'test'])),
    ]);
    expect(slots.size).toBe(3);
  });

  it('and by the environment: runs from a terminal and from an editor, one after the other, each keep theirs', () => {
    // Before: one slot for both, each run finding the other's record and writing its own over it.
    const args = ['--graph', 'graph.json'];
    const terminal = recordFile('/cache', run(args, { PATH: '/usr/bin', TERM: 'xterm' }));
    const editor = recordFile('/cache', run(args, { PATH: '/usr/bin', TERM: 'xterm', EDITOR_PID: '42' }));
    expect(editor).not.toBe(terminal);
    // The variables that shells change between commands, which the record leaves out, choose nothing.
    expect(recordFile('/cache', run(args, { PATH: '/usr/bin', TERM: 'xterm', OLDPWD: '/', _: 'x' }))).toBe(
      terminal,
    );
  });
});
