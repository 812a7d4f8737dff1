import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * Records as a writer with access to a Bazel HTTP cache could store them: well-formed, every digest right, and
 * whatever paths and links the writer likes (see src/cache/remote/remote-record.ts for the format).
 */
const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** Where the record of `key` is stored: `<cache-url>/ac/<recordName(key)>`. */
export const recordName = (key: string): string => sha256(`disbuild-remote-v3\0${key}`);

export interface ForgedEntry {
  path: string;
  type: 'dir' | 'file' | 'symlink';
  mode: number;
  size: number;
  sha256: string;
  target?: string;
  content?: Buffer;
}

export const dirEntry = (path: string): ForgedEntry => ({
  path,
  type: 'dir',
  mode: 0o755,
  size: 0,
  sha256: '',
});

export const fileEntry = (path: string, content: string): ForgedEntry => {
  const bytes = Buffer.from(content);
  return { path, type: 'file', mode: 0o644, size: bytes.length, sha256: sha256(bytes), content: bytes };
};

export const linkEntry = (path: string, target: string): ForgedEntry => ({
  path,
  type: 'symlink',
  mode: 0o777,
  size: target.length,
  sha256: sha256(target),
  target,
});

/**
 * A record of `key` holding `entries`, its archive inside it (as small archives travel); with `gzip`, compressed
 * (a small archive of large files, which a restore unpacks as it streams in). `manifest` changes the manifest
 * as written: a writer need not follow the format.
 */
export function forgedRecord(
  key: string,
  entries: readonly ForgedEntry[],
  o: { gzip?: true; manifest?: (m: Record<string, unknown>) => void } = {},
): Buffer {
  const contents = Buffer.concat(entries.flatMap((e) => (e.content ? [e.content] : [])));
  const archive = o.gzip ? gzipSync(contents) : contents;
  const encoding = o.gzip ? 'gzip' : 'identity';
  const record = {
    version: 3,
    key,
    archive: { sha256: sha256(archive), size: archive.length, encoding, inline: true },
    manifest: {
      version: 1,
      key,
      durationMs: 1,
      stdoutSha256: sha256(''),
      stderrSha256: sha256(''),
      entries: entries.map(({ content: _content, ...e }) => e),
    },
    stdout: '',
    stderr: '',
  };
  o.manifest?.(record.manifest);
  return Buffer.concat([Buffer.from(`${JSON.stringify(record)}\n`), archive]);
}
