import type { JobLabel, Template, TemplatePart } from './model.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';

const VARIABLE = /\{\{(.*?)\}\}/gs;
const HEX40 = /^[0-9a-fA-F]{40}$/;

/** One variable's text between the braces → its part, or undefined when unknown. Both spellings are accepted. */
function parseVariable(inner: string): TemplatePart | undefined {
  const v = inner.trim();
  if (v === 'OUTPUT_DIR' || v === '.OutputDir') return { kind: 'output-dir' };
  if (v === 'SOURCE_DIR' || v === '.SourceDir') return { kind: 'source-dir' };
  const dep = /^DEP:([0-9a-fA-F]+)$/.exec(v) ?? /^index\s+\.Deps\s+"([0-9a-fA-F]+)"$/.exec(v);
  if (dep && HEX40.test(dep[1]!)) return { kind: 'dep', label: dep[1]!.toLowerCase() as JobLabel };
  return undefined;
}

/** Splits a command string into text and variables; an unknown `{{…}}` is an error that quotes it. */
export function parseTemplate(s: string): Result<Template, string> {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of s.matchAll(VARIABLE)) {
    const part = parseVariable(m[1]!);
    if (!part) return err(`unknown template variable ${m[0]}`);
    if (m.index > last) parts.push({ kind: 'text', text: s.slice(last, m.index) });
    parts.push(part);
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push({ kind: 'text', text: s.slice(last) });
  return ok(parts);
}

/** The labels a template refers to through `{{DEP:…}}`. */
export function depLabels(t: Template): JobLabel[] {
  return t.flatMap((p) => (p.kind === 'dep' ? [p.label] : []));
}

/** Substitutes every variable. */
export function renderTemplate(
  t: Template,
  vars: { outputDir: string; sourceDir: string; depDir(label: JobLabel): string },
): string {
  let s = '';
  for (const p of t) {
    switch (p.kind) {
      case 'text':
        s += p.text;
        break;
      case 'output-dir':
        s += vars.outputDir;
        break;
      case 'source-dir':
        s += vars.sourceDir;
        break;
      case 'dep':
        s += vars.depDir(p.label);
        break;
    }
  }
  return s;
}
