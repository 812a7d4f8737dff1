import { join } from 'node:path';
import { type CoordinatorServer, startCoordinatorServer } from '../../src/coordinator/server.js';

/**
 * A coordinator serving on the Unix socket `<dir>/<name>`, its store in `<dir>/<name>.store`, publishing files from
 * anywhere under `dir`. Throws when it cannot start.
 */
export async function serveCoordinator(
  dir: string,
  bearer: string,
  opts: { leaseMs: number; name?: string },
): Promise<CoordinatorServer> {
  const name = opts.name ?? 'sock';
  const started = await startCoordinatorServer({
    storeDir: join(dir, `${name}.store`),
    bearer,
    listen: { socketPath: join(dir, name) },
    leaseMs: opts.leaseMs,
    publishRoots: [dir],
  });
  if (!started.ok) throw new Error(started.error);
  return started.value;
}
