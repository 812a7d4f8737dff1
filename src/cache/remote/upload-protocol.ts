import type { Manifest } from '../cache.js';
import type { RemoteKind } from './open-remote.js';

/** What the engine's process tells the upload process. The token travels in its environment, never here. */
export type UploadRequest =
  | {
      type: 'start';
      kind: RemoteKind;
      url: string;
      team?: string;
      idleTimeoutMs: number;
      scratchDir: string;
      concurrency: number;
    }
  /** Artifacts saved since the last message: sent together, so a busy run wakes the upload process less often. */
  | { type: 'uploads'; items: UploadItem[] }
  /** No more uploads: finish those queued, then exit. */
  | { type: 'end' };

/** One artifact to upload. */
export interface UploadItem {
  key: string;
  dir: string;
  durationMs: number;
  /** Base64. */
  stdout: string;
  stderr: string;
  stdoutFile?: string;
  stderrFile?: string;
  manifest?: Manifest;
}

/** What the upload process answers. */
export type UploadEvent =
  /** This many queued uploads are over (stored, skipped or failed) since the last such message. */
  | { type: 'settled'; count: number }
  /** The first failure: the remote is off for the rest of the run (the message is redacted already). */
  | { type: 'failed'; message: string };
