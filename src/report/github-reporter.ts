import * as core from '@actions/core';
import type { Reporter, RunEvent, RunSummary } from './events.js';
import { findDiagnostic } from './diagnostics.js';
import { renderSummaryMarkdown, summaryData } from './run-summary-markdown.js';

/** At most this many error annotations; the summary counts the rest. */
export const ANNOTATION_LIMIT = 10;

/**
 * Renders a run for GitHub Actions: a collapsed log group per finished job, warnings as warnings, one line of
 * progress per job. Deals with: the runner's log format. Does not deal with: the step's outcome.
 */
export class GithubReporter implements Reporter {
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly logReplay: 'failed' | 'all' | 'none',
  ) {}

  onEvent(event: RunEvent): void {
    switch (event.type) {
      case 'job-end': {
        const o = event.outcome;
        const show = o.status !== 'cached' || this.logReplay === 'all';
        if (!show) return;
        core.startGroup(
          `${o.status === 'failed' ? '❌' : o.status === 'skipped' ? '⏭️' : '✅'} ${o.name}: ${o.status}${o.message ? ` (${o.message})` : ''}`,
        );
        if (o.stdout.length > 0) this.out.write(o.stdout.toString('utf8').replace(/\n?$/, '\n'));
        if (o.stderr.length > 0) this.out.write(o.stderr.toString('utf8').replace(/\n?$/, '\n'));
        core.endGroup();
        return;
      }
      case 'warning':
        core.warning(event.message);
        return;
      case 'run-start':
        core.info(`disbuild: ${event.total} jobs, ${event.cached} cached, ${event.toRun} to run`);
        return;
      case 'run-end': {
        const c = event.summary.counts;
        core.info(`disbuild: ${c.cached} cached, ${c.built} built, ${c.failed} failed, ${c.skipped} skipped`);
        return;
      }
      default:
        return;
    }
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
    const title = `disbuild: ${j.name} failed (exit code ${String(j.exitCode)})`;
    if (d) {
      core.error(d.message, {
        title,
        file: d.file,
        startLine: d.line,
        ...(d.column ? { startColumn: d.column } : {}),
      });
    } else {
      core.error(j.message ?? title, { title });
    }
  }
}

/** The only place that writes the step summary. */
export async function writeStepSummary(summary: RunSummary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(renderSummaryMarkdown(summaryData(summary, ANNOTATION_LIMIT))).write();
}
