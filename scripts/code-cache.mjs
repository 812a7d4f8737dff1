// Turns an ncc bundle's chunks into scripts that its index.js compiles with V8's code cache (scripts/chunk-loader.js):
// Node 20 keeps no compiled code for ES modules, so every run parsed and compiled the chunks it loads anew.
//
// An ncc chunk is an ES module of exactly this shape: `export const id = N;`, `export const ids = [...];`,
// `export const modules = {...};`, with no import of its own (its modules reach Node's through the runtime in
// index.js) and `import.meta.url` as its only use of `import.meta`. Each becomes a function expression of
// `import.meta` returning `{ id, ids, modules }`, on the same lines (stack traces keep their line numbers).
// Anything else fails the build: a chunk this does not understand is never rewritten by guess.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';

const META = '__disbuild_import_meta';
const LOADER = readFileSync(new URL('./chunk-loader.js', import.meta.url), 'utf8');
/** ncc's chunk loading in index.js: `import("./" + __nccwpck_require__.u(chunkId))`. */
const CHUNK_IMPORT = 'import("./" + __nccwpck_require__.u(chunkId))';
/** Where the loader's table of chunk digests is written in. */
const DIGESTS = 'const __dccDigests = {};';

/** The script for the text of one chunk module. */
export function chunkToScript(text, name) {
  const exports = [...text.matchAll(/^export const (id|ids|modules) = /gm)].map((m) => m[1]);
  const problems = [];
  if (exports.join() !== 'id,ids,modules') problems.push(`exports ${exports.join()}`);
  if (/^(?:export|import)\b/m.test(text.replace(/^export const (?:id|ids|modules) = /gm, '')))
    problems.push('an import or another export');
  // ncc marks each chunk loading it compiled from an `import()` with the comment `/* import() */`.
  // Comments do not count: bundled libraries name types as `import('…')` in their JSDoc (undici does). Only whole
  // comment lines and one-line block comments are left out, so code that follows a comment is still checked.
  const code = text
    .replaceAll('/* import() */', '')
    .replace(/^\s*(?:\*|\/\/).*$/gm, '')
    .replace(/\/\*[^\n]*?\*\//g, '');
  if (/\bimport\s*\(/.test(code)) problems.push('a dynamic import');
  if (/\bimport\s*\.\s*meta\b(?!\.url\b)/.test(text)) problems.push('import.meta other than import.meta.url');
  if (text.includes(META)) problems.push(`the name ${META}`);
  if (problems.length > 0) throw new Error(`${name}: not an ncc chunk this build understands (${problems})`);
  const body = text
    .replace(/^export const (id|ids|modules) = /gm, 'const $1 = ')
    .replace(/\bimport\.meta\.url\b/g, `${META}.url`);
  return `(function (${META}) {${body}\nreturn { id, ids, modules };\n})`;
}

/** Rewrites the bundle in `dir`: its chunks become scripts, and index.js loads them through the code cache. */
export function cacheCompiledChunks(dir) {
  const index = join(dir, 'index.js');
  const text = readFileSync(index, 'utf8');
  const chunks = readdirSync(dir).filter((f) => /^\d+\.index\.js$/.test(f));
  if (chunks.length === 0) return;
  if (text.split(CHUNK_IMPORT).length !== 2) throw new Error(`${index}: ncc's chunk loading not found once`);
  // Every chunk is checked before any file is written.
  const scripts = chunks.map((name) => {
    const path = join(dir, name);
    return [path, chunkToScript(readFileSync(path, 'utf8'), path)];
  });
  for (const [path, script] of scripts) writeFileSync(path, script);
  const digests = Object.fromEntries(
    scripts.map(([path, script]) => [basename(path), createHash('sha256').update(script).digest('hex')]),
  );
  const loader = LOADER.replace(DIGESTS, `const __dccDigests = ${JSON.stringify(digests)};`);
  if (loader === LOADER) throw new Error(`scripts/chunk-loader.js: \`${DIGESTS}\` not found`);
  const lines = text.replace(CHUNK_IMPORT, '__disbuildLoadChunk(__nccwpck_require__.u(chunkId))').split('\n');
  // After the first line: the bundle's own imports come first, and the shebang is added in front later.
  writeFileSync(index, [lines[0], loader, ...lines.slice(1)].join('\n'));
}
