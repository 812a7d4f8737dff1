import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext, BenchRow } from './harness.js';

const root = resolve(import.meta.dirname, '..');
const filters = process.argv.slice(2);
const modules = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

// The previous run's work is moved aside, not deleted, and removed once everything is measured: on ext4, files
// created soon after many were deleted cost several times more (the inode allocator passes over recently freed
// inodes for a minute or more), which would charge the first measurements for the last run's clean-up.
const benchWork = join(root, '.bench-work');
const trash = join(benchWork, `.trash-${process.pid}`);
mkdirSync(trash, { recursive: true });

const rows: BenchRow[] = [];
for (const file of modules) {
  const workDir = join(benchWork, file.replace(/\.bench\.ts$/, ''));
  if (existsSync(workDir)) renameSync(workDir, join(trash, basename(workDir)));
  mkdirSync(workDir, { recursive: true });
  const ctx: BenchContext = { workDir, root, log: (m) => process.stderr.write(`[${file}] ${m}\n`) };
  const mod = (await import(pathToFileURL(join(root, 'bench', file)).href)) as {
    default: (c: BenchContext) => Promise<BenchRow[]>;
  };
  rows.push(...(await mod.default(ctx)));
}

for (const name of readdirSync(benchWork)) {
  if (name.startsWith('.trash-')) rmSync(join(benchWork, name), { recursive: true, force: true });
}

const header = ['benchmark', 'measure', 'value', 'reference', 'ratio', 'target', 'ok'];
const lines = rows.map((r) => [
  r.benchmark,
  r.measure,
  r.value,
  r.reference ?? '',
  r.ratio === undefined ? '' : r.ratio.toFixed(2),
  r.target ?? '',
  r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
]);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const l of lines) console.log(`| ${l.join(' | ')} |`);
