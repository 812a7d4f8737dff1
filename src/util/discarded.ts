/**
 * What the name of a directory moved aside to be removed holds after its own name (see discardDir). A module of
 * its own: the record of a fully cached run passes over such directories without loading what removes them.
 */
export const DISCARDED = '.discard-';
