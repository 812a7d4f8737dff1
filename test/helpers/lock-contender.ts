// Takes the coordinator's takeover lock once, at a given moment, and logs when it holds it:
// `node --import tsx lock-contender.ts LOCK LOG START_AT_MS ID`.
import { appendFileSync } from 'node:fs';
import { withTakeoverLock } from '../../src/coordinator/takeover-lock.js';

const [lock, log, startAt, id] = process.argv.slice(2) as [string, string, string, string];
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
await withTakeoverLock(lock, async () => {
  appendFileSync(log, `in ${id}\n`);
  await new Promise((r) => setTimeout(r, 30));
  appendFileSync(log, `out ${id}\n`);
});
