/**
 * The compiled graph of the last run, kept so that a run whose configuration and repository did not change skips
 * the compile (reading every package.json, matching globs over every file, resolving dependencies).
 *
 * Exact, not a guess: the fingerprint is the hash of everything the compile reads — the tasks of disbuild.json,
 * the repository's file list (tracked less deleted, plus untracked not ignored: so `.gitignore`, `info/exclude`
 * and `core.excludesFile` count through what they hide), the bytes of every package.json and of
 * pnpm-workspace.yaml in that list, the values of the variables the tasks' `env` names, and the compiler itself
 * (this module's file, its size and time, and a format number). Any change to any of them compiles afresh.
 * Reading the listed package.json files costs a fraction of parsing them and resolving the graph.
 *
 * Deals with: the fingerprint, reading and writing the cache file. Does not deal with: compiling (compile.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoGraph } from './compile.js';
import type { DisbuildConfig, TaskSpec } from './config-file.js';
import { readOwnFile } from '../util/read-own-file.js';

/** Raised whenever the compiled graph's meaning changes in a way the code's file identity might not show. */
const FORMAT = 1;

/** The files of `files` whose bytes the compile may read: every package.json, and pnpm's workspace file. */
export function readByCompile(files: readonly string[]): string[] {
  return files.filter(
    (f) => f === 'package.json' || f === 'pnpm-workspace.yaml' || f.endsWith('/package.json'),
  );
}

/** The compiler's identity: this file's path, size and modification time (a rebuilt or upgraded disbuild differs). */
function compilerIdentity(): string {
  try {
    const self = fileURLToPath(import.meta.url);
    const st = statSync(self);
    return `${self}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    // Unknown: a value no other run shares, so nothing is reused.
    return `unknown\0${process.pid}\0${Date.now()}\0${Math.random()}`;
  }
}

/** The hash of every input of the compile (see the module comment). */
export function compileFingerprint(
  root: string,
  config: DisbuildConfig & { tasks: ReadonlyMap<string, TaskSpec> },
  files: readonly string[],
  env: NodeJS.ProcessEnv,
): string {
  const h = createHash('sha256');
  h.update(`disbuild-compiled-graph\0${FORMAT}\0${compilerIdentity()}\0`);
  h.update(JSON.stringify([...config.tasks]));
  h.update('\0env\0');
  const names = new Set<string>();
  for (const spec of config.tasks.values()) for (const n of spec.env ?? []) names.add(n);
  // Set and unset differ (an unset variable is left out of the command's environment).
  for (const n of [...names].sort()) h.update(JSON.stringify([n, env[n] ?? null]));
  h.update(`\0files\0${files.length}\0`);
  h.update(files.join('\0'));
  h.update('\0read\0');
  for (const f of readByCompile(files)) {
    let bytes: Buffer | undefined;
    try {
      // Concatenated, not joined: `root` is absolute and `f` a clean relative path (join's normalising costs more).
      bytes = readFileSync(`${root}/${f}`);
    } catch (e) {
      h.update(`${f}\0error ${(e as NodeJS.ErrnoException).code ?? ''}\0`);
      continue;
    }
    h.update(`${f}\0${bytes.length}\0`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/**
 * The graph compiled under `fingerprint`, or undefined when the file holds another (or none, or is unreadable, or
 * is not this user's own: its commands would run).
 */
export function readCompiledGraph(file: string, fingerprint: string): GoGraph | undefined {
  let text: string | undefined;
  try {
    text = readOwnFile(file);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  const head = `${fingerprint}\n`;
  if (!text.startsWith(head)) return undefined;
  try {
    const graph = JSON.parse(text.slice(head.length)) as GoGraph;
    return Array.isArray(graph.Jobs) ? graph : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replaces the cache file (written aside, then renamed: a reader sees the old file or the new one, whole). A
 * failure is ignored: the next run compiles again.
 */
export function writeCompiledGraph(file: string, fingerprint: string, graph: GoGraph): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, `${fingerprint}\n${JSON.stringify(graph)}`, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
  }
}
