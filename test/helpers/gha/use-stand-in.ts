import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type Azurite, startAzurite } from './azurite.js';
import { type CacheService, startCacheService } from './cache-service.js';

export interface StandIn {
  /** The stand-in service, over one Azurite for the whole file; stats and faults cleared before each test. */
  service: CacheService;
  /** A fresh temp directory for each test, removed after it. */
  root: string;
  /** Warnings the test's caches report; emptied before each test. */
  warnings: string[];
}

/**
 * Registers the hooks of a test file that talks to the stand-in GitHub cache service: Azurite and the service
 * for the file, a temp root per test, and the working directory put back after each (runners chdir). Call it at
 * the top of a `describe`; the object it returns is filled in by its hooks.
 */
export function useStandIn(tempPrefix: string): StandIn {
  let azurite: Azurite;
  const state = { warnings: [] } as unknown as StandIn;
  const startDir = process.cwd();
  beforeAll(async () => {
    azurite = await startAzurite();
    state.service = await startCacheService(azurite);
  });
  afterAll(async () => {
    await state.service.close();
    await azurite.stop();
  });
  beforeEach(async () => {
    state.root = await mkdtemp(join(tmpdir(), tempPrefix));
    state.warnings.length = 0;
    state.service.resetStats();
    state.service.clearFaults();
  });
  afterEach(async () => {
    process.chdir(startDir);
    await rm(state.root, { recursive: true, force: true });
  });
  return state;
}
