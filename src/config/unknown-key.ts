import { nearName } from '../util/near-name.js';

/**
 * What an unknown key of disbuild.json is most likely meant to be: the same key in another case or number
 * (`output`, `Deps`), or what Turborepo calls it (`dependsOn`, `pipeline`), so that the message says what to write.
 */

/** Turborepo's names, where disbuild.json has a key of its own for the same thing. */
const TURBO_NAMES: Readonly<Record<string, string>> = {
  dependsOn: 'deps',
  pipeline: 'tasks',
};

/** Turborepo's top-level keys that `disbuild import turbo` translates into each task. */
const IMPORTED = new Set(['globalDependencies', 'globalEnv', 'globalPassThroughEnv']);

/** The message for `key`, unknown among `known`. */
export function unknownKeyMessage(key: string, known: ReadonlySet<string>): string {
  const turbo = TURBO_NAMES[key];
  if (turbo !== undefined && known.has(turbo))
    return `unknown key; did you mean "${turbo}" (Turborepo's ${key})?`;
  if (IMPORTED.has(key)) return `unknown key (Turborepo's; 'disbuild import turbo' translates a turbo.json)`;
  const near = nearName(key, known);
  if (near !== undefined) return `unknown key; did you mean "${near}"?`;
  return 'unknown key';
}
