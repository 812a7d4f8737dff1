import { describe, expect, it } from 'vitest';
import type { JobLabel, Template } from '../../../src/graph/model.js';
import { parseTemplate, renderTemplate } from '../../../src/graph/template.js';
import { A, B, job, problems } from './graph-test-utils.js';

function parsed(s: string): Template {
  const t = parseTemplate(s);
  if (!t.ok) throw new Error(t.error);
  return t.value;
}

function parseError(s: string): string {
  const t = parseTemplate(s);
  if (t.ok) throw new Error(`expected ${s} to be refused`);
  return t.error;
}

describe('parseTemplate', () => {
  it('parses both spellings of every variable to identical templates', () => {
    const plain = parsed(`x{{OUTPUT_DIR}}/{{SOURCE_DIR}}:{{DEP:${A}}}y`);
    const go = parsed(`x{{.OutputDir}}/{{.SourceDir}}:{{index .Deps "${A}"}}y`);
    expect(go).toEqual(plain);
    expect(plain).toEqual([
      { kind: 'text', text: 'x' },
      { kind: 'output-dir' },
      { kind: 'text', text: '/' },
      { kind: 'source-dir' },
      { kind: 'text', text: ':' },
      { kind: 'dep', label: A },
      { kind: 'text', text: 'y' },
    ]);
  });

  it('allows spaces inside the braces, raw Go strings and upper-case hex', () => {
    expect(parsed(`{{ .OutputDir }}{{  SOURCE_DIR\t}}{{ DEP:${A.toUpperCase()} }}`)).toEqual(
      parsed(`{{OUTPUT_DIR}}{{SOURCE_DIR}}{{DEP:${A}}}`),
    );
    expect(parsed(`{{ index  .Deps \`${A}\` }}`)).toEqual([{ kind: 'dep', label: A }]);
  });

  it('keeps text without variables as one part, and the empty string as no parts', () => {
    expect(parsed('plain } { text')).toEqual([{ kind: 'text', text: 'plain } { text' }]);
    expect(parsed('')).toEqual([]);
  });

  it('refuses unknown variables, quoting them', () => {
    expect(parseError('a {{.Foo}} b')).toBe('unknown template variable {{.Foo}}');
    expect(parseError('{{OUTPUT_DIR }}{{ output_dir }}')).toBe('unknown template variable {{ output_dir }}');
    expect(parseError('{{}}')).toBe('unknown template variable {{}}');
    expect(parseError('{{.Deps}}')).toBe('unknown template variable {{.Deps}}');
  });

  it('refuses a dependency reference that is not a 40-character hex ID', () => {
    expect(parseError('{{DEP:abc}}')).toBe('{{DEP:abc}} must name a dependency by its 40-character hex ID');
    expect(parseError(`{{index .Deps "${'g'.repeat(40)}"}}`)).toMatch(/must name a dependency/);
  });

  it('refuses an unclosed variable', () => {
    expect(parseError('echo {{.OutputDir')).toBe('unclosed template variable "{{.OutputDir"');
  });
});

describe('renderTemplate', () => {
  const vars = {
    outputDir: '/out/j',
    sourceDir: '/src',
    depDir: (label: JobLabel): string => `/deps/${label.slice(0, 4)}`,
  };

  it('substitutes every variable and keeps the text', () => {
    const t = parsed(`-I{{DEP:${A}}} -I{{index .Deps "${B}"}} {{SOURCE_DIR}}/x.c -o {{.OutputDir}}/x`);
    expect(renderTemplate(t, vars)).toBe('-I/deps/aaaa -I/deps/bbbb /src/x.c -o /out/j/x');
  });

  it('renders an empty template as the empty string', () => {
    expect(renderTemplate([], vars)).toBe('');
  });
});

describe('templates in graphs', () => {
  it('checks every string of a Cmd', () => {
    const bad = '{{.Nope}}';
    const all = problems({
      Jobs: [
        job(A, 'j', {
          Cmds: [
            { Exec: ['ok', bad], Environ: [`K=${bad}`], WorkingDirectory: bad },
            { CatTemplate: bad, CatOutput: bad },
          ],
        }),
      ],
    });
    expect(all).toEqual([
      'job "j" Cmds[0].Exec[1]: unknown template variable {{.Nope}}',
      'job "j" Cmds[0].Environ[0]: unknown template variable {{.Nope}}',
      'job "j" Cmds[0].WorkingDirectory: unknown template variable {{.Nope}}',
      'job "j" Cmds[1].CatTemplate: unknown template variable {{.Nope}}',
      'job "j" Cmds[1].CatOutput: unknown template variable {{.Nope}}',
    ]);
  });

  it('requires a referenced dependency to be in Deps, in either spelling', () => {
    expect(
      problems({
        Jobs: [
          job(A, 'a'),
          job(B, 'j', { Cmds: [{ Exec: ['x'], WorkingDirectory: `{{index .Deps "${A}"}}` }] }),
        ],
      }),
    ).toEqual([`job "j" Cmds[0].WorkingDirectory: refers to {{DEP:${A}}}, which is not in Deps`]);
  });
});
