/**
 * undici's connection pool with its `request` method, loaded without the rest of the package: `import 'undici'`
 * also loads fetch, WebSocket, the mock agents and the caches, about 900 kB that every run with a remote cache
 * (and its upload process) would parse for nothing. This is what undici's own entry does for `Pool`.
 */
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import api from 'undici/lib/api/index.js';
import PoolImpl from 'undici/lib/dispatcher/pool.js';

let ready = false;

export type Pool = import('undici').Pool;

export function newPool(origin: string, options: import('undici').Pool.Options): Pool {
  if (!ready) {
    Object.assign(Dispatcher.prototype, api);
    ready = true;
  }
  return new PoolImpl(origin, options);
}
