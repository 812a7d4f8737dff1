import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile, chown } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A cache server started for a test on 127.0.0.1. */
export interface CacheServer {
  url: string;
  /** Where the server keeps what it stores: tests read it to see what was uploaded. */
  storeDir: string;
  /** Number of stored files (records and blobs). */
  storedFiles(): Promise<number>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function waitForPort(
  port: number,
  child: ChildProcess,
  what: string,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode} at start:\n${log()}`);
    const up = await new Promise<boolean>((r) => {
      const c = connect(port, '127.0.0.1', () => {
        c.destroy();
        r(true);
      });
      c.on('error', () => r(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`${what} did not listen on 127.0.0.1:${port} within 15 s:\n${log()}`);
}

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) n += await countFiles(join(dir, e.name));
    else if (e.isFile()) n++;
  }
  return n;
}

function nginxBinary(): string {
  for (const p of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (spawnSync(p, ['-v']).status === 0) return p;
  }
  throw new Error(
    'nginx is not installed: the remote cache tests need it (apt-get install nginx-light; .ci/run installs it)',
  );
}

/**
 * nginx with WebDAV as a Bazel HTTP cache, with a private config, prefix and pid file. As root, its workers
 * run as `nobody`: the store and the body temp directory are handed to that user.
 */
export async function startNginx(
  opts: { bearer?: string; basic?: { user: string; pass: string }; tls?: { cert: string; key: string } } = {},
): Promise<CacheServer> {
  const bin = nginxBinary();
  const dir = await mkdtemp(join(tmpdir(), 'disbuild-nginx-'));
  const storeDir = join(dir, 'store');
  await mkdir(storeDir);
  await mkdir(join(dir, 'body'));
  await mkdir(join(dir, 'logs'));
  if (process.getuid?.() === 0) {
    for (const d of [dir, storeDir, join(dir, 'body')]) await chown(d, 65534, 65534);
  }
  let auth = '';
  if (opts.bearer) auth = `if ($http_authorization != "Bearer ${opts.bearer}") { return 401; }`;
  if (opts.basic) {
    await writeFile(join(dir, 'htpasswd'), `${opts.basic.user}:{PLAIN}${opts.basic.pass}\n`, { mode: 0o644 });
    auth = `auth_basic "cache"; auth_basic_user_file ${join(dir, 'htpasswd')};`;
  }
  const port = await freePort();
  await writeFile(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs/error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'body')};
  fastcgi_temp_path ${join(dir, 'body')};
  uwsgi_temp_path ${join(dir, 'body')};
  scgi_temp_path ${join(dir, 'body')};
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${port}${opts.tls ? ' ssl' : ''};
    ${opts.tls ? `ssl_certificate ${opts.tls.cert}; ssl_certificate_key ${opts.tls.key};` : ''}
    root ${storeDir};
    location / {
      ${auth}
      dav_methods PUT DELETE;
      create_full_put_path on;
      dav_access user:rw group:r all:r;
      client_max_body_size 0;
    }
  }
}
`,
  );
  let log = '';
  const child = spawn(bin, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  await waitForPort(port, child, 'nginx', () => log);
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    storeDir,
    storedFiles: () => countFiles(storeDir),
    stop: async () => {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** turborepo-remote-cache (npm) with local storage and a token; it has no batch existence query. */
export async function startTurboServer(token: string): Promise<CacheServer> {
  const cli = resolve(import.meta.dirname, '../../../node_modules/turborepo-remote-cache/dist/cli.js');
  if (!(await stat(cli).catch(() => undefined))) {
    throw new Error('turborepo-remote-cache is not installed: run npm install (it is a devDependency)');
  }
  const dir = await mkdtemp(join(tmpdir(), 'disbuild-turbo-'));
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [cli], {
    env: {
      PATH: process.env.PATH,
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: dir,
      TURBO_TOKEN: token,
      PORT: String(port),
      HOST: '127.0.0.1',
      STORAGE_PATH_USE_TMP_FOLDER: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  await waitForPort(port, child, 'turborepo-remote-cache', () => log);
  return {
    url: `http://127.0.0.1:${port}`,
    storeDir: dir,
    storedFiles: () => countFiles(dir),
    stop: async () => {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
