// Turns the CLI's programs (index.js, the launcher, the restore and upload workers) from ES modules into CommonJS
// scripts. Node 20 runs an ES module entry through its ES module loader, which it builds for that (a dozen modules
// of its own, fs/promises and readline among them, then the resolve, load and link steps): some 8 ms of CPU at every
// start, of a fully cached run (about 0.1 s) and of each launcher, for nothing here. ncc's ES output needs only
// two things of a module: `createRequire` imported from "module", and `import.meta.url`.
//
// So each file must be of exactly that shape: its only imports are `import { createRequire as NAME } from
// "module"` lines (ncc's, and the chunk loader's), nothing is exported, and `import.meta` appears only as
// `import.meta.url`. The result must compile as a CommonJS module (a top-level await would not). Anything else fails
// the build: a program this does not understand is never rewritten by guess.
import { readFileSync, writeFileSync } from 'node:fs';
import { compileFunction } from 'node:vm';

const META_URL = '__disbuild_module_url';
// ncc's last line for an entry with a top-level await of its own. A rejection still ends the process with its
// error and exit code 1 (an unhandled rejection); a promise left pending when nothing is left to do ends it with 13,
// as Node ends a module whose top-level await never settles, rather than with a silent 0.
const ENTRY_AWAIT = /^\/\*{6}\/ __webpack_exports__ = await __webpack_exports__;$/m;
const ENTRY_THEN =
  '/******/ __webpack_exports__.then((e) => { __webpack_exports__ = e; }, (e) => { __webpack_exports__ = undefined; throw e; }); ' +
  'process.once("exit", (code) => { if (code === 0 && __webpack_exports__ instanceof Promise) process.exitCode = 13; });';
const IMPORT_CREATE_REQUIRE = /^import \{ createRequire as ([\w$]+) \} from ["'](?:node:)?module["'];$/gm;

/** The CommonJS text for the ES module text of one program. */
export function toCommonJs(text, name) {
  const problems = [];
  if (text.includes(META_URL)) problems.push(`the name ${META_URL}`);
  const body = text
    // This file's own require is what createRequire(import.meta.url) makes, without Node's "module" module (which
    // loads the ES module loader all the same).
    .replace(IMPORT_CREATE_REQUIRE, 'const $1 = () => require;')
    .replace(ENTRY_AWAIT, ENTRY_THEN);
  // Comments do not count (as in code-cache.mjs): whole comment lines and one-line block comments are left out.
  const code = body.replace(/^\s*(?:\*|\/\/).*$/gm, '').replace(/\/\*[^\n]*?\*\//g, '');
  if (/^\s*(?:import\s*[\w{*"']|export\b)/m.test(code)) problems.push('an import or export of another shape');
  if (/\bimport\s*\.\s*meta\b(?!\.url\b)/.test(code)) problems.push('import.meta other than import.meta.url');
  // A top-level `var require` would quietly take the place of CommonJS's own (a `const` fails to compile anyway).
  const shadowed =
    /^(?:var|let|const|function|class)\s+(require|module|exports|__filename|__dirname)\b/m.exec(code);
  if (shadowed) problems.push(`a top-level ${shadowed[1]} of its own`);
  if (problems.length > 0) throw new Error(`${name}: not a program this build understands (${problems})`);
  // After the shebang line, if any: the line numbers of stack traces move by none.
  const shebang = body.startsWith('#!') ? body.slice(0, body.indexOf('\n') + 1) : '';
  const out =
    shebang +
    `const ${META_URL} = require("node:url").pathToFileURL(__filename).href; ` +
    body.slice(shebang.length).replace(/\bimport\.meta\.url\b/g, META_URL);
  try {
    compileFunction(out.slice(shebang.length), ['exports', 'require', 'module', '__filename', '__dirname'], {
      filename: name,
    });
  } catch (e) {
    throw new Error(`${name}: does not compile as CommonJS: ${e.message}`);
  }
  return out;
}

/** Rewrites the programs `names` in `dir` as CommonJS, and marks the directory's `.js` files as CommonJS. */
export function programsToCommonJs(dir, names) {
  // Every program is checked before any file is written.
  const outs = names.map((n) => [
    `${dir}/${n}`,
    toCommonJs(readFileSync(`${dir}/${n}`, 'utf8'), `${dir}/${n}`),
  ]);
  for (const [path, text] of outs) writeFileSync(path, text);
  // The chunks are scripts compiled by the chunk loader, whatever this says.
  writeFileSync(`${dir}/package.json`, '{\n  "type": "commonjs"\n}\n');
}
