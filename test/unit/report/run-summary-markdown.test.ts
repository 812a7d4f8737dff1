import { describe, expect, it } from 'vitest';
import type { JobOutcome, RunSummary } from '../../../src/report/events.js';
import {
  renderSummaryMarkdown,
  STDERR_TAIL_LINES,
  summaryData,
  SUMMARY_LIMIT,
} from '../../../src/report/run-summary-markdown.js';

function job(name: string, status: JobOutcome['status'], stderr = '', message?: string): JobOutcome {
  return {
    label: name as JobOutcome['label'],
    key: name as JobOutcome['key'],
    name,
    status,
    exitCode: status === 'failed' ? 2 : 0,
    durationMs: 1500,
    stdout: Buffer.alloc(0),
    stderr: Buffer.from(stderr),
    ...(message === undefined ? {} : { message }),
  };
}

function summary(jobs: JobOutcome[]): RunSummary {
  const counts = { cached: 0, built: 0, failed: 0, skipped: 0 };
  for (const j of jobs) counts[j.status]++;
  return { jobs, counts, durationMs: 4200 };
}

const render = (jobs: JobOutcome[], limit?: number): string =>
  renderSummaryMarkdown(summaryData(summary(jobs), 10), limit);
const tableNames = (md: string): string[] =>
  md
    .split('\n')
    .filter((l) => l.startsWith('| ') && l !== '| job | status | time |')
    .map((r) => r.split(' | ')[0]!.slice(2));

