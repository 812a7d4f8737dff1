import { resolve } from 'node:path';
import type { Cache } from '../../cache/cache.js';
import { LocalCache } from '../../cache/local-cache.js';
import { NullCache } from '../../cache/null-cache.js';
import { selectJobs } from '../../executor/select.js';
import { detailLines, hasMoreDetail, oneLine } from '../../explain/explain.js';
import { KeyRecordStore } from '../../explain/record-store.js';
import { RunExplainer } from '../../explain/run-explainer.js';
import { formatProblem } from '../../graph/model.js';
import { chooseDigests } from '../../ids/file-digest.js';
import { computeKeys, graphInputs } from '../../ids/job-key.js';
import { parseCommandArgs } from '../args.js';
import { loadGraphOrReport } from '../graph-input.js';
import type { Command } from '../io.js';
import { EXIT } from '../io.js';
import { defaultCacheDir } from '../../run-env/cache-dir.js';
import { printable } from '../../util/printable.js';

const HELP = `Usage: disbuild explain [--graph FILE] [--source-dir DIR] [--cache-dir DIR] [--salt S] [TASK...]

For each job that would run (its key is not in the local cache), says why: which inputs changed (path, old and
new digest), which command fields, which env variables (names only), the salt, or which dependency changed (down
to the root cause) — against the key last recorded for the job's name when it was built. "never built" when
there is none. TASK: job names, globs, or disbuild.json task names; default: every job.
`;

/** `disbuild explain`: why each job that would run must run. */
export const explainCommand: Command = async (argv, io) => {
  const parsed = parseCommandArgs(argv, {
    graph: { type: 'string' },
    'source-dir': { type: 'string' },
    'cache-dir': { type: 'string' },
    salt: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok || parsed.value.values.help) {
    const wanted = parsed.ok;
    (wanted ? io.stdout : io.stderr).write((parsed.ok ? '' : `disbuild explain: ${parsed.error}\n`) + HELP);
    return wanted ? EXIT.ok : EXIT.usage;
  }
  const v = parsed.value.values;
  const sourceDir = resolve(io.cwd, v['source-dir'] ?? '.');
  const input = await loadGraphOrReport(v.graph, sourceDir, io);
  if (!input) return EXIT.usage;
  const { graph } = input;
  const selection = selectJobs(graph, parsed.value.positionals);
  if (!selection.ok) {
    for (const m of selection.error) io.stderr.write(`disbuild explain: ${m}\n`);
    return EXIT.usage;
  }
  const salt = v.salt ?? input.salt ?? '';
  const digests = await chooseDigests(sourceDir, graphInputs(graph));
  const keys = computeKeys(graph, digests, salt);
  if (!keys.ok) {
    for (const p of keys.error) io.stderr.write(`disbuild: ${formatProblem(p)}\n`);
    return EXIT.usage;
  }
  const cacheDir = v['cache-dir'] === undefined ? defaultCacheDir(io.env) : resolve(io.cwd, v['cache-dir']);
  // A cache that cannot be opened (a link to nowhere, another user's) holds nothing: every job would run.
  const cache: Cache = await LocalCache.create(cacheDir).catch((e: unknown) => {
    io.stderr.write(
      `disbuild explain: the local cache in ${cacheDir} cannot be used (${(e as Error).message})\n`,
    );
    return new NullCache();
  });
  const jobs = graph.jobs.filter((j) => selection.value.closure.has(j.label));
  const hits = await cache.lookup(jobs.map((j) => keys.value.get(j.label)!));
  const explainer = new RunExplainer(graph, salt, new KeyRecordStore(cacheDir));
  explainer.onKeyed(digests, keys.value);
  const toRun = jobs.filter((j) => !hits.has(keys.value.get(j.label)!));
  if (toRun.length === 0) {
    io.stdout.write(`nothing would run: all ${jobs.length} jobs are cached\n`);
    return EXIT.ok;
  }
  const told = new Set(toRun.map((j) => j.name));
  for (const job of toRun) {
    const changes = explainer.changes(job.name);
    io.stdout.write(`${printable(job.name)}: ${oneLine(changes)}\n`);
    if (hasMoreDetail(changes, told)) io.stdout.write(detailLines(changes, '    ', told).join('\n') + '\n');
  }
  return EXIT.ok;
};
