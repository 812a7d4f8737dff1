/**
 * The check before saving a build: are its inputs still what its key recorded? An input edited while the job ran
 * may have been read in its new version, and the output must then not be filed under the old key.
 *
 * Inputs read from disk when keyed carry their stat data (inode, size, mtime, ctime, mode; git-blob.ts): any
 * difference now means a change. Inputs whose digest came from git's index were not looked at by this process;
 * git compared them with the index when `git status` ran, after `since`. Their stat data is taken once the lookups
 * have said which jobs build, before any command runs (`started`; as a job starts, for one that builds after a
 * failed restore): any difference after means the job may have read other bytes, though the file holds the keyed
 * ones again by its end (an edit undone, a `git stash` and `pop`), or another file now stands at its path (a
 * directory swapped in, whose files are older). So a job that rewrites one of its inputs, even with the same
 * bytes, is not saved, as for inputs read from disk. Besides, one whose ctime is not older than `since` (less a
 * margin for coarse file-system clocks) is read again and compared by content: it may have changed between the
 * keys and the lookups' end, and a file touched just before the run is not taken for an edit. ctime cannot be set
 * by a program: every write, chmod or replacement moves it.
 */
import { lstatSync } from 'node:fs';
import { digestFromDisk, sameStamp, type StatStamp, stampOf, statStamp } from './git-blob.js';
import type { InputState } from './input-state.js';
import { statIfAny } from '../util/stat-if-any.js';

/** File-system timestamps lag the wall clock (a kernel tick) or are coarse (1–2 s on some file systems). */
const CLOCK_MARGIN_MS = 2500;

type FileState = Extract<InputState, { digest: unknown }>;

export class InputRecheck {
  /**
   * `digests` are the states the keys were computed from; `since` is the wall-clock time (ms) just before any of
   * them was looked at.
   */
  /** The stat data of inputs keyed from the index as the first job reading them started; null: none was there. */
  readonly #atStart = new Map<string, StatStamp | null>();

  constructor(
    private readonly sourceDir: string,
    private readonly digests: ReadonlyMap<string, InputState>,
    private readonly since: number,
  ) {}

  /** Before commands start: the stat data of those of `paths` keyed from the index, unless taken already. */
  started(paths: readonly string[]): void {
    for (const p of paths) {
      const state = this.digests.get(p);
      if (
        state === undefined ||
        !('digest' in state) ||
        state.mode === 'directory' ||
        stampOf(state) !== undefined ||
        this.#atStart.has(p)
      )
        continue;
      const st = statIfAny(this.sourceDir + '/' + p);
      this.#atStart.set(p, st === undefined ? null : statStamp(st));
    }
  }

  /** The inputs among `paths` that are no longer what the key recorded (empty when all are unchanged). */
  async changed(paths: readonly string[]): Promise<string[]> {
    // Stat data answers for nearly every input, in line: one metadata call each, no thread-pool round trip, and
    // no promise per input. Only files touched since the run started are read again, and only those wait.
    const answers: (boolean | Promise<boolean>)[] = [];
    let waits = false;
    for (const p of paths) {
      const state = this.digests.get(p);
      const answer = state === undefined || !('digest' in state) ? false : this.#changedByStat(p, state);
      waits ||= answer === 'read';
      answers.push(answer === 'read' ? this.#changedByContent(p, state as FileState) : answer);
    }
    const changed = waits ? await Promise.all(answers) : (answers as boolean[]);
    return paths.filter((_, i) => changed[i]);
  }

  /** true: changed; false: unchanged; 'read': its content must say (a git-indexed file touched since `since`). */
  #changedByStat(p: string, state: FileState): boolean | 'read' {
    // Where a link to a directory leads is read again: cheap, and no stat data of a directory answers for it.
    if (state.mode === 'directory') return 'read';
    const path = this.sourceDir + '/' + p;
    // Gone, or no longer readable (ENOTDIR, ELOOP): changed.
    const st = statIfAny(path);
    if (st === undefined) return true;
    const stamp = stampOf(state);
    if (stamp !== undefined) {
      return !sameStamp(statStamp(st, state.link === undefined ? undefined : lstatSync(path)), stamp);
    }
    const atStart = this.#atStart.get(p);
    if (atStart === null || (atStart !== undefined && !sameStamp(statStamp(st), atStart))) return true;
    return st.ctimeMs < this.since - CLOCK_MARGIN_MS ? false : 'read';
  }

  async #changedByContent(p: string, state: FileState): Promise<boolean> {
    const now = await digestFromDisk(this.sourceDir, p);
    return (
      !('digest' in now) || now.digest !== state.digest || now.mode !== state.mode || now.link !== state.link
    );
  }
}
