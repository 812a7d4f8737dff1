import { backgroundDone } from '../util/background.js';

/**
 * Ends the step now, once the clean-ups left in the background are done. The toolkit's HTTP clients (and a
 * coordinator's keep-alive sockets) can leave handles open that would keep node alive long after the work is done;
 * the exit code set by `core.setFailed` is kept.
 */
export async function forceExit(): Promise<never> {
  await backgroundDone();
  process.exit();
}
