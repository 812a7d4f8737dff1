// Looks an entry up, damages it, then restores it, from its own process (run as an unprivileged user: root ignores
// modes): `node --import tsx restore-damaged.ts DIR KEY DEST HOW`. HOW: `unsearchable` (the entry's directory
// made mode 600) or `file` (the entry moved away and a file put in its place). Prints what the restore answered,
// or why it threw.
import { chmodSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalCache } from '../../src/cache/local-cache.js';
import type { JobKey } from '../../src/ids/brands.js';

const [dir, key, dest, how] = process.argv.slice(2) as [string, JobKey, string, string];
const warnings: string[] = [];
const cache = await LocalCache.create(dir, { onWarning: (m) => warnings.push(m) });
const hit = (await cache.lookup([key])).get(key)!;
const entry = join(dir, 'v1/entries', key.slice(0, 2), key);
if (how === 'unsearchable') chmodSync(entry, 0o600);
else {
  chmodSync(entry, 0o755);
  renameSync(entry, `${entry}.moved`);
  writeFileSync(entry, 'not an entry');
}
const answer = await hit.restore(dest).then(
  (restored) => ({ restored }),
  (e: unknown) => ({ threw: String(e) }),
);
process.stdout.write(JSON.stringify({ ...answer, warnings }));
