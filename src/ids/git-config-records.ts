/**
 * The answer of `git config -z --get-regexp` (`<key>\n<value>\0`, or `<key>\0` for a key without a value), and
 * git's reading of a boolean, shared by every caller that reads settings that way.
 */

/**
 * Each key's last value, as git answers `--get` for it (keys lower-cased, as git prints them); undefined for a key
 * written without a value.
 */
export function parseConfigRecords(text: string): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const record of text.split('\0')) {
    if (record === '') continue;
    const nl = record.indexOf('\n');
    values.set(
      (nl < 0 ? record : record.slice(0, nl)).toLowerCase(),
      nl < 0 ? undefined : record.slice(nl + 1),
    );
  }
  return values;
}

/**
 * A value as git reads a boolean (git_parse_maybe_bool): none at all is true, `false`, `no`, `off`, `0` and the
 * empty string are false, anything else true (git would refuse a value it cannot read; erring towards true is
 * what every caller here wants: it turns on the slower, always correct path).
 */
export function gitBoolean(value: string | undefined): boolean {
  return value === undefined || !/^(false|no|off|0|)$/i.test(value.trim());
}
