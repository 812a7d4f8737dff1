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

let tier: RemoteTier | undefined;

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
      onUploadSettled: () => send({ type: 'settled' }),
    });
  } else if (m.type === 'upload') {
    tier?.upload(
      m.key as JobKey,
      m.dir,
      {
        outputDir: m.dir,
        durationMs: m.durationMs,
        stdout: Buffer.from(m.stdout, 'base64'),
        stderr: Buffer.from(m.stderr, 'base64'),
        ...(m.stdoutFile === undefined ? {} : { stdoutFile: m.stdoutFile }),
        ...(m.stderrFile === undefined ? {} : { stderrFile: m.stderrFile }),
      },
      m.manifest,
    );
  } else if (m.type === 'end') {
    void (async () => {
      await tier?.close();
      process.disconnect();
    })();
  }
});
