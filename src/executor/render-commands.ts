import { isAbsolute, join, relative } from 'node:path';
import type { Job, JobLabel } from '../graph/model.js';
import { renderTemplate } from '../graph/template.js';
import type { RenderedCmd } from './run-command.js';

/** Whether `path` lies strictly inside `dir`. */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Substitutes every template variable of a job's commands. */
export function renderCommands(
  job: Job,
  dirs: { outputDir: string; sourceDir: string; depDirs: ReadonlyMap<JobLabel, string> },
): RenderedCmd[] {
  const vars = {
    outputDir: dirs.outputDir,
    sourceDir: dirs.sourceDir,
    depDir: (label: JobLabel) => dirs.depDirs.get(label)!,
  };
  const r = (t: Parameters<typeof renderTemplate>[0]): string => renderTemplate(t, vars);
  return job.cmds.map((cmd): RenderedCmd => {
    if (cmd.kind === 'cat') {
      const path = r(cmd.catOutput);
      return {
        kind: 'cat',
        content: r(cmd.catTemplate),
        path: isAbsolute(path) ? path : join(dirs.sourceDir, path),
      };
    }
    const wd = r(cmd.workingDirectory);
    return {
      kind: 'exec',
      argv: cmd.exec.map(r),
      environ: cmd.environ.map(r),
      cwd: wd === '' ? dirs.sourceDir : isAbsolute(wd) ? wd : join(dirs.sourceDir, wd),
    };
  });
}
