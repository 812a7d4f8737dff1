// Bundles every entry with ncc into dist/<entry>/index.js. Deterministic: no source maps, no timestamps.
// The bundles are independent, so they are built side by side, as many at once as there are cores. ncc only
// transpiles (src/tsconfig.json: ES modules out); the sources are type-checked once, by tsc with the project's
// own settings, alongside the bundles, and a type error fails the build as before.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { rmSync, existsSync, chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { cacheCompiledChunks } from './code-cache.mjs';
import { programsToCommonJs } from './commonjs.mjs';
import { buildInputsDigest, digestFile } from './build-inputs.mjs';

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
const tsc = 'node_modules/typescript/bin/tsc';
const entries = [
  ['src/action/main.ts', 'dist/main'],
  ['src/cli/main.ts', 'dist/cli'],
  ['src/action/post.ts', 'dist/post'],
  // Programs of their own, put beside each entry that runs jobs (the launcher, src/executor/launcher.ts) or may
  // upload to a cache server (src/cache/remote/upload-process.ts).
  ['src/executor/launcher-process.ts', 'dist/.launcher'],
  ['src/cache/remote/upload-process.ts', 'dist/.upload'],
  // The local cache's restore thread (src/cache/restore-helper.ts), beside every entry.
  ['src/cache/restore-worker.ts', 'dist/.restore'],
];

// A build that stops half-way must not leave the last one's record behind.
const inputsDigest = buildInputsDigest();
rmSync(digestFile, { force: true });

function node(args, what) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (${code})`))));
  });
}

function bundle([entry, out]) {
  rmSync(out, { recursive: true, force: true });
  return node(
    [ncc, 'build', entry, '-o', out, '--quiet', '--target', 'es2022', '--transpile-only'],
    `ncc on ${entry}`,
  );
}

const queue = [...entries];
await Promise.all([
  node([tsc, '--noEmit', '-p', 'tsconfig.json'], 'the type check (tsc)'),
  ...Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await bundle(next);
  }),
]);

for (const [dir, name] of [
  ['dist/.launcher', 'launcher-process.js'],
  ['dist/.upload', 'upload-process.js'],
  ['dist/.restore', 'restore-worker.js'],
]) {
  for (const out of ['dist/cli', 'dist/main']) copyFileSync(`${dir}/index.js`, `${out}/${name}`);
  rmSync(dir, { recursive: true, force: true });
}

// The CLI starts anew for every run: its chunks are compiled through V8's code cache (see code-cache.mjs).
cacheCompiledChunks('dist/cli');
// And its programs start without Node's ES module loader (see commonjs.mjs).
programsToCommonJs('dist/cli', ['index.js', 'launcher-process.js', 'restore-worker.js', 'upload-process.js']);

const cli = 'dist/cli/index.js';
if (existsSync(cli)) {
  const text = readFileSync(cli, 'utf8');
  if (!text.startsWith('#!')) writeFileSync(cli, '#!/usr/bin/env node\n' + text);
  chmodSync(cli, 0o755);
}

// Recorded last, from the inputs as they were when the build began: an interrupted build records nothing.
writeFileSync(digestFile, inputsDigest + '\n');
