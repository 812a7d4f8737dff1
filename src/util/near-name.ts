/** The name among `known` that `name` is most likely meant to be: the same in another case or number (`output`). */
export function nearName(name: string, known: Iterable<string>): string | undefined {
  const folded = name.toLowerCase();
  for (const k of known) {
    const other = k.toLowerCase();
    if (other === folded || other === `${folded}s` || `${other}s` === folded) return k;
  }
  return undefined;
}
