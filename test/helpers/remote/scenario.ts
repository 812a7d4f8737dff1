import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { graphJson } from '../graph-json.js';
import type { Rig } from '../rig.js';

/**
 * A small graph whose outputs have every kind of entry a restore must reproduce: nested directories, an
 * executable, a symlink, binary bytes, an empty file, and a log longer than what records carry inline.
 * Every command appends to `../marker` (relative, so that both clones have the same keys): `executed` reads it.
 */
export async function writeScenario(rig: Rig): Promise<void> {
  const note = (name: string): string => `echo ${name} >> ../marker`;
  await rig.write({
    'a.txt': 'alpha\n',
    'b.txt': 'beta\n',
    'graph.json': graphJson([
      {
        name: 'lib',
        inputs: ['a.txt'],
        cmds: [
          {
            exec: [
              'sh',
              '-c',
              `${note('lib')}; mkdir -p <out>/d/e && cp <src>/a.txt <out>/d/e/a.txt && printf '#!/bin/sh\\necho hi\\n' > <out>/run.sh && chmod 755 <out>/run.sh && ln -s d/e/a.txt <out>/link && dd if=/dev/zero bs=1000 count=200 2>/dev/null | tr '\\0' '\\377' > <out>/blob.bin && : > <out>/empty && seq 1 20000`,
            ],
          },
        ],
      },
      {
        name: 'app',
        inputs: ['b.txt'],
        deps: ['lib'],
        cmds: [
          {
            exec: [
              'sh',
              '-c',
              `${note('app')}; cat <dep:lib>/d/e/a.txt <src>/b.txt > <out>/app.txt; echo app done`,
            ],
          },
        ],
      },
      {
        name: 'final',
        deps: ['app', 'lib'],
        cmds: [
          {
            exec: [
              'sh',
              '-c',
              `${note('final')}; cat <dep:app>/app.txt <dep:lib>/blob.bin > <out>/final.bin`,
            ],
          },
        ],
      },
    ]),
  });
}

/** Every entry under `dir` with its type, mode, content or link text: equal snapshots mean identical trees. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await readdir(join(dir, rel))).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      const st = await lstat(join(dir, r));
      if (st.isDirectory()) {
        out[r] = 'dir';
        await walk(r);
      } else if (st.isSymbolicLink()) out[r] = `link:${await readlink(join(dir, r))}`;
      else {
        const digest = createHash('sha256')
          .update(await readFile(join(dir, r)))
          .digest('hex');
        out[r] = `file:${(st.mode & 0o111) !== 0 ? 'x' : '-'}:${st.size}:${digest}`;
      }
    }
  };
  await walk('');
  return out;
}

/** The lines of the marker file: which jobs executed. */
export async function executed(rig: Rig): Promise<string[]> {
  return (await readFile(rig.path('marker'), 'utf8').catch(() => '')).split('\n').filter(Boolean);
}
