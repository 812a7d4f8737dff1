import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, Rig, runProcess } from '../helpers/rig.js';

const BIN = resolve(import.meta.dirname, '../../bin/disbuild');

describe('the disbuild command (bin/disbuild)', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
  });
  afterEach(async () => {
    await rig.cleanup();
  });

  /** A link like the one npm makes in node_modules/.bin, relative, two levels away. */
  async function linkedBin(): Promise<string> {
    const dir = rig.path('project/node_modules/.bin');
    await mkdir(dir, { recursive: true });
    const via = rig.path('project/node_modules/disbuild');
    await symlink(dirname(dirname(BIN)), via);
    await symlink('../disbuild/bin/disbuild', join(dir, 'disbuild'));
    return join(dir, 'disbuild');
  }

  it('starts Node on the package it is linked from, without NODE_EXTRA_CA_CERTS, handed over under another name', async () => {
    // A `node` first on PATH that records how it was started.
    const fake = rig.path('fake-bin');
    await mkdir(fake);
    await writeFile(
      join(fake, 'node'),
      `#!/bin/sh\n{ printf '%s\\n' "$1" "$2"; printf 'extra=%s\\n' "\${NODE_EXTRA_CA_CERTS-unset}"; printf 'handed=%s\\n' "\${DISBUILD_NODE_EXTRA_CA_CERTS-unset}"; } > ${rig.path('seen')}\n`,
    );
    await chmod(join(fake, 'node'), 0o755);
    const r = await runProcess(await linkedBin(), ['--version'], {
      cwd: rig.src,
      env: {
        PATH: `${fake}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        NODE_EXTRA_CA_CERTS: '/etc/some ca.pem',
      },
    });
    expect(r.code, r.stderr).toBe(0);
    const [flag, script, extra, handed] = (await readFile(rig.path('seen'), 'utf8')).trim().split('\n');
    expect(flag).toBe('--v8-pool-size=2');
    expect(await realpath(script!)).toBe(await realpath(CLI));
    expect(extra).toBe('extra=unset');
    expect(handed).toBe('handed=/etc/some ca.pem');
  });

  it('gives NODE_EXTRA_CA_CERTS back, unchanged, to a task that lists it in env, and nothing of the handover', async () => {
    await rig.write({
      'disbuild.json': JSON.stringify({
        tasks: {
          env: {
            command: 'printf "%s|%s" "${NODE_EXTRA_CA_CERTS-unset}" "${DISBUILD_NODE_EXTRA_CA_CERTS-unset}"',
            env: ['NODE_EXTRA_CA_CERTS'],
          },
        },
      }),
    });
    execFileSync(
      'sh',
      ['-c', 'git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm init'],
      {
        cwd: rig.src,
      },
    );
    const report = rig.path('report.json');
    const r = await runProcess(await linkedBin(), ['run', '--cache-dir', rig.cacheDir, '--report', report], {
      cwd: rig.src,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: rig.path('home'),
        XDG_CACHE_HOME: rig.path('xdg'),
        CI: '1',
        NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
      },
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const jobs = (JSON.parse(await readFile(report, 'utf8')) as { jobs: { name: string; stdout: string }[] })
      .jobs;
    expect(jobs.find((j) => j.name === 'env')?.stdout).toBe('/etc/ssl/certs/ca-certificates.crt|unset');
  });
});
