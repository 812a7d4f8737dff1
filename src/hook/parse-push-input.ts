/** One line of what git writes to a pre-push hook's stdin. */
export interface PushedRef {
  localRef: string;
  localSha: string;
  remoteRef: string;
  remoteSha: string;
}

const ZERO = /^0+$/;

/** A deletion pushes nothing to build (`(delete)` with an all-zero local sha). */
export const isDeletion = (r: PushedRef): boolean => ZERO.test(r.localSha);
/** A new remote branch has an all-zero remote sha. */
export const isNewBranch = (r: PushedRef): boolean => ZERO.test(r.remoteSha);

/**
 * Parses `<local ref> SP <local sha> SP <remote ref> SP <remote sha> LF` lines, from the right: the local ref is
 * written as the user typed it, and may hold spaces (`HEAD^{/fix bug}`); a remote ref never does. Blank lines are
 * ignored; a malformed line is an error that quotes it, so a future git format change fails loudly, not silently.
 */
export function parsePushInput(text: string): { refs: PushedRef[]; errors: string[] } {
  const refs: PushedRef[] = [];
  const errors: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const parts = trimmed.split(' ');
    const [localSha, remoteRef, remoteSha] = parts.slice(-3);
    const localRef = parts.slice(0, -3).join(' ');
    const sha = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
    if (parts.length < 4 || localRef === '' || !sha.test(localSha ?? '') || !sha.test(remoteSha ?? '')) {
      errors.push(`unexpected pre-push input line ${JSON.stringify(line)}`);
      continue;
    }
    refs.push({ localRef, localSha: localSha!, remoteRef: remoteRef!, remoteSha: remoteSha! });
  }
  return { refs, errors };
}
