import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphJson } from '../helpers/graph-json.js';
import { CLI, Rig, runProcess } from '../helpers/rig.js';

/**
 * A cache server that ignores `Range` (as the README allows) or is hostile, answering every record's GET with
 * 4 MiB: the lookups must not hold each answer whole. Before: a run of 200 jobs peaked at 1.66 GB (2.5 GB for
 * 300 jobs), every answer kept until all had come; with `--download all`, the first fix still kept a megabyte of
 * each (652 MB at 200 jobs, 912 MB at 400).
 */
describe('record answers larger than asked for', () => {
  const BODY = Buffer.alloc(4 * 1024 * 1024, 0x61);
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      if (req.method !== 'GET') {
        res.writeHead(201).end();
        return;
      }
      res.writeHead(200, { 'content-length': BODY.length }).end(BODY);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each([[[]], [['--download', 'all']]])(
    'keeps only what it asked for of each, and builds (%j)',
    async (extra) => {
      const rig = await Rig.create();
      try {
        const jobs = Array.from({ length: 400 }, (_, i) => ({
          name: `j${i}`,
          cmds: [{ exec: ['sh', '-c', `echo ${i} > <out>/o`] }],
        }));
        await rig.write({ 'graph.json': graphJson(jobs) });
        let peakKb = 0;
        let timer: NodeJS.Timeout | undefined;
        const r = await runProcess(
          process.execPath,
          [
            CLI,
            'run',
            '--graph',
            'graph.json',
            '--cache',
            'http',
            '--cache-url',
            url,
            '--cache-mode',
            'read',
            ...extra,
          ],
          {
            cwd: rig.src,
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: rig.path('home'), CI: '1' },
            onSpawn: (pid) => {
              timer = setInterval(() => {
                try {
                  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
                  if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
                } catch {
                  // Gone.
                }
              }, 10);
            },
          },
        );
        clearInterval(timer);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/400 built/);
        expect(r.stdout + r.stderr).toMatch(/remote cache .* is unusable \(the record is not JSON\)/);
        expect(peakKb).toBeGreaterThan(0);
        // What is in flight at once (a few dozen answers of 4 MiB: 370-510 MB here), whatever the number of jobs.
        expect(peakKb / 1024).toBeLessThan(750);
      } finally {
        await rig.cleanup();
      }
    },
    120_000,
  );
});
