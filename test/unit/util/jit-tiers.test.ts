import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WITHOUT_OPTIMIZING_COMPILERS } from '../../../src/util/jit-tiers.js';

const util = fileURLToPath(new URL('../../../src/util/jit-tiers.ts', import.meta.url));

/**
 * Two functions made hot, then whether each runs code of an optimizing tier, printed as `[hot, other]` (bit 4 of
 * V8's OptimizationStatus, kOptimized: TurboFan or Maglev).
 */
const HOT_LOOP = `
  const arr = Array.from({ length: 1000 }, (_, i) => i);
  for (let k = 0; k < 20000; k++) hot(arr) + other(arr);
  const optimized = (f) => (%GetOptimizationStatus(f) & (1 << 4)) !== 0;
  console.log(JSON.stringify([optimized(hot), optimized(other)]));
`;
const FUNCTIONS = `
  function hot(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 2; return s; }
  function other(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 3; return s; }
`;

/** `[hot, other]` optimized or not in a fresh Node, after `setUp` (which may use this module's exports). */
function afterSetUp(setUp: string): { optimized: boolean[]; stderr: string } {
  const program = `
    const { stopOptimizingCompilers, optimizeOnly } = await import(${JSON.stringify(util)});
    ${FUNCTIONS}
    ${setUp}
    ${HOT_LOOP}
  `;
  const r = spawnSync(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', program],
    { encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return { optimized: JSON.parse(r.stdout) as boolean[], stderr: r.stderr };
}

describe('jit tiers', () => {
  it('stopOptimizingCompilers leaves later hot code to the baseline tiers; this Node knows the flags', () => {
    expect(afterSetUp('').optimized).toEqual([true, true]);
    // An unknown flag set at run time is not an exception: V8 prints an error and goes on optimizing.
    expect(afterSetUp('await stopOptimizingCompilers();')).toEqual({ optimized: [false, false], stderr: '' });
  });

  it('optimizeOnly lets the optimizing compilers have that function alone', () => {
    expect(afterSetUp('await optimizeOnly(hot);')).toEqual({ optimized: [true, false], stderr: '' });
  });

  it('a process started with WITHOUT_OPTIMIZING_COMPILERS (the launcher) starts, and optimizes nothing', () => {
    // A "bad option" would end the launcher at its start and fail the commands sent to it.
    const r = spawnSync(
      process.execPath,
      [...WITHOUT_OPTIMIZING_COMPILERS, '--allow-natives-syntax', '-e', FUNCTIONS + HOT_LOOP],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([false, false]);
  });
});
