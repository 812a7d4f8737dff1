import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/graph/model.js';
import { parseGraphText } from '../../../src/graph/parse.js';
import { CanonicalHasher } from '../../../src/ids/canonical.js';
import {
  blobId,
  commitTreeDigests,
  streamDigests,
  workingTreeDigests,
} from '../../../src/ids/file-digest.js';
import { computeKeys, keyGraph } from '../../../src/ids/job-key.js';
import { graphJson, type JobSpec } from '../../helpers/graph-json.js';

function parse(jobs: JobSpec[], spelling: 'plain' | 'go' = 'plain'): Graph {
  const r = parseGraphText(graphJson(jobs, spelling));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const base: JobSpec[] = [
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

async function keysByName(dir: string, jobs: JobSpec[], salt = '', spelling: 'plain' | 'go' = 'plain') {
  const graph = parse(jobs, spelling);
  const r = await keyGraph(graph, dir, salt);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return Object.fromEntries(graph.jobs.map((j) => [j.name, r.value.get(j.label)!]));
}

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  });

describe('job keys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'disbuild-keys-'));
    await mkdir(join(dir, 'lib'));
    await mkdir(join(dir, 'app'));
    await writeFile(join(dir, 'lib/a.txt'), 'alpha\n');
    await writeFile(join(dir, 'lib/run.sh'), 'echo hi\n');
    await writeFile(join(dir, 'app/main.txt'), 'main\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are pinned by golden values (a change here is a key schema change: bump disbuild-key-v1)', async () => {
    expect(await keysByName(dir, base)).toEqual({
      lib: 'a5acd56bbe37d024cd0968ad727159022830cf2a',
      app: 'facf21c2e8da35b5e071c38f07f8354475ad676a',
      docs: 'a79d3d810642afb9cf97f4c9b168c18f788aaaf0',
    });
    expect(await keysByName(dir, base, 'linux-node20')).toMatchObject({
      docs: 'bd5a00f585b1fc4dd1dad90c35b05c5170786246',
    });
  });

  it('digest files as git blob IDs', async () => {
    expect(blobId('alpha\n')).toBe(git(dir, 'hash-object', 'lib/a.txt').trim());
  });

  it('are identical through the git fast path, the streaming fallback and a commit tree', async () => {
    const outside = await keysByName(dir, base);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'c');
    expect(await keysByName(dir, base)).toEqual(outside);
    const paths = ['lib/a.txt', 'lib/run.sh', 'app/main.txt'];
    const fromTree = await commitTreeDigests(dir, 'HEAD', paths);
    expect(fromTree).toEqual(await streamDigests(dir, paths));
    // A modified tracked file and an untracked one are read from disk, and agree with the fallback.
    await writeFile(join(dir, 'lib/a.txt'), 'changed\n');
    await writeFile(join(dir, 'app/new.txt'), 'untracked\n');
    const all = [...paths, 'app/new.txt'];
    expect(await workingTreeDigests(dir, all)).toEqual(await streamDigests(dir, all));
    expect((await workingTreeDigests(dir, ['lib/a.txt'])).get('lib/a.txt')).toEqual({
      mode: 'regular',
      digest: blobId('changed\n'),
    });
  });

  it('work for a source directory below the repository root', async () => {
    const outside = await keysByName(dir, base);
    const root = await mkdtemp(join(tmpdir(), 'disbuild-keys-root-'));
    try {
      execFileSync('cp', ['-r', dir, join(root, 'sub')]);
      git(root, 'init', '-q');
      git(root, 'add', '-A');
      git(root, 'commit', '-qm', 'c');
      expect(await keysByName(join(root, 'sub'), base)).toEqual(outside);
      const tree = await commitTreeDigests(join(root, 'sub'), 'HEAD', ['lib/a.txt']);
      expect(tree.get('lib/a.txt')).toEqual({ mode: 'regular', digest: blobId('alpha\n') });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  describe('change when anything that determines the output changes', () => {
    it('an input byte changes the job and its dependents, not the others', async () => {
      const before = await keysByName(dir, base);
      await writeFile(join(dir, 'lib/a.txt'), 'alphA\n');
      const after = await keysByName(dir, base);
      expect(after.lib).not.toBe(before.lib);
      expect(after.app).not.toBe(before.app);
      expect(after.docs).toBe(before.docs);
    });

    it('a file mode', async () => {
      const before = await keysByName(dir, base);
      await chmod(join(dir, 'lib/run.sh'), 0o755);
      expect((await keysByName(dir, base)).lib).not.toBe(before.lib);
    });

    it('a symlink target', async () => {
      const jobs: JobSpec[] = [{ name: 'l', inputs: ['link'], cmds: [{ exec: ['true'] }] }];
      await symlink('lib/a.txt', join(dir, 'link'));
      const before = await keysByName(dir, jobs);
      await rm(join(dir, 'link'));
      await symlink('lib/run.sh', join(dir, 'link'));
      expect((await keysByName(dir, jobs)).l).not.toBe(before.l);
    });

    it('a command string, an environment entry, the salt', async () => {
      const before = await keysByName(dir, base);
      const cmd = structuredClone(base);
      (cmd[2]!.cmds[0] as { cat: string }).cat = 'hello!';
      expect((await keysByName(dir, cmd)).docs).not.toBe(before.docs);
      const env = structuredClone(base);
      (env[0]!.cmds[0] as { environ: string[] }).environ = ['MODE=slow'];
      expect((await keysByName(dir, env)).lib).not.toBe(before.lib);
      expect((await keysByName(dir, base, 'salt')).docs).not.toBe(before.docs);
    });

    it('a transitive dependency', async () => {
      const chain: JobSpec[] = [...base, { name: 'top', deps: ['app'], cmds: [{ exec: ['true'] }] }];
      const before = await keysByName(dir, chain);
      await writeFile(join(dir, 'lib/a.txt'), 'x');
      expect((await keysByName(dir, chain)).top).not.toBe(before.top);
    });
  });

  it('do not change with names, labels or template spelling', async () => {
    const before = await keysByName(dir, base);
    const renamed = base.map((j) => ({
      ...j,
      name: `renamed-${j.name}`,
      deps: j.deps?.map((d) => `renamed-${d}`),
      cmds: j.cmds.map((c) =>
        'exec' in c ? { ...c, exec: c.exec.map((a) => a.replace('<dep:lib>', '<dep:renamed-lib>')) } : c,
      ),
    }));
    const after = await keysByName(dir, renamed);
    expect(Object.values(after)).toEqual(Object.values(before));
    expect(await keysByName(dir, base, '', 'go')).toEqual(before);
  });

  it('report a missing input with the job and field', async () => {
    const graph = parse([{ name: 'j', inputs: ['nope.txt'], cmds: [{ exec: ['true'] }] }]);
    const r = computeKeys(graph, await streamDigests(dir, ['nope.txt']), '');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error[0]).toMatchObject({ job: 'j', field: 'Inputs[0]' });
  });
});

describe('the canonical encoding', () => {
  it('is unambiguous across field boundaries', () => {
    const h = (parts: string[]): string => {
      const c = new CanonicalHasher();
      for (const p of parts) c.field('s', p);
      return c.hex();
    };
    expect(h(['ab', 'c'])).not.toBe(h(['a', 'bc']));
    expect(h(['a\n', ''])).not.toBe(h(['a', '\n']));
  });
});
