import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedJob } from './workspace.js';

/** The floor: runs the same shell work in dependency order with `concurrency` slots, no keys, no cache. */
export async function runPlain(
  jobs: GeneratedJob[],
  sourceDir: string,
  outRoot: string,
  concurrency: number,
): Promise<void> {
  const done = new Map<number, Promise<void>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async (): Promise<void> => {
    if (running < concurrency) {
      running++;
      return;
    }
    await new Promise<void>((r) => waiting.push(r));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  const run = (j: GeneratedJob): Promise<void> => {
    let p = done.get(j.index);
    if (!p) {
      p = (async () => {
        await Promise.all(j.deps.map((d) => run(jobs[d]!)));
        await slot();
        try {
          const out = join(outRoot, String(j.index));
          await mkdir(out, { recursive: true });
          const script = j.script
            .replace(/DEP(\d+)/g, (_, d: string) => join(outRoot, d))
            .replace(/OUT/g, out);
          await new Promise<void>((res, rej) => {
            const c = spawn('sh', ['-c', script], { cwd: sourceDir, stdio: 'ignore' });
            c.on('close', (code) => (code === 0 ? res() : rej(new Error(`job ${j.index} exited ${code}`))));
          });
        } finally {
          release();
        }
      })();
      done.set(j.index, p);
    }
    return p;
  };
  await Promise.all(jobs.map(run));
}
