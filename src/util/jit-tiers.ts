/**
 * V8's optimizing compilers (TurboFan; Maglev, on by default since Node 22) off: what runs hot afterwards stays in
 * the interpreter and the baseline compiler (Sparkplug); code already optimized stays. The flags, not `--max-opt`:
 * Node 24 ignores a `--max-opt` set after start.
 */
export const WITHOUT_OPTIMIZING_COMPILERS = ['--no-turbofan', '--no-maglev'];

/**
 * Turns the optimizing compilers off for the rest of this process (WITHOUT_OPTIMIZING_COMPILERS).
 *
 * Why: a run that builds many jobs keeps both cores busy with their commands, and TurboFan compiles on a thread of
 * its own: at 1,000 jobs rebuilt, about a quarter of a second of CPU that the commands were waiting for, to speed
 * up code whose own time is mostly system calls. A warm run is the other way round (a fifth of a second, hot loops
 * over ten thousand inputs, one core free), so this is called only once a run knows it builds many jobs. node:v8 is
 * loaded only then.
 */
export async function stopOptimizingCompilers(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  for (const flag of WITHOUT_OPTIMIZING_COMPILERS) setFlagsFromString(flag);
}

/**
 * Lets V8's optimizing compilers compile only `fn`, for the rest of this process. For a process whose one hot
 * loop needs them and whose other code is warm but not hot: compiling that code costs more than it saves.
 * Matched by name, as V8 sees it in this process's own code.
 */
export async function optimizeOnly(fn: { name: string }): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString(`--turbo-filter=${fn.name}`);
  setFlagsFromString(`--maglev-filter=${fn.name}`);
}
