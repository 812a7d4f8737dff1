import { gitText } from '../ids/git-command.js';

/**
 * The configured remote git pushes to, by name: git hands the hook the URL itself as the remote's name when a push
 * names a URL (`git push git@host:repo.git b`), and the remote's branches (`refs/remotes/<name>/…`, where a new
 * branch finds its base) are under the name of the remote with that URL. `given` when it is a remote's name, or no
 * remote has that URL.
 */
export async function remoteName(repoDir: string, given: string): Promise<string> {
  const r = await gitText(repoDir, ['config', '-z', '--get-regexp', '^remote\\..*\\.(url|pushurl)$']);
  if (!r.ok) return given;
  let named: string | undefined;
  // `<key>\n<value>\0` each; a remote's name (the key's middle part) keeps its case.
  for (const record of r.value.split('\0')) {
    const nl = record.indexOf('\n');
    if (nl < 0) continue;
    const key = record.slice(0, nl);
    const name = key.slice('remote.'.length, key.lastIndexOf('.'));
    if (name === given) return given;
    if (record.slice(nl + 1) === given) named ??= name;
  }
  return named ?? given;
}
