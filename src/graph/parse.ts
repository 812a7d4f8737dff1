import { lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Graph, GraphProblem } from './model.js';
import { jsonErrorLocation } from './json-position.js';
import { validateGraph } from './validate.js';
import { collectGarbage } from '../util/collect-garbage.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

/** Parses and validates graph JSON; malformed JSON is reported with its line and column. */
export function parseGraphText(text: string): Result<Graph, GraphProblem[]> {
  const raw = decode(text);
  return raw.ok ? validateGraph(raw.value) : raw;
}

function decode(text: string): Result<unknown, GraphProblem[]> {
  try {
    return ok(JSON.parse(text));
  } catch (e) {
    const at = jsonErrorLocation(text);
    const reason = (e as Error).message
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/, ".*" is not valid JSON$/, '');
    return err([{ message: `malformed JSON at line ${at.line}, column ${at.column}: ${reason}` }]);
  }
}

/**
 * Reads a graph file and checks that every SourceFiles path exists under `sourceDir`. Input files are checked
 * where they are digested (keying reports a missing input with its job and index), so that a run stats each
 * input once, not twice; `checkFilesExist` does the full check for callers that do not key.
 */
export async function loadGraphFile(path: string, sourceDir: string): Promise<Result<Graph, GraphProblem[]>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return err([
      {
        message: `cannot read graph file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      },
    ]);
  }
  const raw = decode(text);
  // The text is dropped before validation: for large graphs it is tens of megabytes nobody needs any more.
  text = '';
  if (!raw.ok) return raw;
  const parsed = validateGraph(raw.value);
  if (parsed.ok && parsed.value.jobs.length > 10_000) collectGarbage();
  if (!parsed.ok) return parsed;
  const problems = checkFilesExist(parsed.value, sourceDir, { inputs: false });
  return problems.length > 0 ? err(problems) : parsed;
}

/** Synchronous lstat with a memo: 100,000 paths cost well under a second, and each path is asked once. */
export function checkFilesExist(graph: Graph, sourceDir: string, opts = { inputs: true }): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const memo = new Map<string, 'file' | 'dir' | 'missing'>();
  const kind = (rel: string): 'file' | 'dir' | 'missing' => {
    let k = memo.get(rel);
    if (k === undefined) {
      const st = lstatSync(join(sourceDir, rel), { throwIfNoEntry: false });
      k = st === undefined ? 'missing' : st.isDirectory() ? 'dir' : 'file';
      memo.set(rel, k);
    }
    return k;
  };
  for (const job of opts.inputs ? graph.jobs : []) {
    job.inputs.forEach((input, i) => {
      const k = kind(input);
      if (k === 'missing')
        problems.push({
          job: job.name,
          field: `Inputs[${i}]`,
          message: `input file ${input} does not exist`,
        });
      else if (k === 'dir')
        problems.push({
          job: job.name,
          field: `Inputs[${i}]`,
          message: `input ${input} is a directory; list its files`,
        });
    });
  }
  for (const [id, path] of graph.sourceFiles) {
    if (kind(path) === 'missing')
      problems.push({
        field: `SourceFiles[${JSON.stringify(id)}]`,
        message: `source file ${path} does not exist`,
      });
  }
  return problems;
}
