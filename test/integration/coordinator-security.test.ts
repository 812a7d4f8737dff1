import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinOrStartCoordinator } from '../../src/coordinator/discovery.js';
import { graphJson } from '../helpers/graph-json.js';
import { Rig } from '../helpers/rig.js';

/**
 * A coordinator impersonator, run as another local user (nobody): listens on a socket path, logs every
 * request it receives (with its bearer token), and answers every start with a forged result.
 */
const FAKE_SERVER = `
import { createServer } from 'node:http';
import { appendFileSync, chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const [sock, dir] = process.argv.slice(2);
const forged = join(dir, 'forged');
mkdirSync(forged, { recursive: true });
writeFileSync(join(forged, 'o'), 'forged\\n');
const meta = { durationMs: 1, stdout: '', stderr: '', dirs: [], symlinks: [], entries: [] };
writeFileSync(join(forged, 'result.json'), JSON.stringify(meta));
const server = createServer((req, res) => {
  appendFileSync(join(dir, 'requests.log'), req.method + ' ' + req.url + ' ' + req.headers.authorization + '\\n');
  req.resume();
  req.on('end', () => {
    const body = req.url.endsWith('.start')
      ? { extra: { 'result.json': join(forged, 'result.json'), 'out~o.txt': join(forged, 'o') } }
      : {};
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
});
server.listen(sock, () => {
  chmodSync(sock, 0o777);
  process.stdout.write('listening\\n');
});
`;

const NOBODY = 65534;

