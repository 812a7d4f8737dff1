import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

const projectModules = resolve(import.meta.dirname, '../../node_modules');

const tsconfig = JSON.stringify({
  compilerOptions: {
    outDir: 'dist',
    rootDir: 'src',
    declaration: true,
    module: 'commonjs',
    target: 'es2022',
    strict: true,
    skipLibCheck: true,
  },
  include: ['src'],
});

const pkg = (name: string, deps: Record<string, string> = {}): string =>
  JSON.stringify({
    name,
    version: '1.0.0',
    main: 'dist/index.js',
    types: 'dist/index.d.ts',
    scripts: { build: 'tsc -p .' },
    dependencies: deps,
  });

/**
 * A repository with npm workspaces: three TypeScript packages compiled by tsc into dist/, `@fx/b` depending on
 * `@fx/a` (it imports a's compiled types), `@fx/c` on nothing; disbuild.json builds every package.
 */
export const npmWorkspaceFiles: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fx', private: true, workspaces: ['packages/*'] }),
  '.gitignore': 'node_modules/\ndist/\n',
  // No update check from `npm run` (a network call, in tests).
  '.npmrc': 'update-notifier=false\n',
  'disbuild.json': JSON.stringify({
    $schema: './node_modules/disbuild/schema/disbuild.schema.json',
    tasks: { build: { script: 'build', outputs: ['dist/**'], deps: ['^build'], env: ['FX_FLAVOUR'] } },
  }),
  'packages/a/package.json': pkg('@fx/a'),
  'packages/a/tsconfig.json': tsconfig,
  'packages/a/src/index.ts': "export const a = (): string => 'a';\n",
  'packages/b/package.json': pkg('@fx/b', { '@fx/a': '1.0.0' }),
  'packages/b/tsconfig.json': tsconfig,
  'packages/b/src/index.ts': "import { a } from '@fx/a';\nexport const b = (): string => a() + 'b';\n",
  'packages/c/package.json': pkg('@fx/c'),
  'packages/c/tsconfig.json': tsconfig,
  'packages/c/src/index.ts': 'export const c = 3;\n',
};

/** Writes the fixture into `dir` and commits it; returns nothing but a ready repository. */
export async function createNpmWorkspace(dir: string): Promise<void> {
  for (const [rel, content] of Object.entries(npmWorkspaceFiles)) {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), content);
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fixture');
  await linkModules(dir);
}

/**
 * What `npm install` would leave (without the network): typescript and its `tsc` from this project, and the
 * workspace package @fx/a linked into node_modules. Ignored by git, as node_modules always is.
 */
export async function linkModules(dir: string): Promise<void> {
  await mkdir(join(dir, 'node_modules/.bin'), { recursive: true });
  await mkdir(join(dir, 'node_modules/@fx'), { recursive: true });
  await symlink(join(projectModules, 'typescript'), join(dir, 'node_modules/typescript'));
  await symlink('../typescript/bin/tsc', join(dir, 'node_modules/.bin/tsc'));
  await symlink('../../packages/a', join(dir, 'node_modules/@fx/a'));
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}
