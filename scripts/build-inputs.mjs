// What a build of dist/ is made from: the sources, the build scripts, the locked packages and the Node that builds
// (the CLI's chunks carry V8's code cache). The build records their digest in dist/, so that a test run can tell a
// dist/ built from the checkout as it is from one that must be built again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const digestFile = 'dist/build-inputs.sha256';

const roots = ['src', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function filesUnder(root) {
  const stat = statSync(root, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [root];
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

export function buildInputsDigest() {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const path of roots.flatMap(filesUnder).sort()) {
    const bytes = readFileSync(path);
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** The digest the last build recorded, or undefined when dist/ has none. */
export function builtDigest() {
  try {
    return readFileSync(digestFile, 'utf8').trim();
  } catch {
    return undefined;
  }
}
