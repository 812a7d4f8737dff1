import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest directory above `dir` holding a disbuild.json: a run in a package's directory meant that one. */
export function configAbove(dir: string): string | undefined {
  for (let at = dirname(dir); at !== dir; dir = at, at = dirname(at)) {
    if (existsSync(join(at, 'disbuild.json'))) return at;
  }
  return undefined;
}
