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
  | {
      type: 'upload';
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
  /** No more uploads: finish those queued, then exit. */
  | { type: 'end' };

/** What the upload process answers. */
export type UploadEvent =
  /** One queued upload is over (stored, skipped or failed). */
  | { type: 'settled' }
  /** The first failure: the remote is off for the rest of the run (the message is redacted already). */
  | { type: 'failed'; message: string };
