import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { printable } from '../util/printable.js';
import { unreachable } from '../util/unreachable.js';
import type { JobOutcome, JobStatus, Reporter, RunEvent, RunSummary } from './events.js';
import { findDiagnostic } from './diagnostics.js';
import { exitCodeToSay } from './exit-code.js';
import { renderSummaryMarkdown, summaryData, summaryTail } from './run-summary-markdown.js';

/** At most this many error annotations; the summary counts the rest. */
export const ANNOTATION_LIMIT = 10;

/** As the step summary shows them (run-summary-markdown.ts). */
const ICON: Record<JobStatus, string> = { failed: '❌', skipped: '⏭️', built: '🔨', cached: '✅' };

/**
 * Renders a run for GitHub Actions: a collapsed log group per finished job with its output, warnings as
 * warning annotations, a line of progress at the start and the end. Deals with: the runner's log format.
 * Does not deal with: the step's outcome, the summary or error annotations (see the functions below).
 */
export class GithubReporter implements Reporter {
  /** Unguessable, so a job's output cannot turn workflow commands back on. */
  readonly #resume = randomBytes(16).toString('hex');

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly logReplay: 'failed' | 'all' | 'none',
  ) {}

  onEvent(event: RunEvent): void {
    switch (event.type) {
      case 'job-end':
        this.#group(event.outcome);
        return;
      case 'warning':
        core.warning(
          printable(event.job ? `${printable(event.job.name)}: ${event.message}` : event.message, Infinity),
        );
        return;
      case 'run-start':
        this.out.write(`disbuild: ${event.total} jobs, ${event.cached} cached, ${event.toRun} to run\n`);
        return;
      case 'run-end': {
        const c = event.summary.counts;
        this.out.write(
          `disbuild: ${c.cached} cached, ${c.built} built, ${c.failed} failed, ${c.skipped} skipped\n`,
        );
        return;
      }
      case 'job-start':
      case 'job-output':
        // Output is printed whole in the job's group when it ends, so parallel jobs never interleave.
        return;
      default:
        unreachable(event);
    }
  }

  #group(o: JobOutcome): void {
    // Cached jobs never failed (failures are not cached): 'failed' replays nothing for them.
    if (o.status === 'cached' && this.logReplay !== 'all') return;
    const why = o.message ? ` (${o.message})` : '';
    // A workflow command is one line: control characters are escaped, so a newline in a name cannot end it, and
    // `%` is escaped as the runner expects (it reads `%0A` as a newline).
    const title = printable(`${ICON[o.status]} ${printable(o.name)}: ${o.status}${why}`, Infinity).replace(
      /%/g,
      '%25',
    );
    this.out.write(`::group::${title}\n`);
    if (o.stdout.length + o.stderr.length > 0) {
      // A job's output is not ours: workflow commands in it (`::set-output`, `::add-path`) must stay text.
      this.out.write(`::stop-commands::${this.#resume}\n`);
      for (const text of [o.stdout, o.stderr]) {
        if (text.length > 0) this.out.write(text.toString('utf8').replace(/\n?$/, '\n'));
      }
      this.out.write(`::${this.#resume}::\n`);
    }
    this.out.write('::endgroup::\n');
  }
}

/** One error annotation per failed job (at most ANNOTATION_LIMIT), at its first diagnostic when there is one. */
export function annotateFailures(summary: RunSummary, sourceDir: string, repoDir: string): void {
  for (const j of summary.jobs.filter((x) => x.status === 'failed').slice(0, ANNOTATION_LIMIT)) {
    const d = findDiagnostic(
      `${j.stdout.toString('utf8')}\n${j.stderr.toString('utf8')}`,
      sourceDir,
      repoDir,
    );
    const code = exitCodeToSay(j.exitCode, undefined);
    const title = `disbuild: ${printable(j.name)} failed${code ? ` (${code})` : ''}`;
    if (d) {
      core.error(d.message, {
        title,
        file: d.file,
        startLine: d.line,
        ...(d.column ? { startColumn: d.column } : {}),
      });
    } else {
      // No diagnostic to point at: the end of the log, which is all a pull request's checks view shows.
      const why = j.message === undefined ? title : printable(j.message, Infinity);
      const tail = summaryTail(j);
      core.error(tail === '' ? why : `${why}\n${tail}`, { title });
    }
  }
}

/** The only place that writes the step summary. */
export async function writeStepSummary(
  summary: RunSummary,
  reasons?: ReadonlyMap<string, string>,
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(renderSummaryMarkdown(summaryData(summary, ANNOTATION_LIMIT, reasons))).write();
}
