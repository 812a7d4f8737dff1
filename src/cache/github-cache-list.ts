/**
 * Lists cache entries with the repository REST API (`GET /repos/{owner}/{repo}/actions/caches`), which needs a
 * token with `actions: read`. The cache service itself answers only "the newest entry for a prefix"; the list
 * lets a reader find index entries that a concurrent writer's newer index shadowed.
 */
export interface ListOptions {
  env: NodeJS.ProcessEnv;
  /** A token with `actions: read` (the Action's `github-token` input); none: listing is off. */
  token: string | undefined;
  timeoutMs?: number;
}

/** Keys of the newest entries of `ref` whose key starts with `prefix`, newest first; undefined when not allowed. */
export async function listEntryKeys(
  prefix: string,
  ref: string,
  count: number,
  o: ListOptions,
): Promise<string[] | undefined> {
  const api = o.env.GITHUB_API_URL;
  const repo = o.env.GITHUB_REPOSITORY;
  if (!o.token || !api || !repo) return undefined;
  const url = new URL(`${api.replace(/\/+$/, '')}/repos/${repo}/actions/caches`);
  for (const [k, v] of Object.entries({
    key: prefix,
    ref,
    sort: 'created_at',
    direction: 'desc',
    per_page: String(Math.min(100, count)),
  }))
    url.searchParams.set(k, v);
  try {
    const res = await fetch(url, {
      headers: {
        authorization: `Bearer ${o.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'user-agent': 'disbuild',
      },
      signal: AbortSignal.timeout(o.timeoutMs ?? 20_000),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return undefined;
    }
    const body = (await res.json()) as { actions_caches?: { key?: unknown }[] };
    return (body.actions_caches ?? [])
      .map((c) => c.key)
      .filter((k): k is string => typeof k === 'string' && k.startsWith(prefix));
  } catch {
    return undefined;
  }
}
