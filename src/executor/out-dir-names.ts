import type { Graph, GraphProblem, JobLabel } from '../graph/model.js';

/** A job name as one path component: anything but letters, digits, `.`, `_` and `-` becomes `_`. */
export function safeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return s === '.' || s === '..' ? '_' : s;
}

/** Where `--out-dir` puts a target's outputs: its name made safe (the label when it has none). */
export function outDirName(graph: Graph, label: JobLabel): string {
  return safeName(graph.byLabel.get(label)!.name || label);
}

/**
 * Targets that `--out-dir` would put in the same directory (`a/b`, `a_b` and `a b` all become `a_b`), one
 * problem per shared directory naming every job in it. Names differing only in case count as the same, so that
 * a graph that works on Linux does not silently overwrite outputs on macOS or Windows.
 */
export function outDirCollisions(graph: Graph, roots: readonly JobLabel[]): GraphProblem[] {
  const byDir = new Map<string, { dir: string; names: string[] }>();
  for (const label of roots) {
    const dir = outDirName(graph, label);
    const slot = byDir.get(dir.toLowerCase());
    const name = graph.byLabel.get(label)!.name || label;
    if (slot) slot.names.push(name);
    else byDir.set(dir.toLowerCase(), { dir, names: [name] });
  }
  return [...byDir.values()]
    .filter((s) => s.names.length > 1)
    .map((s) => ({
      field: 'out-dir',
      message: `jobs ${s.names.map((n) => JSON.stringify(n)).join(', ')} would all be copied to ${JSON.stringify(s.dir)}; rename them or select fewer targets`,
    }));
}
