import { isAbsolute, relative, sep } from 'node:path';
import type { Graph } from '../graph/model.js';
import { lexicalPath } from '../graph/input-spelling.js';

/**
 * A warning when the `--report` file is an input of some job: it lies in the source directory, untracked and not
 * ignored, where a task reading every file (disbuild.json's default) takes it, and each run rewrites it (durations
 * change), so those jobs never stay cached. Undefined otherwise. `report` and `sourceDir` are absolute.
 */
export function reportAmongInputs(graph: Graph, sourceDir: string, report: string): string | undefined {
  const rel = relative(sourceDir, report);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  const path = rel.split(sep).join('/');
  const readers = graph.jobs
    .filter((j) => j.inputs.some((i) => i === path || lexicalPath(i) === path))
    .map((j) => j.name || j.label);
  if (readers.length === 0) return undefined;
  const named = `${readers.slice(0, 3).join(', ')}${readers.length > 3 ? ', ...' : ''}`;
  return `--report ${path} is an input of ${readers.length} job${readers.length === 1 ? '' : 's'} (${named}): each run rewrites it, so they never stay cached; write the report outside ${sourceDir}, or ignore it in .gitignore`;
}
