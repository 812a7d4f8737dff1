/** The largest delay a timer takes as given (Node clamps longer ones to 1 ms). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A number of milliseconds from the environment variable `name`: a whole number from `min` to the longest timer,
 * written in digits alone; anything else (unset, empty, signs, units, too large) is undefined, so the default
 * applies.
 */
export function envMs(env: NodeJS.ProcessEnv, name: string, min = 0): number | undefined {
  const set = env[name];
  if (set === undefined || !/^[0-9]+$/.test(set)) return undefined;
  const ms = Number(set);
  return ms >= min && ms <= MAX_TIMER_MS ? ms : undefined;
}
