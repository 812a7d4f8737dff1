import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { JobOutcome } from '../../../src/report/events.js';
import { GithubReporter } from '../../../src/report/github-reporter.js';

function outcome(name: string, status: JobOutcome['status'], stdout = '', stderr = ''): JobOutcome {
  return {
    label: name as JobOutcome['label'],
    key: name as JobOutcome['key'],
    name,
    status,
    exitCode: status === 'failed' ? 1 : 0,
    durationMs: 10,
    stdout: Buffer.from(stdout),
    stderr: Buffer.from(stderr),
  };
}

function capture(logReplay: 'failed' | 'all' | 'none'): { reporter: GithubReporter; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return {
    reporter: new GithubReporter(stream, logReplay),
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

describe('GithubReporter', () => {
  it('prints each finished job in its own group, output inside it', () => {
    const { reporter, text } = capture('failed');
    reporter.onEvent({ type: 'job-end', outcome: outcome('compile', 'failed', 'out line', 'err line') });
    reporter.onEvent({ type: 'job-end', outcome: outcome('docs', 'built') });
    const lines = text().split('\n');
    expect(lines[0]).toBe('::group::❌ compile: failed');
    expect(lines).toContain('out line');
    expect(lines).toContain('err line');
    expect(lines.indexOf('err line')).toBeLessThan(lines.indexOf('::endgroup::'));
    expect(text()).toContain('::group::🔨 docs: built\n::endgroup::\n');
  });

  it("keeps workflow commands in a job's output from being obeyed", () => {
    const { reporter, text } = capture('failed');
    reporter.onEvent({ type: 'job-end', outcome: outcome('evil', 'built', '::add-path::/tmp/evil\n') });
    const out = text();
    const stop = /::stop-commands::([0-9a-f]{32})\n/.exec(out);
    expect(stop).not.toBeNull();
    expect(out.indexOf(stop![0])).toBeLessThan(out.indexOf('::add-path::'));
    expect(out.indexOf(`::${stop![1]}::`)).toBeGreaterThan(out.indexOf('::add-path::'));
  });

  it('replays cached logs only when asked for all', () => {
    for (const [mode, shown] of [
      ['failed', false],
      ['none', false],
      ['all', true],
    ] as const) {
      const { reporter, text } = capture(mode);
      reporter.onEvent({ type: 'job-end', outcome: outcome('lib', 'cached', 'from the cache') });
      expect(text().includes('from the cache'), mode).toBe(shown);
    }
  });

  it('keeps a group title on one line, its control characters escaped, its % kept', () => {
    const { reporter, text } = capture('failed');
    reporter.onEvent({
      type: 'job-end',
      outcome: { ...outcome('a\nb\x1b[31m%0A', 'skipped'), message: 'dep\nfailed' },
    });
    expect(text().split('\n')[0]).toBe('::group::⏭️ a\\nb\\u001b[31m%250A: skipped (dep\\nfailed)');
  });
});
