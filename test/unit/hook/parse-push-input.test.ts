import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDeletion, isNewBranch, parsePushInput } from '../../../src/hook/parse-push-input.js';
import { hookScript, MARKER } from '../../../src/hook/install.js';

describe('parsePushInput', () => {
  it('parses captured pre-push input: an update, a new branch and a deletion', async () => {
    const text = await readFile(
      resolve(import.meta.dirname, '../../fixtures/push-stdin/three-refs.txt'),
      'utf8',
    );
    const { refs, errors } = parsePushInput(text);
    expect(errors).toEqual([]);
    expect(refs.map((r) => [r.localRef, isNewBranch(r), isDeletion(r)])).toEqual([
      ['refs/heads/main', false, false],
      ['refs/heads/new', true, false],
      ['(delete)', false, true],
    ]);
    expect(refs[0]).toMatchObject({
      localSha: '1'.repeat(40),
      remoteRef: 'refs/heads/main',
      remoteSha: '2'.repeat(40),
    });
  });

  it('reads a local ref written with spaces, as the user typed it', () => {
    // Before: a line of more than four fields was malformed, and dropped.
    const line = `HEAD^{/fix the bug} ${'1'.repeat(40)} refs/heads/f ${'0'.repeat(40)}`;
    expect(parsePushInput(line)).toEqual({
      refs: [
        {
          localRef: 'HEAD^{/fix the bug}',
          localSha: '1'.repeat(40),
          remoteRef: 'refs/heads/f',
          remoteSha: '0'.repeat(40),
        },
      ],
      errors: [],
    });
  });

  it('reports a malformed line, quoting it', () => {
    expect(parsePushInput('refs/heads/main abc').errors).toEqual([
      'unexpected pre-push input line "refs/heads/main abc"',
    ]);
    expect(parsePushInput('').refs).toEqual([]);
  });
});

describe('hookScript', () => {
  it('is marked as ours and quotes paths for the shell', () => {
    const s = hookScript('/usr/bin/node', "/opt/it's here/cli.js");
    expect(s).toContain(MARKER);
    expect(s).toContain(`'/opt/it'\\''s here/cli.js'`);
  });
});
