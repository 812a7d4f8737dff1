/**
 * Stops V8 from optimizing any more functions with its optimizing compiler (TurboFan), for the rest of the
 * process: code already optimized stays, the rest runs in the interpreter and the baseline compiler.
 *
 * Why: a run that builds many jobs keeps both cores busy with their commands, and TurboFan compiles on a thread of
 * its own: at 1,000 jobs rebuilt, about a quarter of a second of CPU that the commands were waiting for, to speed
 * up code whose own time is mostly system calls. A warm run is the other way round (a fifth of a second, hot loops
 * over ten thousand inputs, one core free), so this is called only once a run knows it builds many jobs. node:v8 is
 * loaded only then.
 */
export async function stopOptimizingCompiler(): Promise<void> {
  try {
    (await import('node:v8')).setFlagsFromString('--max-opt=1');
  } catch {
    // A runtime without that flag optimizes as it did: only slower.
  }
}

/**
 * Lets V8's optimizing compiler (TurboFan) compile only `fn`, for the rest of the process. For a process whose one
 * hot loop needs it and whose other code is warm but not hot: compiling that code costs more than it saves.
 * Matched by name, as V8 sees it in this process's own code.
 */
export async function optimizeOnly(fn: { name: string }): Promise<void> {
  (await import('node:v8')).setFlagsFromString(`--turbo-filter=${fn.name}`);
}
