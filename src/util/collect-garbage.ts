import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Asks V8 for a full collection. Used once, after a large graph is decoded and validated: the decoded JSON tree
 * (hundreds of megabytes for 100,000 jobs) is garbage by then, and collecting it before keys are computed keeps
 * peak memory near the size of the graph itself rather than the sum of both. node:v8 is loaded only then: it
 * brings four of Node's internal modules that any other run does without.
 */
export async function collectGarbage(): Promise<void> {
  if (gc === undefined) {
    (await import('node:v8')).setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
