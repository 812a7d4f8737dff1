import type { ObjectStore } from '../../../src/cache/remote/object-store.js';
import { ok } from '../../../src/util/result.js';

/** An ObjectStore in memory that has nothing and takes everything, with `parts` in place of its methods. */
export function fakeStore(parts: Partial<ObjectStore> = {}): ObjectStore {
  return {
    display: 'http://cache.example',
    redact: (t) => t,
    inlineArchives: true,
    getMetas: () => Promise.resolve(ok(new Map<string, Buffer>())),
    getBlob: () => Promise.resolve(ok(undefined)),
    getBlobWhole: () => Promise.resolve(ok(undefined)),
    getPart: () => Promise.resolve(ok(undefined)),
    put: () => Promise.resolve(ok(undefined)),
    close: () => undefined,
    ...parts,
  };
}
