import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleReporter } from '../../../src/report/console-reporter.js';
import type { JobOutcome, JobRef, RunEvent } from '../../../src/report/events.js';

function sink(): { stream: Writable & { columns: number }; text(): string } {
  let out = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        out += chunk.toString();
        cb();
      },
    }),
    { columns: 120 },
  );
  return { stream, text: () => out };
}

const ref = (name: string): JobRef => ({
  label: name as JobRef['label'],
  key: `${name}-key` as JobRef['key'],
  name,
});
const end = (name: string, status: JobOutcome['status'], extra: Partial<JobOutcome> = {}): RunEvent => ({
  type: 'job-end',
  outcome: {
    ...ref(name),
    status,
    exitCode: status === 'failed' ? 3 : 0,
    durationMs: 1200,
    stdout: Buffer.alloc(0),
    stderr: Buffer.alloc(0),
    ...extra,
  },
});

describe('ConsoleReporter', () => {
  it('keeps a live line of counts on a terminal, redrawn in place', async () => {
    const s = sink();
    const r = new ConsoleReporter({ stream: s.stream, live: true, logReplay: 'failed', streamOutput: true });
    r.onEvent({ type: 'run-start', total: 3, cached: 1, toRun: 2 });
    r.onEvent(end('a', 'cached'));
    r.onEvent({ type: 'job-start', job: ref('b') });
    await new Promise((res) => setTimeout(res, 100));
    r.onEvent({ type: 'job-output', job: ref('b'), stream: 'stdout', chunk: Buffer.from('hello\nwor') });
    const text = s.text();
    expect(text).toContain('[1/3] cached 1 · built 0 · failed 0 · remaining 2 · running b');
    expect(text).toContain('\r\x1b[2K');
    expect(text).toContain('b | hello\n');
  });

  it('prints plain lines when not on a terminal, with failures and a closing count', () => {
    const s = sink();
    const r = new ConsoleReporter({
      stream: s.stream,
      live: false,
      logReplay: 'failed',
      streamOutput: false,
    });
    r.onEvent({ type: 'run-start', total: 2, cached: 0, toRun: 2 });
    r.onEvent({ type: 'job-start', job: ref('ok') });
    r.onEvent(end('ok', 'built'));
    r.onEvent(end('bad', 'failed', { message: 'exited with code 3', stderr: Buffer.from('oops\n') }));
    r.onEvent({
      type: 'run-end',
      summary: { jobs: [], counts: { cached: 0, built: 1, failed: 1, skipped: 0 }, durationMs: 2500 },
    });
    const text = s.text();
    expect(text).not.toContain('\x1b');
    expect(text).toContain('▶ ok\n✓ ok built in 1.2s\n');
    expect(text).toContain('✗ bad failed after 1.2s: exited with code 3\nbad | oops\n');
    expect(text).toContain('disbuild: 2 jobs: 0 cached, 1 built, 1 failed, 0 skipped in 2.50s');
  });

  it('escapes names everywhere it prints them, the live line included; output passes unchanged', () => {
    const s = sink();
    const r = new ConsoleReporter({ stream: s.stream, live: true, logReplay: 'failed', streamOutput: true });
    const evil = 'x\x1b[2J\n0 failed';
    r.onEvent({ type: 'run-start', total: 1, cached: 0, toRun: 1 });
    r.onEvent({ type: 'job-start', job: ref(evil) });
    r.onEvent({
      type: 'job-output',
      job: ref(evil),
      stream: 'stdout',
      chunk: Buffer.from('\x1b[32mgreen\x1b[0m\n'),
    });
    r.onEvent({ type: 'warning', message: `${evil} writes "/tmp/\x1b[1m" outside` });
    r.onEvent(end(evil, 'failed', { message: 'killed\nby\rme' }));
    r.onEvent({
      type: 'run-end',
      summary: { jobs: [], counts: { cached: 0, built: 0, failed: 1, skipped: 0 }, durationMs: 1 },
    });
    const text = s.text();
    expect(text).toContain('running x\\u001b[2J\\n0 failed');
    expect(text).toContain('x\\u001b[2J\\n0 failed | \x1b[32mgreen\x1b[0m\n');
    expect(text).toContain('warning: x\\u001b[2J\\n0 failed writes "/tmp/\\u001b[1m" outside\n');
    expect(text).toContain('✗ x\\u001b[2J\\n0 failed failed after 1.2s: killed\\nby\\rme\n');
    // Apart from the status line's own redraw and the job's own output, no control character reaches the stream.
    const rest = text.replaceAll('\r\x1b[2K', '').replace('\x1b[32mgreen\x1b[0m', '');

    expect(rest).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });
});
