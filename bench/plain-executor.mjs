// The floor for the cold-run benchmark: runs the same shell work in dependency order with a fixed number of
// slots, no keys, no cache, no output capture. A process of its own, plain JavaScript: in the benchmark's own
// process (hundreds of megabytes by then) every fork would cost more, and the floor would flatter the engine.
//
// node bench/plain-executor.mjs JOBS_JSON SOURCE_DIR OUT_ROOT CONCURRENCY
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const [jobsFile, sourceDir, outRoot, concurrencyArg] = process.argv.slice(2);
/** @type {{ index: number; deps: number[]; script: string }[]} */
const jobs = JSON.parse(await readFile(jobsFile, 'utf8'));
const concurrency = Number(concurrencyArg);

const done = new Map();
let running = 0;
const waiting = [];
const slot = async () => {
  if (running < concurrency) {
    running++;
    return;
  }
  await new Promise((r) => waiting.push(r));
};
const release = () => {
  const next = waiting.shift();
  if (next) next();
  else running--;
};
const run = (j) => {
  let p = done.get(j.index);
  if (!p) {
    p = (async () => {
      await Promise.all(j.deps.map((d) => run(jobs[d])));
      await slot();
      try {
        const out = join(outRoot, String(j.index));
        await mkdir(out, { recursive: true });
        const script = j.script.replace(/DEP(\d+)/g, (_, d) => join(outRoot, d)).replace(/OUT/g, out);
        await new Promise((res, rej) => {
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
