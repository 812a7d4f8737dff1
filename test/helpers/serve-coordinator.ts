// Serves the coordinator of a cache directory until killed: `node --import tsx serve-coordinator.ts CACHE_DIR`.
import { joinOrStartCoordinator } from '../../src/coordinator/discovery.js';

const [cacheDir] = process.argv.slice(2) as [string];
const c = await joinOrStartCoordinator(cacheDir, { publishRoots: [cacheDir] });
if (!c.server) throw new Error('expected to serve');
process.stdout.write('serving\n');
setInterval(() => undefined, 1000);
