/** A job's content key: SHA-1 hex (40 lower-case characters) of its canonical record. Only src/ids mints them. */
export type JobKey = string & { __JobKeyBrand__: never };

/** A file's content digest: its git blob ID (SHA-1 hex of `blob <size>\0<bytes>`). */
export type FileDigest = string & { __FileDigestBrand__: never };

/** How an input file is recorded in a key. */
export type FileMode = 'regular' | 'executable' | 'symlink';
