import type { GraphProblem, Template } from './model.js';
import { describe, MAX_NESTING_DEPTH } from './go-json.js';
import { printable } from '../util/printable.js';
import { parseTemplate } from './template.js';

/**
 * What is at an input path: checked by `loadGraphFile`, which knows the source directory. `{problem}` for a path
 * that cannot be an input although something is there (a dangling link, a path leading outside the source
 * directory), with a message naming it.
 */
export type InputKind = 'file' | 'dir' | 'other' | 'missing' | { problem: string };

/** Options of a validation. */
export interface ValidateOptions {
  /** When given, every input path is looked up and a missing one is a problem naming the job and `Inputs[i]`. */
  inputKind?: (path: string) => InputKind;
  /**
   * Whether an input path named by many jobs is kept once (the default): decoded JSON holds a copy per job. False
   * when the jobs share their strings already, as a compiled graph's, taken from one file listing, do.
   */
  internInputs?: boolean;
}

/** Entries kept per memo: graphs repeat a few thousand strings, and the bound keeps an odd graph from growing it. */
const MEMO_LIMIT = 1_000_000;

/**
 * The state of one validation: the problems found so far (collected, never thrown, so that a user sees every one
 * at once), and memos that let a 100,000-job graph share one copy of each repeated string and parsed template.
 */
export class ValidateContext {
  readonly problems: GraphProblem[] = [];
  /** Set when an object had two differently cased keys for one field: JSON.parse lost their order. */
  ambiguousKeys = false;
  private readonly templates = new Map<string, Template>();
  private readonly interned = new Map<string, string>();

  constructor(readonly options: ValidateOptions = {}) {}

  /** Records a problem. */
  add(job: string | undefined, field: string | undefined, message: string): void {
    this.problems.push({
      ...(job === undefined ? {} : { job }),
      ...(field === undefined ? {} : { field }),
      message,
    });
  }

  /** Records an unknown key whose value nests past Go's limit (see go-json.ts); `field` is the key's path. */
  tooDeep(job: string | undefined, field: string): void {
    this.add(
      job,
      printable(field),
      `nests more than ${MAX_NESTING_DEPTH} levels deep, which Go's encoding/json refuses`,
    );
  }

  /** One copy of each input path, however many jobs name it. */
  intern(s: string): string {
    if (this.options.internInputs === false) return s;
    const known = this.interned.get(s);
    if (known !== undefined) return known;
    if (this.interned.size < MEMO_LIMIT) this.interned.set(s, s);
    return s;
  }

  /**
   * Parses a command string, reporting an error at `job`/`where()` (spelled out only then); an erroneous string
   * becomes an empty template.
   */
  template(value: string, job: string, where: () => string): Template {
    const known = this.templates.get(value);
    if (known) return known;
    const t = parseTemplate(value);
    if (!t.ok) {
      this.add(job, where(), t.error);
      return [];
    }
    // Graphs repeat the same strings (`sh`, `-c`, paths) thousands of times: one parsed copy serves all.
    if (this.templates.size < MEMO_LIMIT) this.templates.set(value, t.value);
    return t.value;
  }

  /**
   * A `[]string` field: null is empty, a string or any non-list is a type error naming the field. Elements keep
   * their indices (a wrong one becomes undefined after its problem is recorded), so later messages name the
   * producer's index.
   */
  strings(value: unknown, job: string, where: string): (string | undefined)[] {
    if (value === null || value === undefined) return [];
    if (!Array.isArray(value)) {
      this.add(job, where, `must be a list of strings, got ${describe(value)}`);
      return [];
    }
    return value.map((v: unknown, i) => {
      if (typeof v === 'string') return v;
      this.add(job, `${where}[${i}]`, `must be a string, got ${describe(v)}`);
      return undefined;
    });
  }

  /** A `string` field: null is empty, anything else but a string is a type error naming the field. */
  string(value: unknown, job: string, where: string): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    this.add(job, where, `must be a string, got ${describe(value)}`);
    return '';
  }
}

/** A 40-character hex ID, either case: one pass over the character codes, cheaper than a regular expression. */
export function isHex40(s: string): boolean {
  if (s.length !== 40) return false;
  for (let i = 0; i < 40; i++) {
    const c = s.charCodeAt(i);
    // 0-9, A-F, a-f
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
