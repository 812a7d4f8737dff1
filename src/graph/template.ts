import type { JobLabel, Template, TemplatePart } from './model.js';
import type { Result } from '../util/result.js';
import { err, ok } from '../util/result.js';
import { printable, quoted } from '../util/printable.js';
import { unreachable } from '../util/unreachable.js';

/**
 * Command strings carry variables in two spellings, the plain one and Go's text/template one:
 * `{{OUTPUT_DIR}}` / `{{.OutputDir}}`, `{{SOURCE_DIR}}` / `{{.SourceDir}}`, `{{DEP:<hex>}}` /
 * `{{index .Deps "<hex>"}}`. Spaces inside the braces are allowed, as Go allows them. Anything else between
 * `{{` and `}}` is an error, and so is a `{{` that is never closed: Go's template parser refuses both, and a
 * silently literal `{{` would only fail later, inside the job.
 */

const HEX40 = /^[0-9a-fA-F]{40}$/;
/** `index .Deps "<hex>"`, with a Go interpreted or raw (back-quoted) string literal. */
const GO_INDEX = /^index\s+\.Deps\s+(?:"([^"]*)"|`([^`]*)`)$/;

/** One variable's text between the braces → its part, or an error message. */
function parseVariable(whole: string, inner: string): Result<TemplatePart, string> {
  const v = inner.trim();
  if (v === 'OUTPUT_DIR' || v === '.OutputDir') return ok({ kind: 'output-dir' });
  if (v === 'SOURCE_DIR' || v === '.SourceDir') return ok({ kind: 'source-dir' });
  const go = v.startsWith('DEP:') ? null : GO_INDEX.exec(v);
  const hex = go === null ? (v.startsWith('DEP:') ? v.slice(4).trim() : undefined) : (go[1] ?? go[2]!);
  if (hex === undefined) return err(`unknown template variable ${printable(whole)}`);
  if (!HEX40.test(hex)) return err(`${printable(whole)} must name a dependency by its 40-character hex ID`);
  return ok({ kind: 'dep', label: hex.toLowerCase() as JobLabel });
}

/** Splits a command string into text and variables; an unknown `{{…}}` is an error that quotes it. */
export function parseTemplate(s: string): Result<Template, string> {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (;;) {
    const open = s.indexOf('{{', last);
    if (open < 0) break;
    const close = s.indexOf('}}', open + 2);
    if (close < 0) return err(`unclosed template variable ${quoted(s.slice(open, open + 40))}`);
    const whole = s.slice(open, close + 2);
    const part = parseVariable(whole, s.slice(open + 2, close));
    if (!part.ok) return part;
    if (open > last) parts.push({ kind: 'text', text: s.slice(last, open) });
    parts.push(part.value);
    last = close + 2;
  }
  if (last < s.length) parts.push({ kind: 'text', text: s.slice(last) });
  return ok(parts);
}

/** The labels a template refers to through `{{DEP:…}}`. */
export function depLabels(t: Template): JobLabel[] {
  return t.flatMap((p) => (p.kind === 'dep' ? [p.label] : []));
}

/** The variables a template string needs at run time. */
export interface TemplateVars {
  /** The job's own output directory (absolute). */
  outputDir: string;
  /** The source directory (absolute). */
  sourceDir: string;
  /** The output directory of a dependency, by its label. */
  depDir(label: JobLabel): string;
}

/** Substitutes every variable. */
export function renderTemplate(t: Template, vars: TemplateVars): string {
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
      default:
        unreachable(p);
    }
  }
  return s;
}
