// Parses, validates and keys a 100,000-job graph from JSON text, then prints its peak RSS in KiB.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGraphFile } from '../src/graph/parse.js';
import { keyGraph } from '../src/ids/job-key.js';
import { label, prng } from './workspace.js';

const dir = process.argv[2]!;
const rand = prng(5);
const paths = Array.from({ length: 100_000 }, (_, i) => `d${Math.floor(i / 500)}/f${i}.txt`);
const graphPath = join(dir, '..', 'graph-100k.json');
writeFileSync(
  graphPath,
  JSON.stringify({
    Jobs: Array.from({ length: 100_000 }, (_, i) => ({
      ID: label(i),
      Name: `job${i}`,
      Inputs: Array.from({ length: 5 }, () => paths[Math.floor(rand() * paths.length)]),
      Deps: i === 0 ? [] : [label(Math.floor(rand() * i))],
      Cmds: [{ Exec: ['sh', '-c', 'cat $IN > {{OUTPUT_DIR}}/o'], Environ: [`JOB=${i}`] }],
    })),
  }),
);
const graph = await loadGraphFile(graphPath, dir);
if (!graph.ok) throw new Error('invalid');
const keys = await keyGraph(graph.value, dir, '');
if (!keys.ok || keys.value.size !== 100_000) throw new Error('keying failed');
process.stdout.write(`${process.resourceUsage().maxRSS}\n`);
