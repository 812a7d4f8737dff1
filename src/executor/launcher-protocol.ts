import type { Exit } from './process-group.js';

/** Messages between the engine and its launcher process (see launcher.ts), as JSON over Node's IPC channel. */

export type LauncherRequest =
  | {
      type: 'run';
      id: number;
      argv: string[];
      cwd: string;
      env: Record<string, string>;
      /** Where the command's output files are created (and at once unlinked). */
      captureDir?: string;
      /** Commands waiting for a slot start highest priority first. */
      priority: number;
      /** How many commands run at once. */
      slots: number;
    }
  | { type: 'kill'; id: number };

export type LauncherEvent =
  /** `chunk`: the bytes in base64 (JSON has no bytes; the structured-clone serializer measured slower). */
  | { type: 'output'; id: number; stream: 'stdout' | 'stderr'; chunk: string }
  /** `pid`: the command's process group, which the engine kills should this process die first. */
  | { type: 'started'; id: number; pid?: number }
  | ({ type: 'exit'; id: number } & Exit);
