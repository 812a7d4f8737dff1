/**
 * Why a job's key differs from the last one recorded for its name: the changes, from which a one-line reason
 * and a detailed account are rendered. A dependency whose key changed is followed down to the root cause.
 */
import { printable, quoted } from '../util/printable.js';
import type { CmdRecord, KeyRecord } from './key-record.js';

export type Change =
  | { kind: 'never-built' }
  | { kind: 'same-key' }
  | { kind: 'salt' }
  | { kind: 'input'; path: string; old?: string; new?: string }
  | { kind: 'input-moved'; from: string; to: string }
  | { kind: 'command'; field: string }
  | { kind: 'env'; name: string; how: 'changed' | 'added' | 'removed' }
  | { kind: 'outputs'; added: string[]; removed: string[] }
  | { kind: 'dep-list'; name: string; how: 'added' | 'removed' }
  | { kind: 'dep'; name: string; because: Change[] };

/**
 * Looks up records by job name: the current one (this run's), the last one stored, and a stored one of a given
 * key when there is one.
 */
export interface RecordLookup {
  current(name: string): KeyRecord | undefined;
  previous(name: string): KeyRecord | undefined;
  previousWithKey?(name: string, key: string): KeyRecord | undefined;
}

/**
 * The changes between a job's current record and a stored one: the one of `key` when given and found (the key a
 * dependent was built with), else the last one stored.
 */
export function explain(
  name: string,
  records: RecordLookup,
  seen = new Set<string>(),
  key?: string,
): Change[] {
  const now = records.current(name);
  const before =
    (key === undefined ? undefined : records.previousWithKey?.(name, key)) ?? records.previous(name);
  if (now === undefined || before === undefined) return [{ kind: 'never-built' }];
  if (now.key === before.key) return [{ kind: 'same-key' }];
  seen.add(name);
  const changes: Change[] = [];
  if (now.salt !== before.salt) changes.push({ kind: 'salt' });
  changes.push(...inputChanges(now.inputs, before.inputs));
  changes.push(...commandChanges(now.cmds, before.cmds));
  if (now.outputs.join('\0') !== before.outputs.join('\0')) {
    const [n, b] = [new Set(now.outputs), new Set(before.outputs)];
    changes.push({
      kind: 'outputs',
      added: now.outputs.filter((o) => !b.has(o)),
      removed: before.outputs.filter((o) => !n.has(o)),
    });
  }
  for (const dep of unionKeys(now.deps, before.deps)) {
    const [n, b] = [now.deps[dep], before.deps[dep]];
    if (n === b) continue;
    if (n === undefined || b === undefined)
      changes.push({ kind: 'dep-list', name: dep, how: n ? 'added' : 'removed' });
    else {
      // Against the dependency's record of the key this job was built with: the dependency may have been rebuilt
      // since, on its own, and its last record then has its current key.
      const because = seen.has(dep) ? [] : explain(dep, records, seen, b);
      // Rebuilt since, and its record of that key gone (compacted away): what changed in it is not known.
      changes.push({ kind: 'dep', name: dep, because: because[0]?.kind === 'same-key' ? [] : because });
    }
  }
  return changes;
}

/**
 * The inputs that changed, were added or removed; a file removed from one path and added at another with the
 * same state (content and mode) is one change: moved.
 */
function inputChanges(now: Record<string, string>, before: Record<string, string>): Change[] {
  const changes: Change[] = [];
  const removed = new Map<string, string[]>();
  for (const path of unionKeys(now, before)) {
    const [n, b] = [now[path], before[path]];
    if (n === b) continue;
    if (n === undefined && b !== 'missing') removed.set(b!, [...(removed.get(b!) ?? []), path]);
    changes.push({
      kind: 'input',
      path,
      ...(b === undefined ? {} : { old: b }),
      ...(n === undefined ? {} : { new: n }),
    });
  }
  if (removed.size === 0) return changes;
  const moved = new Set<Change>();
  const out: Change[] = [];
  for (const c of changes) {
    if (c.kind !== 'input' || c.old !== undefined || c.new === undefined) continue;
    const from = removed.get(c.new)?.shift();
    if (from === undefined) continue;
    moved.add(c);
    moved.add(changes.find((x) => x.kind === 'input' && x.path === from)!);
    out.push({ kind: 'input-moved', from, to: c.path });
  }
  return [...changes.filter((c) => !moved.has(c)), ...out];
}

