import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A deterministic pseudo-random generator (mulberry32), so every run generates the same workspace. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function label(i: number): string {
  return createHash('sha1').update(`bench-job-${i}`).digest('hex');
}

export interface GeneratedJob {
  index: number;
  name: string;
  inputs: string[];
  deps: number[];
  /** The shell work, with `OUT` and `DEP<i>` placeholders. */
  script: string;
}

/**
 * The PEERS.md workload: `jobs` packages, `filesPerJob` source files each, every job
 * `mkdir -p OUT && { cat <own sources>; sha1sum < DEP/out.txt; …; } > OUT/out.txt` over up to 3 earlier jobs.
 */
export async function generateWorkspace(
  dir: string,
  opts: { jobs: number; filesPerJob: number; fileBytes: number },
): Promise<GeneratedJob[]> {
  const rand = prng(42);
  const jobs: GeneratedJob[] = [];
  const marker = join(dir, `.generated-${opts.jobs}-${opts.filesPerJob}-${opts.fileBytes}`);
  const write = !existsSync(marker);
  for (let i = 0; i < opts.jobs; i++) {
    const inputs: string[] = [];
    for (let f = 0; f < opts.filesPerJob; f++) inputs.push(`pkg${i}/src/f${f}.txt`);
    const deps = new Set<number>();
    const nDeps = i === 0 ? 0 : Math.floor(rand() * 4);
    // Mostly nearby packages, so the DAG is deep but not a chain.
    for (let d = 0; d < nDeps; d++) deps.add(Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 40))));
    const depList = [...deps].sort((a, b) => a - b);
    const script = `{ cat ${inputs.join(' ')}; ${depList.map((d) => `sha1sum < DEP${d}/out.txt;`).join(' ')} } > OUT/out.txt`;
    jobs.push({ index: i, name: `pkg${i}#build`, inputs, deps: depList, script });
    if (write) {
      await mkdir(join(dir, `pkg${i}/src`), { recursive: true });
      for (const input of inputs) {
        const bytes = Buffer.alloc(opts.fileBytes);
        for (let b = 0; b < bytes.length; b += 4) bytes.writeUInt32LE((rand() * 2 ** 32) >>> 0, b);
        await writeFile(join(dir, input), bytes.toString('base64').slice(0, opts.fileBytes));
      }
    }
  }
  if (write) await writeFile(marker, '');
  return jobs;
}

/** The disbuild graph of a generated workspace, in Go's JSON shape. */
export function toGraphJson(jobs: GeneratedJob[]): string {
  return JSON.stringify({
    SourceFiles: null,
    Jobs: jobs.map((j) => ({
      ID: label(j.index),
      Name: j.name,
      Inputs: j.inputs,
      Deps: j.deps.map(label),
      Cmds: [
        {
          Exec: [
            'sh',
            '-c',
            j.script
              .replace(/DEP(\d+)/g, (_, d: string) => `{{DEP:${label(Number(d))}}}`)
              .replace(/OUT/g, '{{OUTPUT_DIR}}'),
          ],
          Environ: null,
          WorkingDirectory: '',
          CatTemplate: '',
          CatOutput: '',
        },
      ],
    })),
  });
}

/**
 * The same workload as an npm-workspaces repository described by disbuild.json: package `pkg<i>` per job, its
 * sources, a `build` script writing `dist/out.txt` from them and from its dependencies' `dist/out.txt`, and
 * `dependencies` on the packages it reads. One task: `{"script": "build", "outputs": ["dist/**"], "deps": ["^build"]}`.
 */
export async function generateNpmWorkspace(
  dir: string,
  opts: { jobs: number; filesPerJob: number; fileBytes: number },
): Promise<GeneratedJob[]> {
  const jobs = await generateWorkspace(dir, opts);
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bench', private: true, workspaces: ['pkg*'] }),
  );
  await writeFile(join(dir, '.gitignore'), 'dist/\n');
  await writeFile(
    join(dir, 'disbuild.json'),
    JSON.stringify({ tasks: { build: { script: 'build', outputs: ['dist/**'], deps: ['^build'] } } }),
  );
  for (const j of jobs) {
    const deps = Object.fromEntries(j.deps.map((d) => [`pkg${d}`, '*']));
    const pkg = {
      name: `pkg${j.index}`,
      version: '1.0.0',
      scripts: { build: 'sh build.sh' },
      dependencies: deps,
    };
    await writeFile(join(dir, `pkg${j.index}/package.json`), JSON.stringify(pkg));
    const reads = j.deps.map((d) => `sha1sum < ../pkg${d}/dist/out.txt;`).join(' ');
    await writeFile(
      join(dir, `pkg${j.index}/build.sh`),
      `mkdir -p dist && { cat src/*; ${reads} } > dist/out.txt\n`,
    );
  }
  return jobs;
}

/**
 * The PEERS.md workload at `size` packages (5 files of 8 KiB each, 10 from 1,000 packages on) in `dir`, with its
 * graph.json and `SourceFiles` filled, as the side-by-side benchmarks use it.
 */
export async function generatePeersWorkload(
  dir: string,
  size: number,
  log: (message: string) => void,
): Promise<GeneratedJob[]> {
  const filesPerJob = size >= 1000 ? 10 : 5;
  log(`generating ${size} packages, ${size * filesPerJob} files of 8 KiB, as a git repository`);
  const jobs = await generateWorkspace(dir, { jobs: size, filesPerJob, fileBytes: 8192 });
  const graph = JSON.parse(toGraphJson(jobs)) as { SourceFiles: Record<string, string> | null };
  graph.SourceFiles = {};
  for (const j of jobs)
    for (const input of j.inputs) graph.SourceFiles[createHash('sha1').update(input).digest('hex')] = input;
  await writeFile(join(dir, 'graph.json'), JSON.stringify(graph));
  return jobs;
}
