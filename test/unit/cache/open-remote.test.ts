import { describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/cache/remote/http-client.js';
import { parseRemoteCacheOptions } from '../../../src/cache/remote/open-remote.js';

const names = { url: '--cache-url', mode: '--cache-mode' };
const parse = (url: string): ReturnType<typeof parseRemoteCacheOptions> =>
  parseRemoteCacheOptions({ kind: 'http', url }, names, {}, 'read-write');

describe('a cache URL that cannot be used', () => {
  it('is quoted without its user information, whatever the password holds', () => {
    for (const url of [
      'http://ci:pa/ss-SECRET@127.0.0.1:1/',
      'http://ci:pa?ss-SECRET@127.0.0.1:1/',
      'http://ci:pa#ss-SECRET@127.0.0.1:1/',
      'ftp://ci:SECRET@127.0.0.1/',
    ]) {
      const r = parse(url);
      expect(r.ok, url).toBe(false);
      if (r.ok) continue;
      expect(r.error).not.toContain('SECRET');
      expect(r.error).toMatch(
        /^--cache-url must be an http or https URL, got "[a-z]+:\/\/\*\*\*@127\.0\.0\.1/,
      );
    }
  });

  it("is quoted without its query's values or its fragment, which may be a signature or a token", () => {
    // Before: quoted whole, `?sig=SECRETSIG123` included.
    for (const url of [
      'http://127.0.0.1:1/c?sig=SECRETSIG123#x',
      'ftp://127.0.0.1/c?v=1&sig=SECRETSIG123',
      'http://127.0.0.1:99999/?SECRETSIG123',
      'http://127.0.0.1:1/c#SECRETSIG123',
    ]) {
      const r = parse(url);
      expect(r.ok, url).toBe(false);
      if (!r.ok) expect(r.error).not.toContain('SECRET');
    }
    const r = parse('ftp://127.0.0.1/c?v=1&sig=SECRETSIG123');
    expect(r.ok ? '' : r.error).toContain('"ftp://127.0.0.1/c?v=***&sig=***"');
  });

  it('is refused with a fragment: a password of digits and a #, not encoded, parsed as a port and a fragment', () => {
    const r = parse('http://ci:4242#S3cretTail@127.0.0.1:9/');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).not.toContain('S3cret');
      expect(r.error).toMatch(/percent-encode/);
    }
    expect(parse('http://ci:p%23w%2Fd@127.0.0.1:9/cache').ok).toBe(true);
  });
});

describe('a cache URL with a % that starts no escape in its user information', () => {
  it('is refused, saying to write it as %25, never quoting the password', () => {
    // Before: accepted; opening the cache then threw "URI malformed", and the run, or every push, failed.
    const r = parse('http://u:50%offS3cret@127.0.0.1:1/c');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).not.toContain('S3cret');
      expect(r.error).toMatch(
        /has a '%' in its user or password that is no escape of UTF-8 text: write a % itself as %25/,
      );
    }
    // An escape of a byte that is no UTF-8 text cannot be sent either.
    expect(parse('http://u:p%e9@127.0.0.1:1/c').ok).toBe(false);
    expect(parse('http://u:p%C3%A9@127.0.0.1:1/c').ok).toBe(true);
    expect(parse('http://u:50%25offS3cret@127.0.0.1:1/c').ok).toBe(true);
  });

  it('is taken with a token, which is sent instead of the user information, and keeps the password out of messages', () => {
    // Before: refused, although the password is never sent when a token is.
    const url = 'http://u:50%offS3cret@127.0.0.1:1/c';
    const r = parseRemoteCacheOptions({ kind: 'http', url, token: 'tok-123456' }, names, {}, 'read-write');
    expect(r.ok).toBe(true);
    const client = new HttpClient({ url, token: 'tok-123456', idleTimeoutMs: 1000, maxSockets: 1 });
    expect(client.redact(`failed: ${url} 50%offS3cret tok-123456`)).not.toMatch(/S3cret|tok-123456/);
    client.close();
  });
});

describe('time-outs of a remote cache', () => {
  it('are refused past what a timer can wait, rather than turned into 1 ms', () => {
    // Before: accepted; Node fired the timers after 1 ms, so every lookup timed out and no upload was waited for.
    const withEnv = (env: NodeJS.ProcessEnv) =>
      parseRemoteCacheOptions({ kind: 'http', url: 'http://127.0.0.1:1/' }, names, env, 'read-write');
    for (const name of ['DISBUILD_CACHE_TIMEOUT', 'DISBUILD_CACHE_UPLOAD_WAIT']) {
      const r = withEnv({ [name]: '3000000' });
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error).toBe(`${name} must be at most 2147483 seconds (about 24 days), got "3000000"`);
      expect(withEnv({ [name]: '2147483' }).ok).toBe(true);
    }
  });
});

describe('a cache URL with an @ past its host', () => {
  it('is refused, never quoting what precedes the @: a password with / or ? not encoded ends where its host seems to be', () => {
    for (const url of [
      'http://ci:4242/S3cretTail@127.0.0.1:9/',
      'http://ci:4242?S3cretTail@127.0.0.1:9/',
      'http://ghp_S3cret/Tail@127.0.0.1:9/',
      'https://cache.example.com/artifacts/@myorg/',
      'https://h/c?sig=abc@def',
    ]) {
      const r = parse(url);
      expect(r.ok, url).toBe(false);
      if (!r.ok) {
        expect(r.error, url).not.toMatch(/S3cret|4242|ci:|ghp_/);
        expect(r.error, url).toMatch(/has an '@' after its host: percent-encode/);
      }
    }
    // Encoded, each is what it says.
    for (const url of [
      'http://ci:4242%2FS3cretTail@127.0.0.1:9/',
      'https://cache.example.com/artifacts/%40myorg/',
      'https://h/c?sig=abc%40def',
    ]) {
      expect(parse(url).ok, url).toBe(true);
    }
    expect(new HttpClient({ url: 'https://h:8443/cache/', idleTimeoutMs: 1000, maxSockets: 1 }).display).toBe(
      'https://h:8443/cache',
    );
  });

  it('keeps a query given with the URL out of messages: a server may take its token there', () => {
    // Before: the query was shown whole in every warning naming the server.
    const c = new HttpClient({
      url: 'https://h/cache/?token=S3cretQ%2Bvalue&v=1',
      idleTimeoutMs: 1000,
      maxSockets: 1,
    });
    expect(c.display).toBe('https://h/cache?…');
    const said = c.redact(
      'GET /cache/ac/k?token=S3cretQ%2Bvalue&v=1 failed; token=S3cretQ%2Bvalue; S3cretQ+value; v=1',
    );
    expect(said).not.toMatch(/S3cretQ/);
    expect(said).toContain('v=1');
    expect(new HttpClient({ url: 'https://h/', idleTimeoutMs: 1000, maxSockets: 1 }).display).toBe(
      'https://h',
    );
  });
});
