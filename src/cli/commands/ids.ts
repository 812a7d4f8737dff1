import { resolve } from 'node:path';
import { formatProblem } from '../../graph/model.js';
import { keyGraph } from '../../ids/job-key.js';
import { parseCommandArgs } from '../args.js';
import { loadGraphOrReport } from '../graph-input.js';
import type { Command } from '../io.js';
import { EXIT } from '../io.js';

const HELP = `Usage: disbuild ids [--graph FILE] [--source-dir DIR] [--salt S] [--json]

Prints every job's content key: one "<name> <key>" line per job, or a JSON object name -> key.
Without --graph, the graph is what disbuild.json in the source dir describes.
`;

/** `disbuild ids`: job name → key, without running anything. */
export const ids: Command = async (argv, io) => {
  const parsed = parseCommandArgs(argv, {
    graph: { type: 'string' },
    'source-dir': { type: 'string' },
    salt: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok || parsed.value.values.help) {
    const wanted = parsed.ok && parsed.value.values.help;
    (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild ids: ${parsed.error}\n`) + HELP);
    return wanted ? EXIT.ok : EXIT.usage;
  }
  const v = parsed.value.values;
  const sourceDir = resolve(io.cwd, v['source-dir'] ?? '.');
  const input = await loadGraphOrReport(v.graph, sourceDir, io);
  if (!input) return EXIT.usage;
  const { graph } = input;
  const keys = await keyGraph(graph, sourceDir, v.salt ?? input.salt ?? '');
  if (!keys.ok) {
    for (const p of keys.error) io.stderr.write(`disbuild: ${formatProblem(p)}\n`);
    return EXIT.usage;
  }
  if (v.json) {
    io.stdout.write(
      JSON.stringify(Object.fromEntries(graph.jobs.map((j) => [j.name, keys.value.get(j.label)])), null, 2) +
        '\n',
    );
  } else {
    io.stdout.write(graph.jobs.map((j) => `${j.name} ${keys.value.get(j.label)!}\n`).join(''));
  }
  return EXIT.ok;
};
