/** One measured figure. `ratio` compares `value` with a reference measured in the same run. */
export interface BenchRow {
  benchmark: string;
  measure: string;
  value: string;
  reference?: string;
  ratio?: number;
  target?: string;
  pass?: boolean;
}

export interface BenchContext {
  /** A scratch directory for this module, created empty. */
  workDir: string;
  /** Repository root (where dist/ lives). */
  root: string;
  log(message: string): void;
}

/** Median wall time in ms of `fn` over `runs` runs. */
export async function medianMs(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
