import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/rig.js';

const VICTIM = 2001;
const ATTACKER = 2002;

/** Runs `sh -c script` as `uid` (and its group) through setpriv; resolves with its exit code and output. */
function runAs(
  uid: number,
  script: string,
  env: Record<string, string> = {},
): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'setpriv',
      [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', 'sh', '-c', script],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** A graph of one job, `a`, that reads `a.txt` and runs `script` with `sh -c`. */
function oneJob(script: string): string {
  return JSON.stringify({
    Jobs: [{ ID: '1'.repeat(40), Name: 'a', Inputs: ['a.txt'], Cmds: [{ Exec: ['sh', '-c', script] }] }],
  });
}

describe('state files in a cache directory shared with another user', () => {
  let base: string;
  beforeEach(() => {
    if (process.getuid?.() !== 0)
      throw new Error('this test starts two other users: it needs root (CI runs as root)');
    base = mkdtempSync(join(tmpdir(), 'disbuild-shared-state-'));
    chmodSync(base, 0o755);
  });
  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it("never writes through a link another user planted at a state file's temp name, nor reads through one", async () => {
    const shared = join(base, 'shared');
    const home = join(base, 'home');
    const src = join(base, 'src');
    for (const d of [shared, home, src]) mkdirSync(d);
    chmodSync(shared, 0o1777);
    const precious = join(home, 'precious.txt');
    writeFileSync(precious, "the victim's own data\n");
    writeFileSync(join(src, 'a.txt'), 'alpha\n');
    writeFileSync(join(src, 'graph.json'), oneJob('cat a.txt > {{OUTPUT_DIR}}/a'));
    for (const p of [home, precious, src, join(src, 'a.txt'), join(src, 'graph.json')]) {
      chownSync(p, VICTIM, VICTIM);
    }
    chmodSync(home, 0o700);
    // Where the two processes signal each other: the victim's pid, and that the links are planted.
    const signals = join(base, 'signals');
    mkdirSync(signals);
    chmodSync(signals, 0o777);
    const pidFile = join(signals, 'pid');
    const plantedFile = join(signals, 'planted');
    const slot = (s: string): string => createHash('sha1').update(s).digest('hex')[0]!;
    // The attacker makes the state directories before the victim's first run, and plants links at every temp name
    // the victim's run could use in the next few seconds: `<file>.<pid>.<ms>.tmp`.
    const names = [
      `keys-memo-v1/slot-${slot(src)}`,
      `validated-graph-v1/slot-${slot(join(src, 'graph.json'))}.json`,
    ];
    const plant = `const fs = require('fs'); const pid = fs.readFileSync(${JSON.stringify(pidFile)}, 'utf8').trim();
const now = Date.now();
for (const name of ${JSON.stringify(names)}) for (let m = now - 200; m < now + 8000; m++) {
  try { fs.symlinkSync(${JSON.stringify(precious)}, ${JSON.stringify(shared)} + '/' + name + '.' + pid + '.' + m + '.tmp'); } catch {}
}
fs.writeFileSync(${JSON.stringify(plantedFile)}, 'yes');`;
    writeFileSync(join(base, 'plant.cjs'), plant);
    const attacker = runAs(
      ATTACKER,
      `mkdir -m 777 ${shared}/keys-memo-v1 ${shared}/validated-graph-v1 && ` +
        `while [ ! -s ${pidFile} ]; do sleep 0.01; done; ${process.execPath} ${base}/plant.cjs`,
    );
    // The victim's shell writes its pid, waits for the links, then becomes the run (same pid).
    const victim = await runAs(
      VICTIM,
      `cd ${src} && echo $$ > ${pidFile} && while [ ! -e ${plantedFile} ]; do sleep 0.01; done; ` +
        `exec ${process.execPath} ${CLI} run --graph graph.json --cache-dir ${shared} -q`,
      { HOME: home },
    );
    const planted = await attacker;
    expect(planted.code, planted.out).toBe(0);
    expect(victim.code, victim.out).toBe(0);
    expect(readFileSync(precious, 'utf8')).toBe("the victim's own data\n");
    for (const name of names) {
      let st;
      try {
        st = lstatSync(join(shared, name));
      } catch {
        continue;
      }
      expect(st.isSymbolicLink(), name).toBe(false);
    }
  }, 60_000);
  it('writes no state into a state directory that another user replaced with a link, nor removes anything there', async () => {
    const shared = join(base, 'shared');
    const home = join(base, 'home');
    const src = join(base, 'src');
    for (const d of [shared, home, src]) mkdirSync(d);
    chmodSync(shared, 0o1777);
    writeFileSync(join(src, 'a.txt'), 'alpha\n');
    writeFileSync(
      join(src, 'graph.json'),
      JSON.stringify({
        Jobs: [{ ID: '1'.repeat(40), Name: 'a', Inputs: ['a.txt'], Cmds: [{ Exec: ['true'] }] }],
      }),
    );
    const slot = (s: string): string => createHash('sha1').update(s).digest('hex')[0]!;
    // The victim's own files, named as the state files and a dead write would be in those directories.
    const own = {
      [`slot-${slot(src)}`]: 'own 1\n',
      [`slot-${slot(join(src, 'graph.json'))}.json`]: 'own 2\n',
      [`slot-${slot(src)}.999999.1.tmp`]: 'own 3\n',
    };
    for (const [name, text] of Object.entries(own)) writeFileSync(join(home, name), text);
    for (const p of [
      home,
      src,
      join(src, 'a.txt'),
      join(src, 'graph.json'),
      ...Object.keys(own).map((n) => join(home, n)),
    ]) {
      chownSync(p, VICTIM, VICTIM);
    }
    const links = await runAs(
      ATTACKER,
      `ln -s ${home} ${shared}/keys-memo-v1 && ln -s ${home} ${shared}/validated-graph-v1`,
    );
    expect(links.code, links.out).toBe(0);
    for (let run = 0; run < 2; run++) {
      const victim = await runAs(
        VICTIM,
        `cd ${src} && exec ${process.execPath} ${CLI} run --graph graph.json --cache-dir ${shared} -q`,
        { HOME: home },
      );
      expect(victim.code, victim.out).toBe(0);
    }
    for (const [name, text] of Object.entries(own))
      expect(readFileSync(join(home, name), 'utf8'), name).toBe(text);
  }, 60_000);
  it("never restores a cache entry another user wrote: the victim's output is its own build, with one warning", async () => {
    const shared = join(base, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const graph = oneJob('cat a.txt > {{OUTPUT_DIR}}/a');
    // The same sources in each user's checkout: the same key.
    for (const [uid, dir] of [
      [VICTIM, 'victim'],
      [ATTACKER, 'attacker'],
    ] as const) {
      const src = join(base, dir);
      mkdirSync(join(src, 'home'), { recursive: true });
      writeFileSync(join(src, 'a.txt'), 'alpha\n');
      writeFileSync(join(src, 'graph.json'), graph);
      for (const p of [src, join(src, 'home'), join(src, 'a.txt'), join(src, 'graph.json')])
        chownSync(p, uid, uid);
    }
    const run = (uid: number, dir: string, extra = ''): Promise<{ code: number; out: string }> =>
      runAs(
        uid,
        `cd ${join(base, dir)} && ${process.execPath} ${CLI} run --graph graph.json --cache-dir ${shared} ${extra}`,
        { HOME: join(base, dir, 'home'), CI: '1' },
      );
    const built = await run(ATTACKER, 'attacker');
    expect(built.code, built.out).toBe(0);
    // The attacker rewrites its entry's output, and the digest its meta.json gives for it.
    const shard = join(shared, 'v1/entries');
    const [prefix] = readdirSync(shard);
    const [key] = readdirSync(join(shard, prefix!));
    const entry = join(shard, prefix!, key!);
    const evil = 'EVIL!\n';
    chmodSync(join(entry, 'out'), 0o755);
    chmodSync(join(entry, 'out/a'), 0o644);
    writeFileSync(join(entry, 'out/a'), evil);
    const meta = JSON.parse(readFileSync(join(entry, 'meta.json'), 'utf8')) as {
      manifest: { entries: { path: string; size: number; sha256: string }[] };
    };
    meta.manifest.entries[0]!.size = evil.length;
    meta.manifest.entries[0]!.sha256 = createHash('sha256').update(evil).digest('hex');
    writeFileSync(join(entry, 'meta.json'), JSON.stringify(meta));
    expect(lstatSync(join(entry, 'meta.json')).uid).toBe(ATTACKER);

    const out = join(base, 'victim', 'out');
    const victim = await run(VICTIM, 'victim', `--out-dir ${out}`);
    expect(victim.code, victim.out).toBe(0);
    expect(victim.out).toMatch(/1 built/);
    // The attacker made the cache's v1/ (and could swap anything the victim kept there): the victim's run uses none
    // of it, and says why.
    expect(victim.out).toMatch(
      new RegExp(
        `warning: the local cache in ${shared} cannot be used \\(${join(shared, 'v1')} belongs to another user`,
      ),
    );
    expect(readFileSync(join(out, 'a', 'a'), 'utf8')).toBe('alpha\n');
  }, 60_000);

  it("keeps no build in a cache directory another user could swap it in: the victim's outputs hold its own files only", async () => {
    const squat = join(base, 'squat');
    const src = join(base, 'victim');
    mkdirSync(join(src, 'home'), { recursive: true });
    writeFileSync(join(src, 'a.txt'), 'alpha\n');
    // A job that takes a moment, as real ones do: the attacker swaps its output directory meanwhile.
    writeFileSync(join(src, 'graph.json'), oneJob('sleep 1; cat a.txt > {{OUTPUT_DIR}}/a'));
    for (const p of [src, join(src, 'home'), join(src, 'a.txt'), join(src, 'graph.json')])
      chownSync(p, VICTIM, VICTIM);
    // The attacker makes the cache directory first, writable by all, and replaces every temp entry that appears
    // in it with one of its own, holding an extra file.
    const swap = `const fs = require('fs'); const tmp = ${JSON.stringify(join(squat, 'v1', 'tmp'))};
const until = Date.now() + 4000; const seen = new Set();
(function tick() {
  let names = []; try { names = fs.readdirSync(tmp); } catch {}
  for (const n of names) {
    const p = tmp + '/' + n;
    if (seen.has(n) || !/^[0-9]+-[0-9a-f]{12}$/.test(n) || !fs.existsSync(p + '/out')) continue;
    seen.add(n);
    try {
      fs.renameSync(p, p + '.gone');
      fs.mkdirSync(p + '/out', { recursive: true });
      fs.chmodSync(p, 0o777);
      fs.chmodSync(p + '/out', 0o777);
      fs.writeFileSync(p + '/out/evil.txt', 'EVIL\\n', { mode: 0o444 });
    } catch {}
  }
  if (Date.now() < until) setTimeout(tick, 2);
})();`;
    writeFileSync(join(base, 'swap.cjs'), swap);
    // As a name squatted in /tmp would be.
    mkdirSync(squat);
    chownSync(squat, ATTACKER, ATTACKER);
    const made = await runAs(
      ATTACKER,
      `umask 0 && mkdir -p ${squat}/v1/tmp ${squat}/v1/entries ${squat}/runs && chmod -R 777 ${squat}`,
    );
    expect(made.code, made.out).toBe(0);
    const attacker = runAs(ATTACKER, `exec ${process.execPath} ${base}/swap.cjs`);
    const out = join(src, 'out');
    const victim = await runAs(
      VICTIM,
      `cd ${src} && exec ${process.execPath} ${CLI} run --graph graph.json --cache-dir ${squat} --out-dir ${out}`,
      { HOME: join(src, 'home'), CI: '1' },
    );
    await attacker;
    expect(victim.code, victim.out).toBe(0);
    expect(readdirSync(join(out, 'a'))).toEqual(['a']);
    expect(readFileSync(join(out, 'a', 'a'), 'utf8')).toBe('alpha\n');
    expect(victim.out).toMatch(
      new RegExp(`warning: the local cache in ${squat} cannot be used \\(${squat} belongs to another user`),
    );
    expect(readdirSync(join(squat, 'v1', 'entries'))).toEqual([]);
    // Nor does it trust a coordinator there, whose record and store the attacker could swap as well.
    expect(victim.out).toMatch(
      new RegExp(`cannot use the coordinator directory: ${squat} belongs to another user`),
    );
  }, 60_000);

  it("uses a cache of its own inside a directory another user owns (root in a container, the host's workspace)", async () => {
    // The workspace is the host user's; the run is root's, and so is the cache directory it makes there.
    const workspace = join(base, 'workspace');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'a.txt'), 'alpha\n');
    writeFileSync(join(workspace, 'graph.json'), oneJob('cat a.txt > {{OUTPUT_DIR}}/a'));
    for (const p of [workspace, join(workspace, 'a.txt'), join(workspace, 'graph.json')])
      chownSync(p, VICTIM, VICTIM);
    const run = (): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [CLI, 'run', '--graph', 'graph.json', '--cache-dir', '.cache'], {
        cwd: workspace,
        encoding: 'utf8',
        env: { ...process.env, CI: '1' },
      });
    const first = run();
    expect(first.status, String(first.stdout) + String(first.stderr)).toBe(0);
    const second = run();
    expect(String(second.stdout), String(second.stderr)).toMatch(/1 cached/);
    expect(String(second.stdout) + String(second.stderr)).not.toContain('warning');
  }, 60_000);
});
