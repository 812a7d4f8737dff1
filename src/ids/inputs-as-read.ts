import type { Graph } from '../graph/model.js';
import { hasDotDot, lexicalPath } from '../graph/input-spelling.js';
import { DiskView } from './git-blob.js';
import { resolveInput } from './resolve-input.js';

/**
 * The files of `sourceDir` the inputs of `graph` name: each input as spelled and, for one spelled with `..` after a
 * name, the file the walk over the disk reaches (`lnk/../x.txt` with `lnk -> sub/dir`: `sub/x.txt`), or where no walk
 * reaches one, its lexical form. What is kept from a stale output's removal, or from an output's capture, because a
 * job reads it must be found whatever the input's spelling.
 */
export function inputsAsRead(graph: Graph, sourceDir: string): Set<string> {
  const paths = new Set<string>();
  let view: DiskView | undefined;
  for (const j of graph.jobs) {
    for (const i of j.inputs) {
      paths.add(i);
      if (!hasDotDot(i)) continue;
      let real: string | undefined;
      try {
        const r = resolveInput((view ??= new DiskView(sourceDir)), i);
        if (r.ok && r.directory === undefined) real = r.real;
      } catch {
        // A directory on the way this user may not search: the keys named the input's problem already.
      }
      paths.add(real ?? lexicalPath(i));
    }
  }
  return paths;
}
