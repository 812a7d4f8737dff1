import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rig } from '../helpers/rig.js';

/**
 * A task whose command leaves a read-only directory among its in-place outputs (`chmod 555`, as Go's module cache
 * is made read-only on purpose), run by a user whom the modes bind (root ignores them).
 */
describe('in-place outputs in a read-only directory the job made', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await Rig.create();
    await rig.write({
      'disbuild.json': JSON.stringify({
        tasks: {
          gen: {
            command: 'mkdir -p dist/sub && cp src/a.txt dist/sub/ && chmod 555 dist/sub',
            inputs: ['src/**'],
            outputs: ['dist/**'],
          },
        },
      }),
      'src/a.txt': 'one\n',
    });
    execFileSync('chown', ['-R', '65534:65534', rig.root]);
  });
  afterEach(async () => {
    execFileSync('chmod', ['-R', 'u+w', rig.root]);
    await rig.cleanup();
  });

  const run = async (): Promise<{ code: number | null; out: string; status: string | undefined }> => {
    const report = rig.path(`report-${Math.random()}.json`);
    const r = await rig.runAsNobody(['run', '--cache-dir', rig.cacheDir, '--report', report]);
    const jobs = JSON.parse(await readFile(report, 'utf8').catch(() => '{"jobs":[]}')) as {
      jobs: { status: string }[];
    };
    return { code: r.code, out: r.stdout + r.stderr, status: jobs.jobs[0]?.status };
  };
  const edit = (text: string): void =>
    void execFileSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', 'sh', '-c', `printf '${text}' > src/a.txt`],
      {
        cwd: rig.src,
      },
    );

  it('are replaced by a rebuild and by a restore, with no temp file left', async () => {
    expect((await run()).status).toBe('built');
    edit('two\\n');
    const rebuilt = await run();
    expect(rebuilt.code, rebuilt.out).toBe(0);
    expect(rebuilt.status).toBe('built');
    expect(await rig.read('src/dist/sub/a.txt')).toBe('two\n');
    edit('one\\n');
    const restored = await run();
    expect(restored.code, restored.out).toBe(0);
    expect(restored.status).toBe('cached');
    expect(restored.out).not.toMatch(/warning/);
    expect(await rig.read('src/dist/sub/a.txt')).toBe('one\n');
    expect(execFileSync('find', [rig.path('src/dist'), '-name', '*.disbuild-*'], { encoding: 'utf8' })).toBe(
      '',
    );
  });

  it("fail the job, not the run, when a stale one cannot be removed (another user's directory)", async () => {
    expect((await run()).status).toBe('built');
    execFileSync('sh', ['-c', 'mkdir dist/theirs && echo x > dist/theirs/f && chown -R 0:0 dist/theirs'], {
      cwd: rig.src,
    });
    edit('two\\n');
    const r = await run();
    expect(r.code, r.out).toBe(1);
    expect(r.status).toBe('failed');
    expect(r.out).toMatch(/not started: its stale in-place outputs cannot be removed \(EACCES/);
  });

  for (const [what, command, expected] of [
    [
      'a directory to make in a read-only one',
      'mkdir -p dist/$(cat src/a.txt) && cp src/a.txt dist/$(cat src/a.txt)/f && chmod 555 dist',
      'dist/one/f',
    ],
    [
      'a read-only directory where a file goes',
      'mkdir -p dist && if [ "$(cat src/a.txt)" = one ]; then cp src/a.txt dist/x; else mkdir dist/x && cp src/a.txt dist/x/f && chmod 555 dist/x; fi',
      'dist/x',
    ],
    [
      'a stale file in a read-only directory',
      'mkdir -p dist/$(cat src/a.txt) && cp src/a.txt dist/$(cat src/a.txt)/f && chmod 555 dist/$(cat src/a.txt)',
      'dist/one/f',
    ],
  ] as const) {
    it(`are restored past ${what}`, async () => {
      await rig.write({
        'disbuild.json': JSON.stringify({
          tasks: { gen: { command, inputs: ['src/**'], outputs: ['dist/**'] } },
        }),
      });
      execFileSync('chown', ['-R', '65534:65534', rig.root]);
      const wipe = (): void =>
        void execFileSync(
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', 'sh', '-c', 'chmod -R u+w dist; rm -rf dist'],
          {
            cwd: rig.src,
          },
        );
      expect((await run()).status).toBe('built');
      wipe();
      edit('two\\n');
      expect((await run()).status).toBe('built');
      edit('one\\n');
      const restored = await run();
      expect(restored.code, restored.out).toBe(0);
      expect(restored.status).toBe('cached');
      expect(restored.out).not.toMatch(/warning/);
      // The files of `one`, nothing else (an emptied directory may stay: directories are not outputs).
      expect(execFileSync('find', ['dist', '-type', 'f'], { cwd: rig.src, encoding: 'utf8' })).toBe(
        `${expected}\n`,
      );
      expect(await rig.read(`src/${expected}`)).toBe('one\n');
    });
  }

  it('are not put back over a directory holding what is not the job output, read-only or tracked', async () => {
    await rig.write({
      'disbuild.json': JSON.stringify({
        tasks: {
          gen: {
            command: 'mkdir -p dist && cp src/a.txt dist/x.txt',
            inputs: ['src/**'],
            outputs: ['dist/*.txt'],
          },
        },
      }),
    });
    const git = (...args: string[]): void =>
      void execFileSync(
        'git',
        ['-c', 'safe.directory=*', '-c', 'user.name=t', '-c', 'user.email=t@t', ...args],
        { cwd: rig.src },
      );
    git('init', '-q');
    git('add', 'disbuild.json', 'src');
    git('commit', '-qm', 'init');
    execFileSync('chown', ['-R', '65534:65534', rig.root]);
    expect((await run()).status).toBe('built');
    // The output file is now a directory of the user's, one file in it committed, one in a read-only directory.
    execFileSync(
      'sh',
      [
        '-c',
        'rm dist/x.txt && mkdir -p dist/x.txt/ro && echo notes > dist/x.txt/notes.md && echo keep > dist/x.txt/ro/keep.md && chmod 555 dist/x.txt/ro && chown -R 65534:65534 dist',
      ],
      { cwd: rig.src },
    );
    git('add', 'dist/x.txt/notes.md');
    git('commit', '-qm', 'notes');
    const r = await run();
    expect(r.out).toMatch(
      /dist\/x\.txt is a directory holding dist\/x\.txt\/\S+, which is not the job's output/,
    );
    expect(r.status).toBe('built');
    expect(await rig.read('src/dist/x.txt/notes.md')).toBe('notes\n');
    expect(await rig.read('src/dist/x.txt/ro/keep.md')).toBe('keep\n');
  });
});
