import { createHash } from 'node:crypto';

/** A job as tests describe it: deps by name, commands as argv arrays or cat commands. */
export interface JobSpec {
  name: string;
  inputs?: string[];
  deps?: string[];
  cmds: ({ exec: string[]; environ?: string[]; wd?: string } | { cat: string; to: string })[];
}

/** A producer's label for a job name: deterministic, 40 hex characters, unrelated to content. */
export function labelOf(name: string): string {
  return createHash('sha1').update(`label:${name}`).digest('hex');
}

/**
 * Writes a graph exactly as Go's encoding/json writes the model (so tests exercise the real wire format).
 * In commands, `<dep:NAME>` becomes the dependency's label in the chosen template spelling, and
 * `<out>` / `<src>` become the output and source directory variables.
 */
export function graphJson(jobs: JobSpec[], spelling: 'plain' | 'go' = 'plain'): string {
  const sub = (s: string): string =>
    s
      .replace(/<dep:([^>]+)>/g, (_, n: string) =>
        spelling === 'plain' ? `{{DEP:${labelOf(n)}}}` : `{{index .Deps "${labelOf(n)}"}}`,
      )
      .replace(/<out>/g, spelling === 'plain' ? '{{OUTPUT_DIR}}' : '{{.OutputDir}}')
      .replace(/<src>/g, spelling === 'plain' ? '{{SOURCE_DIR}}' : '{{.SourceDir}}');
  return JSON.stringify(
    {
      SourceFiles: null,
      Jobs: jobs.map((j) => ({
        ID: labelOf(j.name),
        Name: j.name,
        Inputs: j.inputs ?? null,
        Deps: j.deps ? j.deps.map(labelOf) : null,
        Cmds: j.cmds.map((c) =>
          'exec' in c
            ? {
                Exec: c.exec.map(sub),
                Environ: c.environ ? c.environ.map(sub) : null,
                WorkingDirectory: c.wd ? sub(c.wd) : '',
                CatTemplate: '',
                CatOutput: '',
              }
            : {
                Exec: null,
                Environ: null,
                WorkingDirectory: '',
                CatTemplate: sub(c.cat),
                CatOutput: sub(c.to),
              },
        ),
      })),
    },
    null,
    2,
  );
}
