import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const util = fileURLToPath(new URL('../../../src/util/jit-tiers.ts', import.meta.url));

/**
 * Whether two hot functions end up optimized in a fresh Node, after `setUp` (V8's status bits): `[hot, other]`.
 */
function hotFunctionStatus(setUp: string): { optimized: boolean[]; stderr: string } {
  const program = `
    const { stopOptimizingCompiler, optimizeOnly } = await import(${JSON.stringify(util)});
    function hot(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 2; return s; }
    function other(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 3; return s; }
    ${setUp}
    const arr = Array.from({ length: 1000 }, (_, i) => i);
    for (let k = 0; k < 20000; k++) hot(arr) + other(arr);
    // Bit 4: the function runs code of an optimizing tier (V8's OptimizationStatus::kOptimized).
    const optimized = (f) => (%GetOptimizationStatus(f) & (1 << 4)) !== 0;
    console.log(JSON.stringify([optimized(hot), optimized(other)]));
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
  it('stopOptimizingCompiler leaves later hot code to the baseline tiers; this Node knows the flag', () => {
    expect(hotFunctionStatus('').optimized).toEqual([true, true]);
    const stopped = hotFunctionStatus('await stopOptimizingCompiler();');
    expect(stopped.optimized).toEqual([false, false]);
    expect(stopped.stderr).toBe('');
  });

  it('optimizeOnly lets the optimizing compiler have that function alone', () => {
    const only = hotFunctionStatus('await optimizeOnly(hot);');
    expect(only.optimized).toEqual([true, false]);
    expect(only.stderr).toBe('');
  });

  it('the launcher can be started with the flag on this Node', () => {
    // execFileSync throws on "bad option": the launcher would die at start and fail the commands sent to it.
    expect(() => execFileSync(process.execPath, ['--max-opt=1', '-e', '0'], { stdio: 'pipe' })).not.toThrow();
  });
});
