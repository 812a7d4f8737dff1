import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Asks V8 for a full collection. Used once, after a large graph is decoded and validated: the decoded JSON tree
 * (hundreds of megabytes for 100,000 jobs) is garbage by then, and collecting it before keys are computed keeps
 * peak memory near the size of the graph itself rather than the sum of both.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
