/**
 * The upload process: packs and uploads the artifacts the engine's process saved, at a lower CPU priority than
 * the run, so that compression and transfers use the time the run's own jobs leave idle instead of delaying
 * them. Runs as its own small program (bundled as `upload-process.js` beside the entry that uses it). Reports
 * each finished upload and the first failure (after which it uploads nothing more: the circuit breaker); exits
 * when told that the run is over and its queue is empty, or at once when the engine's process goes away.
 */
import type { JobKey } from '../../ids/brands.js';
import { openStore } from './open-remote.js';
import { RemoteTier } from './remote-tier.js';
import type { UploadEvent, UploadRequest } from './upload-protocol.js';
import { estimateDeflatedSize } from './deflate-estimate.js';
import { optimizeOnly } from '../../util/jit-tiers.js';

// Its one hot loop is the estimate of each archive's compression; the rest of its code is warm, and compiling it
// with V8's optimizing compilers cost more CPU than it saved (1,000 uploads of 80 kB: 0.43–0.46 s of CPU against
// 0.51–0.54 s with every function allowed, 0.63–0.65 s with none).
void optimizeOnly(estimateDeflatedSize);

let tier: RemoteTier | undefined;
/** Uploads over but not yet reported: reported together, so the engine's process wakes less often. */
let settled = 0;
let report: NodeJS.Timeout | undefined;
const REPORT_MS = 50;

function reportSettled(): void {
  clearTimeout(report);
  report = undefined;
  if (settled === 0) return;
  send({ type: 'settled', count: settled });
  settled = 0;
}

function send(e: UploadEvent): void {
  if (process.connected) process.send!(e, undefined, undefined, () => undefined);
}

process.on('disconnect', () => process.exit(0));

process.on('message', (m: UploadRequest) => {
  if (m.type === 'start') {
    const store = openStore({
      kind: m.kind,
      url: m.url,
      ...(m.team === undefined ? {} : { team: m.team }),
      ...(process.env.DISBUILD_CACHE_TOKEN ? { token: process.env.DISBUILD_CACHE_TOKEN } : {}),
      idleTimeoutMs: m.idleTimeoutMs,
    });
    tier = new RemoteTier({
      store,
      mode: 'read-write',
      scratchDir: m.scratchDir,
      uploadConcurrency: m.concurrency,
      // The engine's process bounds the wait and kills this one when it is over.
      uploadWaitMs: 2 ** 31 - 1,
      idleTimeoutMs: m.idleTimeoutMs,
      onWarning: (message) => send({ type: 'failed', message }),
      onUploadSettled: () => {
        settled++;
        report ??= setTimeout(reportSettled, REPORT_MS);
      },
    });
  } else if (m.type === 'uploads') {
    for (const u of m.items) {
      tier?.upload(
        u.key as JobKey,
        u.dir,
        {
          outputDir: u.dir,
          durationMs: u.durationMs,
          stdout: Buffer.from(u.stdout, 'base64'),
          stderr: Buffer.from(u.stderr, 'base64'),
          ...(u.stdoutFile === undefined ? {} : { stdoutFile: u.stdoutFile }),
          ...(u.stderrFile === undefined ? {} : { stderrFile: u.stderrFile }),
        },
        u.manifest,
      );
    }
  } else if (m.type === 'end') {
    void (async () => {
      await tier?.close();
      reportSettled();
      process.disconnect();
    })();
  }
});
