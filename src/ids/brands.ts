/** A job's content key: SHA-1 hex (40 lower-case characters) of its canonical record. Only src/ids mints them. */
export type JobKey = string & { __JobKeyBrand__: never };

/** A file's content digest: its git blob ID (SHA-1 hex of `blob <size>\0<bytes>`). */
export type FileDigest = string & { __FileDigestBrand__: never };

/** The mode a key records of an input: that of the file reading it yields (links followed), by the owner's x bit. */
export type FileMode = 'regular' | 'executable';
