import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const util = fileURLToPath(new URL('../../../src/util/jit-tiers.ts', import.meta.url));

/** How a hot function ends up in a fresh Node, before and after stopOptimizingCompiler (V8's status bits). */
function hotFunctionStatus(stop: boolean): { optimized: boolean; stderr: string } {
  const program = `
    const { stopOptimizingCompiler } = await import(${JSON.stringify(util)});
    if (${stop}) await stopOptimizingCompiler();
    function hot(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 2; return s; }
    const arr = Array.from({ length: 1000 }, (_, i) => i);
    for (let k = 0; k < 20000; k++) hot(arr);
    // Bit 4: the function runs code of an optimizing tier (V8's OptimizationStatus::kOptimized).
    console.log((%GetOptimizationStatus(hot) & (1 << 4)) !== 0);
  `;
  const r = spawnSync(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', program],
    { encoding: 'utf8' },
  );
  expect(r.status, r.stderr).toBe(0);
  return { optimized: r.stdout.trim() === 'true', stderr: r.stderr };
}

describe('stopOptimizingCompiler', () => {
  it('leaves later hot code to the baseline tiers, and this Node knows the flag (no error printed)', () => {
    expect(hotFunctionStatus(false).optimized).toBe(true);
    const stopped = hotFunctionStatus(true);
    expect(stopped.optimized).toBe(false);
    expect(stopped.stderr).toBe('');
  });

  it('the launcher can be started with the flag on this Node', () => {
    // execFileSync throws on "bad option": the launcher would die at start and fail the commands sent to it.
    expect(() => execFileSync(process.execPath, ['--max-opt=1', '-e', '0'], { stdio: 'pipe' })).not.toThrow();
  });
});