describe('renderSummaryMarkdown', () => {
  it('puts failed jobs first with exit code, duration and the tail of stderr, then every job', () => {
    const md = render([
      job('a', 'cached'),
      job('b', 'failed', 'line1\nboom'),
      job('c', 'built'),
      job('d', 'skipped', '', 'dependency b failed'),
    ]);
    expect(md).toContain('## disbuild: 1 failed');
    expect(md).toContain('1 cached · 1 built · 1 failed · 1 skipped · 4.2 s');
    expect(md).toContain('**b** (exit code 2, 1.5 s)\n\n```\nline1\nboom\n```');
    expect(md.indexOf('boom')).toBeLessThan(md.indexOf('### Jobs'));
    expect(tableNames(md)).toEqual(['b', 'd', 'c', 'a']);
    expect(md).toContain('| b | ❌ failed | 1.5 s |');
    expect(md).toContain('| a | ✅ cached | 1.5 s |');
  });

  it('gives the one-line reason of each job that ran, at most 50', () => {
    const jobs = [
      job('cached', 'cached'),
      ...Array.from({ length: 52 }, (_, i) => job(`j${100 + i}`, 'built')),
    ];
    const reasons = new Map(jobs.map((j) => [j.name, `input ${j.name}.ts changed`]));
    const md = renderSummaryMarkdown(summaryData(summary(jobs), 10, reasons));
    expect(md).toContain('### Why jobs ran\n\n- **j100**: input j100.ts changed\n');
    expect(md).toContain('- **j149**: input j149.ts changed\n- … and 2 more\n');
    expect(md).not.toContain('j150.ts');
    expect(md).not.toContain('cached.ts');
  });

  it('says why a job failed when the engine knows more than the exit code', () => {
    expect(render([job('t', 'failed', 'slow', 'timed out after 60 s')])).toContain(
      '**t**: timed out after 60 s (exit code 2, 1.5 s)',
    );
  });

  it('says the exit code once, and none for a job that has none', () => {
    // Before: "exited with code 2 (exit code 2, …)" and "killed by SIGKILL (exit code null, …)".
    expect(render([job('t', 'failed', 'x', 'exited with code 2')])).toContain(
      '**t**: exited with code 2 (1.5 s)',
    );
    const killed = { ...job('k', 'failed', 'x', 'killed by SIGKILL'), exitCode: null };
    expect(render([killed])).toContain('**k**: killed by SIGKILL (1.5 s)');
  });

  it('lists jobs with numbers in their names by value', () => {
    // Before: pkg-10 before pkg-2.
    expect(tableNames(render(['pkg-10', 'pkg-2', 'pkg-1'].map((n) => job(n, 'cached'))))).toEqual([
      'pkg-1',
      'pkg-2',
      'pkg-10',
    ]);
  });

  it('takes terminal escapes out of a log and escapes other controls: GitHub would show them as text', () => {
    const log =
      '\x1b[31merror\x1b[0m: \x1b[1mbad thing\x1b[0m\x1b[2K\x1b[1A\x1b[?25l\x1b[38:5:1m\n' +
      'see \x1b]8;;https://x.example\x1b\\here\x1b]8;;\x1b\\ and\r \u202eback\n\tindented';
    const md = render([job('c', 'failed', log)]);
    expect(md).toContain('```\nerror: bad thing\nsee here and \\u202eback\n\tindented\n```');
    expect(md).not.toContain('\x1b');
    expect(md).not.toContain('\r');
  });

  it('keeps the out-dir failures within the summary limit, in a stable order', () => {
    const many = Array.from(
      { length: 60 },
      (_, i) => `cannot place the outputs of ${'x'.repeat(20_000)}-${59 - i}`,
    );
    const md = renderSummaryMarkdown(
      summaryData({ ...summary([job('a', 'built')]), outDirFailures: many }, 10),
    );
    // Before: 2 MB for 60 such messages, which GitHub refuses whole.
    expect(Buffer.byteLength(md)).toBeLessThan(SUMMARY_LIMIT);
    expect(md).toContain('- … and 10 more\n');
    const again = renderSummaryMarkdown(
      summaryData({ ...summary([job('a', 'built')]), outDirFailures: [...many].reverse() }, 10),
    );
    expect(again).toBe(md);
  });

  it('says which targets could not be placed in the out dir, and does not call the run a success', () => {
    const s = {
      ...summary([job('a', 'built')]),
      outDirFailures: ['cannot place the outputs of a in /x/a: EEXIST'],
    };
    const md = renderSummaryMarkdown(summaryData(s, 10));
    // Before: "## disbuild: all jobs succeeded", and the failure only in a warning of the log.
    expect(md).toContain('## disbuild: outputs not placed in the out dir (1)\n');
    expect(md).toContain(
      '### Outputs not placed in the out dir\n\n- cannot place the outputs of a in /x/a: EEXIST\n',
    );
  });

  it('shows only the last lines of a long log, in a fence the log cannot close', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`);
    const md = render([job('f', 'failed', [...lines, '```', 'after the fence'].join('\n'))]);
    expect(md).not.toContain('line 10\n');
    expect(md).toContain(`line ${100 - STDERR_TAIL_LINES + 2}\n`);
    expect(md).toContain('````\n');
  });

  it('says all succeeded and has no failed section when nothing failed', () => {
    const md = render([job('a', 'built')]);
    expect(md).toContain('## disbuild: all jobs succeeded');
    expect(md).not.toContain('### Failed jobs');
  });

  it('stays under the size limit and says how many rows it left out', () => {
    const many = Array.from({ length: 5000 }, (_, i) => job(`job-${i}-${'x'.repeat(50)}`, 'cached'));
    const md = render(many, 50_000);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(50_000);
    const shown = tableNames(md).length;
    expect(md).toContain(`… and ${5000 - shown} more jobs`);
  });

  it('counts the limit in UTF-8 bytes, and stays under 1 MiB by default', () => {
    const wide = Array.from({ length: 40_000 }, (_, i) => job(`作業-${i}-${'漢'.repeat(40)}`, 'built'));
    expect(Buffer.byteLength(render(wide, 50_000))).toBeLessThanOrEqual(50_000);
    const md = render(wide);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
  });

  it('gives failed jobs at most half the room, and counts those it leaves out', () => {
    const failed = Array.from({ length: 200 }, (_, i) => job(`f${i}`, 'failed', 'e'.repeat(3000)));
    const md = render(failed, 100_000);
    expect(md.indexOf('### Jobs')).toBeLessThan(50_000);
    expect(md).toMatch(/… and \d+ more failed jobs/);
    expect(tableNames(md).length).toBeGreaterThan(0);
  });

  it('counts failed jobs beyond the annotation limit', () => {
    const failed = Array.from({ length: 12 }, (_, i) => job(`f${i}`, 'failed'));
    expect(render(failed)).toContain('2 more failed jobs have no annotation (at most 10 are annotated)');
  });

  it('shows job names as text, not markup', () => {
    const md = render([job('a|b*c_<x>', 'failed', 'oops')]);
    expect(md).toContain('**a\\|b\\*c\\_\\<x\\>**');
    expect(md).toContain('| a\\|b\\*c\\_\\<x\\> | ❌ failed |');
  });

  it('escapes control characters in names and messages, and cuts long names', () => {
    const md = render([job('a\n## b\x1b[1m', 'failed', 'oops', 'dep\n# x'), job('n'.repeat(300), 'built')]);

    expect(md).not.toMatch(/\x1b|\n#+ [bx]/);
    expect(md).toContain('**a\\\\n\\#\\# b\\\\u001b\\[1m**: dep\\\\n\\# x');
    expect(md).toContain(`| ${'n'.repeat(200)}… (300 characters) | 🔨 built |`);
  });
});
