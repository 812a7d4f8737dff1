import { printable, quoted } from '../util/printable.js';

/**
 * The validated build graph. Producers write it as Go's encoding/json writes
 * `Graph{SourceFiles map[ID]string; Jobs []Job}`; `parse.ts` and `validate.ts` turn that JSON into these types.
 */

/** A producer's node label: 40 lower-case hex characters. Not a content hash. */
export type JobLabel = string & { __JobLabelBrand__: never };

/** One piece of a command string after template parsing. */
export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'output-dir' }
  | { kind: 'source-dir' }
  | { kind: 'dep'; label: JobLabel };

/** A parsed command string: both spellings of a variable parse to the same parts. */
export type Template = readonly TemplatePart[];

export type Cmd =
  | {
      kind: 'exec';
      exec: readonly Template[];
      environ: readonly Template[];
      /** Empty means the source directory. */
      workingDirectory: Template;
    }
  | { kind: 'cat'; catTemplate: Template; catOutput: Template };

export interface Job {
  label: JobLabel;
  name: string;
  /**
   * Paths relative to the source directory, normalised with '/' (a `..` after a name kept: a link may precede it),
   * sorted by UTF-16 code units, deduplicated.
   */
  inputs: readonly string[];
  /** Labels of the jobs this one depends on, deduplicated, in the producer's order. */
  deps: readonly JobLabel[];
  cmds: readonly Cmd[];
  /**
   * Globs (relative to the source directory, `!` to exclude) of files the commands write in place, inside the
   * checkout: captured into the artifact and put back where they were written. Absent for most graphs.
   */
  outputs?: readonly string[];
}

/** Paths a caller can ask about one at a time: a set, or a view of one kept in another form. */
export type PathSet = Pick<ReadonlySet<string>, 'has'>;

export interface Graph {
  /** Informational map of source-file IDs to paths. */
  sourceFiles: ReadonlyMap<string, string>;
  /** Jobs in the producer's order. */
  jobs: readonly Job[];
  byLabel: ReadonlyMap<JobLabel, Job>;
}

/** One thing wrong with a graph. `job` is the job's Name (or its label when the name is empty). */
export interface GraphProblem {
  job?: string;
  /** The offending field, as a path: `Deps[2]`, `Cmds[0].Exec[1]`, `Inputs[3]`. */
  field?: string;
  message: string;
}

/**
 * Renders a problem as one line: `job "compile" Cmds[0].Exec[1]: unknown template variable {{.Foo}}`. The job's
 * name is escaped and cut, and the rest escaped (see printable.ts): a name, and the paths and values a message
 * quotes, are the producer's text, of any length and content.
 */
/** A SourceFiles entry whose file is not there (in a checkout, or in the commit the hook keys). */
export function missingSourceFile(id: string, path: string): GraphProblem {
  return { field: `SourceFiles[${quoted(id)}]`, message: `source file ${printable(path)} does not exist` };
}

/**
 * The warning for a graph of no jobs: valid (a producer may have nothing to build), but most often a slip that
 * would pass unnoticed.
 */
export const NO_JOBS =
  'the graph has no jobs: nothing is built or checked (an empty graph, or "Jobs" misspelled?)';

export function formatProblem(p: GraphProblem): string {
  const where = [p.job === undefined ? undefined : `job ${quoted(p.job)}`, p.field]
    .filter((s) => s !== undefined)
    .join(' ');
  return printable(where ? `${where}: ${p.message}` : p.message, Infinity);
}
