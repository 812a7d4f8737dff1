import { chmod, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CanonicalHasher } from '../../../src/ids/canonical.js';
import { keyGraph, keyGraphWith } from '../../../src/ids/job-key.js';
import { streamSource } from '../../../src/ids/file-digest.js';
import { buildGraph, writeTree, type JobDef } from '../../helpers/graph-builder.js';

// A change to any value in this file is a change of the key schema: it must bump "disbuild-key-v2" instead.
// `docs` (both salts) and `gen` (an executable and a symbolic link to it) were computed independently with the
// Python recipe of docs/key-encoding.md.

const BASE: JobDef[] = [
  {
    name: 'lib',
    inputs: ['lib/a.txt', 'lib/run.sh'],
    cmds: [{ exec: ['sh', 'lib/run.sh', '<out>'], environ: ['MODE=fast'] }],
  },
  {
    name: 'app',
    inputs: ['app/main.txt'],
    deps: ['lib'],
    cmds: [{ exec: ['cat', '<dep:lib>/x', '<src>/app/main.txt'] }],
  },
  { name: 'docs', cmds: [{ cat: 'hello', to: '<out>/docs.txt' }] },
];

/** Executables, symlinks, non-ASCII paths and text, a working directory, several commands and two deps. */
const RICH: JobDef[] = [
  { name: 'gen', inputs: ['tools/gen.sh', 'tools/link'], cmds: [{ exec: ['tools/gen.sh', '<out>/g.h'] }] },
  { name: 'doc', inputs: ['doc/é.md'], cmds: [{ cat: 'ünïcode <src>', to: '<out>/é.txt' }] },
  {
    name: 'bin',
    inputs: ['src/b.c', 'src/a.c', 'src/a.c'],
    deps: ['doc', 'gen'],
    cmds: [
      {
        exec: ['cc', '-I<dep:gen>', '-o', '<out>/bin', 'a.c', 'b.c'],
        environ: ['CC=cc', 'X='],
        wd: '<src>/src',
      },
      { cat: '<dep:doc>/é.txt', to: '<out>/readme' },
    ],
  },
];

describe('golden keys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-golden-'));
    await writeTree(dir, {
      'lib/a.txt': 'alpha\n',
      'lib/run.sh': 'echo hi\n',
      'app/main.txt': 'main\n',
      'tools/gen.sh': '#!/bin/sh\necho "#define X 1" > "$1"\n',
      'doc/é.md': '# Dök\n',
      'src/a.c': 'int a;\n',
      'src/b.c': 'int b;\n',
    });
    await chmod(join(dir, 'tools/gen.sh'), 0o755);
    await symlink('gen.sh', join(dir, 'tools/link'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const keys = async (defs: JobDef[], salt = ''): Promise<Record<string, string>> => {
    const graph = buildGraph(defs);
    const r = await keyGraph(graph, dir, salt);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return Object.fromEntries(graph.jobs.map((j) => [j.name, r.value.get(j.label)!]));
  };

  it('of a small chain', async () => {
    expect(await keys(BASE)).toEqual({
      lib: '6885d56a364bee2b7acb86addae1ce2dfd4bd95a',
      app: 'c4a09cd34af98ed7df2d28f63ebb361e9ea5c0f3',
      docs: 'cb014b3f37c38e4bef3f3b81d0f796b2afad4161',
    });
  });

  it('with a salt (the worked example of docs/key-encoding.md)', async () => {
    expect((await keys(BASE, 'linux-node20')).docs).toBe('39daf09097a540a6615c61da979dcafe2672093e');
  });

  it('of modes, symlinks (their text and what they lead to), non-ASCII and multi-command jobs', async () => {
    expect(await keys(RICH, 'os=linux')).toEqual({
      gen: '100d24f917a4674304e7e5b501c59cdac78c5c06',
      doc: '440f0a76f268594d63a653abcc68ed4d50fdbe77',
      bin: '9a835091b5d30a1d425a5476551e48f897d8c4da',
    });
  });

  it('of a link to a directory: where it leads and its text (computed with the recipe of docs/key-encoding.md)', async () => {
    await symlink('tools', join(dir, 'toolsdir'));
    const dirLink: JobDef[] = [{ name: 'd', inputs: ['toolsdir'], cmds: [{ cat: 'x', to: '<out>/x' }] }];
    expect(await keys(dirLink)).toEqual({ d: '77196e4935dd46f1763c1e076a7e124f2dfc4722' });
    const graph = buildGraph(dirLink);
    const viaStream = await keyGraphWith(graph, streamSource(dir), '');
    expect(viaStream.ok && viaStream.value.get(graph.jobs[0]!.label)).toBe(
      '77196e4935dd46f1763c1e076a7e124f2dfc4722',
    );
  });

  it('are the same through every digest source', async () => {
    const graph = buildGraph(RICH);
    const viaStream = await keyGraphWith(graph, streamSource(dir), 'os=linux');
    expect(
      viaStream.ok && Object.fromEntries(graph.jobs.map((j) => [j.name, viaStream.value.get(j.label)])),
    ).toEqual(await keys(RICH, 'os=linux'));
  });
});

describe('the encoding', () => {
  it('is byte for byte the one docs/key-encoding.md shows', () => {
    const h = new CanonicalHasher()
      .field('schema', 'disbuild-key-v2')
      .field('salt', '')
      .count('inputs', 0)
      .count('cmds', 1)
      .field('cmd', 'cat')
      .count('parts', 1)
      .field('text', 'hello')
      .count('parts', 2)
      .field('var', 'OUTPUT_DIR')
      .field('text', '/docs.txt')
      .count('deps', 0);
    expect(h.bytes().toString('utf8')).toBe(
      'schema 15\ndisbuild-key-v2\nsalt 0\n\ninputs 1\n0\ncmds 1\n1\ncmd 3\ncat\n' +
        'parts 1\n1\ntext 5\nhello\nparts 1\n2\nvar 10\nOUTPUT_DIR\ntext 9\n/docs.txt\ndeps 1\n0\n',
    );
    expect(h.hex()).toBe('cb014b3f37c38e4bef3f3b81d0f796b2afad4161');
  });

  it('counts UTF-8 bytes, not UTF-16 code units', () => {
    expect(new CanonicalHasher().field('text', 'é€😀').bytes().toString('utf8')).toBe('text 9\né€😀\n');
  });

  it('is unambiguous across field boundaries', () => {
    const hash = (parts: string[]): string => {
      const c = new CanonicalHasher();
      for (const p of parts) c.field('s', p);
      return c.hex();
    };
    expect(hash(['ab', 'c'])).not.toBe(hash(['a', 'bc']));
    expect(hash(['a\n', ''])).not.toBe(hash(['a', '\n']));
    expect(hash(['s 1\nx'])).not.toBe(hash(['', 'x']));
    expect(new CanonicalHasher().field('a', 'b').hex()).not.toBe(new CanonicalHasher().field('b', 'a').hex());
  });
});