function commandChanges(now: CmdRecord[], before: CmdRecord[]): Change[] {
  const out: Change[] = [];
  if (now.length !== before.length)
    return [{ kind: 'command', field: `Cmds (${before.length} -> ${now.length})` }];
  now.forEach((n, i) => {
    const b = before[i]!;
    const at = `Cmds[${i}]`;
    if (n.kind !== b.kind) out.push({ kind: 'command', field: at });
    else if (n.kind === 'cat' && b.kind === 'cat') {
      if (n.content !== b.content) out.push({ kind: 'command', field: `${at}.CatTemplate` });
      if (n.output !== b.output) out.push({ kind: 'command', field: `${at}.CatOutput` });
    } else if (n.kind === 'exec' && b.kind === 'exec') {
      const len = Math.max(n.argv.length, b.argv.length);
      for (let k = 0; k < len; k++) {
        if (n.argv[k] !== b.argv[k]) out.push({ kind: 'command', field: `${at}.Exec[${k}]` });
      }
      if (n.cwd !== b.cwd) out.push({ kind: 'command', field: `${at}.WorkingDirectory` });
      for (const name of unionKeys(n.env, b.env)) {
        if (n.env[name] === b.env[name]) continue;
        const how = b.env[name] === undefined ? 'added' : n.env[name] === undefined ? 'removed' : 'changed';
        out.push({ kind: 'env', name, how });
      }
    }
  });
  return out;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

const short = (state: string | undefined): string =>
  state === undefined ? 'none' : state === 'missing' ? 'missing' : (state.split(' ')[1] ?? '').slice(0, 12);

/**
 * How one input's state (`<mode> <blob ID>[ link <blob ID>]`, or `missing`) changed: its content, else its mode
 * (the executable bit, which keys keep even with `core.fileMode=false`), else its link's target.
 */
function inputChange(old: string, now: string): string {
  const [oldMode, oldBlob, , oldLink] = old.split(' ');
  const [newMode, newBlob, , newLink] = now.split(' ');
  if (old === 'missing' || now === 'missing' || oldBlob !== newBlob)
    return `changed (${short(old)} -> ${short(now)})`;
  if (oldMode !== newMode) return `changed mode (${oldMode} -> ${newMode})`;
  return `changed its link target (${(oldLink ?? 'none').slice(0, 12)} -> ${(newLink ?? 'none').slice(0, 12)})`;
}

/** One change as a phrase. */
export function describeChange(c: Change): string {
  switch (c.kind) {
    case 'never-built':
      return 'never built';
    case 'same-key':
      return 'built before with this key, but the cache no longer has it';
    case 'salt':
      return 'salt changed';
    case 'input': {
      const path = printable(c.path);
      if (c.old === undefined) return `input ${path} added (${short(c.new)})`;
      if (c.new === undefined) return `input ${path} removed (was ${short(c.old)})`;
      return `input ${path} ${inputChange(c.old, c.new)}`;
    }
    case 'command':
      return `command changed (${c.field})`;
    case 'env':
      return `env ${printable(c.name)} ${c.how}`;
    case 'input-moved':
      return `input ${printable(c.from)} moved to ${printable(c.to)}`;
    case 'outputs': {
      const parts = [...c.added.map((o) => `+${quoted(o)}`), ...c.removed.map((o) => `-${quoted(o)}`)];
      return `outputs changed${parts.length > 0 ? ` (${parts.join(', ')})` : ' (their order)'}`;
    }
    case 'dep-list':
      return `dependency ${quoted(c.name)} ${c.how}`;
    case 'dep': {
      const root = c.because.find((x) => x.kind !== 'dep') ?? c.because[0];
      return `dependency ${quoted(c.name)} changed${root ? `: ${describeChange(root)}` : ''}`;
    }
  }
}

/** The reason in one line: the job's own first change (before any dependency's), and how many more. */
export function oneLine(changes: readonly Change[]): string {
  const own = changes.find((c) => c.kind !== 'dep') ?? changes[0];
  if (!own) return 'key changed';
  const more = changes.length - 1;
  return more > 0 ? `${describeChange(own)} (+${more} more)` : describeChange(own);
}

/**
 * Every change, one per line, dependencies' causes indented below them; a dependency in `told` (explained in the
 * same output) is referred to, not followed again: along a chain of a thousand packages, each job repeated every
 * cause below it.
 */
export function detailLines(
  changes: readonly Change[],
  indent = '  ',
  told: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = [];
  for (const c of changes) {
    if (c.kind !== 'dep') {
      out.push(`${indent}${describeChange(c)}`);
      continue;
    }
    const name = quoted(c.name);
    if (told.has(c.name)) out.push(`${indent}dependency ${name} changed (see ${printable(c.name)})`);
    else out.push(`${indent}dependency ${name} changed`, ...detailLines(c.because, `${indent}  `, told));
  }
  return out;
}

/**
 * Whether the one line leaves something out: more changes, or a dependency's causes not told elsewhere beyond the
 * single chain of causes the line follows.
 */
export function hasMoreDetail(changes: readonly Change[], told: ReadonlySet<string> = new Set()): boolean {
  return (
    changes.length > 1 || changes.some((c) => c.kind === 'dep' && !told.has(c.name) && !oneChain(c.because))
  );
}

/** Whether `changes` are at most one change, and a dependency's causes one chain down to a single cause. */
function oneChain(changes: readonly Change[]): boolean {
  if (changes.length > 1) return false;
  const c = changes[0];
  return c === undefined || c.kind !== 'dep' || oneChain(c.because);
}
