import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORK_RECORDER } from '../helpers/fork-recorder.js';
import { Rig, runProcess } from '../helpers/rig.js';
import { writeScenario } from '../helpers/remote/scenario.js';
import { type CacheServer, startNginx } from '../helpers/remote/servers.js';

describe('remote cache over https', () => {
  let server: CacheServer;
  let certs: string;
  beforeAll(async () => {
    certs = await mkdtemp(join(tmpdir(), 'disbuild-certs-'));
    // A certificate no store knows: only NODE_EXTRA_CA_CERTS can make it trusted.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(certs, 'key.pem'),
        '-out',
        join(certs, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    execFileSync('chmod', ['644', join(certs, 'key.pem')]);
    server = await startNginx({ tls: { cert: join(certs, 'cert.pem'), key: join(certs, 'key.pem') } });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(certs, { recursive: true, force: true });
  });

  it('trusts NODE_EXTRA_CA_CERTS, and without it refuses the server with one warning and builds', async () => {
    const rig = await Rig.create();
    try {
      await writeScenario(rig);
      const remote = ['--cache', 'http', '--cache-url', server.url];
      const untrusted = await rig.runGraph([...remote, '--cache-dir', rig.path('c1')]);
      expect(untrusted.code, untrusted.stderr).toBe(0);
      const w = (untrusted.stdout + untrusted.stderr).split('\n').filter((l) => l.includes('warning:'));
      expect(w).toHaveLength(1);
      expect(w[0]).toMatch(/certificate/i);
      expect(await server.storedFiles()).toBe(0);

      await writeFile(rig.path('forks.mjs'), FORK_RECORDER);
      const trusted = await rig.runGraph([...remote, '--cache-dir', rig.path('c2')], {
        NODE_EXTRA_CA_CERTS: join(certs, 'cert.pem'),
        NODE_OPTIONS: `--import ${pathToFileURL(rig.path('forks.mjs')).href}`,
        PROCESS_LOG: rig.path('forks.log'),
      });
      expect(trusted.code, trusted.stderr).toBe(0);
      expect(trusted.stdout + trusted.stderr).not.toMatch(/warning:/);
      // Uploaded by a process whose Node did not parse the file as it started: its trust store read it.
      expect(await server.storedFiles()).toBe(4);
      const forks = (await readFile(rig.path('forks.log'), 'utf8')).split('\n');
      expect(forks.filter((l) => l.includes('upload-process'))).toEqual([
        expect.stringMatching(/ without NODE_EXTRA_CA_CERTS$/),
      ]);

      // Started as \`disbuild\` (bin/disbuild), which keeps the variable from Node's start: still trusted.
      const viaBin = await runProcess(
        resolve(import.meta.dirname, '../../bin/disbuild'),
        ['run', '--graph', 'graph.json', ...remote, '--cache-dir', rig.path('c3')],
        {
          cwd: rig.src,
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: rig.path('home'),
            XDG_CACHE_HOME: rig.path('xdg'),
            CI: '1',
            NODE_EXTRA_CA_CERTS: join(certs, 'cert.pem'),
          },
        },
      );
      expect(viaBin.code, viaBin.stderr).toBe(0);
      expect(viaBin.stdout + viaBin.stderr).not.toMatch(/warning:/);
      expect(viaBin.stdout).toMatch(/ 0 built/);
    } finally {
      await rig.cleanup();
    }
  });
});
