import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { type CliResult, Rig } from '../helpers/rig.js';

/**
 * Graphs built to break the loader: each must end in exit 2 with one message naming the job and the field, and
 * nothing written (no cache directory, no run directory).
 */
describe('hostile graphs fail cleanly', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  async function run(graph: string): Promise<CliResult> {
    await rig.write({ 'graph.json': graph, 'a.txt': 'a' });
    return rig.run(['run', '--graph', 'graph.json', '--cache-dir', rig.cacheDir]);
  }

  /** The problems listed under "invalid graph", one per line. */
  function problems(r: CliResult): string[] {
    expect(r.stderr).toMatch(/^disbuild: invalid graph graph.json \(\d+ problems?\):\n/);
    return r.stderr.split('\n').slice(1, -1);
  }

  /** Nothing of a run: the only thing a start may leave is the CLI's compiled code, kept for any command. */
  function expectNothingWritten(): void {
    expect(existsSync(rig.cacheDir)).toBe(false);
    const xdg = rig.path('xdg');
    const left = existsSync(xdg) ? readdirSync(xdg, { recursive: true }).map(String) : [];
    expect(left.filter((p) => !/^disbuild(\/code(\/[^/]+\.v8)?)?$/.test(p))).toEqual([]);
  }

  it('a graph of no jobs, or whose "Jobs" is misspelled, passes with a warning', async () => {
    // Before: "0 jobs … in 0.00s" and nothing else: a graph command that printed `{}` made CI pass.
    for (const graph of ['{}', '{"jobz":[{"ID":"x"}]}']) {
      const r = await run(graph);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).toContain(
        'warning: the graph has no jobs: nothing is built or checked (an empty graph, or "Jobs" misspelled?)',
      );
    }
  });

  it('a NUL byte in an input path', async () => {
    const r = await run(graphJson([{ name: 'nul', inputs: ['a.txt\0.evil'], cmds: [{ exec: ['true'] }] }]));
    expect(r.code, r.stderr).toBe(2);
    expect(problems(r)).toEqual(['  job "nul" Inputs[0]: must not contain a NUL byte']);
    expectNothingWritten();
  });

  it('a NUL byte in an Exec argument', async () => {
    const r = await run(graphJson([{ name: 'nul', inputs: ['a.txt'], cmds: [{ exec: ['echo', 'a\0b'] }] }]));
    expect(r.code, r.stderr).toBe(2);
    expect(problems(r)).toEqual(['  job "nul" Cmds[0].Exec[1]: must not contain a NUL byte']);
    expectNothingWritten();
  });

  it('100,000 levels of nesting in an unknown key, with two differently cased copies of one key', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const job = JSON.parse(graphJson([{ name: 'deep', cmds: [{ exec: ['true'] }] }])) as {
      Jobs: [Record<string, unknown>];
    };
    // `jobs` and `Jobs`: JSON.parse loses their order, so the graph is decoded a second time, in document order.
    const text = `{"Extra": ${deep}, "jobs": null, "Jobs": ${JSON.stringify(job.Jobs)}}`;
    const r = await run(text);
    expect(r.code, r.stderr).toBe(2);
    expect(problems(r)).toEqual([
      "  Extra: nests more than 10000 levels deep, which Go's encoding/json refuses",
    ]);
    expectNothingWritten();
  });

  it('a 10 MB job name is cut in messages, its length given', async () => {
    const name = 'n'.repeat(10 * 1024 * 1024);
    const graph = JSON.parse(graphJson([{ name: 'x', cmds: [{ exec: ['true'] }] }])) as {
      Jobs: [{ Name: string; ID: string }];
    };
    graph.Jobs[0].Name = name;
    graph.Jobs[0].ID = 'not-hex';
    const r = await run(JSON.stringify(graph));
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(problems(r)).toEqual([
      `  job "${'n'.repeat(200)}…" (10485760 characters) ID: must be 40 hex characters, got "not-hex"`,
    ]);
    expectNothingWritten();
  });

  it('job names are escaped wherever a run prints them, so none can draw on the terminal or fake a line', async () => {
    const evil = 'evil\x1b[2J\r\n0 failed\u009b1m';
    const shown = 'evil\\u001b[2J\\r\\n0 failed\\u009b1m';
    await rig.write({
      'graph.json': graphJson([
        { name: evil, cmds: [{ exec: ['sh', '-c', 'echo hello; exit 3'] }] },
        { name: `${evil}-dep`, deps: [evil], cmds: [{ exec: ['true'] }] },
      ]),
    });
    const r = await rig.runGraph();
    expect(r.code).toBe(1);
    const printed = r.stdout + r.stderr;

    expect(printed).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(printed.split('\n').filter((l) => l.startsWith('0 failed'))).toEqual([]);
    expect(r.stdout).toContain(`${shown} | hello`);
    expect(r.stdout).toContain(`✗ ${shown} failed after`);
    expect(r.stdout).toContain(`- ${shown}-dep skipped: dependency "${shown}" failed`);
    expect(r.stdout).toContain(`  failed: ${shown} (exited with code 3)`);
    // The report keeps the names as they are.
    expect(r.jobs.get(evil)?.status).toBe('failed');
  });
});
