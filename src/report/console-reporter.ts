import type { JobOutcome, JobRef, Reporter, RunEvent, RunSummary } from './events.js';
import { printable } from '../util/printable.js';
import { unreachable } from '../util/unreachable.js';
import { summaryLine } from './summary-line.js';

export interface ConsoleReporterOptions {
  stream: NodeJS.WritableStream;
  /** A terminal gets a live status line; anything else gets plain lines. */
  live: boolean;
  /** Which cached jobs' logs are printed (cached jobs never failed, so 'failed' prints none). */
  logReplay: 'failed' | 'all' | 'none';
  /** Stream job output as it arrives (prefixed with the job name). */
  streamOutput: boolean;
}

/**
 * Renders run events for people. Deals with: prefixing job output line by line, the live status line,
 * the closing summary. Does not deal with: deciding anything about the run.
 *
 * Names and messages are the producer's text: they are printed escaped and cut (see printable.ts), so that
 * none can recolour the terminal or print a line of its own. Jobs' output is theirs and passes unchanged.
 */
export class ConsoleReporter implements Reporter {
  readonly #o: ConsoleReporterOptions;
  readonly #partial = new Map<string, string>();
  readonly #running = new Map<string, string>();
  #counts = { cached: 0, built: 0, failed: 0, skipped: 0 };
  #total = 0;
  #statusShown = false;
  #lastDraw = 0;

  constructor(options: ConsoleReporterOptions) {
    this.#o = options;
  }

  onEvent(event: RunEvent): void {
    switch (event.type) {
      case 'run-start':
        this.#total = event.total;
        break;
      case 'job-start':
        this.#running.set(event.job.key + event.job.label, printable(event.job.name));
        if (!this.#o.live) this.#line(`▶ ${printable(event.job.name)}`);
        break;
      case 'job-output':
        if (this.#o.streamOutput) this.#output(event.job, event.stream, event.chunk);
        break;
      case 'job-end':
        this.#jobEnd(event.outcome);
        break;
      case 'warning':
        this.#line(`warning: ${message(event.message)}`);
        break;
      case 'run-end':
        this.#runEnd(event.summary);
        return;
      default:
        unreachable(event);
    }
    this.#drawStatus(false);
  }

  #output(job: JobRef, stream: 'stdout' | 'stderr', chunk: Buffer): void {
    const id = `${job.label}:${stream}`;
    const text = (this.#partial.get(id) ?? '') + chunk.toString('utf8');
    const lines = text.split('\n');
    this.#partial.set(id, lines.pop()!);
    const name = printable(job.name);
    for (const l of lines) this.#line(`${name} | ${l}`);
  }

  #flushPartial(job: JobRef): void {
    // Nothing held back, as for every cached job of a quiet run: no keys to spell.
    if (this.#partial.size === 0) return;
    for (const stream of ['stdout', 'stderr']) {
      const id = `${job.label}:${stream}`;
      const rest = this.#partial.get(id);
      if (rest) this.#line(`${printable(job.name)} | ${rest}`);
      this.#partial.delete(id);
    }
  }

  #jobEnd(o: JobOutcome): void {
    this.#counts[o.status]++;
    this.#running.delete(o.key + o.label);
    this.#flushPartial(o);
    const secs = (o.durationMs / 1000).toFixed(1);
    const name = printable(o.name);
    switch (o.status) {
      case 'cached':
        if (this.#o.logReplay !== 'all') break;
        if (o.message !== undefined) this.#line(`${name}: ${message(o.message)}`);
        this.#replay(o);
        break;
      case 'built':
        if (!this.#o.live) this.#line(`✓ ${name} built in ${secs}s`);
        break;
      case 'failed':
        this.#line(
          `✗ ${name} failed after ${secs}s: ${message(o.message ?? `exit code ${String(o.exitCode)}`)}`,
        );
        if (!this.#o.streamOutput) this.#replay(o);
        break;
      case 'skipped':
        if (!this.#o.live) this.#line(`- ${name} skipped: ${message(o.message ?? '')}`);
        break;
      default:
        unreachable(o.status);
    }
  }

  #replay(o: JobOutcome): void {
    this.#output(o, 'stdout', o.stdout);
    this.#output(o, 'stderr', o.stderr);
    this.#flushPartial(o);
  }

  #runEnd(s: RunSummary): void {
    this.#clearStatus();
    this.#o.stream.write(summaryLine(s.counts, s.durationMs));
    const failed = s.jobs.filter((j) => j.status === 'failed');
    for (const j of failed)
      this.#o.stream.write(
        `  failed: ${printable(j.name)} (${message(j.message ?? `exit ${String(j.exitCode)}`)})\n`,
      );
  }

  #line(text: string): void {
    this.#clearStatus();
    this.#o.stream.write(text + '\n');
  }

  #clearStatus(): void {
    if (this.#statusShown) this.#o.stream.write('\r\x1b[2K');
    this.#statusShown = false;
  }

  #drawStatus(force: boolean): void {
    if (!this.#o.live) return;
    const now = Date.now();
    if (!force && this.#statusShown && now - this.#lastDraw < 80) return;
    this.#lastDraw = now;
    const c = this.#counts;
    const done = c.cached + c.built + c.failed + c.skipped;
    const running = [...this.#running.values()].slice(0, 3).join(', ');
    const text = `[${done}/${this.#total}] cached ${c.cached} · built ${c.built} · failed ${c.failed} · remaining ${this.#total - done}${running ? ` · running ${running}` : ''}`;
    const cols = (this.#o.stream as { columns?: number }).columns ?? 100;
    this.#clearStatus();
    this.#o.stream.write(text.slice(0, Math.max(20, cols - 1)));
    this.#statusShown = true;
  }
}

/** A message of the engine's: its own words, with names and paths in it; escaped, never cut. */
function message(text: string): string {
  return printable(text, Infinity);
}
