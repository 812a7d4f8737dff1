import type { JobOutcome, JobStatus, RunSummary } from './events.js';

/** GitHub caps a step summary at 1 MiB; stay well under it. */
export const SUMMARY_LIMIT = 900 * 1024;
const STDERR_TAIL_LINES = 20;

const STATUS_TEXT: Record<JobStatus, string> = {
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  built: '🔨 built',
  cached: '✅ cached',
};
const ORDER: Record<JobStatus, number> = { failed: 0, skipped: 1, built: 2, cached: 3 };

/** The summary as plain data: what the renderer shows, decided apart from how. */
export interface SummaryData {
  counts: Record<JobStatus, number>;
  durationMs: number;
  failed: {
    name: string;
    exitCode: number | null;
    durationMs: number;
    message: string;
    stderrTail: string;
  }[];
  jobs: { name: string; status: JobStatus; durationMs: number }[];
  /** Failed jobs beyond the annotation limit, counted here. */
  unannotated: number;
}

export function summaryData(summary: RunSummary, annotationLimit: number): SummaryData {
  const failed = summary.jobs.filter((j) => j.status === 'failed');
  return {
    counts: summary.counts,
    durationMs: summary.durationMs,
    failed: failed.map((j) => ({
      name: j.name,
      exitCode: j.exitCode,
      durationMs: j.durationMs,
      message: j.message ?? `exit code ${String(j.exitCode)}`,
      stderrTail: tail(j),
    })),
    jobs: [...summary.jobs]
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((j) => ({ name: j.name, status: j.status, durationMs: j.durationMs })),
    unannotated: Math.max(0, failed.length - annotationLimit),
  };
}

function tail(j: JobOutcome): string {
  const text = (j.stderr.length > 0 ? j.stderr : j.stdout).toString('utf8').trimEnd();
  return text.split('\n').slice(-STDERR_TAIL_LINES).join('\n');
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Pure: data → markdown, failed jobs first, then every job; cut to `limit` characters with a count of the rest. */
export function renderSummaryMarkdown(d: SummaryData, limit = SUMMARY_LIMIT): string {
  const c = d.counts;
  const parts: string[] = [
    `## disbuild: ${c.failed > 0 ? `${c.failed} failed` : 'all jobs succeeded'}`,
    '',
    `${c.cached} cached · ${c.built} built · ${c.failed} failed · ${c.skipped} skipped · ${secs(d.durationMs)}`,
    '',
  ];
  if (d.failed.length > 0) {
    parts.push('### Failed jobs', '');
    for (const [i, f] of d.failed.entries()) {
      if (parts.join('\n').length > limit / 2) {
        parts.push(`… and ${d.failed.length - i} more failed jobs (the JSON report has their logs).`, '');
        break;
      }
      const fence = f.stderrTail.includes('```') ? '~~~~' : '```';
      parts.push(
        `**${f.name}**: ${f.message} (exit code ${String(f.exitCode)}, ${secs(f.durationMs)})`,
        '',
        fence,
        f.stderrTail,
        fence,
        '',
      );
    }
    if (d.unannotated > 0)
      parts.push(`${d.unannotated} more failed jobs have no annotation (at most 10 are annotated).`, '');
  }
  parts.push('### Jobs', '', '| job | status | time |', '|---|---|---|');
  let text = parts.join('\n') + '\n';
  for (const [i, j] of d.jobs.entries()) {
    const row = `| ${cell(j.name)} | ${STATUS_TEXT[j.status]} | ${secs(j.durationMs)} |\n`;
    if (text.length + row.length > limit - 100) {
      text += `\n… and ${d.jobs.length - i} more jobs (the JSON report lists them all).\n`;
      break;
    }
    text += row;
  }
  return text;
}
