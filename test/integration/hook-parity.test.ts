import { readFile, rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphJson, type JobSpec } from '../helpers/graph-json.js';
import { PushRig } from '../helpers/git-repo.js';

/**
 * The hook decides what to build the same way whatever names the graph (a file, a command, disbuild.json): by
 * comparing keys with each pushed ref's remote commit, each commit keyed with its own configuration.
 */
describe('the pre-push hook compares with the remote alike for every graph source', () => {
  let rig: PushRig;
  let log: string;
  let commandLog: string;
  const jobs = (): JobSpec[] => [
    { name: 'lib', inputs: ['lib.txt'], cmds: [{ exec: ['sh', '-c', `echo lib >> ${log}`] }] },
    { name: 'docs', inputs: ['docs.txt'], cmds: [{ exec: ['sh', '-c', `echo docs >> ${log}`] }] },
  ];
  const executions = async (): Promise<string[]> =>
    (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).sort();
  const commandRuns = async (): Promise<number> =>
    (await readFile(commandLog, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
  /** Forgets every local build: what runs next is decided by the comparison with the remote alone. */
  const dropLocalCache = (): Promise<void> => rm(rig.path('xdg'), { recursive: true, force: true });

  beforeEach(async () => {
    rig = await PushRig.create();
    log = rig.path('executions.log');
    commandLog = rig.path('graph-command.log');
    await rig.commit({ 'graph.json': graphJson(jobs()), 'lib.txt': 'v1\n', 'docs.txt': 'docs\n' });
    const installed = await rig.cli('hook', 'install');
    expect(installed.code, installed.stderr).toBe(0);
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  async function pushed(...args: string[]): Promise<string[]> {
    await writeFile(log, '');
    const r = await rig.push('-q', ...args);
    expect(r.code, r.stderr).toBe(0);
    return executions();
  }

  it('with disbuild.graphCommand, runs only what changed since the remote commit, and nothing for an unchanged tree', async () => {
    await rig.git(rig.clone, 'config', 'disbuild.graphCommand', `echo run >> ${commandLog}; cat graph.json`);
    expect(await pushed('origin', 'main')).toEqual(['docs', 'lib']);
    await dropLocalCache();
    await rig.commit({ 'docs.txt': 'more docs\n' });
    expect(await pushed('origin', 'main')).toEqual(['docs']);

    // The same commit to a new branch: its tree equals its merge base's, so the command does not even run.
    const runs = await commandRuns();
    await dropLocalCache();
    expect(await pushed('origin', 'HEAD:other')).toEqual([]);
    expect(await commandRuns()).toBe(runs);
  });

  it("reads disbuild.json from the pushed commit, and keys the remote's commit with its own salt", async () => {
    await rig.commit({ 'disbuild.json': JSON.stringify({ graph: 'graph.json', salt: 'one' }) });
    expect(await pushed('origin', 'main')).toEqual(['docs', 'lib']);

    // Not committed: a configuration naming a graph the commit does not have changes nothing.
    await rig.write({ 'disbuild.json': JSON.stringify({ graph: 'elsewhere.json', salt: 'other' }) });
    await rig.git(rig.clone, 'commit', '-qm', 'docs', '--allow-empty');
    expect(await pushed('origin', 'main')).toEqual([]);

    // A committed salt change changes every key.
    await rig.commit({ 'disbuild.json': JSON.stringify({ graph: 'graph.json', salt: 'two' }) });
    expect(await pushed('origin', 'main')).toEqual(['docs', 'lib']);
  });

  it('gives each ref pushing one commit its own base', async () => {
    await rig.git(rig.clone, 'config', 'disbuild.graph', 'graph.json');
    // The remote's `old` has lib v1; its `main` gets lib v2.
    expect(await pushed('origin', 'main', 'main:old')).toEqual(['docs', 'lib']);
    await rig.commit({ 'lib.txt': 'v2\n' });
    expect(await pushed('origin', 'main')).toEqual(['lib']);
    await rig.commit({ 'docs.txt': 'more docs\n' });
    await dropLocalCache();
    // To `main`, only docs changed; to `old`, lib changed too: both run, whichever ref comes first.
    expect(await pushed('origin', 'main', 'main:old')).toEqual(['docs', 'lib']);
  });
});
