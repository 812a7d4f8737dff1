import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Rig } from '../helpers/rig.js';

describe('a --report file in the source directory', () => {
  let rig: Rig;
  afterEach(() => rig.cleanup());

  it('is said to be an input of the jobs reading every file, until .gitignore leaves it out', async () => {
    rig = await Rig.create();
    const git = (...args: string[]): void =>
      void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: rig.src });
    git('init', '-q');
    await rig.write({
      'in.txt': 'hi\n',
      '.gitignore': 'out.txt\n',
      'disbuild.json': JSON.stringify({
        tasks: { t: { command: 'cat in.txt > out.txt', outputs: ['out.txt'] } },
      }),
    });
    git('add', '-A');
    git('commit', '-qm', 'c');
    const run = (report: string): ReturnType<Rig['run']> =>
      rig.run(['run', '--cache-dir', rig.cacheDir, '--report', report]);
    expect((await run('report.json')).stdout).not.toContain('warning');
    const second = await run('report.json');
    // Before: built on every run without a word ("input report.json changed", said only by explain).
    expect(second.stdout).toContain(
      `warning: --report report.json is an input of 1 job (t): each run rewrites it, so they never stay cached; write the report outside ${rig.src}, or ignore it in .gitignore`,
    );
    await rig.write({ '.gitignore': 'out.txt\nreport.json\n' });
    git('add', '-A');
    git('commit', '-qm', 'ignore the report');
    expect((await run('report.json')).stdout).not.toContain('warning');
    const settled = await run('report.json');
    expect(settled.stdout).not.toContain('warning');
    expect(settled.stdout).toContain('1 cached');
    expect((await run(rig.path('elsewhere.json'))).stdout).not.toContain('warning');
    // A name that begins with two dots is in the source directory too (once taken for `..`).
    await run('..r.json');
    expect((await run('..r.json')).stdout).toContain('warning: --report ..r.json is an input of 1 job (t)');
  });
});
