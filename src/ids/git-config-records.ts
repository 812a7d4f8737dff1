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
 * A value as git reads a boolean (git_parse_maybe_bool, then as an integer): none at all is true; `true`, `yes`,
 * `on` true and `false`, `no`, `off` and the empty string false, in any case; else an integer (decimal, `0x` hex or
 * `0` octal, with a sign and a `k`, `m` or `g` unit) is true unless zero: `00`, `+0`, `0x0` and `0k` are false.
 * A value git cannot read (it refuses it) counts as true.
 */
export function gitBoolean(value: string | undefined): boolean {
  if (value === undefined) return true;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'yes' || v === 'on') return true;
  if (v === 'false' || v === 'no' || v === 'off' || v === '') return false;
  const n = /^[+-]?(?:0x([0-9a-f]+)|(0[0-7]*)|([1-9][0-9]*))[kmg]?$/.exec(v);
  if (n === null) return true;
  return !/^0+$/.test(n[1] ?? n[2] ?? n[3]!);
}
