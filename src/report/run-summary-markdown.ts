import type { JobOutcome, JobStatus, RunSummary } from './events.js';
import { printable, printableLines, SHOWN_CHARS } from '../util/printable.js';
import { exitCodeToSay } from './exit-code.js';

/** GitHub caps a step summary at 1 MiB of UTF-8; stay under it. Limits here are in UTF-8 bytes. */
export const SUMMARY_LIMIT = 900 * 1024;
/** How much of a failed job's log the summary shows: its last lines, and at most this many characters. */
export const STDERR_TAIL_LINES = 20;
export const STDERR_TAIL_CHARS = 4000;

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
    /** Why it failed when the engine says more than the exit code (time-out, signal, missing output). */
    message?: string;
    stderrTail: string;
  }[];
  /** Every job: failed first, then skipped, built, cached; by name within each. */
  jobs: { name: string; status: JobStatus; durationMs: number }[];
  /** At most this many failed jobs get an annotation. */
  annotationLimit: number;
  /** Why jobs ran (built or failed), by name, at most REASON_LIMIT; `moreReasons` counts the rest. */
  reasons?: { name: string; reason: string }[];
  moreReasons?: number;
  /** Targets whose outputs could not be placed in `--out-dir` (the step fails for them). */
  outDirFailures?: string[];
}

/** At most this many jobs that ran get their one-line reason in the summary. */
export const REASON_LIMIT = 50;

/** Numbers in names by their value (`pkg-2` before `pkg-10`), for readers; ties by code units, so the order is total. */
const collator = new Intl.Collator('en', { numeric: true });
const byName = (a: { name: string }, b: { name: string }): number =>
  collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Pure: a run's summary → the data the step summary shows. */
export function summaryData(
  summary: RunSummary,
  annotationLimit: number,
  reasons?: ReadonlyMap<string, string>,
): SummaryData {
  const ran = summary.jobs
    .filter((j) => (j.status === 'built' || j.status === 'failed') && reasons?.has(j.name))
    .sort(byName);
  return {
    ...(ran.length === 0
      ? {}
      : {
          reasons: ran.slice(0, REASON_LIMIT).map((j) => ({ name: j.name, reason: reasons!.get(j.name)! })),
          moreReasons: Math.max(0, ran.length - REASON_LIMIT),
        }),
    counts: summary.counts,
    durationMs: summary.durationMs,
    ...(summary.outDirFailures === undefined ? {} : { outDirFailures: summary.outDirFailures }),
    failed: summary.jobs
      .filter((j) => j.status === 'failed')
      .map((j) => ({
        name: j.name,
        exitCode: j.exitCode,
        durationMs: j.durationMs,
        ...(j.message === undefined ? {} : { message: j.message }),
        stderrTail: summaryTail(j),
      })),
    jobs: [...summary.jobs]
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || byName(a, b))
      .map((j) => ({ name: j.name, status: j.status, durationMs: j.durationMs })),
    annotationLimit,
  };
}

/**
 * The end of stderr (stdout when stderr is empty): where compilers put the error that stopped them. Terminal
 * escapes are taken out and other control characters escaped (printableLines): GitHub shows them as text.
 */
export function summaryTail(j: JobOutcome): string {
  const text = printableLines((j.stderr.length > 0 ? j.stderr : j.stdout).toString('utf8')).trimEnd();
  const lines = text.split('\n').slice(-STDERR_TAIL_LINES).join('\n');
  return lines.length <= STDERR_TAIL_CHARS ? lines : `…${lines.slice(-STDERR_TAIL_CHARS)}`;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
/** Job names are the producer's: shown as text, never as markup, control characters escaped, cut when long. */
const escape = (s: string): string => s.replace(/[\\`*_[\]<>#~]/g, (c) => `\\${c}`);
const cell = (s: string): string => escape(printable(s)).replace(/\|/g, '\\|');

/** A code fence longer than any run of backticks in the text, so a log cannot close it early. */
function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function failedSection(d: SummaryData, budget: number): string {
  let text = '### Failed jobs\n\n';
  let size = bytes(text);
  for (const [i, f] of d.failed.entries()) {
    const why = f.message === undefined ? '' : `: ${escape(printable(f.message, Infinity))}`;
    const f3 = fence(f.stderrTail);
    const block =
      `**${cell(f.name)}**${why} (${[exitCodeToSay(f.exitCode, f.message), secs(f.durationMs)].filter(Boolean).join(', ')})\n\n` +
      (f.stderrTail === '' ? '' : `${f3}\n${f.stderrTail}\n${f3}\n\n`);
    size += bytes(block);
    if (size > budget) {
      text += `… and ${d.failed.length - i} more failed jobs (the JSON report, the step's \`report\` output, has their logs: keep it with actions/upload-artifact).\n\n`;
      break;
    }
    text += block;
  }
  const unannotated = d.failed.length - d.annotationLimit;
  if (unannotated > 0) {
    text += `${unannotated} more failed jobs have no annotation (at most ${d.annotationLimit} are annotated).\n\n`;
  }
  return text;
}

/** Why each job ran, one line each (a job's reasons are short: a path, a field, a name). */
function reasonsSection(d: SummaryData): string {
  let text = '### Why jobs ran\n\n';
  for (const r of d.reasons ?? []) text += `- **${cell(r.name)}**: ${cell(r.reason)}\n`;
  if ((d.moreReasons ?? 0) > 0) text += `- … and ${d.moreReasons} more\n`;
  return `${text}\n`;
}

/**
 * Pure: data → markdown. Counts, then failed jobs (name, exit code, duration, tail of the log), then a table of
 * every job. Never longer than `limit` UTF-8 bytes: failed jobs take at most half of it, and the table ends with
 * "… and N more jobs" where it has to.
 */
export function renderSummaryMarkdown(d: SummaryData, limit = SUMMARY_LIMIT): string {
  const c = d.counts;
  const placed = d.outDirFailures ?? [];
  const heading =
    c.failed > 0
      ? `${c.failed} failed`
      : placed.length > 0
        ? `outputs not placed in the out dir (${placed.length})`
        : 'all jobs succeeded';
  let text =
    `## disbuild: ${heading}\n\n` +
    `${c.cached} cached · ${c.built} built · ${c.failed} failed · ${c.skipped} skipped · ${secs(d.durationMs)}\n\n`;
  if (placed.length > 0) {
    // Each message cut as names are (it holds one twice), in a stable order.
    const lines = [...placed].sort().map((m) => `- ${escape(printable(m, 2 * SHOWN_CHARS))}\n`);
    const shown = lines.slice(0, REASON_LIMIT);
    text += `### Outputs not placed in the out dir\n\n${shown.join('')}`;
    if (lines.length > shown.length) text += `- … and ${lines.length - shown.length} more\n`;
    text += '\n';
  }
  if (d.failed.length > 0) text += failedSection(d, limit / 2);
  if (d.reasons !== undefined) text += reasonsSection(d);
  text += '### Jobs\n\n| job | status | time |\n|---|---|---|\n';
  // Room for the closing line, whatever N is.
  const room = limit - 100;
  let size = bytes(text);
  for (const [i, j] of d.jobs.entries()) {
    const row = `| ${cell(j.name)} | ${STATUS_TEXT[j.status]} | ${secs(j.durationMs)} |\n`;
    size += bytes(row);
    if (size > room) {
      text += `\n… and ${d.jobs.length - i} more jobs (the JSON report lists them all).\n`;
      break;
    }
    text += row;
  }
  return text;
}
