/**
 * "exit code N" when a failed job's message does not say it already ("exited with code 3"), and it has one (not a
 * job killed by a signal, or one that never started): for the places that name a failure, so that each says it
 * once.
 */
export function exitCodeToSay(exitCode: number | null, message: string | undefined): string | undefined {
  if (exitCode === null || (message !== undefined && /\bcode \d/.test(message))) return undefined;
  return `exit code ${String(exitCode)}`;
}
