import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCommonJs } from '../../../scripts/commonjs.mjs';

/** The shape of ncc's ES output for an entry with a top-level await (see scripts/commonjs.mjs). */
const program = (
  entry: string,
): string => `import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
const fs = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// A comment naming import.meta does not count.
var __webpack_exports__ = (async () => { ${entry} })();
/******/ __webpack_exports__ = await __webpack_exports__;
`;

describe('the CLI programs as CommonJS', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'disbuild-cjs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Converts `text`, writes it as a .cjs file and runs it. */
  const runConverted = (text: string): { status: number | null; stdout: string; stderr: string } => {
    const file = join(dir, 'p.cjs');
    writeFileSync(file, toCommonJs(text, file));
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('runs a program of ncc shape: its require, its own file URL, its entry awaited', () => {
    const r = runConverted(
      program(
        `await new Promise((r) => setTimeout(r, 10)); console.log(typeof fs.readFileSync, import.meta.url);`,
      ),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`function ${pathToFileURL(join(dir, 'p.cjs')).href}`);
  });

  it("ends with the entry's error and exit code 1 when it rejects, and with 13 when it never settles", () => {
    const failed = runConverted(program(`throw new Error('boom');`));
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('boom');
    const pending = runConverted(program(`await new Promise(() => undefined);`));
    expect(pending.status).toBe(13);
  });

  it('refuses what it does not understand, rather than rewrite it by guess', () => {
    const cases: [string, RegExp][] = [
      [program('') + 'export const x = 1;\n', /import or export/],
      ['import fs from "node:fs";\n' + program(''), /import or export/],
      [program('console.log(import.meta.dirname);'), /import\.meta other than/],
      [program('') + 'await 1;\n', /does not compile as CommonJS/],
      [program('') + 'const __disbuild_module_url = 1;\n', /__disbuild_module_url/],
      [program('') + 'var require = () => undefined;\n', /top-level require of its own/],
    ];
    for (const [text, message] of cases) expect(() => toCommonJs(text, 'x.js')).toThrow(message);
  });
});
