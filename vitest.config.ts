import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/helpers/global-setup.ts'],
    // Two files at a time even on two cores (vitest's default there is one): most of a file's time is spent
    // waiting for the processes and servers it starts. The test that measures a speed-up runs on its own
    // afterwards (see the `test` script in package.json).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    minWorkers: 1,
  },
});