describe('nobody else can be the coordinator, and nothing unverified is reused', () => {
  let rig: Rig;
  let fake: ChildProcess | undefined;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    fake?.kill('SIGKILL');
    await rig.cleanup();
  });

  const twoJobs = graphJson([
    { name: 'a', cmds: [{ exec: ['sh', '-c', 'echo genuine > <out>/o.txt'] }] },
    { name: 'b', deps: ['a'], cmds: [{ exec: ['sh', '-c', 'cat <dep:a>/o.txt'] }] },
  ]);

  /** Starts the impersonator as nobody on `sock`; answers the directory where it logs. */
  async function startImpersonator(sock: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'disbuild-impersonator-'));
    await chmod(dir, 0o777);
    await writeFile(join(dir, 'fake.mjs'), FAKE_SERVER);
    await writeFile(join(dir, 'requests.log'), '');
    await chown(join(dir, 'requests.log'), NOBODY, NOBODY);
    fake = spawn(
      'setpriv',
      [
        `--reuid=${NOBODY}`,
        `--regid=${NOBODY}`,
        '--clear-groups',
        process.execPath,
        join(dir, 'fake.mjs'),
        sock,
        dir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      fake!.stdout!.on('data', () => resolve());
      fake!.on('exit', (code) => reject(new Error(`the impersonator exited with ${code}`)));
    });
    return dir;
  }

  it("never sends its token to another user's socket at the old predictable temp path, nor uses its answers", async () => {
    // A cache path too long for <cache>/coordinator/sock to be a socket path.
    const cacheDir = rig.path('c'.repeat(120));
    const coordDir = join(cacheDir, 'coordinator');
    const predictable = join(
      tmpdir(),
      `disbuild-${createHash('sha1').update(coordDir).digest('hex').slice(0, 16)}.sock`,
    );
    await rm(predictable, { force: true });
    const fakeDir = await startImpersonator(predictable);
    try {
      await rig.write({ 'graph.json': twoJobs });
      const report = rig.path('report.json');
      const run = await rig.run(
        ['run', '--graph', 'graph.json', '--cache-dir', cacheDir, '--report', report],
        {
          env: { TMPDIR: tmpdir() },
        },
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const jobs = (
        JSON.parse(await readFile(report, 'utf8')) as {
          jobs: { name: string; status: string; stdout: string }[];
        }
      ).jobs;
      expect(jobs.map((j) => [j.name, j.status])).toEqual([
        ['a', 'built'],
        ['b', 'built'],
      ]);
      expect(jobs.find((j) => j.name === 'b')?.stdout).toBe('genuine\n');
      expect(await readFile(join(fakeDir, 'requests.log'), 'utf8')).toBe('');

      // A record naming a socket that is not ours (another user's, in a directory others can write) is
      // ignored too: the next run starts its own server instead of handing that socket its token.
      await writeFile(
        join(coordDir, 'server.json'),
        JSON.stringify({ address: `unix:${predictable}`, bearer: 'not-for-you', pid: 1 }),
        { mode: 0o600 },
      );
      const again = await rig.run(
        ['run', '--graph', 'graph.json', '--cache-dir', cacheDir, '--cache', 'none'],
        {
          env: { TMPDIR: tmpdir() },
        },
      );
      expect(again.code, again.stdout + again.stderr).toBe(0);
      expect(again.stdout).toContain('genuine');
      expect(await readFile(join(fakeDir, 'requests.log'), 'utf8')).toBe('');
    } finally {
      fake?.kill('SIGKILL');
      await rm(predictable, { force: true });
      await rm(fakeDir, { recursive: true, force: true });
    }
  });

  it('finds the new server when the one it joined was replaced by a server with a token of its own', async () => {
    await rig.write({
      'graph.json': graphJson([
        { name: 'a', cmds: [{ exec: ['sh', '-c', 'sleep 1.5; echo a > <out>/o.txt'] }] },
        { name: 'b', deps: ['a'], cmds: [{ exec: ['sh', '-c', 'cat <dep:a>/o.txt'] }] },
      ]),
    });
    const first = await joinOrStartCoordinator(rig.cacheDir, { publishRoots: [rig.cacheDir] });
    const running = rig.runGraph();
    // The run has joined and claimed a: then its server goes away and another takes over the same socket path.
    while (first.server!.stats.start < 1) await new Promise((r) => setTimeout(r, 20));
    first.client.close();
    await first.server!.close();
    const second = await joinOrStartCoordinator(rig.cacheDir, { publishRoots: [rig.cacheDir] });
    try {
      expect(second.server).toBeDefined();
      expect(second.bearer).not.toBe(first.bearer);
      const r = await running;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.jobs.get('b')).toMatchObject({ status: 'built', stdout: 'a\n' });
      // b was claimed through the new server, not built past it.
      expect(second.server!.stats.start).toBeGreaterThan(0);
      expect(r.stdout).not.toContain('refused');
    } finally {
      second.client.close();
      await second.server?.close();
    }
  });

  it('builds a job itself when the result it waited for does not verify (a link out of the tree, a wrong hash)', async () => {
    await rig.write({ 'graph.json': twoJobs });
    const dry = await rig.runGraph(['--dry-run']);
    const key = dry.jobs.get('a')!.key;
    // This test process serves the coordinator and holds a's key, as a misbehaving publisher.
    const c = await joinOrStartCoordinator(rig.cacheDir, { leaseMs: 2000, publishRoots: [rig.cacheDir] });
    try {
      expect(c.server).toBeDefined();
      const claimed = await c.client.start(key);
      if (!claimed.ok || !('token' in claimed.value)) throw new Error(JSON.stringify(claimed));
      const stop = c.client.holdLease(key, claimed.value.token, 100);
      const running = rig.runGraph();
      while (c.server!.stats.start < 2) await new Promise((r) => setTimeout(r, 20));
      const forged = rig.path('cache', 'forged');
      await mkdir(forged);
      await writeFile(join(forged, 'o'), 'forged\n');
      await writeFile(
        join(forged, 'result.json'),
        JSON.stringify({
          durationMs: 1,
          stdout: '',
          stderr: '',
          dirs: [],
          symlinks: [{ path: 'escape', target: '/etc' }],
          entries: [
            { path: 'escape', type: 'symlink', mode: 0o777, size: 4, sha256: '', target: '/etc' },
            { path: 'o.txt', type: 'file', mode: 0o644, size: 7, sha256: '0'.repeat(64) },
          ],
        }),
      );
      const finished = await c.client.finish(key, claimed.value.token, {
        extra: { 'result.json': join(forged, 'result.json'), 'out~o.txt': join(forged, 'o') },
      });
      stop();
      expect(finished.ok).toBe(true);
      const r = await running;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.jobs.get('a')?.status).toBe('built');
      expect(r.jobs.get('b')?.stdout).toBe('genuine\n');
      expect(r.stdout).toContain('building it instead');
    } finally {
      c.client.close();
      await c.server?.close();
    }
  });
});
