import { readdirSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext, BenchRow } from './harness.js';

const root = resolve(import.meta.dirname, '..');
const filters = process.argv.slice(2);
const modules = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const rows: BenchRow[] = [];
for (const file of modules) {
  const workDir = join(root, '.bench-work', file.replace(/\.bench\.ts$/, ''));
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const ctx: BenchContext = { workDir, root, log: (m) => process.stderr.write(`[${file}] ${m}\n`) };
  const mod = (await import(pathToFileURL(join(root, 'bench', file)).href)) as {
    default: (c: BenchContext) => Promise<BenchRow[]>;
  };
  rows.push(...(await mod.default(ctx)));
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
