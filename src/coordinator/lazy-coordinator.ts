import type { JobKey } from '../ids/brands.js';
import type { Claim } from './job-coordinator.js';
import type { OpenedCoordinator } from './shared-coordinator.js';

/**
 * A coordinator joined (or started) on the first claim. Only a miss claims, so a run whose every job hits never
 * touches the coordinator: no socket, no server, no store to clear, nothing to wait for at exit. Every miss still
 * goes through it.
 */
export function openOnFirstClaim(open: () => Promise<OpenedCoordinator>): OpenedCoordinator {
  let opening: Promise<OpenedCoordinator> | undefined;
  let opened: OpenedCoordinator | undefined;
  const get = (): Promise<OpenedCoordinator> => (opening ??= open().then((c) => (opened = c)));
  return {
    // Jobs read it after their claim, by which time the coordinator is open.
    get env(): Readonly<Record<string, string>> {
      return opened?.env ?? {};
    },
    claim: async (key: JobKey): Promise<Claim> => (await get()).claim(key),
    close: async (opts?: { drain: boolean }): Promise<void> => {
      if (opening) await (await opening).close(opts);
    },
  };
}
