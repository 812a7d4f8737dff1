// Bundles every entry with ncc into dist/<entry>/index.js. Deterministic: no source maps, no timestamps.
import { execFileSync } from 'node:child_process';
import { rmSync, existsSync, chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';

const entries = [
  ['src/cli/main.ts', 'dist/cli'],
  ['src/action/main.ts', 'dist/main'],
  ['src/action/post.ts', 'dist/post'],
];
for (const [entry, out] of entries) {
  if (!existsSync(entry)) continue;
  rmSync(out, { recursive: true, force: true });
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--quiet', '--target', 'es2022'], {
    stdio: 'inherit',
  });
}
// The launcher process (src/executor/launcher.ts) is a program of its own, put beside each entry that runs jobs.
const launcherOut = 'dist/.launcher';
rmSync(launcherOut, { recursive: true, force: true });
execFileSync(
  'npx',
  ['ncc', 'build', 'src/executor/launcher-process.ts', '-o', launcherOut, '--quiet', '--target', 'es2022'],
  { stdio: 'inherit' },
);
for (const out of ['dist/cli', 'dist/main'])
  copyFileSync(`${launcherOut}/index.js`, `${out}/launcher-process.js`);
rmSync(launcherOut, { recursive: true, force: true });
// So is the upload process (src/cache/remote/upload-process.ts), beside each entry that may upload to a cache server.
const uploadOut = 'dist/.upload';
rmSync(uploadOut, { recursive: true, force: true });
execFileSync(
  'npx',
  ['ncc', 'build', 'src/cache/remote/upload-process.ts', '-o', uploadOut, '--quiet', '--target', 'es2022'],
  { stdio: 'inherit' },
);
for (const out of ['dist/cli', 'dist/main'])
  copyFileSync(`${uploadOut}/index.js`, `${out}/upload-process.js`);
rmSync(uploadOut, { recursive: true, force: true });

const cli = 'dist/cli/index.js';
if (existsSync(cli)) {
  const text = readFileSync(cli, 'utf8');
  if (!text.startsWith('#!')) writeFileSync(cli, '#!/usr/bin/env node\n' + text);
  chmodSync(cli, 0o755);
}
